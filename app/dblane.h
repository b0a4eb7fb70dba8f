#pragma once

#include "database/pgconnection.h"
#include "database/sqlitestore.h"

#include <QObject>
#include <QThread>

#include <functional>
#include <memory>
#include <optional>

namespace tt {

struct DbSession;

// Where the GUI's lanes work. Embedded: path is the database. Central: path is the station's
// SQLite cache (it must exist) and central the station role's connection.
struct DbTarget
{
    QString path;
    std::optional<PgConnectionInfo> central;
};

// One worker thread with its own SQLite connection (ARCHITECTURE "Threading"). Jobs run one
// after another, in the order they were posted, in that thread. The destructor lets the queued
// jobs finish, closes the connection in the thread and waits for it.
class DbLane : public QObject
{
    Q_OBJECT

public:
    using Job = std::function<void(DbSession &)>;

    // Starts the thread and opens target.path there as connection `connectionName`; with
    // commands set in central mode, a SyncedStore on the cache and the central database.
    DbLane(const DbTarget &target, bool commands, const QString &connectionName, const Clock *clock,
           QObject *parent = nullptr);
    ~DbLane() override;

    // Queues a job; callable from any thread. Jobs also run when opening failed (session.store
    // is then null).
    void post(Job job);

Q_SIGNALS:
    // Emitted from the lane's thread once, after the open attempt; message empty on success.
    void opened(const QString &message);

private:
    QThread m_thread;
    QObject *m_anchor;                    // lives in m_thread; jobs are queued calls on it
    std::unique_ptr<DbSession> m_session; // touched only in m_thread
};

} // namespace tt
