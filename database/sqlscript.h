#pragma once

#include <QString>
#include <QStringList>

namespace tt {

// Splits an SQL script into single statements at top-level ';', honouring quotes, comments,
// PostgreSQL dollar quoting and SQLite's CREATE TRIGGER … BEGIN … END blocks. Empty statements
// and comments are dropped.
QStringList splitSqlScript(const QString &script);

} // namespace tt
