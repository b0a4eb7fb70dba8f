#pragma once

#include <QSqlDatabase>
#include <QString>

#include "core/error.h"

namespace tt {

// A consistent copy of an open embedded database (VACUUM INTO), for dry runs: an import runs
// against the copy with the real store and rules, and the copy is thrown away. The target must
// not exist. Takes time and disk space proportional to the database.
Result<void> copySqliteDatabase(const QSqlDatabase &source, const QString &targetPath);

} // namespace tt
