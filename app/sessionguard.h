#pragma once

#include <QDateTime>
#include <QObject>
#include <QTimer>

#include "core/accountrules.h"

namespace tt {

class Clock;

// Ends a session after BRIEF §3.5's limits (1 h absolute, 30 min idle, core/accountrules.h): checks
// every few seconds and on demand, and emits expired() once; unlock() starts a new session for the
// same user. GUI thread only.
class SessionGuard : public QObject
{
    Q_OBJECT

public:
    // The clock must outlive the guard.
    explicit SessionGuard(const Clock &clock, SessionPolicy policy = {}, QObject *parent = nullptr);

    // A session begins now (after login or unlock).
    void start();
    // The user did something (key, click, scan).
    void noteActivity();
    // Evaluates the limits now; emits expired() on the transition to locked.
    SessionState check();
    bool isLocked() const { return m_locked; }
    // Locks at once (the user chose "Lock").
    void lockNow();

Q_SIGNALS:
    void expired(tt::SessionState state);

private:
    const Clock &m_clock;
    SessionPolicy m_policy;
    QDateTime m_started;
    QDateTime m_lastActivity;
    bool m_locked = false;
    QTimer m_timer;
};

} // namespace tt
