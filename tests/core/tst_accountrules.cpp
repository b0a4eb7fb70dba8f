#include <QTest>

#include "core/accountrules.h"

using namespace tt;

Q_DECLARE_METATYPE(tt::Role)

namespace {

QDateTime t0()
{
    return QDateTime(QDate(2024, 3, 1), QTime(8, 0), Qt::UTC);
}

} // namespace

// BRIEF §3.5: password policy, user names, lockout 5 failures / 15 minutes, sessions 1 h
// absolute / 30 min idle, the last-admin and own-role rules.
class TestAccountRules : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void passwordPolicy_data();
    void passwordPolicy();
    void userNames_data();
    void userNames();
    void lockoutAfterFiveFailures();
    void lockoutExpires();
    void lockoutCustomPolicy();
    void session_data();
    void session();
    void userChange_data();
    void userChange();
};

void TestAccountRules::passwordPolicy_data()
{
    QTest::addColumn<QString>("password");
    QTest::addColumn<bool>("ok");

    QTest::newRow("empty") << QString() << false;
    QTest::newRow("9 chars, 4 classes") << QStringLiteral("Abcdef1!x").left(9) << false;
    QTest::newRow("10 chars lower+upper+digit") << QStringLiteral("Abcdefgh12") << true;
    QTest::newRow("10 chars lower+digit+symbol") << QStringLiteral("abcdefgh1!") << true;
    QTest::newRow("10 chars upper+digit+symbol") << QStringLiteral("ABCDEFGH1!") << true;
    QTest::newRow("10 chars lower+upper+symbol") << QStringLiteral("Abcdefghi!") << true;
    QTest::newRow("all four classes") << QStringLiteral("Tr4ceTrack!") << true;
    QTest::newRow("lower only") << QStringLiteral("abcdefghijkl") << false;
    QTest::newRow("digits only") << QStringLiteral("1234567890") << false;
    QTest::newRow("lower+upper only") << QStringLiteral("Abcdefghijkl") << false;
    QTest::newRow("lower+digit only") << QStringLiteral("abcdefghij12") << false;
    QTest::newRow("upper+symbol only") << QStringLiteral("ABCDEFGHIJ!!") << false;
    QTest::newRow("space counts as a symbol") << QStringLiteral("correct horse 9") << true;
    QTest::newRow("256 characters") << QStringLiteral("Aa1!").repeated(64) << true;
    QTest::newRow("257 characters") << QStringLiteral("Aa1!").repeated(64) + QLatin1Char('x') << false;
    QTest::newRow("10 kB") << QStringLiteral("Aa1!").repeated(2500) << false;
    QTest::newRow("non-ASCII letters count") << QString::fromUtf16(u"\u043F\u0430\u0440\u043E\u043B\u044C1234\u0410")
                                             << true;
}

void TestAccountRules::passwordPolicy()
{
    QFETCH(QString, password);
    QFETCH(bool, ok);
    const auto r = checkPasswordPolicy(password);
    QCOMPARE(r.has_value(), ok);
    if (!ok) {
        QCOMPARE(r.error().reason, Reason::WeakPassword);
        QVERIFY(!r.error().message.isEmpty());
        QVERIFY2(password.isEmpty() || !r.error().message.contains(password),
                 "the message never repeats the password");
    }
}

void TestAccountRules::userNames_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<QString>("expected"); // "" = invalid_user_name

    QTest::newRow("plain") << QStringLiteral("admin") << QStringLiteral("admin");
    QTest::newRow("case folded and trimmed") << QStringLiteral("  Ravi.Kumar ") << QStringLiteral("ravi.kumar");
    QTest::newRow("2 characters") << QStringLiteral("ab") << QStringLiteral("ab");
    QTest::newRow("1 character") << QStringLiteral("a") << QString();
    QTest::newRow("32 characters") << QString(32, QLatin1Char('a')) << QString(32, QLatin1Char('a'));
    QTest::newRow("33 characters") << QString(33, QLatin1Char('a')) << QString();
    QTest::newRow("punctuation after the first") << QStringLiteral("a.b_c-d9") << QStringLiteral("a.b_c-d9");
    QTest::newRow("digit first") << QStringLiteral("1admin") << QString();
    QTest::newRow("dot first") << QStringLiteral(".admin") << QString();
    QTest::newRow("inner space") << QStringLiteral("ravi kumar") << QString();
    QTest::newRow("empty") << QString() << QString();
    QTest::newRow("SQL fragment") << QStringLiteral("a' OR '1'='1") << QString();
    QTest::newRow("quote and semicolon") << QStringLiteral("admin';--") << QString();
    QTest::newRow("accented letter") << QString::fromUtf16(u"j\u00F6rg") << QString();
    QTest::newRow("Cyrillic a look-alike") << QString::fromUtf16(u"\u0430dmin") << QString();
    QTest::newRow("Cyrillic capital A look-alike") << QString::fromUtf16(u"\u0410dmin") << QString();
    QTest::newRow("full-width letters") << QString::fromUtf16(u"\uFF41\uFF44min") << QString();
    // Characters whose lower-case form is plain ASCII: accepting them would let a look-alike
    // name stand for an existing user.
    QTest::newRow("Kelvin sign lower-cases to k") << QString::fromUtf16(u"\u212Aumar") << QString();
    QTest::newRow("dotted capital I") << QString::fromUtf16(u"\u0130nder") << QString();
    QTest::newRow("control character") << QStringLiteral("ad\u0001min") << QString();
    QTest::newRow("10 kB") << QString(10000, QLatin1Char('a')) << QString();
}

void TestAccountRules::userNames()
{
    QFETCH(QString, name);
    QFETCH(QString, expected);
    const auto r = normalizeUserName(name);
    if (expected.isEmpty()) {
        QVERIFY2(!r.has_value(), qPrintable(r.value_or(QString())));
        QCOMPARE(r.error().reason, Reason::InvalidUserName);
    } else {
        QVERIFY(r.has_value());
        QCOMPARE(*r, expected);
    }
}

void TestAccountRules::lockoutAfterFiveFailures()
{
    LoginCounters c;
    QDateTime now = t0();
    for (int i = 1; i <= 4; ++i) {
        c = afterFailedLogin(c, now);
        QCOMPARE(c.failedCount, i);
        QVERIFY(!c.lockedUntil.has_value());
        QVERIFY(checkNotLocked(c, now).has_value());
        now = now.addSecs(10);
    }
    c = afterFailedLogin(c, now);
    QVERIFY(c.lockedUntil.has_value());
    QCOMPARE(*c.lockedUntil, now.addSecs(15 * 60));
    QCOMPARE(c.failedCount, 0);
    const auto locked = checkNotLocked(c, now);
    QVERIFY(!locked.has_value());
    QCOMPARE(locked.error().reason, Reason::AccountLocked);
    QVERIFY(locked.error().message.contains(QStringLiteral("15 minute")));
    // Still locked one second before the end; the message rounds the minutes up.
    const auto later = checkNotLocked(c, now.addSecs(15 * 60 - 1));
    QVERIFY(!later.has_value());
    QVERIFY(later.error().message.contains(QStringLiteral("1 minute")));
}

void TestAccountRules::lockoutExpires()
{
    LoginCounters c;
    const QDateTime now = t0();
    for (int i = 0; i < 5; ++i)
        c = afterFailedLogin(c, now);
    QVERIFY(c.lockedUntil.has_value());
    QVERIFY(checkNotLocked(c, now.addSecs(15 * 60)).has_value());
    QVERIFY(checkNotLocked(c, now.addSecs(3600)).has_value());
    // A failure after the lock expired starts a new count and clears the old lock.
    c = afterFailedLogin(c, now.addSecs(16 * 60));
    QCOMPARE(c.failedCount, 1);
    QVERIFY(!c.lockedUntil.has_value());
}

void TestAccountRules::lockoutCustomPolicy()
{
    const LockoutPolicy policy{3, 60};
    LoginCounters c;
    const QDateTime now = t0();
    c = afterFailedLogin(c, now, policy);
    c = afterFailedLogin(c, now, policy);
    QVERIFY(!c.lockedUntil.has_value());
    c = afterFailedLogin(c, now, policy);
    QCOMPARE(*c.lockedUntil, now.addSecs(60));
}

void TestAccountRules::session_data()
{
    QTest::addColumn<int>("sinceStart");    // seconds
    QTest::addColumn<int>("sinceActivity"); // seconds
    QTest::addColumn<int>("state");         // SessionState

    QTest::newRow("fresh") << 0 << 0 << int(SessionState::Active);
    QTest::newRow("idle 29:59") << 1799 << 1799 << int(SessionState::Active);
    QTest::newRow("idle 30:00") << 1800 << 1800 << int(SessionState::IdleExpired);
    QTest::newRow("active 59:59") << 3599 << 60 << int(SessionState::Active);
    QTest::newRow("absolute 60:00 while active") << 3600 << 1 << int(SessionState::AbsoluteExpired);
    QTest::newRow("absolute wins over idle") << 7200 << 3600 << int(SessionState::AbsoluteExpired);
    QTest::newRow("idle 45 min at 50 min") << 3000 << 2700 << int(SessionState::IdleExpired);
}

void TestAccountRules::session()
{
    QFETCH(int, sinceStart);
    QFETCH(int, sinceActivity);
    QFETCH(int, state);
    const QDateTime now = t0().addSecs(7200);
    QCOMPARE(int(sessionState(now.addSecs(-sinceStart), now.addSecs(-sinceActivity), now)), state);
}

void TestAccountRules::userChange_data()
{
    QTest::addColumn<QString>("actor");
    QTest::addColumn<QString>("target");
    QTest::addColumn<Role>("targetRole");
    QTest::addColumn<bool>("targetEnabled");
    QTest::addColumn<int>("newRole"); // -1 = unchanged
    QTest::addColumn<int>("newEnabled"); // -1 = unchanged
    QTest::addColumn<int>("activeAdmins");
    QTest::addColumn<QString>("reason");

    const QString a = QStringLiteral("admin");
    const QString b = QStringLiteral("boss");
    const QString d = QStringLiteral("ravi");
    const int biller = int(Role::Biller);
    const int admin = int(Role::Admin);
    const QString ok;

    QTest::newRow("promote a dispatcher") << a << d << Role::Dispatcher << true << biller << -1 << 1 << ok;
    QTest::newRow("disable a dispatcher") << a << d << Role::Dispatcher << true << -1 << 0 << 1 << ok;
    QTest::newRow("own role, demote") << a << a << Role::Admin << true << biller << -1 << 2
                                      << QStringLiteral("own_role");
    QTest::newRow("own role as a biller") << d << d << Role::Biller << true << admin << -1 << 1
                                          << QStringLiteral("own_role");
    QTest::newRow("own role unchanged is no change") << a << a << Role::Admin << true << admin << -1 << 1 << ok;
    QTest::newRow("demote the last admin") << b << a << Role::Admin << true << biller << -1 << 1
                                           << QStringLiteral("last_admin");
    QTest::newRow("disable the last admin") << b << a << Role::Admin << true << -1 << 0 << 1
                                            << QStringLiteral("last_admin");
    QTest::newRow("disable yourself, the last admin") << a << a << Role::Admin << true << -1 << 0 << 1
                                                      << QStringLiteral("last_admin");
    QTest::newRow("demote one of two admins") << a << b << Role::Admin << true << biller << -1 << 2 << ok;
    QTest::newRow("disable one of two admins") << a << b << Role::Admin << true << -1 << 0 << 2 << ok;
    QTest::newRow("demote a disabled admin") << a << b << Role::Admin << false << biller << -1 << 1 << ok;
    QTest::newRow("enable an admin") << a << b << Role::Admin << false << -1 << 1 << 1 << ok;
    QTest::newRow("re-enable keeps last admin") << b << a << Role::Admin << true << -1 << 1 << 1 << ok;
}

void TestAccountRules::userChange()
{
    QFETCH(QString, actor);
    QFETCH(QString, target);
    QFETCH(Role, targetRole);
    QFETCH(bool, targetEnabled);
    QFETCH(int, newRole);
    QFETCH(int, newEnabled);
    QFETCH(int, activeAdmins);
    QFETCH(QString, reason);
    UserChange c{actor, target, targetRole, targetEnabled, std::nullopt, std::nullopt, activeAdmins};
    if (newRole >= 0)
        c.newRole = Role(newRole);
    if (newEnabled >= 0)
        c.newEnabled = newEnabled != 0;
    const auto r = checkUserChange(c);
    QCOMPARE(r ? QString() : reasonName(r.error().reason), reason);
}

QTEST_APPLESS_MAIN(TestAccountRules)
#include "tst_accountrules.moc"
