#include "database/syncedstore.h"

#include <QElapsedTimer>
#include <QJsonArray>
#include <QLoggingCategory>
#include <QSqlQuery>

#include "core/clock.h"
#include "database/accountservice.h"
#include "database/cacherefresher.h"
#include "database/centraladmin.h"
#include "database/centralsync.h"
#include "database/dashboardquery.h"
#include "database/eodquery.h"
#include "database/passwordhasher.h"
#include "database/pgstore.h"
#include "database/repositories.h"
#include "database/sqlitestore.h"
#include "database/statementcache.h"
#include "database/transactionguard.h"

namespace tt {

Q_DECLARE_LOGGING_CATEGORY(lcDb)

namespace {

const QString kLastSeq = QStringLiteral("last_seq");
const QString kCacheLoaded = QStringLiteral("cache_loaded_at");
const QString kLastSync = QStringLiteral("last_sync_at");
const QString kLastContact = QStringLiteral("last_contact_at");
constexpr int kSnapshotChunk = 400; // codes per tt_snapshot call
constexpr int kFeedPage = 2000;
constexpr int kSettingsIntervalMs = 30000; // the site's settings copied into the cache

bool unreachable(const Outcome &o)
{
    return o.result == ResultKind::Rejected && o.reason == Reason::DatabaseError;
}

std::optional<QDateTime> timeState(Outbox &outbox, const QString &key)
{
    const auto v = outbox.state(key);
    if (!v || !*v)
        return std::nullopt;
    return fromIsoUtc(**v);
}

// Lifts the per-statement deadline of the station's connection (meant for commands) while
// logging in (bcrypt) and for bulk calls (replay, snapshots); nothing without a connection.
ScopedSetting deadlineLifted(PgStore *central)
{
    return central ? central->deadlineLifted() : ScopedSetting(QSqlDatabase(), QString(), QString());
}

// Writes to the cache that the central database already holds durably (the mirror of an
// online command, refreshed rows) need no fsync of their own: WAL with synchronous=NORMAL for
// their transaction. The outbox keeps synchronous=FULL.
ScopedSetting cacheOnlyWrites(SqliteStore &cache)
{
    return ScopedSetting(cache.database(), QStringLiteral("PRAGMA synchronous = NORMAL"),
                         QStringLiteral("PRAGMA synchronous = FULL"));
}

} // namespace

SyncedStore::SyncedStore(SyncedStoreOptions options)
    : m_options(std::move(options))
    , m_clock(m_options.clock ? m_options.clock : &SystemClock::instance())
{
}

SyncedStore::~SyncedStore()
{
    m_sync.reset();
    m_central.reset();
    m_outbox.reset();
    m_cache.reset();
}

Result<std::unique_ptr<SyncedStore>> SyncedStore::open(const SyncedStoreOptions &options)
{
    std::unique_ptr<SyncedStore> store(new SyncedStore(options));
    SqliteStoreOptions cacheOptions;
    cacheOptions.connectionName = options.connectionPrefix + QStringLiteral("-cache");
    cacheOptions.clock = store->m_clock;
    auto cache = SqliteStore::open(options.cachePath, cacheOptions);
    if (!cache)
        return std::unexpected(cache.error());
    store->m_cache = std::move(*cache);
    store->m_outbox = std::make_unique<Outbox>(store->m_cache->statements());
    store->m_options.central.statementTimeoutMs = options.statementTimeoutMs;
    return store;
}

QDateTime SyncedStore::now() const
{
    return m_clock->now();
}

Result<Actor> SyncedStore::login(const QString &user, const QString &password, const QString &station,
                                 const QString &totpCode)
{
    m_user = user;
    m_password = password;
    m_station = station;
    if (!m_central) {
        auto central = PgStore::open(m_options.central,
                                     PgStoreOptions{m_options.connectionPrefix + QStringLiteral("-central"), m_clock});
        if (central) {
            m_central = std::move(*central);
            m_sync = std::make_unique<CentralSync>(*m_central);
        } else {
            goOffline(central.error().message);
        }
    }
    if (m_central) {
        auto actor = [&] {
            const ScopedSetting lifted = deadlineLifted(m_central.get());
            return m_central->login(user, password, station, totpCode);
        }();
        if (actor) {
            m_online = true;
            m_lastError.clear();
            m_lastContact = QDateTime::currentDateTimeUtc();
            if (auto r = cacheVerifier(*actor, password, m_central->loginNeededCode()); !r)
                qCWarning(lcDb) << "caching the login for offline use failed:" << r.error().message;
            if (auto types = m_central->bagTypes()) {
                auto tx = TransactionGuard::begin(m_cache->database());
                if (tx && CacheRefresher(m_cache->statements()).applyBagTypes(types->types()) && tx->commit())
                    m_cache->invalidateBagTypes();
            }
            return actor;
        }
        if (actor.error().reason != Reason::DatabaseError) {
            m_password.clear();
            return actor; // the central database decides credentials and lockout
        }
        goOffline(actor.error().message);
    }
    AccountService accounts(m_cache->statements(), *m_clock);
    auto known = accounts.find(user);
    if (!known)
        return std::unexpected(known.error());
    if (!*known)
        return fail(Reason::DatabaseError,
                    QStringLiteral("The central database is unreachable (%1) and %2 has never logged in at this "
                                   "station, so it cannot check the password offline.")
                        .arg(m_lastError, user));
    if ((*known)->totpEnabled)
        return fail(Reason::BadCredentials,
                    QStringLiteral("%1 logs in with a one-time code, which only the central database can check; "
                                   "it is unreachable (%2).")
                        .arg(user, m_lastError));
    return accounts.login(user, password, station);
}

Result<void> SyncedStore::cacheVerifier(const Actor &actor, const QString &password, bool withCode)
{
    StatementCache &sql = m_cache->statements();
    QString stored;
    {
        auto r = sql.run(QStringLiteral("SELECT password_hash FROM users WHERE username = ?"), {actor.user},
                         QStringLiteral("reading the cached login"));
        if (!r)
            return std::unexpected(r.error());
        if (r->next())
            stored = r->text(0);
    }
    QString hash = stored;
    if (stored.isEmpty() || !PasswordHasher::verify(stored, password)) {
        auto h = PasswordHasher::hash(password);
        if (!h)
            return std::unexpected(h.error());
        hash = *h;
    }
    // An account that needed a one-time code is marked so (no secret in the cache): it then
    // cannot log in offline.
    auto w = sql.run(QStringLiteral("INSERT INTO users(username, password_hash, role, created_at, created_by, "
                                    "totp_enabled) VALUES (?, ?, ?, ?, 'central', ?) ON CONFLICT(username) DO UPDATE "
                                    "SET password_hash = excluded.password_hash, role = excluded.role, enabled = 1, "
                                    "failed_logins = 0, locked_until = NULL, totp_enabled = excluded.totp_enabled"),
                     {actor.user, hash, roleName(actor.role), isoUtc(now()), withCode ? 1 : 0},
                     QStringLiteral("caching the login"));
    if (!w)
        return std::unexpected(w.error());
    return {};
}

void SyncedStore::goOffline(const QString &why)
{
    if (m_online)
        qCInfo(lcDb) << "central database unreachable; commands are queued:" << why;
    m_online = false;
    m_lastError = why;
    m_nextAttempt = QDateTime::currentDateTimeUtc().addMSecs(m_options.retryIntervalMs);
}

bool SyncedStore::ensureOnline()
{
    if (m_online)
        return true;
    if (m_user.isEmpty() || m_password.isEmpty())
        return false;
    const QDateTime t = QDateTime::currentDateTimeUtc();
    if (m_nextAttempt.isValid() && t < m_nextAttempt)
        return false;
    m_nextAttempt = t.addMSecs(m_options.retryIntervalMs);
    if (!m_central) {
        auto central = PgStore::open(m_options.central,
                                     PgStoreOptions{m_options.connectionPrefix + QStringLiteral("-central"), m_clock});
        if (!central) {
            m_lastError = central.error().message;
            return false;
        }
        m_central = std::move(*central);
        m_sync = std::make_unique<CentralSync>(*m_central);
    }
    if (m_central->sessionToken().isEmpty()) {
        if (auto r = relogin(); !r)
            return false;
    } else if (auto p = m_sync->ping(); !p) {
        m_lastError = p.error().message;
        return false;
    }
    m_online = true;
    m_lastError.clear();
    m_lastContact = t;
    return true;
}

Result<void> SyncedStore::relogin()
{
    const ScopedSetting lifted = deadlineLifted(m_central.get());
    auto actor = m_central->login(m_user, m_password, m_station);
    if (!actor) {
        m_lastError = actor.error().message;
        if (actor.error().reason != Reason::DatabaseError)
            m_password.clear(); // changed or locked centrally: the user must log in again
        return std::unexpected(actor.error());
    }
    return {};
}

Outcome SyncedStore::execute(const Command &command)
{
    if (ensureOnline()) {
        auto depth = m_outbox->depth();
        if (depth && *depth > 0 && m_options.commandReplayLimit != 0) {
            (void)replayAll(m_options.commandReplayLimit);
            depth = m_outbox->depth();
        }
        if (m_online && depth && *depth == 0) {
            Outcome o = m_central->execute(command);
            if (o.reason == Reason::SessionExpired && relogin())
                o = m_central->execute(command);
            if (!unreachable(o)) {
                m_lastContact = QDateTime::currentDateTimeUtc();
                if (o.ok()) {
                    // The cache follows: the same command on the cache; where it decides
                    // otherwise (a stale cache), the central state is fetched.
                    const Outcome local = [&] {
                        const ScopedSetting relaxed = cacheOnlyWrites(*m_cache);
                        return m_cache->execute(command);
                    }();
                    if (local.result != o.result)
                        markDirty(commandToJson(command), o);
                }
                if (auto r = pull(!m_dirtyBags.isEmpty() || !m_dirtyBills.isEmpty()); !r)
                    qCDebug(lcDb) << "refreshing the cache failed:" << r.error().message;
                return o;
            }
            if (auto p = m_sync->ping(); !p)
                goOffline(p.error().message);
            else
                goOffline(o.message); // answered too late: decided locally, retried later
        }
    }
    return queue(command);
}

Outcome SyncedStore::queue(const Command &command)
{
    const QDateTime at = now();
    Outcome o = m_cache->execute(command, [&](const Outcome &local) { return m_outbox->append(command, local, at); });
    if (o.ok()) {
        o.result = ResultKind::Queued;
        o.message += QStringLiteral(" Queued: the central database is unreachable; it will be sent when it is back.");
    }
    return o;
}

QList<Outcome> SyncedStore::executeBatch(const QList<Command> &commands)
{
    QList<Outcome> out;
    out.reserve(commands.size());
    for (const Command &c : commands)
        out.append(execute(c));
    return out;
}

void SyncedStore::markDirty(const QJsonObject &command, const Outcome &outcome)
{
    for (const char *key : {"parent", "child", "code"}) {
        const QString v = command.value(QLatin1String(key)).toString();
        if (!v.isEmpty())
            m_dirtyBags.insert(v);
    }
    if (const QString b = command.value(QStringLiteral("bill")).toString(); !b.isEmpty())
        m_dirtyBills.insert(b);
    if (!outcome.parent.isEmpty())
        m_dirtyBags.insert(outcome.parent);
    if (!outcome.code.isEmpty() && !outcome.code.startsWith(QLatin1String("TT:")))
        m_dirtyBags.insert(outcome.code);
    if (!outcome.bill.isEmpty())
        m_dirtyBills.insert(outcome.bill);
}

Result<SyncResult> SyncedStore::replayAll(int limit)
{
    const ScopedSetting lifted = deadlineLifted(m_central.get());
    SyncResult total;
    bool reloggedIn = false;
    for (;;) {
        const int room =
            limit < 0 ? m_options.replayBatch : qMin(m_options.replayBatch, limit - total.replayed);
        if (room <= 0) {
            total.more = m_outbox->depth().value_or(0) > 0;
            return total;
        }
        auto batch = m_outbox->queued(room);
        if (!batch)
            return std::unexpected(batch.error());
        if (batch->isEmpty())
            return total;
        QList<QJsonObject> commands;
        for (const OutboxEntry &e : *batch)
            commands.append(e.command);
        auto outcomes = m_sync->replay(commands);
        if (!outcomes) {
            if (outcomes.error().reason == Reason::SessionExpired && !reloggedIn) {
                reloggedIn = true;
                if (relogin())
                    continue;
            }
            if (outcomes.error().reason == Reason::DatabaseError) {
                if (auto p = m_sync->ping(); !p)
                    goOffline(p.error().message);
            }
            m_lastError = outcomes.error().message;
            return std::unexpected(outcomes.error());
        }
        const QDateTime at = QDateTime::currentDateTimeUtc();
        auto tx = TransactionGuard::begin(m_cache->database());
        if (!tx)
            return std::unexpected(tx.error());
        for (qsizetype i = 0; i < outcomes->size(); ++i) {
            const Outcome &o = outcomes->at(i);
            const OutboxEntry &e = batch->at(i);
            const bool conflict = o.result == ResultKind::Rejected;
            if (auto r = m_outbox->markReplayed(e.seq, o, conflict, at); !r)
                return std::unexpected(r.error());
            ++total.replayed;
            if (conflict) {
                ++total.conflicts;
                markDirty(e.command, Outcome::fromJson(e.localOutcome));
            }
        }
        if (auto r = tx->commit(); !r)
            return std::unexpected(r.error());
        m_lastContact = at;
        if (outcomes->size() < commands.size()) {
            // The session ended on the way: log in again once and go on.
            if (reloggedIn || !relogin())
                return fail(Reason::SessionExpired, QStringLiteral("The session has expired; log in again."));
            reloggedIn = true;
        }
    }
}

Result<int> SyncedStore::pull(bool force)
{
    const QDateTime t = QDateTime::currentDateTimeUtc();
    if (!force && m_lastPull.isValid() && m_lastPull.msecsTo(t) < m_options.refreshIntervalMs)
        return 0;
    auto depth = m_outbox->depth();
    if (!depth)
        return std::unexpected(depth.error());
    if (*depth > 0)
        return 0; // queued local effects would be overwritten: replay first
    m_lastPull = t;
    const ScopedSetting lifted = deadlineLifted(m_central.get());
    int written = 0;
    const auto loaded = m_outbox->state(kCacheLoaded);
    if (!loaded)
        return std::unexpected(loaded.error());
    if (!*loaded) {
        auto ws = m_sync->workingSet(m_options.workingSetLimit);
        if (!ws)
            return std::unexpected(ws.error());
        auto r = refresh(ws->bags + QStringList(m_dirtyBags.cbegin(), m_dirtyBags.cend()),
                         ws->bills + QStringList(m_dirtyBills.cbegin(), m_dirtyBills.cend()), ws->head);
        if (!r)
            return std::unexpected(r.error());
        (void)m_outbox->setState(kCacheLoaded, isoUtc(t));
        m_dirtyBags.clear();
        m_dirtyBills.clear();
        return *r;
    }
    for (;;) {
        auto seq = m_outbox->state(kLastSeq);
        if (!seq)
            return std::unexpected(seq.error());
        auto changes = m_sync->changes(seq->value_or(QStringLiteral("0")).toLongLong(), kFeedPage);
        if (!changes)
            return std::unexpected(changes.error());
        auto r = refresh(changes->bags + QStringList(m_dirtyBags.cbegin(), m_dirtyBags.cend()),
                         changes->bills + QStringList(m_dirtyBills.cbegin(), m_dirtyBills.cend()), changes->head);
        if (!r)
            return std::unexpected(r.error());
        m_dirtyBags.clear();
        m_dirtyBills.clear();
        written += *r;
        if (!changes->more)
            return written;
    }
}

Result<int> SyncedStore::refresh(const QStringList &bagList, const QStringList &billList, std::optional<qint64> seq)
{
    QStringList bags = bagList;
    QStringList bills = billList;
    bags.removeDuplicates();
    bills.removeDuplicates();
    int written = 0;
    const ScopedSetting relaxed = cacheOnlyWrites(*m_cache);
    qsizetype b = 0, l = 0;
    do {
        const QStringList someBags = bags.mid(b, kSnapshotChunk);
        const QStringList someBills = bills.mid(l, kSnapshotChunk);
        b += someBags.size();
        l += someBills.size();
        const bool last = b >= bags.size() && l >= bills.size();
        QJsonObject snapshot;
        if (!someBags.isEmpty() || !someBills.isEmpty()) {
            auto s = m_sync->snapshot(someBags, someBills);
            if (!s)
                return std::unexpected(s.error());
            snapshot = *s;
        }
        auto tx = TransactionGuard::begin(m_cache->database());
        if (!tx)
            return std::unexpected(tx.error());
        if (!snapshot.isEmpty()) {
            auto n = CacheRefresher(m_cache->statements()).applySnapshot(snapshot);
            if (!n)
                return std::unexpected(n.error());
            written += *n;
        }
        if (last && seq) {
            if (auto r = m_outbox->setState(kLastSeq, QString::number(*seq)); !r)
                return std::unexpected(r.error());
        }
        if (auto r = tx->commit(); !r)
            return std::unexpected(r.error());
    } while (b < bags.size() || l < bills.size());
    return written;
}

Result<SyncResult> SyncedStore::sync(int maxCommands)
{
    m_nextAttempt = QDateTime(); // an explicit sync always tries
    if (!ensureOnline())
        return fail(Reason::DatabaseError,
                    QStringLiteral("The central database is unreachable: %1").arg(m_lastError));
    QElapsedTimer replayTime;
    replayTime.start();
    auto replayed = replayAll(maxCommands);
    if (!replayed)
        return std::unexpected(replayed.error());
    replayed->replayMs = double(replayTime.nsecsElapsed()) / 1e6;
    if (replayed->more)
        return replayed;
    auto refreshed = pull(true);
    if (!refreshed) {
        if (refreshed.error().reason == Reason::DatabaseError)
            goOffline(refreshed.error().message);
        return std::unexpected(refreshed.error());
    }
    replayed->refreshed = *refreshed;
    refreshFigures(*replayed);
    const QDateTime at = QDateTime::currentDateTimeUtc();
    (void)m_outbox->setState(kLastSync, isoUtc(at));
    (void)m_outbox->setState(kLastContact, isoUtc(m_lastContact.isValid() ? m_lastContact : at));
    const SyncStatus s = status();
    QJsonObject report{{QStringLiteral("station"), m_station},
                       {QStringLiteral("queue_depth"), s.queued},
                       {QStringLiteral("conflicts"), s.conflicts},
                       {QStringLiteral("last_sync_at"), isoUtc(at)}};
    if (s.oldestQueuedAt)
        report.insert(QStringLiteral("oldest_queued_at"), isoUtc(*s.oldestQueuedAt));
    if (auto r = m_sync->report(report); !r)
        qCDebug(lcDb) << "reporting the station's status failed:" << r.error().message;
    return replayed;
}

Result<void> SyncedStore::copySiteSettings()
{
    const auto site = CentralAdmin(*m_central).settings();
    if (!site)
        return std::unexpected(site.error());
    SettingsRepository &local = m_cache->repositories().settings;
    for (auto it = site->cbegin(); it != site->cend(); ++it) {
        const auto cached = local.value(it.key());
        if (!cached)
            return std::unexpected(cached.error());
        if (*cached != it.value()) {
            if (auto r = local.setValue(it.key(), it.value()); !r)
                return r;
        }
    }
    return {};
}

void SyncedStore::refreshFigures(SyncResult &result)
{
    // Keeps the dashboard's site figures in the cache. A failure leaves the last ones (their time
    // says how old they are) and does not fail the sync.
    const auto due = [](const QDateTime &last, int intervalMs) {
        return intervalMs >= 0 && (!last.isValid() || last.msecsTo(QDateTime::currentDateTimeUtc()) >= intervalMs);
    };
    DashboardQuery cached(m_cache->statements());
    const ScopedSetting relaxed = cacheOnlyWrites(*m_cache);
    QElapsedTimer t;
    if (due(m_lastStats, m_options.statsIntervalMs)) {
        t.start();
        m_lastStats = QDateTime::currentDateTimeUtc();
        const QDateTime at = now();
        const QDate day = QDateTime::currentDateTimeUtc().date();
        auto counters = m_central->statistics(day);
        auto stored = counters ? cached.storeCentralCounters(*counters, day, at)
                               : Result<void>(std::unexpected(counters.error()));
        if (!stored)
            qCDebug(lcDb) << "reading the central counters failed:" << stored.error().message;
        result.statsMs = double(t.nsecsElapsed()) / 1e6;
    }
    if (due(m_lastSettings, kSettingsIntervalMs)) {
        // The site's undo window and business time zone decide offline and date the dashboard.
        m_lastSettings = QDateTime::currentDateTimeUtc();
        if (auto r = copySiteSettings(); !r)
            qCDebug(lcDb) << "reading the central settings failed:" << r.error().message;
    }
    const auto storeDashboard = [&](const Result<DashboardFigures> &figures) {
        auto stored = figures ? cached.storeCentralDashboard(*figures, m_dashboardDay, m_dashboardAt)
                              : Result<void>(std::unexpected(figures.error()));
        if (!stored)
            qCDebug(lcDb) << "reading the central dashboard failed:" << stored.error().message;
        result.dashboardMs = double(t.nsecsElapsed()) / 1e6;
    };
    if (m_dashboardRead.valid() && m_dashboardRead.wait_for(std::chrono::seconds(0)) == std::future_status::ready) {
        t.start();
        storeDashboard(m_dashboardRead.get());
    }
    if (!m_dashboardRead.valid() && due(m_lastDashboard, m_options.dashboardIntervalMs)) {
        t.start();
        m_lastDashboard = QDateTime::currentDateTimeUtc();
        const QTimeZone zone = EodQuery(m_cache->database()).businessTimeZone();
        m_dashboardAt = now();
        m_dashboardDay = m_dashboardAt.toTimeZone(zone).date();
        if (m_options.dashboardInBackground) {
            // A short-lived connection of its own with this session (a scan made while it opens
            // may count twice until the next read).
            PgConnectionInfo info = m_options.central;
            info.statementTimeoutMs = 0;
            m_dashboardRead = std::async(std::launch::async,
                                         [info, token = m_central->sessionToken(), clock = m_clock,
                                          name = QString(m_options.connectionPrefix + QStringLiteral("-figures")),
                                          day = m_dashboardDay, zone, user = m_user]() -> Result<DashboardFigures> {
                                             auto store = PgStore::open(info, PgStoreOptions{name, clock});
                                             if (!store)
                                                 return std::unexpected(store.error());
                                             (*store)->setSessionToken(token);
                                             return (*store)->dashboard(day, zone, user);
                                         });
        } else {
            const ScopedSetting lifted = deadlineLifted(m_central.get());
            storeDashboard(m_central->dashboard(m_dashboardDay, zone, m_user));
        }
    }
}

SyncStatus SyncedStore::status()
{
    SyncStatus s;
    s.online = m_online;
    s.queued = m_outbox->depth().value_or(0);
    s.conflicts = m_outbox->conflictCount().value_or(0);
    if (auto oldest = m_outbox->oldestQueuedAt())
        s.oldestQueuedAt = *oldest;
    s.lastSyncAt = timeState(*m_outbox, kLastSync);
    s.lastContactAt = m_lastContact.isValid() ? std::optional<QDateTime>(m_lastContact)
                                              : timeState(*m_outbox, kLastContact);
    if (auto seq = m_outbox->state(kLastSeq); seq && *seq)
        s.lastSeq = (*seq)->toLongLong();
    s.lastError = m_lastError;
    return s;
}

Result<QList<OutboxEntry>> SyncedStore::conflicts(int limit)
{
    return m_outbox->conflicts(limit);
}

template<class T>
Result<T> SyncedStore::readCentralOrCache(const std::function<Result<T>(Store &)> &read)
{
    if (ensureOnline() && m_outbox->depth().value_or(1) == 0) {
        auto r = read(*m_central);
        if (r || r.error().reason != Reason::DatabaseError)
            return r;
        if (auto p = m_sync->ping(); !p)
            goOffline(p.error().message);
    }
    return read(*m_cache);
}

Result<BagTypeSet> SyncedStore::bagTypes()
{
    return m_cache->bagTypes();
}

Result<std::optional<BagDetails>> SyncedStore::bag(const QString &code)
{
    return readCentralOrCache<std::optional<BagDetails>>([&](Store &s) { return s.bag(code); });
}

Result<std::optional<BillDetails>> SyncedStore::bill(const QString &billId)
{
    return readCentralOrCache<std::optional<BillDetails>>([&](Store &s) { return s.bill(billId); });
}

Result<std::optional<ReturnView>> SyncedStore::returnTicket(const QString &ticketId)
{
    return readCentralOrCache<std::optional<ReturnView>>([&](Store &s) { return s.returnTicket(ticketId); });
}

Result<QList<ReturnView>> SyncedStore::returnTickets(const ReturnListFilter &filter)
{
    return readCentralOrCache<QList<ReturnView>>([&](Store &s) { return s.returnTickets(filter); });
}

} // namespace tt
