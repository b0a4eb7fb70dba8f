#pragma once

#include <QDateTime>
#include <QSet>
#include <QString>

#include <future>
#include <memory>

#include "core/store.h"
#include "database/dashboardquery.h"
#include "database/outbox.h"
#include "database/pgconnection.h"

namespace tt {

class CentralSync;
class Clock;
class PgStore;
class SqliteStore;

struct SyncedStoreOptions
{
    QString cachePath;            // the station's SQLite cache and outbox
    PgConnectionInfo central;     // as the station role
    const Clock *clock = nullptr; // nullptr: the system clock
    QString connectionPrefix = QStringLiteral("tt-synced");
    int retryIntervalMs = 3000;   // offline: how often a command may try the central database again
    int statementTimeoutMs = 2000; // a central command slower than this is decided locally
    int refreshIntervalMs = 250;  // the change feed is pulled at most this often during commands
    int replayBatch = 50;         // commands per replay round trip (see docs/offline-sync.md)
    int workingSetLimit = 2000;   // open bills / unfilled parents a new cache loads
    // Online, a command that finds queued commands replays at most this many first (-1: all);
    // with 0 it is queued behind them and a sync worker (sync(maxCommands)) sends them.
    int commandReplayLimit = -1;
    // sync() reads the site's figures into the cache for the dashboard (DashboardQuery::
    // loadCentral): the counters (tt_stats) at most this often, the charts (tt_dashboard) at most
    // that often; negative: never.
    int statsIntervalMs = 1000;
    int dashboardIntervalMs = 30000;
    // Reads tt_dashboard on a connection of its own in another thread; a later sync() stores it
    // (the desktop: the command lane does not wait for it). false: within sync().
    bool dashboardInBackground = false;
};

// Where a station stands with the central database (BRIEF §5 and §7).
struct SyncStatus
{
    bool online = false;
    int queued = 0;
    int conflicts = 0;
    std::optional<QDateTime> oldestQueuedAt;
    std::optional<QDateTime> lastSyncAt;    // the outbox last emptied and the feed pulled
    std::optional<QDateTime> lastContactAt; // the last successful central call
    qint64 lastSeq = 0;                     // change feed position
    QString lastError;
};

struct SyncResult
{
    int replayed = 0;  // queued commands sent and answered
    int conflicts = 0; // of those, rejected by the central rules
    int refreshed = 0; // bags and bills written into the cache
    double replayMs = 0; // time spent replaying (round trips and outbox bookkeeping)
    bool more = false;   // a bounded sync stopped with commands still queued (nothing pulled)
    double statsMs = -1;     // reading and storing the central counters; -1: not due
    double dashboardMs = -1; // the same for the central dashboard
};

// The station's store in central mode (ARCHITECTURE.md "Stores"). Online, the central
// database decides each command (PgStore) and the cache follows. When the central database
// cannot be reached, or does not answer within the deadline, the command is decided by the
// core rules against the cache (SqliteStore) and appended to the outbox in the same durable
// transaction, and its outcome is `queued`. While anything is queued, new commands queue too, so
// the order holds; sync() (or the next command after the retry interval) replays the outbox in
// order through tt_replay, which is idempotent by command id; rule rejections become conflicts
// (central state wins; the cache is refreshed from it). Other stations' changes reach the cache
// through the change feed (pulled, never one NOTIFY per command).
//
// Keeps the password of login() in memory to log in again when the session expires or the
// server comes back; the cache keeps an Argon2id verifier of it for offline logins.
class SyncedStore final : public Store
{
public:
    // Opens (or creates) the cache; tries the central database but works without it.
    static Result<std::unique_ptr<SyncedStore>> open(const SyncedStoreOptions &options);
    ~SyncedStore() override;

    // Central login when the server answers (BadCredentials / AccountLocked as it says);
    // otherwise the cache's verifier of an earlier login at this station.
    // An account with a one-time code (migration 008) logs in only online, with the code.
    Result<Actor> login(const QString &user, const QString &password, const QString &station,
                        const QString &totpCode = {});

    Outcome execute(const Command &command) override;
    QList<Outcome> executeBatch(const QList<Command> &commands) override;
    Result<BagTypeSet> bagTypes() override;
    Result<std::optional<BagDetails>> bag(const QString &code) override;
    Result<std::optional<BillDetails>> bill(const QString &billId) override;
    Result<std::optional<ReturnView>> returnTicket(const QString &ticketId) override;
    Result<QList<ReturnView>> returnTickets(const ReturnListFilter &filter) override;

    // Replays the whole outbox (at most maxCommands of it when that is not negative), then, when
    // it is empty, pulls the change feed into the cache, reads the site's figures into it when due
    // (SyncedStoreOptions::statsIntervalMs) and reports the station's status centrally.
    // DatabaseError when the central database is unreachable.
    Result<SyncResult> sync(int maxCommands = -1);
    // Treats the central database as unreachable until the next sync() (a watcher on another
    // connection saw it go): commands queue without waiting for a dead server.
    void setOffline(const QString &why) { goOffline(why); }
    SyncStatus status();
    Result<QList<OutboxEntry>> conflicts(int limit = 200);
    bool online() const { return m_online; }
    // Commands per replay round trip (SyncedStoreOptions::replayBatch).
    void setReplayBatch(int commands) { m_options.replayBatch = qMax(1, commands); }

    SqliteStore &cache() { return *m_cache; }
    // The central store, or nullptr before the first successful connection.
    PgStore *central() { return m_central.get(); }

private:
    explicit SyncedStore(SyncedStoreOptions options);
    QDateTime now() const;
    bool ensureOnline();
    void goOffline(const QString &why);
    Result<void> relogin();
    Outcome queue(const Command &command);
    Result<SyncResult> replayAll(int limit = -1);
    Result<int> pull(bool force);
    void refreshFigures(SyncResult &result);
    // The central settings (undo window, business time zone) into the cache's settings.
    Result<void> copySiteSettings();
    Result<int> refresh(const QStringList &bags, const QStringList &bills, std::optional<qint64> seq);
    void markDirty(const QJsonObject &command, const Outcome &outcome);
    Result<void> cacheVerifier(const Actor &actor, const QString &password, bool withCode);
    template<class T>
    Result<T> readCentralOrCache(const std::function<Result<T>(Store &)> &read);

    SyncedStoreOptions m_options;
    const Clock *m_clock;
    std::unique_ptr<SqliteStore> m_cache;
    std::unique_ptr<Outbox> m_outbox;
    std::unique_ptr<PgStore> m_central;
    std::unique_ptr<CentralSync> m_sync;
    bool m_online = false;
    QDateTime m_nextAttempt;
    QDateTime m_lastPull;
    QDateTime m_lastStats; // central figures last read (refreshFigures)
    QDateTime m_lastDashboard;
    QDateTime m_lastSettings; // the site's settings last copied into the cache
    std::future<Result<DashboardFigures>> m_dashboardRead; // dashboardInBackground
    QDate m_dashboardDay;
    QDateTime m_dashboardAt;
    QDateTime m_lastContact; // kept in memory (no write per command); stored by sync()
    QString m_lastError;
    QString m_user;
    QString m_password;
    QString m_station;
    QSet<QString> m_dirtyBags;
    QSet<QString> m_dirtyBills;
};

} // namespace tt
