#pragma once

#include <QDateTime>
#include <QList>
#include <QString>

#include <optional>

#include "core/command.h"
#include "core/error.h"
#include "core/role.h"
#include "database/transactionguard.h"

namespace tt {

class Clock;
class StatementCache;
class HistoryRepository;

struct UserInfo
{
    QString username;
    Role role = Role::Dispatcher;
    QString area;
    bool enabled = true;
    int failedLogins = 0;
    std::optional<QDateTime> lockedUntil;
    QDateTime createdAt;
};

// Users, passwords and logins of the embedded database (BRIEF §3.5). Every change and every
// login attempt writes an audit record in the same transaction.
class AccountService
{
public:
    AccountService(StatementCache &sql, const Clock &clock);

    // Checks the password and the lockout; returns the actor. Unknown users, wrong passwords
    // and disabled accounts answer BadCredentials with the same message after the same work;
    // AccountLocked while locked (5 failures → 15 minutes).
    Result<Actor> login(const QString &username, const QString &password, const QString &station);

    // The first admin, only on a database without users.
    Result<void> initAdmin(const QString &username, const QString &password, const QString &station);
    Result<bool> hasUsers();

    // Admin operations: the actor must be an admin.
    Result<void> addUser(const Actor &actor, const QString &station, const QString &username,
                         const QString &password, Role role, const QString &area);
    Result<void> setRole(const Actor &actor, const QString &station, const QString &username, Role role);
    Result<void> setEnabled(const Actor &actor, const QString &station, const QString &username, bool enabled);
    Result<void> unlock(const Actor &actor, const QString &station, const QString &username);
    // An admin sets anyone's password; others only their own.
    Result<void> setPassword(const Actor &actor, const QString &station, const QString &username,
                             const QString &password);
    Result<QList<UserInfo>> list();
    Result<std::optional<UserInfo>> find(const QString &username);

private:
    // An admin's change to one user: the permission checked, the transaction open, the user found.
    struct AdminChange
    {
        TransactionGuard tx;
        UserInfo user;
    };
    Result<AdminChange> beginAdminChange(const Actor &actor, const QString &username);

    Result<void> audit(const QString &actor, const QString &station, const QString &action,
                       const QString &target, const QJsonObject &before, const QJsonObject &after);
    Result<int> activeAdmins();
    Result<qint64> areaId(const QString &area);

    StatementCache &m_sql;
    const Clock &m_clock;
};

} // namespace tt
