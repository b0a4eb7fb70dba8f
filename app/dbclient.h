#pragma once

#include "app/dblane.h"
#include "app/dbsession.h"
#include "core/command.h"

#include <QElapsedTimer>
#include <QJsonArray>
#include <QObject>
#include <QPointer>
#include <QTimer>

#include <memory>
#include <type_traits>

namespace tt {

class CentralWatch;
class Clock;

// Central mode: where the station stands (BRIEF §5 "what a station shows", §7 health).
struct CentralState
{
    bool reachable = false; // the watch's last answer (CentralWatch)
    double latencyMs = -1;  // its last round trip
    QString error;          // why the server cannot be reached, or why the last sync failed
    SyncStatus sync;        // the station's store: online, queued, conflicts, last sync
    QJsonArray stations;    // every station's last report (admins; CentralSync::stations())
    qint64 syncs = 0;       // sync rounds answered (tests)

    // Commands are decided centrally now (the watch sees the server and the store is online).
    bool online() const { return reachable && sync.online; }
};

// The GUI's only way to the database: two worker lanes, each a thread with its own connection to
// the same SQLite file. The command lane runs scans and commands (never behind a slow browse
// query); the query lane runs browse pages, details and the dashboard. Results come back as
// queued calls in the GUI thread. Also polls for changes by any connection (other processes
// included) and says so with changed(). GUI thread only; destroy before the QApplication.
//
// Central mode (DbTarget::central): the command lane holds a SyncedStore, the query lane reads
// its SQLite cache. A CentralWatch sees the server come and go; after login the client syncs in
// the command lane every few seconds, at once when the server comes back, soon after a NOTIFY
// on tt_changes (at most once a second) and, while commands are queued, round after round of at
// most syncBatch() commands, so a scan waits behind one round, never behind a whole replay.
// centralState() says where the station stands, refreshed twice a second.
class DbClient : public QObject
{
    Q_OBJECT

public:
    enum class Lane { Command, Query };

    // The database file must exist (the start-up opened and migrated it). clock: for the stores
    // (tests); nullptr is the system clock and must outlive the client.
    explicit DbClient(const QString &path, const Clock *clock = nullptr, QObject *parent = nullptr);
    // Embedded or central (target.path: the cache, which must exist).
    explicit DbClient(const DbTarget &target, const Clock *clock = nullptr,
                      QObject *parent = nullptr);
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

    QString path() const { return m_target.path; }
    const DbTarget &target() const { return m_target; }
    QString openError() const { return m_openError; }
    bool isCentral() const { return m_target.central.has_value(); }
    // The central database without the password (central mode), for display.
    QString centralName() const
    {
        return m_target.central ? m_target.central->displayName() : QString();
    }

    // How often changes are probed (default 250 ms: the dashboard is current within a second).
    void setPollInterval(int ms) { m_poll.setInterval(ms); }

    // Central mode.
    const CentralState &centralState() const { return m_central; }
    // A sync round soon (no-op before login, while the server is away, or embedded).
    void syncNow();
    // The periodic sync (default 5 s) and the commands per round (default 50).
    void setSyncInterval(int ms) { m_syncTimer.setInterval(ms); }
    void setSyncBatch(int commands) { m_syncBatch = qMax(1, commands); }
    int syncBatch() const { return m_syncBatch; }
    // The longest time one sync round held the command lane, in milliseconds.
    double longestSyncMs() const { return m_longestSyncMs; }

Q_SIGNALS:
    // Some connection committed since the last probe.
    void changed();
    // A lane could not open the database; message for the user.
    void failed(const QString &message);
    // centralState() changed (central mode).
    void centralStateChanged();

private:
    DbLane &lane(Lane which) { return which == Lane::Command ? *m_command : *m_query; }
    void probe();
    void startCentral();
    void refreshStatus();
    void notifiedOfChanges();

    DbTarget m_target;
    QString m_openError;
    std::unique_ptr<DbLane> m_command;
    std::unique_ptr<DbLane> m_query;
    QTimer m_poll;
    int m_pending = 0;
    bool m_probing = false;
    qint64 m_version = -1;
    // central mode
    std::unique_ptr<CentralWatch> m_watch;
    CentralState m_central;
    QTimer m_syncTimer;
    QTimer m_statusTimer;
    QTimer m_notifyTimer;
    QElapsedTimer m_sinceSync;
    bool m_loggedIn = false;
    bool m_admin = false;
    bool m_syncing = false;
    bool m_syncAgain = false;
    bool m_statusBusy = false;
    int m_syncBatch = 50;
    double m_longestSyncMs = 0;
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
