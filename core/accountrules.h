#pragma once

#include <QDateTime>
#include <QString>

#include <optional>

#include "core/error.h"
#include "core/role.h"

namespace tt {

// BRIEF §3.5: at least 10 characters with three of lower case, upper case, digit, symbol;
// at most 256 characters.
Result<void> checkPasswordPolicy(const QString &password);

// User names: 2–32 characters, a letter first, then letters, digits, '.', '_' or '-' (ASCII
// only). Returns the canonical lower-case form.
Result<QString> normalizeUserName(const QString &name);

struct LockoutPolicy
{
    int maxFailures = 5;
    qint64 lockSeconds = 15 * 60;
};

// What the database remembers about failed logins of one account.
struct LoginCounters
{
    int failedCount = 0;
    std::optional<QDateTime> lockedUntil;
};

// Whether a login attempt may even be checked now: AccountLocked while lockedUntil > now.
Result<void> checkNotLocked(const LoginCounters &counters, const QDateTime &now);

// The counters after a failed attempt: the fifth failure in a row locks for 15 minutes and
// starts counting again.
LoginCounters afterFailedLogin(LoginCounters counters, const QDateTime &now,
                               const LockoutPolicy &policy = {});

struct SessionPolicy
{
    qint64 absoluteSeconds = 60 * 60;
    qint64 idleSeconds = 30 * 60;
};

enum class SessionState { Active, IdleExpired, AbsoluteExpired };

SessionState sessionState(const QDateTime &startedAt, const QDateTime &lastActivity,
                          const QDateTime &now, const SessionPolicy &policy = {});

// The last-admin and own-role rules for changing a user's role or disabling the user.
// activeAdmins counts enabled admins including the target.
struct UserChange
{
    QString actor;
    QString target;
    Role targetRole = Role::Dispatcher;
    bool targetEnabled = true;
    std::optional<Role> newRole;
    std::optional<bool> newEnabled;
    int activeAdmins = 0;
};

Result<void> checkUserChange(const UserChange &change);

} // namespace tt
