#include <QAbstractItemModelTester>
#include <QLineEdit>
#include <QPushButton>
#include <QTest>

#include "app/dbclient.h"
#include "app/mainwindow.h"
#include "app/returnmodels.h"
#include "app/returnspage.h"
#include "app/stationview.h"
#include "appfixture.h"

using namespace tt;

// A biller opens a return ticket, scans parents coming back (scans reach the page while it is
// shown), sees each with its original bill, children and weight, finalises; a cancelled ticket
// keeps its bags; a dispatcher has no Returns page.
class TestReturns : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        m_window = std::make_unique<MainWindow>(m_db.path(), Actor{QStringLiteral("priya"), Role::Biller},
                                                QStringLiteral("test-station"));
        m_window->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
        m_window->showPage(MainWindow::Page::Returns);
        m_page = m_window->returnsPage();
        QVERIFY(m_page);
        m_listTester = std::make_unique<QAbstractItemModelTester>(
            m_page->listModel(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        m_lineTester = std::make_unique<QAbstractItemModelTester>(
            m_page->lineModel(), QAbstractItemModelTester::FailureReportingMode::QtTest);
    }

    void cleanupTestCase()
    {
        m_listTester.reset();
        m_lineTester.reset();
        m_window.reset();
    }

    void demoTicketIsListed()
    {
        // Demo data: one finalised ticket with SB00006 off BILL-2026-0002.
        QTRY_COMPARE(m_page->listModel()->rowCount(), 1);
        const ReturnView demo = m_page->listModel()->tickets().first();
        QCOMPARE(demo.status, ReturnStatus::Finalised);
        m_page->openTicket(demo.id);
        QTRY_VERIFY(m_page->details().has_value());
        QCOMPARE(m_page->lineModel()->rowCount(), 1);
        const auto line = [&](int column) { return m_page->lineModel()->index(0, column).data().toString(); };
        QCOMPARE(line(ReturnLineModel::Parent), QStringLiteral("SB00006"));
        QCOMPARE(line(ReturnLineModel::Bill), QStringLiteral("BILL-2026-0002"));
        QCOMPARE(line(ReturnLineModel::Children), QStringLiteral("9"));
        QCOMPARE(line(ReturnLineModel::Weight), QStringLiteral("9.000 kg"));
        QVERIFY(!m_page->acceptsScans()); // finalised
    }

    void openScanAndFinalise()
    {
        auto *open = m_page->findChild<QPushButton *>();
        QVERIFY(open);
        m_page->newTicket();
        QTRY_VERIFY(m_page->details().has_value() && m_page->details()->status == ReturnStatus::Open);
        QVERIFY(m_page->ticketId().endsWith(QStringLiteral("-0002")));
        QTRY_COMPARE(m_page->listModel()->rowCount(), 2);
        QVERIFY(m_page->acceptsScans());
        // Scans go to the page while it is shown, not to the station.
        m_window->submitScan(QStringLiteral("SB00005"));
        QTRY_COMPARE(m_page->lineModel()->rowCount(), 1);
        QCOMPARE(m_page->lineModel()->index(0, ReturnLineModel::Bill).data().toString(),
                 QStringLiteral("BILL-2026-0002"));
        QCOMPARE(m_page->lineModel()->index(0, ReturnLineModel::Children).data().toString(), QStringLiteral("17"));
        QCOMPARE(m_window->stationView()->historyCount(), 0);
        // Typed into the scan field, a bag not on any bill is refused and explained.
        auto *field = m_page->findChild<QLineEdit *>(QStringLiteral("returnScan"));
        QVERIFY(field && field->isEnabled());
        QTest::keyClicks(field, QStringLiteral("SB00004"));
        QTest::keyClick(field, Qt::Key_Return);
        QTRY_VERIFY2(m_page->messageText().contains(QStringLiteral("not on any bill")), qPrintable(m_page->messageText()));
        QCOMPARE(m_page->lineModel()->rowCount(), 1);
        m_page->scanParent(QStringLiteral("SB00005"));
        QTRY_VERIFY2(m_page->messageText().contains(QStringLiteral("already on return ticket")),
                     qPrintable(m_page->messageText()));
        m_page->finalise();
        QTRY_COMPARE(m_page->details()->status, ReturnStatus::Finalised);
        QVERIFY(!m_page->acceptsScans());
        QVERIFY(!field->isEnabled());
        // Not accepted any more: the next scan goes to the station again.
        m_window->submitScan(QStringLiteral("SB00004"));
        QTRY_COMPARE(m_window->stationView()->historyCount(), 1);
    }

    void cancelKeepsTheRecord()
    {
        m_page->newTicket();
        QTRY_VERIFY(m_page->acceptsScans() && m_page->ticketId().endsWith(QStringLiteral("-0003")));
        m_page->scanParent(QStringLiteral("SB00003"));
        QTRY_COMPARE(m_page->lineModel()->rowCount(), 1);
        m_page->cancel();
        QTRY_COMPARE(m_page->details()->status, ReturnStatus::Cancelled);
        QCOMPARE(m_page->lineModel()->rowCount(), 1);
        QTRY_COMPARE(m_page->listModel()->rowCount(), 3);
        QCOMPARE(m_page->listModel()->index(0, ReturnListModel::Status).data().toString(), QStringLiteral("Cancelled"));
    }

    void dispatcherHasNoReturnsPage()
    {
        MainWindow w(m_db.path(), Actor{QStringLiteral("ravi"), Role::Dispatcher}, QStringLiteral("test-station-2"));
        QVERIFY(!w.returnsPage());
        QVERIFY(!w.hasPage(MainWindow::Page::Returns));
    }

private:
    test::DemoDatabase m_db;
    std::unique_ptr<MainWindow> m_window;
    ReturnsPage *m_page = nullptr;
    std::unique_ptr<QAbstractItemModelTester> m_listTester;
    std::unique_ptr<QAbstractItemModelTester> m_lineTester;
};

QTEST_MAIN(TestReturns)
#include "tst_returns.moc"
