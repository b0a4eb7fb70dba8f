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
struct StoredCredentials;

struct UserInfo
{
    QString username;
    Role role = Role::Dispatcher;
    QString area;
    bool enabled = true;
    int failedLogins = 0;
    std::optional<QDateTime> lockedUntil;
    QDateTime createdAt;
    bool totpEnabled = false; // logins need a one-time code
};

// A second factor being set up: the secret for the authenticator app, as text and as the URI a
// QR code carries.
struct TotpEnrolment
{
    QString secretBase32;
    QString uri;
};

// Users, passwords and logins of the embedded database (BRIEF §3.5). Every change and every
// login attempt writes an audit record in the same transaction.
class AccountService
{
public:
    AccountService(StatementCache &sql, const Clock &clock);

    // Checks the password and the lockout; returns the actor. Unknown users, wrong passwords
    // and disabled accounts answer BadCredentials with the same message after the same work;
    // AccountLocked while locked (5 failures → 15 minutes). An account with a second factor also
    // needs totpCode, the current one-time code, each code once: a wrong or reused code is a
    // failed login with the wrong-password message; a missing one is a failed login that asks
    // for the code.
    Result<Actor> login(const QString &username, const QString &password, const QString &station,
                        const QString &totpCode = {});

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

    // The second factor (RFC 6238), for admins: begin stores a new secret that is not required
    // yet (again on each call until confirmed); confirm checks a current code from the app and
    // from then on login needs one. Both only for the actor's own account.
    Result<TotpEnrolment> beginTotp(const Actor &actor, const QString &station);
    Result<void> confirmTotp(const Actor &actor, const QString &station, const QString &code);
    // Turns the second factor off: the actor's own, or an admin's for another user.
    Result<void> disableTotp(const Actor &actor, const QString &station, const QString &username);
    Result<std::optional<UserInfo>> find(const QString &username);

private:
    // An admin's change to one user: the permission checked, the transaction open, the user found.
    struct AdminChange
    {
        TransactionGuard tx;
        UserInfo user;
    };
    Result<AdminChange> beginAdminChange(const Actor &actor, const QString &username);
    // The actor's own account for a change of its second factor: admins only, transaction open.
    Result<AdminChange> beginOwnTotpChange(const Actor &actor, StoredCredentials *credentials);
    // Accepts a one-time code once: true, with the step recorded, when it matches a step after
    // the last used one.
    Result<bool> useTotpStep(const QString &username, const StoredCredentials &credentials, const QString &code,
                             const QDateTime &now);

    Result<void> audit(const QString &actor, const QString &station, const QString &action,
                       const QString &target, const QJsonObject &before, const QJsonObject &after);
    Result<int> activeAdmins();
    Result<qint64> areaId(const QString &area);

    StatementCache &m_sql;
    const Clock &m_clock;
};

} // namespace tt
