#pragma once

#include "core/error.h"

class QSqlError;
class QSqlQuery;

namespace tt {

// A database failure as a user-facing Error (Reason::DatabaseError) naming what was attempted.
Error databaseError(const QString &what, const QSqlError &error);
Error databaseError(const QString &what, const QSqlQuery &query);

// Runs a prepared query; on failure returns the error (the query keeps its bound values).
Result<void> execQuery(QSqlQuery &query, const QString &what);

} // namespace tt
