#include "database/sqlerror.h"

#include <QLoggingCategory>
#include <QSqlError>
#include <QSqlQuery>

namespace tt {

Q_LOGGING_CATEGORY(lcDb, "tt.db")

Error databaseError(const QString &what, const QSqlError &error)
{
    QString detail = error.databaseText();
    if (detail.isEmpty())
        detail = error.text();
    qCWarning(lcDb) << what << "failed:" << detail << error.nativeErrorCode();
    return Error{Reason::DatabaseError, QStringLiteral("Database error while %1: %2").arg(what, detail)};
}

Error databaseError(const QString &what, const QSqlQuery &query)
{
    return databaseError(what, query.lastError());
}

Result<void> execQuery(QSqlQuery &query, const QString &what)
{
    if (!query.exec())
        return std::unexpected(databaseError(what, query));
    return {};
}

} // namespace tt
