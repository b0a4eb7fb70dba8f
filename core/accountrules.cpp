#include "core/accountrules.h"

namespace tt {

Result<void> checkPasswordPolicy(const QString &password)
{
    if (password.size() < 10)
        return fail(Reason::WeakPassword,
                    QStringLiteral("The password needs at least 10 characters."));
    if (password.size() > 256)
        return fail(Reason::WeakPassword, QStringLiteral("The password is longer than 256 characters."));
    bool lower = false, upper = false, digit = false, symbol = false;
    for (const QChar c : password) {
        if (c.isLower())
            lower = true;
        else if (c.isUpper())
            upper = true;
        else if (c.isDigit())
            digit = true;
        else if (!c.isSpace() || c == QLatin1Char(' '))
            symbol = true;
    }
    if (int(lower) + int(upper) + int(digit) + int(symbol) < 3)
        return fail(Reason::WeakPassword,
                    QStringLiteral("The password needs three of: lower-case letter, upper-case letter, "
                                   "digit, symbol."));
    return {};
}

Result<QString> normalizeUserName(const QString &name)
{
    const QString trimmed = name.trimmed();
    const auto bad = [&] {
        return fail(Reason::InvalidUserName,
                    QStringLiteral("A user name has 2–32 characters: a letter first, then letters, digits, "
                                   "'.', '_' or '-'."));
    };
    // Checked before lower-casing: the Kelvin sign lower-cases to a plain 'k'.
    for (const QChar c : trimmed) {
        if (c.unicode() > 0x7E)
            return bad();
    }
    const QString n = trimmed.toLower();
    if (n.size() < 2 || n.size() > 32)
        return bad();
    for (qsizetype i = 0; i < n.size(); ++i) {
        const char16_t c = n.at(i).unicode();
        const bool letter = c >= u'a' && c <= u'z';
        const bool other = (c >= u'0' && c <= u'9') || c == u'.' || c == u'_' || c == u'-';
        if (!(letter || (i > 0 && other)))
            return bad();
    }
    return n;
}

Result<void> checkNotLocked(const LoginCounters &counters, const QDateTime &now)
{
    if (counters.lockedUntil && *counters.lockedUntil > now) {
        const qint64 minutes = (now.secsTo(*counters.lockedUntil) + 59) / 60;
        return fail(Reason::AccountLocked,
                    QStringLiteral("The account is locked after too many failed logins; try again in %1 "
                                   "minute(s) or ask an admin.")
                        .arg(minutes));
    }
    return {};
}

LoginCounters afterFailedLogin(LoginCounters counters, const QDateTime &now,
                               const LockoutPolicy &policy)
{
    if (counters.lockedUntil && *counters.lockedUntil <= now)
        counters.lockedUntil.reset();
    ++counters.failedCount;
    if (counters.failedCount >= policy.maxFailures) {
        counters.lockedUntil = now.addSecs(policy.lockSeconds);
        counters.failedCount = 0;
    }
    return counters;
}

SessionState sessionState(const QDateTime &startedAt, const QDateTime &lastActivity,
                          const QDateTime &now, const SessionPolicy &policy)
{
    if (startedAt.secsTo(now) >= policy.absoluteSeconds)
        return SessionState::AbsoluteExpired;
    if (lastActivity.secsTo(now) >= policy.idleSeconds)
        return SessionState::IdleExpired;
    return SessionState::Active;
}

Result<void> checkUserChange(const UserChange &change)
{
    if (change.newRole && *change.newRole != change.targetRole && change.actor == change.target)
        return fail(Reason::OwnRole, QStringLiteral("Nobody can change their own role."));
    const bool losesAdmin = change.targetRole == Role::Admin && change.targetEnabled
        && ((change.newRole && *change.newRole != Role::Admin)
            || (change.newEnabled && !*change.newEnabled));
    if (losesAdmin && change.activeAdmins <= 1)
        return fail(Reason::LastAdmin,
                    QStringLiteral("%1 is the last active admin and cannot be demoted or disabled.")
                        .arg(change.target));
    return {};
}

} // namespace tt
