#include "app/dbsession.h"

#include "database/accountservice.h"

#include <QCoreApplication>

namespace tt {

Result<Actor> DbSession::login(const QString &user, const QString &password,
                               const QString &onStation, const QString &code)
{
    if (synced)
        return synced->login(user, password, onStation, code);
    return AccountService(store->statements(), store->clock())
        .login(user, password, onStation, code);
}

Error DbSession::centralUnreachable(const QString &detail)
{
    QString message = QCoreApplication::translate(
        "tt::DbSession",
        "This needs the central database; it is unreachable. Nothing was changed.");
    if (!detail.isEmpty())
        message += QStringLiteral(" (%1)").arg(detail.trimmed());
    return Error{Reason::DatabaseError, message};
}

} // namespace tt
