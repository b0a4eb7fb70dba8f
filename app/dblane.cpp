#include "app/dblane.h"

#include "app/dbsession.h"

namespace tt {

DbLane::DbLane(const QString &path, const QString &connectionName, const Clock *clock, QObject *parent)
    : QObject(parent)
    , m_anchor(new QObject)
    , m_session(std::make_unique<DbSession>())
{
    m_thread.setObjectName(connectionName);
    m_anchor->moveToThread(&m_thread);
    connect(&m_thread, &QThread::finished, m_anchor, &QObject::deleteLater);
    m_thread.start();
    post([this, path, connectionName, clock](DbSession &s) {
        SqliteStoreOptions options;
        options.connectionName = connectionName;
        options.create = false;
        options.clock = clock;
        auto store = SqliteStore::open(path, options);
        if (!store) {
            Q_EMIT opened(store.error().message);
            return;
        }
        s.store = std::move(*store);
        Q_EMIT opened(QString());
    });
}

DbLane::~DbLane()
{
    post([](DbSession &s) {
        s.billStation.reset();
        s.station.reset();
        s.store.reset();
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
