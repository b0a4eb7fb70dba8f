#include "app/centralwatch.h"

#include "database/centralsync.h"
#include "database/pgstore.h"

#include <QSqlDriver>
#include <QTimer>

#include <atomic>

namespace tt {

namespace {

const QString kChannel = QStringLiteral("tt_changes");

QString uniqueConnection()
{
    static std::atomic<int> serial = 0;
    return QStringLiteral("tt-gui-watch-%1").arg(++serial);
}

} // namespace

struct CentralWatch::State
{
    PgConnectionInfo info;
    QString connectionName = uniqueConnection();
    std::unique_ptr<PgStore> store;
    QTimer *timer = nullptr;
    int reachable = -1; // unknown, 0, 1
    QString error;
};

CentralWatch::CentralWatch(const PgConnectionInfo &info, int intervalMs, QObject *parent)
    : QObject(parent)
    , m_anchor(new QObject)
    , m_state(std::make_shared<State>())
{
    m_state->info = info;
    m_state->info.statementTimeoutMs = 0;
    m_thread.setObjectName(QStringLiteral("tt-central-watch"));
    m_anchor->moveToThread(&m_thread);
    connect(&m_thread, &QThread::finished, m_anchor, &QObject::deleteLater);
    m_thread.start();
    QMetaObject::invokeMethod(m_anchor, [this, intervalMs, state = m_state] {
        const auto say = [this, state](bool up, const QString &error) {
            if (state->reachable != int(up) || state->error != error)
                Q_EMIT reachableChanged(up, error);
            state->reachable = int(up);
            state->error = error;
        };
        const auto tick = [this, state, say] {
            if (!state->store) {
                auto store =
                    PgStore::open(state->info, PgStoreOptions{state->connectionName, nullptr});
                if (!store) {
                    say(false, store.error().message);
                    return;
                }
                state->store = std::move(*store);
                QSqlDriver *driver = state->store->database().driver();
                connect(driver, &QSqlDriver::notification, m_anchor,
                        [this](const QString &channel) {
                            if (channel == kChannel)
                                Q_EMIT notified();
                        });
                driver->subscribeToNotification(kChannel);
            }
            auto latency = CentralSync(*state->store).ping();
            if (!latency) {
                state->store.reset(); // opened again on the next tick
                say(false, latency.error().message);
                return;
            }
            say(true, QString());
            Q_EMIT latencyMeasured(*latency);
        };
        state->timer = new QTimer(m_anchor);
        state->timer->setInterval(intervalMs);
        connect(state->timer, &QTimer::timeout, m_anchor, tick);
        state->timer->start();
        tick();
    });
}

CentralWatch::~CentralWatch()
{
    // Blocking: the connection must close in its thread before the loop stops (a tick that is
    // still connecting finishes first).
    QMetaObject::invokeMethod(
        m_anchor,
        [state = m_state] {
            delete state->timer;
            state->timer = nullptr;
            state->store.reset();
        },
        Qt::BlockingQueuedConnection);
    m_thread.quit();
    m_thread.wait();
}

} // namespace tt
