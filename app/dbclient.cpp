#include "app/dbclient.h"

#include "app/centralwatch.h"
#include "app/databasechoice.h"
#include "database/centralsync.h"
#include "database/dashboardquery.h"
#include "database/pgstore.h"

#include <QCoreApplication>
#include <QDeadlineTimer>

#include <algorithm>

namespace tt {

namespace {

QString uniqueConnection(const char *lane)
{
    static int serial = 0;
    return QStringLiteral("tt-gui-%1-%2").arg(QLatin1String(lane)).arg(++serial);
}

// One sync round in the command lane, as the GUI thread learns it.
struct SyncRound
{
    SyncStatus status;
    QString error;
    std::optional<QJsonArray> stations;
    double ms = 0;
    bool more = false;
};

} // namespace

DbClient::DbClient(const QString &path, const Clock *clock, QObject *parent)
    : DbClient(DbTarget{path, std::nullopt}, clock, parent)
{}

DbClient::DbClient(const DbTarget &target, const Clock *clock, QObject *parent)
    : QObject(parent)
    , m_target(target)
    , m_command(std::make_unique<DbLane>(target, true, uniqueConnection("command"), clock))
    , m_query(std::make_unique<DbLane>(target, false, uniqueConnection("query"), clock))
{
    for (DbLane *l : {m_command.get(), m_query.get()}) {
        connect(l, &DbLane::opened, this, [this](const QString &message) {
            if (message.isEmpty() || !m_openError.isEmpty())
                return;
            m_openError = message;
            Q_EMIT failed(message);
        });
    }
    m_poll.setInterval(250);
    connect(&m_poll, &QTimer::timeout, this, &DbClient::probe);
    m_poll.start();
    if (m_target.central)
        startCentral();
}

DbClient::~DbClient()
{
    m_poll.stop();
    m_syncTimer.stop();
    m_statusTimer.stop();
    m_notifyTimer.stop();
    m_watch.reset();
    m_command.reset();
    m_query.reset();
}

void DbClient::setActor(const Actor &actor, const QString &stationId)
{
    call(
        Lane::Command, this,
        [actor, stationId](DbSession &s) {
            s.actor = actor;
            s.stationId = stationId;
            s.station = std::make_unique<Station>(*s.commands, s.store->clock(), actor, stationId);
            s.billStation =
                std::make_unique<Station>(*s.commands, s.store->clock(), actor, stationId);
            return true;
        },
        [](bool) {});
    m_loggedIn = true;
    m_admin = actor.role == Role::Admin;
    syncNow();
}

void DbClient::startCentral()
{
    m_watch = std::make_unique<CentralWatch>(*m_target.central);
    connect(m_watch.get(), &CentralWatch::reachableChanged, this,
            [this](bool reachable, const QString &error) {
                m_central.reachable = reachable;
                m_central.error =
                    reachable ? QString() : explainConnectionError(*m_target.central, error);
                if (reachable) {
                    syncNow(); // the server is back: send what was queued
                } else {
                    m_command->post([error](DbSession &s) {
                        if (s.synced)
                            s.synced->setOffline(error);
                    });
                }
                Q_EMIT centralStateChanged();
            });
    connect(m_watch.get(), &CentralWatch::latencyMeasured, this, [this](double ms) {
        m_central.latencyMs = ms;
        Q_EMIT centralStateChanged();
    });
    connect(m_watch.get(), &CentralWatch::notified, this, &DbClient::notifiedOfChanges);
    m_syncTimer.setInterval(5000);
    connect(&m_syncTimer, &QTimer::timeout, this, &DbClient::syncNow);
    m_syncTimer.start();
    m_statusTimer.setInterval(500);
    connect(&m_statusTimer, &QTimer::timeout, this, &DbClient::refreshStatus);
    m_statusTimer.start();
    m_notifyTimer.setSingleShot(true);
    connect(&m_notifyTimer, &QTimer::timeout, this, &DbClient::syncNow);
    refreshStatus();
}

void DbClient::notifiedOfChanges()
{
    // Pull soon, but at most once a second however many notifications arrive.
    if (m_notifyTimer.isActive())
        return;
    const qint64 since = m_sinceSync.isValid() ? m_sinceSync.elapsed() : 1000;
    m_notifyTimer.start(int(std::clamp<qint64>(1000 - since, 50, 1000)));
}

void DbClient::refreshStatus()
{
    if (m_statusBusy)
        return;
    m_statusBusy = true;
    call(
        Lane::Command, this,
        [](DbSession &s) { return s.synced ? s.synced->status() : SyncStatus{}; },
        [this](SyncStatus status) {
            m_statusBusy = false;
            m_central.sync = status;
            Q_EMIT centralStateChanged();
        });
}

void DbClient::syncNow()
{
    if (!m_target.central || !m_loggedIn || !m_central.reachable)
        return;
    if (m_syncing) {
        m_syncAgain = true;
        return;
    }
    m_syncing = true;
    m_sinceSync.start();
    call(
        Lane::Command, this,
        [admin = m_admin, batch = m_syncBatch](DbSession &s) {
            SyncRound round;
            if (!s.synced)
                return round;
            QElapsedTimer t;
            t.start();
            auto r = s.synced->sync(batch);
            round.ms = double(t.nsecsElapsed()) / 1e6;
            if (r)
                round.more = r->more;
            else
                round.error = r.error().message;
            if (admin && r && !r->more && s.synced->central()) {
                if (auto stations = CentralSync(*s.synced->central()).stations())
                    round.stations = *stations;
            }
            round.status = s.synced->status();
            return round;
        },
        [this](SyncRound round) {
            m_syncing = false;
            m_longestSyncMs = qMax(m_longestSyncMs, round.ms);
            ++m_central.syncs;
            m_central.sync = round.status;
            if (!round.error.isEmpty())
                m_central.error = round.error;
            if (round.stations)
                m_central.stations = *round.stations;
            Q_EMIT centralStateChanged();
            // More queued: the next round goes behind the scans posted meanwhile.
            if ((round.more && round.error.isEmpty()) || std::exchange(m_syncAgain, false))
                syncNow();
        });
}

void DbClient::probe()
{
    if (m_probing)
        return;
    m_probing = true;
    m_query->post([this](DbSession &s) {
        qint64 version = -1;
        if (s.store) {
            DashboardQuery q(s.store->statements());
            version = q.dataVersion().value_or(-1);
        }
        QMetaObject::invokeMethod(
            this,
            [this, version] {
                m_probing = false;
                if (version < 0 || version == m_version)
                    return;
                const bool first = m_version < 0;
                m_version = version;
                if (!first)
                    Q_EMIT changed();
            },
            Qt::QueuedConnection);
    });
}

bool DbClient::waitIdle(int timeoutMs)
{
    QDeadlineTimer deadline(timeoutMs);
    // Let a probe see commits made just before the call.
    bool probed = false;
    while (!deadline.hasExpired()) {
        QCoreApplication::processEvents(QEventLoop::AllEvents, 20);
        if (m_pending == 0 && !m_probing) {
            if (probed)
                return true;
            probe();
            probed = true;
        }
    }
    return false;
}

} // namespace tt
