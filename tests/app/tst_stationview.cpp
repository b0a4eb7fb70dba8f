#include <QLineEdit>
#include <QSignalSpy>
#include <QTest>

#include "app/dbclient.h"
#include "app/format.h"
#include "app/mainwindow.h"
#include "app/searchpage.h"
#include "app/soundplayer.h"
#include "app/stationview.h"
#include "appfixture.h"

using namespace tt;

// The dispatcher's station driven like a scanner does: key bursts ending in Enter, caught by the
// keyboard wedge whatever has focus; checks what the screen shows.
class TestStationView : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        m_window = std::make_unique<MainWindow>(m_db.path(), Actor{QStringLiteral("ravi"), Role::Dispatcher},
                                                QStringLiteral("test-station"));
        m_window->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
        m_station = m_window->stationView();
        QVERIFY(m_station);
    }

    void cleanupTestCase() { m_window.reset(); }

    void parentFromTheInputField()
    {
        m_station->input()->setFocus();
        scanKeys(m_station->input(), "SB00006");
        QTRY_COMPARE(m_station->parentText(), QStringLiteral("SB00006"));
        QCOMPARE(m_station->counterText(), QStringLiteral("9/30"));
        QCOMPARE(m_station->progressValue(), 9);
        QCOMPARE(m_station->progressMaximum(), 30);
        QCOMPARE(m_station->lastResult(), ResultKind::Ok);
        QCOMPARE(m_station->feedbackColour(), resultColour(ResultKind::Ok));
    }

    void childLinks()
    {
        scanKeys(m_station->input(), "C900001");
        QTRY_COMPARE(m_station->counterText(), QStringLiteral("10/30"));
        QCOMPARE(m_station->lastResult(), ResultKind::Ok);
        QVERIFY2(m_station->messageText().contains(QStringLiteral("C900001")), qPrintable(m_station->messageText()));
        QCOMPARE(m_window->soundPlayer()->lastSound(), 1);
        QVERIFY(m_station->input()->text().isEmpty());
    }

    void duplicateIsAmberAndCountsNothing()
    {
        const int before = m_station->historyCount();
        QTest::qWait(350); // the same code within 300 ms is one scan (scanner debounce)
        scanKeys(m_station->input(), "C900001");
        QTRY_COMPARE(m_station->historyCount(), before + 1);
        QCOMPARE(m_station->lastResult(), ResultKind::Duplicate);
        QCOMPARE(m_station->counterText(), QStringLiteral("10/30"));
        QCOMPARE(m_station->feedbackColour(), resultColour(ResultKind::Duplicate));
        QCOMPARE(m_window->soundPlayer()->lastSound(), 2);
    }

    void linkedElsewhereIsRedWithAPlainReason()
    {
        const int before = m_station->historyCount();
        scanKeys(m_station->input(), "C000001");
        QTRY_COMPARE(m_station->historyCount(), before + 1);
        QCOMPARE(m_station->lastResult(), ResultKind::Rejected);
        QCOMPARE(m_station->feedbackColour(), resultColour(ResultKind::Rejected));
        const QString message = m_station->messageText();
        QVERIFY2(message.contains(QStringLiteral("C000001 is already in SB00001")), qPrintable(message));
        QVERIFY2(message.contains(QStringLiteral("linked by")), qPrintable(message));
        QCOMPARE(m_station->counterText(), QStringLiteral("10/30"));
        QCOMPARE(m_window->soundPlayer()->lastSound(), 3);
    }

    void scanWhileASearchFieldHasFocusStillLinks()
    {
        m_window->showPage(MainWindow::Page::Search);
        QLineEdit *search = m_window->searchPage()->bagSearchField();
        search->setFocus();
        QCOMPARE(QApplication::focusWidget(), search);
        scanKeys(search, "C900002");
        QTRY_COMPARE(m_station->counterText(), QStringLiteral("11/30"));
        QCOMPARE(m_station->lastResult(), ResultKind::Ok);
        // The burst went to the station, not into the field.
        QVERIFY2(search->text().isEmpty(), qPrintable(search->text()));
        m_window->showPage(MainWindow::Page::Station);
    }

    void humanTypingStillReachesTheField()
    {
        m_window->showPage(MainWindow::Page::Search);
        QLineEdit *search = m_window->searchPage()->bagSearchField();
        search->setFocus();
        const QString counter = m_station->counterText();
        for (const char c : QByteArrayLiteral("SB0")) {
            QTest::keyClick(search, c);
            QTest::qWait(80); // human speed
        }
        QTRY_COMPARE(search->text(), QStringLiteral("SB0"));
        QCOMPARE(m_station->counterText(), counter);
        search->clear();
        m_window->showPage(MainWindow::Page::Station);
    }

    void undoEndsTheLastLink()
    {
        const int before = m_station->historyCount();
        m_station->undo();
        QTRY_COMPARE(m_station->historyCount(), before + 1);
        QCOMPARE(m_station->lastResult(), ResultKind::Ok);
        QCOMPARE(m_station->counterText(), QStringLiteral("10/30"));
    }

    void fullParentSaysSo()
    {
        scanKeys(m_station->input(), "M444-00001");
        QTRY_COMPARE(m_station->parentText(), QStringLiteral("M444-00001"));
        QCOMPARE(m_station->counterText(), QStringLiteral("15/15"));
        const int before = m_station->historyCount();
        scanKeys(m_station->input(), "C900009");
        QTRY_COMPARE(m_station->historyCount(), before + 1);
        QCOMPARE(m_station->lastResult(), ResultKind::Rejected);
        QVERIFY2(m_station->messageText().contains(QStringLiteral("full")), qPrintable(m_station->messageText()));
    }

    void invalidCodeIsRejected()
    {
        const int before = m_station->historyCount();
        scanKeys(m_station->input(), "SB123456");
        QTRY_COMPARE(m_station->historyCount(), before + 1);
        QCOMPARE(m_station->lastResult(), ResultKind::Rejected);
    }

    void fastBurstOfScansKeepsOrderAndLosesNothing()
    {
        scanKeys(m_station->input(), "SB00099");
        QTRY_COMPARE(m_station->parentText(), QStringLiteral("SB00099"));
        for (int i = 0; i < 20; ++i)
            m_window->submitScan(QStringLiteral("C95%1").arg(i, 4, 10, QLatin1Char('0')));
        QTRY_COMPARE(m_station->counterText(), QStringLiteral("20/30"));
        QCOMPARE(m_station->pendingScans(), 0);
    }

private:
    // A scanner burst: the characters as fast as the event loop delivers them, then Enter.
    static void scanKeys(QWidget *target, const char *code)
    {
        QTest::keyClicks(target, QString::fromLatin1(code));
        QTest::keyClick(target, Qt::Key_Return);
    }

    test::DemoDatabase m_db;
    std::unique_ptr<MainWindow> m_window;
    StationView *m_station = nullptr;
};

QTEST_MAIN(TestStationView)
#include "tst_stationview.moc"
