#pragma once

#include "database/pgconnection.h"

#include <QObject>
#include <QThread>

#include <memory>

namespace tt {

// A connection of its own to the central database, in a thread of its own with an event loop:
// it answers "is the server there?" once a second (a round trip, whose time is the latency) and
// LISTENs on the change feed's channel `tt_changes`, so a station pulls soon after others'
// changes instead of on the next poll. The commands' connection (SyncedStore) never waits for a
// dead server to find out; DbClient asks this watch first. Signals are emitted from the watch
// thread (queued to receivers in other threads). The destructor closes the connection in its
// thread and waits for it.
class CentralWatch : public QObject
{
    Q_OBJECT

public:
    // Starts at once; intervalMs: how often the server is asked.
    explicit CentralWatch(const PgConnectionInfo &info, int intervalMs = 1000,
                          QObject *parent = nullptr);
    ~CentralWatch() override;

Q_SIGNALS:
    // On the first answer and on every change; error says why when unreachable.
    void reachableChanged(bool reachable, const QString &error);
    // Each successful round trip, in milliseconds.
    void latencyMeasured(double ms);
    // A NOTIFY on tt_changes arrived (not rate-limited here).
    void notified();

private:
    struct State;

    QThread m_thread;
    QObject *m_anchor;              // lives in m_thread
    std::shared_ptr<State> m_state; // touched only in m_thread
};

} // namespace tt
