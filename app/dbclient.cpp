#include "app/dbclient.h"

#include <QCoreApplication>
#include <QDeadlineTimer>

#include "database/dashboardquery.h"

namespace tt {

namespace {

QString uniqueConnection(const char *lane)
{
    static int serial = 0;
    return QStringLiteral("tt-gui-%1-%2").arg(QLatin1String(lane)).arg(++serial);
}

} // namespace

DbClient::DbClient(const QString &path, const Clock *clock, QObject *parent)
    : QObject(parent)
    , m_path(path)
    , m_command(std::make_unique<DbLane>(path, uniqueConnection("command"), clock))
    , m_query(std::make_unique<DbLane>(path, uniqueConnection("query"), clock))
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
}

DbClient::~DbClient()
{
    m_poll.stop();
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
            s.station = std::make_unique<Station>(*s.store, s.store->clock(), actor, stationId);
            s.billStation = std::make_unique<Station>(*s.store, s.store->clock(), actor, stationId);
            return true;
        },
        [](bool) {});
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
