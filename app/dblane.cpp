#include "app/dblane.h"

#include "app/dbsession.h"

namespace tt {

namespace {

// Commands never wait for a server the watch (CentralWatch) has not seen come back: the sync
// worker brings the store online and replays the outbox in bounded steps between scans.
constexpr int kNoCommandRetryMs = 24 * 3600 * 1000;

} // namespace

DbLane::DbLane(const DbTarget &target, bool commands, const QString &connectionName,
               const Clock *clock, QObject *parent)
    : QObject(parent)
    , m_anchor(new QObject)
    , m_session(std::make_unique<DbSession>())
{
    m_thread.setObjectName(connectionName);
    m_anchor->moveToThread(&m_thread);
    connect(&m_thread, &QThread::finished, m_anchor, &QObject::deleteLater);
    m_thread.start();
    post([this, target, commands, connectionName, clock](DbSession &s) {
        if (target.central && commands) {
            SyncedStoreOptions options;
            options.cachePath = target.path;
            options.central = *target.central;
            options.clock = clock;
            options.connectionPrefix = connectionName;
            options.retryIntervalMs = kNoCommandRetryMs;
            options.commandReplayLimit = 0;
            options.dashboardInBackground = true; // scans never wait for tt_dashboard
            auto synced = SyncedStore::open(options);
            if (!synced) {
                Q_EMIT opened(synced.error().message);
                return;
            }
            s.synced = std::move(*synced);
            s.store = &s.synced->cache();
            s.commands = s.synced.get();
            Q_EMIT opened(QString());
            return;
        }
        SqliteStoreOptions options;
        options.connectionName = connectionName;
        options.create = false;
        options.clock = clock;
        auto store = SqliteStore::open(target.path, options);
        if (!store) {
            Q_EMIT opened(store.error().message);
            return;
        }
        s.ownStore = std::move(*store);
        s.store = s.ownStore.get();
        s.commands = s.store;
        Q_EMIT opened(QString());
    });
}

DbLane::~DbLane()
{
    post([](DbSession &s) {
        s.billStation.reset();
        s.station.reset();
        s.store = nullptr;
        s.commands = nullptr;
        s.synced.reset();
        s.ownStore.reset();
    });
    m_thread.quit();
    m_thread.wait();
}

void DbLane::post(Job job)
{
    QMetaObject::invokeMethod(
        m_anchor, [this, job = std::move(job)] { job(*m_session); }, Qt::QueuedConnection);
}

} // namespace tt
