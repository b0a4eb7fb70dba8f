#include "app/sessionguard.h"

#include "core/clock.h"

namespace tt {

SessionGuard::SessionGuard(const Clock &clock, SessionPolicy policy, QObject *parent)
    : QObject(parent)
    , m_clock(clock)
    , m_policy(policy)
{
    m_timer.setInterval(5000);
    connect(&m_timer, &QTimer::timeout, this, &SessionGuard::check);
}

void SessionGuard::start()
{
    m_started = m_lastActivity = m_clock.now();
    m_locked = false;
    m_timer.start();
}

void SessionGuard::noteActivity()
{
    if (m_locked || !m_started.isValid())
        return;
    // Activity after a limit passed must not revive the session.
    if (check() == SessionState::Active)
        m_lastActivity = m_clock.now();
}

SessionState SessionGuard::check()
{
    if (!m_started.isValid())
        return SessionState::Active;
    const SessionState state = sessionState(m_started, m_lastActivity, m_clock.now(), m_policy);
    if (state != SessionState::Active && !m_locked) {
        m_locked = true;
        m_timer.stop();
        Q_EMIT expired(state);
    }
    return m_locked && state == SessionState::Active ? SessionState::IdleExpired : state;
}

void SessionGuard::lockNow()
{
    if (m_locked)
        return;
    m_locked = true;
    m_timer.stop();
    Q_EMIT expired(SessionState::IdleExpired);
}

} // namespace tt
