#include "database/accountservice.h"

#include <QJsonObject>

#include "core/accountrules.h"
#include "core/clock.h"
#include "core/totp.h"
#include "database/historyrepository.h"
#include "database/passwordhasher.h"
#include "database/statementcache.h"
#include "database/transactionguard.h"

namespace tt {

namespace {

Error badCredentials()
{
    return Error{Reason::BadCredentials, QStringLiteral("Unknown user or wrong password.")};
}

Error notAdmin(const Actor &actor)
{
    return Error{Reason::PermissionDenied,
                 QStringLiteral("%1 (%2) may not manage users.").arg(actor.user, roleName(actor.role))};
}

const QString kUserColumns = QStringLiteral(
    "u.username, u.role, coalesce(a.name, ''), u.enabled, u.failed_logins, u.locked_until, u.created_at, "
    "u.password_hash, u.totp_enabled, coalesce(u.totp_secret, ''), u.totp_last_step FROM users u LEFT JOIN "
    "areas a ON a.id = u.area_id");

} // namespace

// What login needs besides UserInfo: columns 7–10 of kUserColumns.
struct StoredCredentials
{
    QString passwordHash;
    QByteArray totpSecret;
    std::optional<qint64> totpLastStep;
};

namespace {

StoredCredentials readCredentials(const Rows &r)
{
    return StoredCredentials{r.text(7), totp::fromBase32(r.text(9)).value_or(QByteArray()),
                             r.isNull(10) ? std::nullopt : std::optional<qint64>(r.number(10))};
}

UserInfo readUser(const Rows &r)
{
    UserInfo u;
    u.username = r.text(0);
    u.role = roleFromName(r.text(1)).value_or(Role::Dispatcher);
    u.area = r.text(2);
    u.enabled = r.number(3) != 0;
    u.failedLogins = int(r.number(4));
    if (!r.isNull(5))
        u.lockedUntil = fromIsoUtc(r.text(5));
    u.createdAt = fromIsoUtc(r.text(6));
    u.totpEnabled = r.number(8) != 0;
    return u;
}

} // namespace

AccountService::AccountService(StatementCache &sql, const Clock &clock)
    : m_sql(sql)
    , m_clock(clock)
{
}

Result<void> AccountService::audit(const QString &actor, const QString &station, const QString &action,
                                   const QString &target, const QJsonObject &before, const QJsonObject &after)
{
    HistoryRepository history(m_sql);
    return history.audit(AuditRecord{m_clock.now(), actor, station, action, QStringLiteral("user"), target, before,
                                     after});
}

Result<bool> AccountService::hasUsers()
{
    auto r = m_sql.run(QStringLiteral("SELECT EXISTS(SELECT 1 FROM users)"), {}, QStringLiteral("reading users"));
    if (!r)
        return std::unexpected(r.error());
    return r->next() && r->number(0) != 0;
}

Result<std::optional<UserInfo>> AccountService::find(const QString &username)
{
    auto r = m_sql.run(QStringLiteral("SELECT ") + kUserColumns + QStringLiteral(" WHERE u.username = ?"),
                       {username.trimmed().toLower()}, QStringLiteral("reading a user"));
    if (!r)
        return std::unexpected(r.error());
    if (!r->next())
        return std::optional<UserInfo>();
    return std::optional<UserInfo>(readUser(*r));
}

Result<QList<UserInfo>> AccountService::list()
{
    auto r = m_sql.run(QStringLiteral("SELECT ") + kUserColumns + QStringLiteral(" ORDER BY u.username"), {},
                       QStringLiteral("listing users"));
    if (!r)
        return std::unexpected(r.error());
    QList<UserInfo> out;
    while (r->next())
        out.append(readUser(*r));
    return out;
}

Result<Actor> AccountService::login(const QString &rawName, const QString &password,
                                    const QString &station, const QString &totpCode)
{
    const QDateTime now = m_clock.now();
    const auto name = normalizeUserName(rawName);
    std::optional<UserInfo> user;
    StoredCredentials credentials;
    if (name) {
        auto r = m_sql.run(QStringLiteral("SELECT ") + kUserColumns +
                               QStringLiteral(" WHERE u.username = ?"),
                           {*name}, QStringLiteral("reading a user"));
        if (!r)
            return std::unexpected(r.error());
        if (r->next()) {
            user = readUser(*r);
            credentials = readCredentials(*r);
        }
    }
    const QString shownName = name ? *name : rawName.left(32);
    if (!user) {
        PasswordHasher::verifyDummy(password);
        auto tx = TransactionGuard::begin(m_sql.database());
        if (tx && audit(shownName, station, QStringLiteral("login.fail"), shownName, {},
                        {{QStringLiteral("reason"), QStringLiteral("unknown_user")}}))
            (void)tx->commit();
        return std::unexpected(badCredentials());
    }
    const bool passwordOk = PasswordHasher::verify(credentials.passwordHash, password);
    auto tx = TransactionGuard::begin(m_sql.database());
    if (!tx)
        return std::unexpected(tx.error());
    LoginCounters counters{user->failedLogins, user->lockedUntil};
    if (auto locked = checkNotLocked(counters, now); !locked) {
        if (auto r = audit(*name, station, QStringLiteral("login.locked"), *name, {}, {}); !r)
            return std::unexpected(r.error());
        (void)tx->commit();
        return std::unexpected(locked.error());
    }
    // Why the login fails, as the audit record says it; empty when it succeeds.
    QString failure;
    Error error = badCredentials();
    if (!passwordOk) {
        failure = QStringLiteral("password");
    } else if (!user->enabled) {
        failure = QStringLiteral("disabled");
    } else if (user->totpEnabled) {
        if (totpCode.trimmed().isEmpty()) {
            failure = QStringLiteral("totp_missing");
            error.message =
                QStringLiteral("This account needs the one-time code from its authenticator app.");
        } else if (auto r = useTotpStep(*name, credentials, totpCode, now); !r) {
            return std::unexpected(r.error());
        } else if (!*r) {
            failure = QStringLiteral("totp");
        }
    }
    if (!failure.isEmpty()) {
        const bool counts = failure != u"disabled";
        if (counts) {
            counters = afterFailedLogin(counters, now);
            auto r = m_sql.run(
                QStringLiteral(
                    "UPDATE users SET failed_logins = ?, locked_until = ? WHERE username = ?"),
                {counters.failedCount,
                 counters.lockedUntil ? QVariant(isoUtc(*counters.lockedUntil)) : QVariant(),
                 *name},
                QStringLiteral("counting a failed login"));
            if (!r)
                return std::unexpected(r.error());
            if (counters.lockedUntil)
                error = checkNotLocked(counters, now).error();
        }
        if (auto r = audit(*name, station, QStringLiteral("login.fail"), *name, {},
                           {{QStringLiteral("reason"), failure},
                            {QStringLiteral("locked"), counters.lockedUntil.has_value()}});
            !r)
            return std::unexpected(r.error());
        if (auto r = tx->commit(); !r)
            return std::unexpected(r.error());
        return std::unexpected(error);
    }
    if (user->failedLogins != 0 || user->lockedUntil) {
        auto r = m_sql.run(
            QStringLiteral(
                "UPDATE users SET failed_logins = 0, locked_until = NULL WHERE username = ?"),
            {*name}, QStringLiteral("resetting failed logins"));
        if (!r)
            return std::unexpected(r.error());
    }
    if (auto r =
            audit(*name, station, QStringLiteral("login.ok"), *name, {},
                  user->totpEnabled ? QJsonObject{{QStringLiteral("totp"), true}} : QJsonObject{});
        !r)
        return std::unexpected(r.error());
    if (auto r = tx->commit(); !r)
        return std::unexpected(r.error());
    return Actor{*name, user->role};
}

Result<bool> AccountService::useTotpStep(const QString &username,
                                         const StoredCredentials &credentials, const QString &code,
                                         const QDateTime &now)
{
    const auto step =
        totp::matchingStep(credentials.totpSecret, code, totp::stepAt(now.toSecsSinceEpoch()),
                           credentials.totpLastStep);
    if (!step)
        return false;
    // Conditional on the stored step: of two logins with the same code only one wins.
    auto r = m_sql.run(QStringLiteral("UPDATE users SET totp_last_step = ? WHERE username = ? AND "
                                      "(totp_last_step IS NULL OR totp_last_step < ?)"),
                       {*step, username, *step}, QStringLiteral("recording a one-time code"));
    if (!r)
        return std::unexpected(r.error());
    return r->affected() == 1;
}

Result<AccountService::AdminChange> AccountService::beginOwnTotpChange(const Actor &actor,
                                                                       StoredCredentials *credentials)
{
    if (actor.role != Role::Admin)
        return fail(Reason::PermissionDenied, QStringLiteral("Only admin accounts use a one-time code."));
    auto tx = TransactionGuard::begin(m_sql.database());
    if (!tx)
        return std::unexpected(tx.error());
    auto r = m_sql.run(QStringLiteral("SELECT ") + kUserColumns + QStringLiteral(" WHERE u.username = ?"),
                       {actor.user}, QStringLiteral("reading a user"));
    if (!r)
        return std::unexpected(r.error());
    if (!r->next())
        return fail(Reason::UnknownUser, QStringLiteral("There is no user %1.").arg(actor.user));
    *credentials = readCredentials(*r);
    return AdminChange{std::move(*tx), readUser(*r)};
}

Result<TotpEnrolment> AccountService::beginTotp(const Actor &actor, const QString &station)
{
    StoredCredentials credentials;
    auto change = beginOwnTotpChange(actor, &credentials);
    if (!change)
        return std::unexpected(change.error());
    auto &[tx, user] = *change;
    if (user.totpEnabled)
        return fail(Reason::InvalidInput,
                    QStringLiteral("%1 has a one-time code already; disable it first to set up a new device.")
                        .arg(actor.user));
    const QByteArray secret = totp::newSecret();
    const QString base32 = totp::toBase32(secret);
    auto r = m_sql.run(
        QStringLiteral("UPDATE users SET totp_secret = ?, totp_enabled = 0, totp_last_step = NULL "
                       "WHERE username = ?"),
        {base32, actor.user}, QStringLiteral("storing a one-time code secret"));
    if (!r)
        return std::unexpected(r.error());
    // The secret itself never goes into the audit trail.
    if (auto a = audit(actor.user, station, QStringLiteral("user.totp_begin"), actor.user,
                       {{QStringLiteral("totp"), false}},
                       {{QStringLiteral("totp"), QStringLiteral("pending")}});
        !a)
        return std::unexpected(a.error());
    if (auto c = tx.commit(); !c)
        return std::unexpected(c.error());
    return TotpEnrolment{base32,
                         totp::otpauthUri(QStringLiteral("TraceTrack"), actor.user, secret)};
}

Result<void> AccountService::confirmTotp(const Actor &actor, const QString &station, const QString &code)
{
    StoredCredentials credentials;
    auto change = beginOwnTotpChange(actor, &credentials);
    if (!change)
        return std::unexpected(change.error());
    auto &[tx, user] = *change;
    if (user.totpEnabled)
        return fail(Reason::InvalidInput,
                    QStringLiteral("The one-time code of %1 is on already.").arg(actor.user));
    if (credentials.totpSecret.isEmpty())
        return fail(
            Reason::InvalidInput,
            QStringLiteral(
                "Set up the one-time code first (`user totp enable`), then confirm a code."));
    const auto used = useTotpStep(actor.user, credentials, code, m_clock.now());
    if (!used)
        return std::unexpected(used.error());
    if (!*used)
        return fail(Reason::InvalidInput,
                    QStringLiteral("That code does not match. Enter the 6-digit code the app "
                                   "shows now, and check that the device's clock is right."));
    auto e = m_sql.run(QStringLiteral("UPDATE users SET totp_enabled = 1 WHERE username = ?"),
                       {actor.user}, QStringLiteral("turning the one-time code on"));
    if (!e)
        return std::unexpected(e.error());
    if (auto a = audit(actor.user, station, QStringLiteral("user.totp_enable"), actor.user,
                       {{QStringLiteral("totp"), QStringLiteral("pending")}},
                       {{QStringLiteral("totp"), true}});
        !a)
        return a;
    return tx.commit();
}

Result<void> AccountService::disableTotp(const Actor &actor, const QString &station,
                                         const QString &username)
{
    const auto name = normalizeUserName(username);
    if (!name)
        return std::unexpected(name.error());
    if (*name != actor.user && !isAllowed(actor.role, Permission::Administer))
        return fail(Reason::PermissionDenied,
                    QStringLiteral("Only an admin turns off another user's one-time code."));
    auto tx = TransactionGuard::begin(m_sql.database());
    if (!tx)
        return std::unexpected(tx.error());
    auto r =
        m_sql.run(QStringLiteral(
                      "SELECT totp_enabled, totp_secret IS NOT NULL FROM users WHERE username = ?"),
                  {*name}, QStringLiteral("reading a user"));
    if (!r)
        return std::unexpected(r.error());
    if (!r->next())
        return fail(Reason::UnknownUser, QStringLiteral("There is no user %1.").arg(*name));
    const bool wasEnabled = r->number(0) != 0;
    if (!wasEnabled && r->number(1) == 0)
        return fail(Reason::InvalidInput, QStringLiteral("%1 has no one-time code.").arg(*name));
    auto u = m_sql.run(
        QStringLiteral(
            "UPDATE users SET totp_secret = NULL, totp_enabled = 0, totp_last_step = NULL "
            "WHERE username = ?"),
        {*name}, QStringLiteral("turning the one-time code off"));
    if (!u)
        return std::unexpected(u.error());
    if (auto a = audit(actor.user, station, QStringLiteral("user.totp_disable"), *name,
                       {{QStringLiteral("totp"),
                         wasEnabled ? QJsonValue(true) : QJsonValue(QStringLiteral("pending"))}},
                       {{QStringLiteral("totp"), false}});
        !a)
        return a;
    return tx->commit();
}

Result<qint64> AccountService::areaId(const QString &area)
{
    auto r = m_sql.run(QStringLiteral("SELECT id, active FROM areas WHERE name = ?"), {area.trimmed()},
                       QStringLiteral("looking up an area"));
    if (!r)
        return std::unexpected(r.error());
    if (!r->next())
        return fail(Reason::InvalidArea, QStringLiteral("There is no dispatch area \"%1\".").arg(area.left(60)));
    if (r->number(1) == 0)
        return fail(Reason::InvalidArea, QStringLiteral("Area %1 is inactive; activate it first.").arg(area.trimmed()));
    return r->number(0);
}

Result<int> AccountService::activeAdmins()
{
    auto r = m_sql.run(QStringLiteral("SELECT count(*) FROM users WHERE role = 'admin' AND enabled = 1"), {},
                       QStringLiteral("counting admins"));
    if (!r)
        return std::unexpected(r.error());
    return r->next() ? int(r->number(0)) : 0;
}

Result<void> AccountService::initAdmin(const QString &username, const QString &password, const QString &station)
{
    const auto name = normalizeUserName(username);
    if (!name)
        return std::unexpected(name.error());
    if (auto ok = checkPasswordPolicy(password); !ok)
        return ok;
    const auto hash = PasswordHasher::hash(password);
    if (!hash)
        return std::unexpected(hash.error());
    auto tx = TransactionGuard::begin(m_sql.database());
    if (!tx)
        return std::unexpected(tx.error());
    const auto any = hasUsers();
    if (!any)
        return std::unexpected(any.error());
    if (*any)
        return fail(Reason::UserExists,
                    QStringLiteral("This database has users already; `init` only creates the first admin."));
    auto r = m_sql.run(QStringLiteral("INSERT INTO users(username, password_hash, role, created_at, created_by) "
                                      "VALUES (?, ?, 'admin', ?, ?)"),
                       {*name, *hash, isoUtc(m_clock.now()), *name}, QStringLiteral("creating the first admin"));
    if (!r)
        return std::unexpected(r.error());
    if (auto a = audit(*name, station, QStringLiteral("user.init"), *name, {},
                       {{QStringLiteral("role"), QStringLiteral("admin")}});
        !a)
        return a;
    return tx->commit();
}

Result<void> AccountService::addUser(const Actor &actor, const QString &station, const QString &username,
                                     const QString &password, Role role, const QString &area)
{
    if (!isAllowed(actor.role, Permission::Administer))
        return std::unexpected(notAdmin(actor));
    const auto name = normalizeUserName(username);
    if (!name)
        return std::unexpected(name.error());
    if (auto ok = checkPasswordPolicy(password); !ok)
        return ok;
    if (role == Role::Dispatcher && area.trimmed().isEmpty())
        return fail(Reason::InvalidArea, QStringLiteral("A dispatcher belongs to a dispatch area; name one."));
    QVariant area_id;
    if (!area.trimmed().isEmpty()) {
        const auto id = areaId(area);
        if (!id)
            return std::unexpected(id.error());
        area_id = *id;
    }
    const auto hash = PasswordHasher::hash(password);
    if (!hash)
        return std::unexpected(hash.error());
    auto tx = TransactionGuard::begin(m_sql.database());
    if (!tx)
        return std::unexpected(tx.error());
    const auto existing = find(*name);
    if (!existing)
        return std::unexpected(existing.error());
    if (*existing)
        return fail(Reason::UserExists, QStringLiteral("User %1 exists already.").arg(*name));
    auto r = m_sql.run(QStringLiteral("INSERT INTO users(username, password_hash, role, area_id, created_at, "
                                      "created_by) VALUES (?, ?, ?, ?, ?, ?)"),
                       {*name, *hash, roleName(role), area_id, isoUtc(m_clock.now()), actor.user},
                       QStringLiteral("creating a user"));
    if (!r)
        return std::unexpected(r.error());
    if (auto a = audit(actor.user, station, QStringLiteral("user.create"), *name, {},
                       {{QStringLiteral("role"), roleName(role)}, {QStringLiteral("area"), area.trimmed()}});
        !a)
        return a;
    return tx->commit();
}

Result<AccountService::AdminChange> AccountService::beginAdminChange(const Actor &actor, const QString &username)
{
    if (!isAllowed(actor.role, Permission::Administer))
        return std::unexpected(notAdmin(actor));
    auto tx = TransactionGuard::begin(m_sql.database());
    if (!tx)
        return std::unexpected(tx.error());
    const auto user = find(username);
    if (!user)
        return std::unexpected(user.error());
    if (!*user)
        return fail(Reason::UnknownUser, QStringLiteral("There is no user %1.").arg(username.left(32)));
    return AdminChange{std::move(*tx), **user};
}

Result<void> AccountService::setRole(const Actor &actor, const QString &station, const QString &username, Role role)
{
    auto change = beginAdminChange(actor, username);
    if (!change)
        return std::unexpected(change.error());
    auto &[tx, target] = *change;
    const auto admins = activeAdmins();
    if (!admins)
        return std::unexpected(admins.error());
    if (auto ok = checkUserChange(UserChange{actor.user, target.username, target.role, target.enabled, role,
                                             std::nullopt, *admins});
        !ok)
        return ok;
    auto r = m_sql.run(QStringLiteral("UPDATE users SET role = ? WHERE username = ?"), {roleName(role), target.username},
                       QStringLiteral("changing a role"));
    if (!r)
        return std::unexpected(r.error());
    if (auto a = audit(actor.user, station, QStringLiteral("user.role"), target.username,
                       {{QStringLiteral("role"), roleName(target.role)}}, {{QStringLiteral("role"), roleName(role)}});
        !a)
        return a;
    return tx.commit();
}

Result<void> AccountService::setEnabled(const Actor &actor, const QString &station, const QString &username,
                                        bool enabled)
{
    auto change = beginAdminChange(actor, username);
    if (!change)
        return std::unexpected(change.error());
    auto &[tx, target] = *change;
    const auto admins = activeAdmins();
    if (!admins)
        return std::unexpected(admins.error());
    if (auto ok = checkUserChange(UserChange{actor.user, target.username, target.role, target.enabled,
                                             std::nullopt, enabled, *admins});
        !ok)
        return ok;
    auto r = m_sql.run(QStringLiteral("UPDATE users SET enabled = ? WHERE username = ?"),
                       {enabled ? 1 : 0, target.username}, QStringLiteral("enabling or disabling a user"));
    if (!r)
        return std::unexpected(r.error());
    if (auto a = audit(actor.user, station, enabled ? QStringLiteral("user.enable") : QStringLiteral("user.disable"),
                       target.username, {{QStringLiteral("enabled"), target.enabled}},
                       {{QStringLiteral("enabled"), enabled}});
        !a)
        return a;
    return tx.commit();
}

Result<void> AccountService::unlock(const Actor &actor, const QString &station, const QString &username)
{
    auto change = beginAdminChange(actor, username);
    if (!change)
        return std::unexpected(change.error());
    auto &[tx, target] = *change;
    auto r = m_sql.run(QStringLiteral("UPDATE users SET failed_logins = 0, locked_until = NULL WHERE username = ?"),
                       {target.username}, QStringLiteral("unlocking a user"));
    if (!r)
        return std::unexpected(r.error());
    if (auto a = audit(actor.user, station, QStringLiteral("user.unlock"), target.username, {}, {}); !a)
        return a;
    return tx.commit();
}

Result<void> AccountService::setPassword(const Actor &actor, const QString &station, const QString &username,
                                         const QString &password)
{
    const auto name = normalizeUserName(username);
    if (!name)
        return std::unexpected(name.error());
    if (*name != actor.user && !isAllowed(actor.role, Permission::Administer))
        return fail(Reason::PermissionDenied, QStringLiteral("Only an admin sets another user's password."));
    if (auto ok = checkPasswordPolicy(password); !ok)
        return ok;
    const auto hash = PasswordHasher::hash(password);
    if (!hash)
        return std::unexpected(hash.error());
    auto tx = TransactionGuard::begin(m_sql.database());
    if (!tx)
        return std::unexpected(tx.error());
    auto r = m_sql.run(QStringLiteral("UPDATE users SET password_hash = ?, failed_logins = 0, locked_until = NULL "
                                      "WHERE username = ?"),
                       {*hash, *name}, QStringLiteral("setting a password"));
    if (!r)
        return std::unexpected(r.error());
    if (r->affected() != 1)
        return fail(Reason::UnknownUser, QStringLiteral("There is no user %1.").arg(*name));
    if (auto a = audit(actor.user, station, QStringLiteral("user.password"), *name, {}, {{QStringLiteral("changed"), true}});
        !a)
        return a;
    return tx->commit();
}

} // namespace tt
