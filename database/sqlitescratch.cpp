#include "database/sqlitescratch.h"

#include <QFileInfo>
#include <QSqlError>
#include <QSqlQuery>

namespace tt {

Result<void> copySqliteDatabase(const QSqlDatabase &source, const QString &targetPath)
{
    if (QFileInfo::exists(targetPath))
        return fail(Reason::InvalidInput, QStringLiteral("%1 exists already").arg(targetPath));
    QSqlQuery q(source);
    if (!q.prepare(QStringLiteral("VACUUM INTO ?")))
        return fail(Reason::DatabaseError, QStringLiteral("Cannot copy the database: %1").arg(q.lastError().text()));
    q.addBindValue(targetPath);
    if (!q.exec())
        return fail(Reason::DatabaseError, QStringLiteral("Cannot copy the database: %1").arg(q.lastError().text()));
    return {};
}

} // namespace tt
