#include <QLineEdit>
#include <QTest>

#include "app/dbclient.h"
#include "app/lockscreen.h"
#include "app/mainwindow.h"
#include "app/sessionguard.h"
#include "app/stationview.h"
#include "appfixture.h"
#include "core/clock.h"
#include "database/demodata.h"

using namespace tt;

// Session limits (BRIEF §3.5) with a ManualClock: the lock screen covers the station, keeps its
// state, refuses scans, and only the same user's password unlocks.
class TestSession : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init()
    {
        m_clock = std::make_unique<ManualClock>(QDateTime::currentDateTimeUtc());
        m_window = std::make_unique<MainWindow>(m_db.path(), Actor{QStringLiteral("ravi"), Role::Dispatcher},
                                                QStringLiteral("test-station"), *m_clock);
        m_window->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
        m_window->submitScan(QStringLiteral("SB00006"));
        QTRY_COMPARE(m_window->stationView()->parentText(), QStringLiteral("SB00006"));
    }

    void cleanup() { m_window.reset(); }

    void idleLimitLocksAndTheSameUserUnlocks()
    {
        m_clock->advanceSeconds(29 * 60);
        m_window->sessionGuard()->check();
        QVERIFY(!m_window->isLocked());
        m_clock->advanceSeconds(2 * 60);
        m_window->sessionGuard()->check();
        QVERIFY(m_window->isLocked());

        // Scans are refused while locked, and nothing changes behind the lock.
        m_window->submitScan(QStringLiteral("C910001"));
        QTRY_COMPARE(m_window->stationView()->lastResult(), ResultKind::Rejected);
        QCOMPARE(m_window->stationView()->counterText(), QStringLiteral("9/30"));

        LockScreen *lock = m_window->lockScreen();
        QTest::keyClicks(lock->passwordField(), QStringLiteral("wrong-password-1A"));
        QTest::keyClick(lock->passwordField(), Qt::Key_Return);
        QTRY_VERIFY(!lock->messageText().isEmpty() && lock->messageText() != QStringLiteral("Checking…"));
        QVERIFY(m_window->isLocked());

        QTest::keyClicks(lock->passwordField(), demoPassword());
        QTest::keyClick(lock->passwordField(), Qt::Key_Return);
        QTRY_VERIFY(!m_window->isLocked());
        // State kept: the same parent, the same count; scanning works again.
        QCOMPARE(m_window->stationView()->parentText(), QStringLiteral("SB00006"));
        m_window->submitScan(QStringLiteral("C910001"));
        QTRY_COMPARE(m_window->stationView()->counterText(), QStringLiteral("10/30"));
    }

    void activityKeepsTheSessionUntilTheAbsoluteLimit()
    {
        for (int i = 0; i < 5; ++i) {
            m_clock->advanceSeconds(10 * 60);
            m_window->submitScan(QStringLiteral("C92000%1").arg(i));
            QVERIFY(!m_window->isLocked());
        }
        m_clock->advanceSeconds(11 * 60); // 61 minutes after login
        m_window->sessionGuard()->check();
        QVERIFY(m_window->isLocked());
    }

    void anotherUsersPasswordDoesNotUnlock()
    {
        m_window->lock(QStringLiteral("test"));
        QVERIFY(m_window->isLocked());
        // anita has the same demo password, but the lock screen checks ravi's account only.
        LockScreen *lock = m_window->lockScreen();
        QTest::keyClicks(lock->passwordField(), QStringLiteral("Anita-Other-Pass-1"));
        QTest::keyClick(lock->passwordField(), Qt::Key_Return);
        QTRY_VERIFY(!lock->messageText().isEmpty() && lock->messageText() != QStringLiteral("Checking…"));
        QVERIFY(m_window->isLocked());
    }

private:
    test::DemoDatabase m_db;
    std::unique_ptr<ManualClock> m_clock;
    std::unique_ptr<MainWindow> m_window;
};

QTEST_MAIN(TestSession)
#include "tst_session.moc"
