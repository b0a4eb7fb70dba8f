#pragma once

#include <QSqlDatabase>
#include <QString>

#include <memory>

#include "core/store.h"
#include "database/pgconnection.h"
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
    Result<Actor> login(const QString &user, const QString &password, const QString &station);
    void logout();
    QString sessionToken() const { return m_token; }
    void setSessionToken(const QString &token) { m_token = token; }

    // Without a session every command is rejected with Reason::SessionExpired.
    Outcome execute(const Command &command) override;
    // One call per command (each its own transaction on the server).
    QList<Outcome> executeBatch(const QList<Command> &commands) override;
    Result<BagTypeSet> bagTypes() override;
    Result<std::optional<BagDetails>> bag(const QString &code) override;
    Result<std::optional<BillDetails>> bill(const QString &billId) override;
    // tt_return / tt_returns.
    Result<std::optional<ReturnView>> returnTicket(const QString &ticketId) override;
    Result<QList<ReturnView>> returnTickets(const ReturnListFilter &filter) override;

    // tt_verify: every derived value recomputed on the server (owner, or a session).
    Result<QList<Mismatch>> verify();

    QSqlDatabase database() const;
    const Clock &clock() const { return *m_clock; }

private:
    PgStore(QString connectionName, const Clock &clock);
    Result<QString> callText(const QString &sql, const QVariantList &values, const QString &what);

    QString m_connectionName;
    const Clock *m_clock;
    QString m_token;
    BagTypeSet m_types;
    bool m_typesLoaded = false;
};

} // namespace tt
