#include <QElapsedTimer>
#include <QSqlRecord>
#include <QTest>

#include "core/totp.h"
#include "database/accountservice.h"
#include "database/passwordhasher.h"
#include "database/sqlitestore.h"
#include "tests/database/storefixture.h"

using namespace tt;
using namespace tt::test;

namespace {

const QString kStation = QStringLiteral("ST1");
const QString kAdminPassword = QStringLiteral("Adm1n-Secret!");
const QString kUserPassword = QStringLiteral("Disp4tch-Pass");
const Actor kAdmin{QStringLiteral("admin"), Role::Admin};

QString why(const Result<void> &r)
{
    return r ? QStringLiteral("ok") : reasonName(r.error().reason);
}

template<typename T>
QString why(const Result<T> &r)
{
    return r ? QStringLiteral("ok") : reasonName(r.error().reason);
}

} // namespace

// Users, passwords, lockout and the audit of login attempts (BRIEF §3.5, §3.6). Argon2id costs
// about 0.1 s per hash or check, so each test hashes only a handful of times.
class TestAccounts : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();

    void initAdmin();
    void hashesNeverContainThePassword();
    void passwordHasher();
    void loginOkAndBad();
    void unknownUserLooksLikeWrongPassword();
    void unknownUserTakesAsLong();
    void lockoutAfterFiveFailures();
    void successResetsFailureCount();
    void adminUnlocks();
    void disabledUserCannotLogIn();
    void lastAdminAndOwnRole();
    void onlyAdminsManageUsers();
    void addUserValidation();
    void setPassword();
    void everyLoginAttemptIsAudited();
    void totpEnrolmentNeedsAConfirmedCode();
    void totpLogin();
    void totpWrongCodesLockTheAccount();
    void totpDisable();

private:
    // The code an authenticator app with the user's stored secret shows at the clock's time.
    QString currentCode(const QString &user, qint64 stepOffset = 0)
    {
        const QString secret = scalar(m_store->database(),
                                      QStringLiteral("SELECT totp_secret FROM users WHERE username = '%1'").arg(user))
                                   .toString();
        return totp::code(*totp::fromBase32(secret), totp::stepAt(m_clock->now().toSecsSinceEpoch()) + stepOffset);
    }
    // Admin with a confirmed second factor; the clock is moved on past the confirming code's step.
    void enableTotp()
    {
        QVERIFY(m_accounts->beginTotp(kAdmin, kStation).has_value());
        QCOMPARE(why(m_accounts->confirmTotp(kAdmin, kStation, currentCode(QStringLiteral("admin")))),
                 QStringLiteral("ok"));
        m_clock->advanceSeconds(totp::kStepSeconds);
    }

    int loginAudits(const QString &action = QString())
    {
        return scalar(m_store->database(),
                      action.isEmpty()
                          ? QStringLiteral("SELECT count(*) FROM audit_log WHERE action LIKE 'login.%'")
                          : QStringLiteral("SELECT count(*) FROM audit_log WHERE action = '%1'").arg(action))
            .toInt();
    }

    std::unique_ptr<ManualClock> m_clock;
    std::unique_ptr<SqliteStore> m_store;
    std::unique_ptr<AccountService> m_accounts;
    QString m_adminHash; // hashed once: every test starts with the same first admin
    int m_connection = 0;
};

void TestAccounts::initTestCase()
{
    const auto hash = PasswordHasher::hash(kAdminPassword);
    QVERIFY(hash.has_value());
    m_adminHash = *hash;
}

void TestAccounts::init()
{
    m_clock = std::make_unique<ManualClock>(startTime());
    m_store = openMemoryStore(*m_clock, QStringLiteral("accounts-%1").arg(++m_connection));
    QVERIFY(m_store);
    m_accounts = std::make_unique<AccountService>(m_store->statements(), *m_clock);
    // The first admin as initAdmin() writes it (tested in initAdmin()), without hashing again.
    QSqlQuery q(m_store->database());
    q.prepare(QStringLiteral("INSERT INTO users(username, password_hash, role, created_at, created_by) "
                             "VALUES ('admin', ?, 'admin', ?, 'admin')"));
    q.addBindValue(m_adminHash);
    q.addBindValue(isoUtc(m_clock->now()));
    QVERIFY(q.exec());
}

void TestAccounts::cleanup()
{
    m_accounts.reset();
    if (m_store)
        TT_VERIFY_CLEAN(*m_store);
    m_store.reset();
    m_clock.reset();
}

void TestAccounts::initAdmin()
{
    const auto fresh = openMemoryStore(*m_clock, QStringLiteral("accounts-init"));
    QVERIFY(fresh);
    AccountService accounts(fresh->statements(), *m_clock);
    QCOMPARE(*accounts.hasUsers(), false);
    QCOMPARE(why(accounts.initAdmin(QStringLiteral("x"), kAdminPassword, kStation)), QStringLiteral("invalid_user_name"));
    QCOMPARE(why(accounts.initAdmin(QStringLiteral("Admin"), QStringLiteral("weakpass"), kStation)),
             QStringLiteral("weak_password"));
    QCOMPARE(*accounts.hasUsers(), false);
    QCOMPARE(why(accounts.initAdmin(QStringLiteral("Admin"), kAdminPassword, kStation)), QStringLiteral("ok"));
    QCOMPARE(*accounts.hasUsers(), true);
    const auto admin = accounts.find(QStringLiteral("ADMIN"));
    QVERIFY(admin && *admin);
    QCOMPARE((*admin)->username, QStringLiteral("admin"));
    QCOMPARE((*admin)->role, Role::Admin);
    QVERIFY((*admin)->enabled);
    QCOMPARE((*admin)->createdAt, startTime());
    // Only on a database without users.
    QCOMPARE(why(accounts.initAdmin(QStringLiteral("other"), kAdminPassword, kStation)), QStringLiteral("user_exists"));
    QCOMPARE(accounts.list()->size(), 1);
    QCOMPARE(scalar(fresh->database(), QStringLiteral("SELECT count(*) FROM audit_log WHERE action = 'user.init'"))
                 .toInt(),
             1);
    const auto actor = accounts.login(QStringLiteral("admin"), kAdminPassword, kStation);
    QVERIFY(actor.has_value());
    QCOMPARE(actor->role, Role::Admin);
    TT_VERIFY_CLEAN(*fresh);
}

void TestAccounts::hashesNeverContainThePassword()
{
    QCOMPARE(why(m_accounts->addUser(kAdmin, kStation, QStringLiteral("ravi"), kUserPassword, Role::Dispatcher,
                                     QStringLiteral("Jaipur"))),
             QStringLiteral("ok"));
    QSqlQuery q(m_store->database());
    QVERIFY(q.exec(QStringLiteral("SELECT username, password_hash FROM users ORDER BY username")));
    QStringList hashes;
    while (q.next()) {
        const QString hash = q.value(1).toString();
        QVERIFY2(hash.startsWith(QStringLiteral("$argon2id$")), qPrintable(hash));
        QVERIFY(!hash.contains(kAdminPassword));
        QVERIFY(!hash.contains(kUserPassword));
        hashes << hash;
    }
    QCOMPARE(hashes.size(), 2);
    QVERIFY(hashes.at(0) != hashes.at(1));
    // Nothing else stores the passwords either.
    for (const QString &table : {QStringLiteral("audit_log"), QStringLiteral("command_log"), QStringLiteral("settings")}) {
        QSqlQuery all(m_store->database());
        QVERIFY(all.exec(QStringLiteral("SELECT * FROM ") + table));
        while (all.next()) {
            for (int i = 0; i < all.record().count(); ++i) {
                const QString v = all.value(i).toString();
                QVERIFY2(!v.contains(kAdminPassword) && !v.contains(kUserPassword), qPrintable(table));
            }
        }
    }
}

void TestAccounts::passwordHasher()
{
    const auto a = PasswordHasher::hash(kUserPassword);
    const auto b = PasswordHasher::hash(kUserPassword);
    QVERIFY(a && b);
    QVERIFY2(*a != *b, "every hash has its own salt");
    QVERIFY(PasswordHasher::verify(*a, kUserPassword));
    QVERIFY(!PasswordHasher::verify(*a, kUserPassword + QLatin1Char('x')));
    QVERIFY(!PasswordHasher::verify(*a, QString()));
    QVERIFY(!PasswordHasher::verify(QStringLiteral("not a hash"), kUserPassword));
    QVERIFY(!PasswordHasher::verifyDummy(kUserPassword));
}

void TestAccounts::loginOkAndBad()
{
    const auto ok = m_accounts->login(QStringLiteral(" ADMIN "), kAdminPassword, kStation);
    QVERIFY2(ok.has_value(), qPrintable(ok ? QString() : ok.error().message));
    QCOMPARE(ok->user, QStringLiteral("admin"));
    QCOMPARE(ok->role, Role::Admin);

    const auto bad = m_accounts->login(QStringLiteral("admin"), kAdminPassword.toLower(), kStation);
    QCOMPARE(why(bad), QStringLiteral("bad_credentials"));
    QVERIFY(!bad.error().message.contains(kAdminPassword.toLower()));
    QCOMPARE((*m_accounts->find(QStringLiteral("admin")))->failedLogins, 1);
}

void TestAccounts::unknownUserLooksLikeWrongPassword()
{
    const auto wrong = m_accounts->login(QStringLiteral("admin"), QStringLiteral("Wrong-Pass-1"), kStation);
    const auto unknown = m_accounts->login(QStringLiteral("nobody"), QStringLiteral("Wrong-Pass-1"), kStation);
    const auto hostile = m_accounts->login(QStringLiteral("x' OR '1'='1"), QStringLiteral("Wrong-Pass-1"), kStation);
    const auto lookAlike = m_accounts->login(QString::fromUtf16(u"\u0430dmin"), kAdminPassword, kStation);
    for (const auto *r : {&wrong, &unknown, &hostile, &lookAlike}) {
        QVERIFY(!r->has_value());
        QCOMPARE(r->error().reason, Reason::BadCredentials);
        QCOMPARE(r->error().message, wrong.error().message);
    }
}

void TestAccounts::unknownUserTakesAsLong()
{
    // The same memory-hard work for an unknown user: no cheap way to find valid names.
    const auto timed = [&](const QString &name) {
        QElapsedTimer t;
        t.start();
        (void)m_accounts->login(name, QStringLiteral("Wrong-Pass-1"), kStation);
        return t.nsecsElapsed();
    };
    const qint64 known = timed(QStringLiteral("admin"));
    const qint64 unknown = timed(QStringLiteral("nobody"));
    QVERIFY2(unknown * 4 >= known, qPrintable(QStringLiteral("known %1 ms, unknown %2 ms")
                                                  .arg(known / 1000000)
                                                  .arg(unknown / 1000000)));
    QVERIFY(m_accounts->unlock(kAdmin, kStation, QStringLiteral("admin")).has_value());
}

void TestAccounts::lockoutAfterFiveFailures()
{
    const QString wrong = QStringLiteral("Wrong-Pass-1");
    for (int i = 1; i <= 4; ++i) {
        QCOMPARE(why(m_accounts->login(QStringLiteral("admin"), wrong, kStation)), QStringLiteral("bad_credentials"));
        m_clock->advanceSeconds(5);
    }
    // The fifth failure locks the account for 15 minutes.
    const auto fifth = m_accounts->login(QStringLiteral("admin"), wrong, kStation);
    QCOMPARE(why(fifth), QStringLiteral("account_locked"));
    const QDateTime lockedAt = m_clock->now();
    const auto info = *m_accounts->find(QStringLiteral("admin"));
    QCOMPARE(info->lockedUntil, std::optional<QDateTime>(lockedAt.addSecs(15 * 60)));

    // Even the right password is refused while locked, and says so.
    m_clock->advanceSeconds(14 * 60 + 59);
    const auto locked = m_accounts->login(QStringLiteral("admin"), kAdminPassword, kStation);
    QCOMPARE(why(locked), QStringLiteral("account_locked"));
    QVERIFY2(locked.error().message.contains(QStringLiteral("minute")), qPrintable(locked.error().message));

    m_clock->set(lockedAt.addSecs(15 * 60));
    const auto after = m_accounts->login(QStringLiteral("admin"), kAdminPassword, kStation);
    QVERIFY2(after.has_value(), qPrintable(after ? QString() : after.error().message));
    const auto reset = *m_accounts->find(QStringLiteral("admin"));
    QCOMPARE(reset->failedLogins, 0);
    QVERIFY(!reset->lockedUntil.has_value());
}

void TestAccounts::successResetsFailureCount()
{
    const QString wrong = QStringLiteral("Wrong-Pass-1");
    // Four failures, as if they had been counted, then one success resets the count.
    QSqlQuery q(m_store->database());
    QVERIFY(q.exec(QStringLiteral("UPDATE users SET failed_logins = 4 WHERE username = 'admin'")));
    QVERIFY(m_accounts->login(QStringLiteral("admin"), kAdminPassword, kStation).has_value());
    QCOMPARE((*m_accounts->find(QStringLiteral("admin")))->failedLogins, 0);
    QCOMPARE(why(m_accounts->login(QStringLiteral("admin"), wrong, kStation)), QStringLiteral("bad_credentials"));
    QCOMPARE((*m_accounts->find(QStringLiteral("admin")))->failedLogins, 1);
}

void TestAccounts::adminUnlocks()
{
    QCOMPARE(why(m_accounts->addUser(kAdmin, kStation, QStringLiteral("meena"), kUserPassword, Role::Biller, {})),
             QStringLiteral("ok"));
    // Failed attempts are counted before the password is checked once locked: set the lock
    // directly so that the test hashes only a few times.
    QSqlQuery q(m_store->database());
    QVERIFY(q.exec(QStringLiteral("UPDATE users SET failed_logins = 0, locked_until = '%1' WHERE username = 'meena'")
                       .arg(isoUtc(m_clock->now().addSecs(900)))));
    QCOMPARE(why(m_accounts->login(QStringLiteral("meena"), kUserPassword, kStation)), QStringLiteral("account_locked"));
    QCOMPARE(why(m_accounts->unlock(Actor{QStringLiteral("meena"), Role::Biller}, kStation, QStringLiteral("meena"))),
             QStringLiteral("permission_denied"));
    QCOMPARE(why(m_accounts->unlock(kAdmin, kStation, QStringLiteral("nobody"))), QStringLiteral("unknown_user"));
    QCOMPARE(why(m_accounts->unlock(kAdmin, kStation, QStringLiteral("MEENA"))), QStringLiteral("ok"));
    const auto ok = m_accounts->login(QStringLiteral("meena"), kUserPassword, kStation);
    QVERIFY(ok.has_value());
    QCOMPARE(ok->role, Role::Biller);
    QCOMPARE(scalar(m_store->database(), QStringLiteral("SELECT count(*) FROM audit_log WHERE action = 'user.unlock'"))
                 .toInt(),
             1);
}

void TestAccounts::disabledUserCannotLogIn()
{
    QCOMPARE(why(m_accounts->addUser(kAdmin, kStation, QStringLiteral("ravi"), kUserPassword, Role::Dispatcher,
                                     QStringLiteral("Lucknow"))),
             QStringLiteral("ok"));
    QCOMPARE(why(m_accounts->setEnabled(kAdmin, kStation, QStringLiteral("ravi"), false)), QStringLiteral("ok"));
    const auto refused = m_accounts->login(QStringLiteral("ravi"), kUserPassword, kStation);
    QCOMPARE(why(refused), QStringLiteral("bad_credentials"));
    const auto unknown = m_accounts->login(QStringLiteral("nobody"), kUserPassword, kStation);
    QCOMPARE(refused.error().message, unknown.error().message);
    // Disabled, not deleted: the user and their history stay.
    const auto info = *m_accounts->find(QStringLiteral("ravi"));
    QVERIFY(info.has_value());
    QVERIFY(!info->enabled);
    QCOMPARE(info->area, QStringLiteral("Lucknow"));
    QCOMPARE(why(m_accounts->setEnabled(kAdmin, kStation, QStringLiteral("ravi"), true)), QStringLiteral("ok"));
    QVERIFY(m_accounts->login(QStringLiteral("ravi"), kUserPassword, kStation).has_value());
}

void TestAccounts::lastAdminAndOwnRole()
{
    // Nobody changes their own role; the only admin cannot disable themselves.
    QCOMPARE(why(m_accounts->setRole(kAdmin, kStation, QStringLiteral("admin"), Role::Biller)), QStringLiteral("own_role"));
    QCOMPARE(why(m_accounts->setEnabled(kAdmin, kStation, QStringLiteral("admin"), false)), QStringLiteral("last_admin"));
    // A second admin can demote the first while two are active…
    QCOMPARE(why(m_accounts->addUser(kAdmin, kStation, QStringLiteral("boss"), kUserPassword, Role::Admin, {})),
             QStringLiteral("ok"));
    const Actor boss{QStringLiteral("boss"), Role::Admin};
    QCOMPARE(why(m_accounts->setRole(boss, kStation, QStringLiteral("boss"), Role::Dispatcher)), QStringLiteral("own_role"));
    QCOMPARE(why(m_accounts->setRole(boss, kStation, QStringLiteral("admin"), Role::Biller)), QStringLiteral("ok"));
    QCOMPARE((*m_accounts->find(QStringLiteral("admin")))->role, Role::Biller);
    // …but then boss is the last one: neither demoted nor disabled by anyone.
    const Actor other{QStringLiteral("root"), Role::Admin};
    QCOMPARE(why(m_accounts->setRole(other, kStation, QStringLiteral("boss"), Role::Biller)), QStringLiteral("last_admin"));
    QCOMPARE(why(m_accounts->setEnabled(other, kStation, QStringLiteral("boss"), false)), QStringLiteral("last_admin"));
    QCOMPARE(why(m_accounts->setEnabled(boss, kStation, QStringLiteral("boss"), false)), QStringLiteral("last_admin"));
    // A disabled admin does not count as active.
    QCOMPARE(why(m_accounts->setRole(boss, kStation, QStringLiteral("admin"), Role::Admin)), QStringLiteral("ok"));
    QCOMPARE(why(m_accounts->setEnabled(boss, kStation, QStringLiteral("admin"), false)), QStringLiteral("ok"));
    QCOMPARE(why(m_accounts->setRole(other, kStation, QStringLiteral("boss"), Role::Biller)), QStringLiteral("last_admin"));
    QCOMPARE(why(m_accounts->setRole(boss, kStation, QStringLiteral("nobody"), Role::Biller)),
             QStringLiteral("unknown_user"));
    QCOMPARE(scalar(m_store->database(), QStringLiteral("SELECT count(*) FROM audit_log WHERE action = 'user.role'"))
                 .toInt(),
             2);
    QCOMPARE(scalar(m_store->database(), QStringLiteral("SELECT count(*) FROM users WHERE role = 'admin' AND enabled"))
                 .toInt(),
             1);
}

void TestAccounts::onlyAdminsManageUsers()
{
    QCOMPARE(why(m_accounts->addUser(kAdmin, kStation, QStringLiteral("meena"), kUserPassword, Role::Biller, {})),
             QStringLiteral("ok"));
    const Actor meena{QStringLiteral("meena"), Role::Biller};
    const Actor ravi{QStringLiteral("ravi"), Role::Dispatcher};
    const auto audits = rowCount(m_store->database(), QStringLiteral("audit_log"));
    for (const Actor &a : {meena, ravi}) {
        QCOMPARE(why(m_accounts->addUser(a, kStation, QStringLiteral("eve"), kUserPassword, Role::Admin, {})),
                 QStringLiteral("permission_denied"));
        QCOMPARE(why(m_accounts->setRole(a, kStation, QStringLiteral("meena"), Role::Admin)),
                 QStringLiteral("permission_denied"));
        QCOMPARE(why(m_accounts->setEnabled(a, kStation, QStringLiteral("admin"), false)),
                 QStringLiteral("permission_denied"));
        QCOMPARE(why(m_accounts->unlock(a, kStation, QStringLiteral("admin"))), QStringLiteral("permission_denied"));
    }
    QCOMPARE(rowCount(m_store->database(), QStringLiteral("audit_log")), audits);
    QCOMPARE(m_accounts->list()->size(), 2);
}

void TestAccounts::addUserValidation()
{
    const auto add = [&](const QString &name, const QString &password, Role role, const QString &area) {
        return why(m_accounts->addUser(kAdmin, kStation, name, password, role, area));
    };
    QCOMPARE(add(QStringLiteral("ravi"), QStringLiteral("short1A!"), Role::Dispatcher, QStringLiteral("Jaipur")),
             QStringLiteral("weak_password"));
    QCOMPARE(add(QStringLiteral("ravi"), QStringLiteral("alllowercaseletters"), Role::Biller, {}),
             QStringLiteral("weak_password"));
    QCOMPARE(add(QStringLiteral("ravi"), kUserPassword, Role::Dispatcher, {}), QStringLiteral("invalid_area"));
    QCOMPARE(add(QStringLiteral("ravi"), kUserPassword, Role::Dispatcher, QStringLiteral("Atlantis")),
             QStringLiteral("invalid_area"));
    QCOMPARE(add(QStringLiteral("ravi'; DROP TABLE users;--"), kUserPassword, Role::Biller, {}),
             QStringLiteral("invalid_user_name"));
    QCOMPARE(add(QString::fromUtf16(u"r\u0430vi"), kUserPassword, Role::Biller, {}), QStringLiteral("invalid_user_name"));
    QCOMPARE(add(QString(10240, QLatin1Char('r')), kUserPassword, Role::Biller, {}), QStringLiteral("invalid_user_name"));
    QCOMPARE(add(QStringLiteral("ADMIN"), kUserPassword, Role::Biller, {}), QStringLiteral("user_exists"));
    QCOMPARE(m_accounts->list()->size(), 1);
    QCOMPARE(add(QStringLiteral("Ravi"), kUserPassword, Role::Dispatcher, QStringLiteral("Sri Ganganagar")),
             QStringLiteral("ok"));
    const auto ravi = *m_accounts->find(QStringLiteral("ravi"));
    QCOMPARE(ravi->area, QStringLiteral("Sri Ganganagar"));
    QCOMPARE(ravi->role, Role::Dispatcher);
    QCOMPARE(scalar(m_store->database(), QStringLiteral("SELECT created_by FROM users WHERE username = 'ravi'"))
                 .toString(),
             QStringLiteral("admin"));
}

void TestAccounts::setPassword()
{
    QCOMPARE(why(m_accounts->addUser(kAdmin, kStation, QStringLiteral("meena"), kUserPassword, Role::Biller, {})),
             QStringLiteral("ok"));
    const Actor meena{QStringLiteral("meena"), Role::Biller};
    const QString fresh = QStringLiteral("N3w-Password!");
    QCOMPARE(why(m_accounts->setPassword(meena, kStation, QStringLiteral("admin"), fresh)),
             QStringLiteral("permission_denied"));
    QCOMPARE(why(m_accounts->setPassword(meena, kStation, QStringLiteral("meena"), QStringLiteral("weak"))),
             QStringLiteral("weak_password"));
    QCOMPARE(why(m_accounts->setPassword(kAdmin, kStation, QStringLiteral("meena"), QStringLiteral("password12"))),
             QStringLiteral("weak_password")); // applied everywhere, also when an admin sets one
    QCOMPARE(why(m_accounts->setPassword(kAdmin, kStation, QStringLiteral("nobody"), fresh)),
             QStringLiteral("unknown_user"));
    QCOMPARE(why(m_accounts->setPassword(meena, kStation, QStringLiteral("meena"), fresh)), QStringLiteral("ok"));
    QCOMPARE(why(m_accounts->login(QStringLiteral("meena"), kUserPassword, kStation)), QStringLiteral("bad_credentials"));
    QVERIFY(m_accounts->login(QStringLiteral("meena"), fresh, kStation).has_value());
}

void TestAccounts::everyLoginAttemptIsAudited()
{
    QCOMPARE(loginAudits(), 0);
    QVERIFY(m_accounts->login(QStringLiteral("admin"), kAdminPassword, kStation).has_value());
    QCOMPARE(loginAudits(QStringLiteral("login.ok")), 1);
    QVERIFY(!m_accounts->login(QStringLiteral("admin"), QStringLiteral("Wrong-Pass-1"), kStation));
    QCOMPARE(loginAudits(QStringLiteral("login.fail")), 1);
    QVERIFY(!m_accounts->login(QStringLiteral("ghost"), QStringLiteral("Wrong-Pass-1"), kStation));
    QCOMPARE(loginAudits(QStringLiteral("login.fail")), 2);
    QVERIFY(!m_accounts->login(QString(10240, QLatin1Char('g')), QStringLiteral("Wrong-Pass-1"), kStation));
    QCOMPARE(loginAudits(QStringLiteral("login.fail")), 3);
    QCOMPARE(loginAudits(), 4);

    QSqlQuery q(m_store->database());
    QVERIFY(q.exec(QStringLiteral("SELECT actor, station, at, after FROM audit_log WHERE action = 'login.fail' ORDER BY "
                                  "id")));
    QVERIFY(q.next());
    QCOMPARE(q.value(0).toString(), QStringLiteral("admin"));
    QCOMPARE(q.value(1).toString(), kStation);
    QCOMPARE(fromIsoUtc(q.value(2).toString()), startTime());
    QVERIFY(q.value(3).toString().contains(QStringLiteral("password")));
    QVERIFY(q.next());
    QCOMPARE(q.value(0).toString(), QStringLiteral("ghost"));
    QVERIFY(q.value(3).toString().contains(QStringLiteral("unknown_user")));
    QVERIFY(q.next());
    QVERIFY2(q.value(0).toString().size() <= 32, "a hostile name is stored shortened");

    // A locked account's attempts are audited too.
    QSqlQuery lock(m_store->database());
    QVERIFY(lock.exec(QStringLiteral("UPDATE users SET locked_until = '%1'").arg(isoUtc(m_clock->now().addSecs(60)))));
    QVERIFY(!m_accounts->login(QStringLiteral("admin"), kAdminPassword, kStation));
    QCOMPARE(loginAudits(QStringLiteral("login.locked")), 1);
    QCOMPARE(loginAudits(), 5);
}

void TestAccounts::totpEnrolmentNeedsAConfirmedCode()
{
    const Actor biller{QStringLiteral("bob"), Role::Biller};
    QCOMPARE(why(m_accounts->beginTotp(biller, kStation)), QStringLiteral("permission_denied"));
    QCOMPARE(why(m_accounts->confirmTotp(kAdmin, kStation, QStringLiteral("123456"))), QStringLiteral("invalid_input"));

    const auto enrolment = m_accounts->beginTotp(kAdmin, kStation);
    QVERIFY(enrolment.has_value());
    QCOMPARE(enrolment->secretBase32.size(), 32); // 20 bytes
    QVERIFY(enrolment->uri.startsWith(QStringLiteral("otpauth://totp/TraceTrack:admin?secret=") +
                                      enrolment->secretBase32));
    // Not required before it is confirmed: the password alone still logs in.
    QVERIFY(m_accounts->login(QStringLiteral("admin"), kAdminPassword, kStation).has_value());
    QVERIFY(!(*m_accounts->find(QStringLiteral("admin")))->totpEnabled);

    // A wrong code does not confirm; the audit never holds the secret.
    const QString wrong = currentCode(QStringLiteral("admin"), 5);
    QCOMPARE(why(m_accounts->confirmTotp(kAdmin, kStation, wrong)), QStringLiteral("invalid_input"));
    QVERIFY(!(*m_accounts->find(QStringLiteral("admin")))->totpEnabled);
    QCOMPARE(why(m_accounts->confirmTotp(kAdmin, kStation, currentCode(QStringLiteral("admin")))), QStringLiteral("ok"));
    QVERIFY((*m_accounts->find(QStringLiteral("admin")))->totpEnabled);
    QCOMPARE(scalar(m_store->database(),
                    QStringLiteral("SELECT count(*) FROM audit_log WHERE action IN ('user.totp_begin', 'user.totp_enable')"))
                 .toInt(),
             2);
    QCOMPARE(scalar(m_store->database(), QStringLiteral("SELECT count(*) FROM audit_log WHERE before LIKE '%%1%' OR "
                                                        "after LIKE '%%1%'")
                                             .arg(enrolment->secretBase32))
                 .toInt(),
             0);
    // Once on, a new secret needs the old factor turned off first.
    QCOMPARE(why(m_accounts->beginTotp(kAdmin, kStation)), QStringLiteral("invalid_input"));
}

void TestAccounts::totpLogin()
{
    enableTotp();
    const auto missing = m_accounts->login(QStringLiteral("admin"), kAdminPassword, kStation);
    QCOMPARE(why(missing), QStringLiteral("bad_credentials"));
    QVERIFY2(missing.error().message.contains(QStringLiteral("one-time code")), qPrintable(missing.error().message));

    // A wrong code says exactly what a wrong password says.
    const auto wrongPassword = m_accounts->login(QStringLiteral("admin"), QStringLiteral("Wrong-Pass-1"), kStation);
    const auto wrongCode = m_accounts->login(QStringLiteral("admin"), kAdminPassword, kStation,
                                             currentCode(QStringLiteral("admin"), 3));
    QCOMPARE(why(wrongCode), QStringLiteral("bad_credentials"));
    QCOMPARE(wrongCode.error().message, wrongPassword.error().message);
    QCOMPARE((*m_accounts->find(QStringLiteral("admin")))->failedLogins, 3);

    // The current code, and the previous step's (clock drift), work once each.
    const QString now = currentCode(QStringLiteral("admin"));
    const auto ok = m_accounts->login(QStringLiteral("admin"), kAdminPassword, kStation, now);
    QVERIFY2(ok.has_value(), qPrintable(ok ? QString() : ok.error().message));
    QCOMPARE((*m_accounts->find(QStringLiteral("admin")))->failedLogins, 0);
    QCOMPARE(why(m_accounts->login(QStringLiteral("admin"), kAdminPassword, kStation, now)),
             QStringLiteral("bad_credentials"));
    m_clock->advanceSeconds(totp::kStepSeconds);
    const auto drift = m_accounts->login(QStringLiteral("admin"), kAdminPassword, kStation,
                                         currentCode(QStringLiteral("admin"), 1));
    QVERIFY(drift.has_value());
    QCOMPARE(scalar(m_store->database(), QStringLiteral("SELECT count(*) FROM audit_log WHERE action = 'login.fail' AND "
                                                        "json_extract(after, '$.reason') IN ('totp', 'totp_missing')"))
                 .toInt(),
             3);
    // Users without the factor ignore a code.
    QVERIFY(m_accounts->addUser(kAdmin, kStation, QStringLiteral("bob"), kUserPassword, Role::Biller, {}).has_value());
    QVERIFY(m_accounts->login(QStringLiteral("bob"), kUserPassword, kStation, QStringLiteral("000000")).has_value());
}

void TestAccounts::totpWrongCodesLockTheAccount()
{
    enableTotp();
    for (int i = 1; i <= 4; ++i)
        QCOMPARE(why(m_accounts->login(QStringLiteral("admin"), kAdminPassword, kStation, QStringLiteral("000000"))),
                 QStringLiteral("bad_credentials"));
    QCOMPARE(why(m_accounts->login(QStringLiteral("admin"), kAdminPassword, kStation, QStringLiteral("000001"))),
             QStringLiteral("account_locked"));
    QCOMPARE(why(m_accounts->login(QStringLiteral("admin"), kAdminPassword, kStation, currentCode(QStringLiteral("admin")))),
             QStringLiteral("account_locked"));
}

void TestAccounts::totpDisable()
{
    enableTotp();
    QVERIFY(m_accounts->addUser(kAdmin, kStation, QStringLiteral("carol"), kUserPassword, Role::Admin, {}).has_value());
    const Actor carol{QStringLiteral("carol"), Role::Admin};
    const Actor biller{QStringLiteral("bob"), Role::Biller};
    QCOMPARE(why(m_accounts->disableTotp(biller, kStation, QStringLiteral("admin"))), QStringLiteral("permission_denied"));
    QCOMPARE(why(m_accounts->disableTotp(carol, kStation, QStringLiteral("carol"))), QStringLiteral("invalid_input"));
    QCOMPARE(why(m_accounts->disableTotp(carol, kStation, QStringLiteral("nobody"))), QStringLiteral("unknown_user"));
    const int audits = int(rowCount(m_store->database(), QStringLiteral("audit_log")));
    // Another admin turns it off for a colleague who lost the phone: audited with before/after.
    QCOMPARE(why(m_accounts->disableTotp(carol, kStation, QStringLiteral("admin"))), QStringLiteral("ok"));
    QCOMPARE(rowCount(m_store->database(), QStringLiteral("audit_log")), qint64(audits + 1));
    QCOMPARE(scalar(m_store->database(), QStringLiteral("SELECT actor || ' ' || entity_id || ' ' || before || ' ' || "
                                                        "after FROM audit_log WHERE action = 'user.totp_disable'"))
                 .toString(),
             QStringLiteral("carol admin {\"totp\":true} {\"totp\":false}"));
    QVERIFY(!(*m_accounts->find(QStringLiteral("admin")))->totpEnabled);
    QVERIFY(m_accounts->login(QStringLiteral("admin"), kAdminPassword, kStation).has_value());
    QVERIFY(scalar(m_store->database(), QStringLiteral("SELECT totp_secret FROM users WHERE username = 'admin'")).isNull());
}

QTEST_MAIN(TestAccounts)
#include "tst_accounts.moc"
