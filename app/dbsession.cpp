#include "app/dbsession.h"

#include "database/accountservice.h"

namespace tt {

Result<Actor> DbSession::login(const QString &user, const QString &password, const QString &onStation,
                               const QString &code)
{
    if (synced)
        return synced->login(user, password, onStation, code);
    return AccountService(store->statements(), store->clock()).login(user, password, onStation, code);
}

} // namespace tt
