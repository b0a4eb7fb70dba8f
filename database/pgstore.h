#pragma once

#include <QHash>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QString>

#include <memory>

#include "core/store.h"
#include "database/accountservice.h"
#include "database/bagrepository.h"
#include "database/billrepository.h"
#include "database/dashboardquery.h"
#include "database/pgconnection.h"
#include "database/scopedsetting.h"
#include "database/verifier.h"

namespace tt {

class Clock;

struct PgStoreOptions
{
    QString connectionName = QStringLiteral("tt-central");
    const Clock *clock = nullptr; // nullptr: the system clock
};

// The central store (BRIEF §2.2): every command is one call of the SECURITY DEFINER function
// tt_execute (one round trip, one short transaction on the server) with the session token of
// login(); the server resolves the token, checks the permission table, applies the core rules
// and writes audit, statistics, change feed and command log itself. Reads go through tt_bag,
// tt_bill and tt_bag_types. Lives in the thread that opened it.
class PgStore final : public Store
{
public:
    // Connects (see openPostgres()); the schema must be migrated (checked).
    static Result<std::unique_ptr<PgStore>> open(const PgConnectionInfo &info, const PgStoreOptions &options = {});
    ~PgStore() override;

    // tt_login: BadCredentials / AccountLocked / DatabaseError; on success the session token is
    // kept for every following call.
    Result<Actor> login(const QString &user, const QString &password, const QString &station,
                        const QString &totpCode = {});
    // Whether the last successful login needed a one-time code (the account has one).
    bool loginNeededCode() const { return m_loginNeededCode; }
    void logout();
    QString sessionToken() const { return m_token; }
    void setSessionToken(const QString &token) { m_token = token; }

    // Without a session every command is rejected with Reason::SessionExpired.
    Outcome execute(const Command &command) override;
    // One call per command (each its own transaction on the server).
    QList<Outcome> executeBatch(const QList<Command> &commands) override;
    // Kept after the first read; read again after this store's own bag type commands or
    // forgetBagTypes() (another connection may have changed them).
    Result<BagTypeSet> bagTypes() override;
    void forgetBagTypes() { m_typesLoaded = false; }
    Result<std::optional<BagDetails>> bag(const QString &code) override;
    Result<std::optional<BillDetails>> bill(const QString &billId) override;
    // tt_return / tt_returns.
    Result<std::optional<ReturnView>> returnTicket(const QString &ticketId) override;
    Result<QList<ReturnView>> returnTickets(const ReturnListFilter &filter) override;

    // tt_verify: every derived value recomputed on the server (owner, or a session).
    Result<QList<Mismatch>> verify();

    // Reads through the session-checked functions of migration 004 (permission "view"; users:
    // "administer"). A missing or ended session is Reason::SessionExpired, a role without the
    // permission Reason::PermissionDenied.
    // Bags whose code contains text (the first `limit` by creation, sorted by code); only code,
    // role, child count and capacity are filled.
    Result<QList<BagRow>> searchBags(const QString &text, int limit);
    // Bills newest first; only code, status, counts and weights are filled.
    Result<QList<BillRow>> bills(const BillListFilter &filter);
    // stat_counters summed: totals (all days) and today (the UTC day `day`); the other fields
    // stay empty.
    Result<DashboardFigures> statistics(const QDate &day);
    // DashboardQuery::load() on the central database, one round trip (totals, today's counters
    // and scans per day from the counters; per hour, per area and the user's scans from today's
    // scan records; the last scans).
    Result<DashboardFigures> dashboard(const QDate &today, const QTimeZone &zone, const QString &user, int days = 14,
                                       int lastScans = 12);
    Result<QList<UserInfo>> users();
    // tt_add_user / tt_change_user: an admin manages users (anyone sets their own password).
    // Returns the server's message; rejections carry its reason.
    enum class UserChange { Role, Enable, Disable, Unlock, Password };
    Result<QString> addUser(const QString &user, const QString &password, Role role);
    Result<QString> changeUser(UserChange change, const QString &user, const QString &value = {});

    QSqlDatabase database() const;
    const Clock &clock() const { return *m_clock; }

    // One statement with the values, the first column of its first row as text (empty when
    // NULL or no row); transient errors retried, a lost connection opened again once. For the
    // central calls of other classes (CentralSync).
    Result<QString> callText(const QString &sql, const QVariantList &values, const QString &what);
    // A {result, reason, message} answer as the message or an Error.
    static Result<QString> answer(const QString &json);
    // Lifts the connection's per-statement deadline (a station's, meant for commands) for the
    // guard's scope: logins and password changes (bcrypt), bulk calls.
    ScopedSetting deadlineLifted();

private:
    PgStore(QString connectionName, const Clock &clock);
    // A {result, reason, message} call that may hash a password (bcrypt, cost 12): it runs
    // without the connection's per-statement deadline (a station's, meant for commands).
    Result<QString> hashingCall(const QString &sql, const QVariantList &values, const QString &what);
    // Runs sql with the values (retrying transient errors, reconnecting once); positioned
    // before the first row, valid until the next run(). The statement is prepared once per
    // connection and kept (QPSQL's PREPARE, EXECUTE and DEALLOCATE per call were three round
    // trips; now one EXECUTE).
    Result<QSqlQuery *> run(const QString &sql, const QVariantList &values, const QString &what);
    // The kept prepared statement of sql, prepared now if it is not yet; ready is false when
    // PREPARE failed (the error is in the query).
    QSqlQuery *prepared(const QString &sql, bool &ready);

    QString m_connectionName;
    QHash<QString, std::shared_ptr<QSqlQuery>> m_prepared; // by SQL text; emptied before the connection closes
    std::shared_ptr<QSqlQuery> m_failed;                    // the last statement that did not prepare
    const Clock *m_clock;
    QString m_token;
    bool m_loginNeededCode = false;
    BagTypeSet m_types;
    bool m_typesLoaded = false;
};

} // namespace tt
