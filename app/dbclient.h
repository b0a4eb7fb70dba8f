#pragma once

#include <QObject>
#include <QPointer>
#include <QTimer>

#include <memory>
#include <type_traits>

#include "app/dblane.h"
#include "app/dbsession.h"
#include "core/command.h"

namespace tt {

class Clock;

// The GUI's only way to the database: two worker lanes, each a thread with its own connection to
// the same SQLite file. The command lane runs scans and commands (never behind a slow browse
// query); the query lane runs browse pages, details and the dashboard. Results come back as
// queued calls in the GUI thread. Also polls for changes by any connection (other processes
// included) and says so with changed(). GUI thread only; destroy before the QApplication.
class DbClient : public QObject
{
    Q_OBJECT

public:
    enum class Lane { Command, Query };

    // The database file must exist (the start-up opened and migrated it). clock: for the stores
    // (tests); nullptr is the system clock and must outlive the client.
    explicit DbClient(const QString &path, const Clock *clock = nullptr, QObject *parent = nullptr);
    ~DbClient() override;

    // Runs work(DbSession &) → R in the lane's thread, then done(R) in the GUI thread unless
    // context was destroyed meanwhile. work must capture values only (no widgets, no `this` of
    // GUI objects). Skipped (done not called) when the lane's database could not be opened.
    template<typename Work, typename Done>
    void call(Lane lane, QObject *context, Work work, Done done);

    // The logged-in user: creates the command lane's stations for them.
    void setActor(const Actor &actor, const QString &stationId);

    // Jobs whose answers have not been delivered yet (change probes excluded).
    int pending() const { return m_pending; }
    // Processes events until pending() is 0 and no change is waiting to be announced, or the
    // time is up (tests, screenshots). Returns true when idle.
    bool waitIdle(int timeoutMs = 10000);

    QString path() const { return m_path; }
    QString openError() const { return m_openError; }

    // How often changes are probed (default 250 ms: the dashboard is current within a second).
    void setPollInterval(int ms) { m_poll.setInterval(ms); }

Q_SIGNALS:
    // Some connection committed since the last probe.
    void changed();
    // A lane could not open the database; message for the user.
    void failed(const QString &message);

private:
    DbLane &lane(Lane which) { return which == Lane::Command ? *m_command : *m_query; }
    void probe();

    QString m_path;
    QString m_openError;
    std::unique_ptr<DbLane> m_command;
    std::unique_ptr<DbLane> m_query;
    QTimer m_poll;
    int m_pending = 0;
    bool m_probing = false;
    qint64 m_version = -1;
};

template<typename Work, typename Done>
void DbClient::call(Lane which, QObject *context, Work work, Done done)
{
    using R = std::invoke_result_t<Work &, DbSession &>;
    ++m_pending;
    QPointer<QObject> guard(context);
    lane(which).post([this, guard, work = std::move(work), done = std::move(done)](DbSession &s) mutable {
        if (!s.store) {
            QMetaObject::invokeMethod(this, [this] { --m_pending; }, Qt::QueuedConnection);
            return;
        }
        auto result = std::make_shared<R>(work(s));
        QMetaObject::invokeMethod(
            this,
            [this, guard, done, result]() mutable {
                --m_pending;
                if (guard)
                    done(std::move(*result));
            },
            Qt::QueuedConnection);
    });
}

} // namespace tt
