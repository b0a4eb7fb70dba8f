#include <QFileInfo>
#include <QLineEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QTemporaryDir>
#include <QTest>

#include "app/billeditor.h"
#include "app/billlinemodel.h"
#include "app/billspage.h"
#include "app/dbclient.h"
#include "app/mainwindow.h"
#include "app/stationview.h"
#include "appfixture.h"

using namespace tt;

// A biller creates a bill, scans parents onto it (scanner bursts reach the editor whatever has
// focus), watches the weights, removes one, completes, reopens and saves the PDF.
class TestBillEditor : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        m_window = std::make_unique<MainWindow>(m_db.path(), Actor{QStringLiteral("priya"), Role::Biller},
                                                QStringLiteral("test-station"));
        m_window->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
        m_window->showPage(MainWindow::Page::Bills);
        m_page = m_window->billsPage();
        m_editor = m_page->editor();
    }

    void cleanupTestCase() { m_window.reset(); }

    void createBill()
    {
        m_page->newIdField()->setText(QStringLiteral("bill-t-1"));
        m_page->newCapacityField()->setValue(2);
        QTest::mouseClick(m_page->createButton(), Qt::LeftButton);
        QTRY_COMPARE(m_editor->billId(), QStringLiteral("BILL-T-1"));
        QTRY_VERIFY(m_editor->details().has_value());
        QCOMPARE(m_editor->details()->capacity, 2);
        QCOMPARE(m_editor->details()->status, BillStatus::Open);
        QVERIFY(m_editor->acceptsScans());
    }

    void scanParentsOntoIt()
    {
        QLineEdit *field = m_editor->findChild<QLineEdit *>(QStringLiteral("billScan"));
        QVERIFY(field);
        field->setFocus();
        scanKeys(field, "SB00004");
        QTRY_COMPARE(m_editor->lineModel()->rowCount(), 1);
        QCOMPARE(m_editor->weightsText(), QStringLiteral("30.000 kg / 30.000 kg / 0.000 kg (0.0 %)"));
        scanKeys(field, "SB00006");
        QTRY_COMPARE(m_editor->lineModel()->rowCount(), 2);
        QTRY_COMPARE(m_editor->details()->parentCount, 2);
        // 30 + 9 children of 1 kg against 2 × 30 kg expected.
        QCOMPARE(m_editor->weightsText(), QStringLiteral("39.000 kg / 60.000 kg / −21.000 kg (−35.0 %)"));
        // The station did not see these scans.
        QCOMPARE(m_window->stationView()->historyCount(), 0);
    }

    void rejectionsAreExplained()
    {
        m_editor->scanParent(QStringLiteral("SB00001"));
        QTRY_VERIFY2(m_editor->messageText().contains(QStringLiteral("BILL-2026-0001")), qPrintable(m_editor->messageText()));
    }

    void removeAndAddAgain()
    {
        m_editor->removeParent(QStringLiteral("SB00006"));
        QTRY_COMPARE(m_editor->lineModel()->rowCount(), 1);
        QTRY_COMPARE(m_editor->weightsText(), QStringLiteral("30.000 kg / 30.000 kg / 0.000 kg (0.0 %)"));
        m_editor->scanParent(QStringLiteral("SB00006"));
        QTRY_COMPARE(m_editor->lineModel()->rowCount(), 2);
    }

    void complete()
    {
        auto *button = findButton(tr("Complete bill"));
        QVERIFY(button);
        QTRY_VERIFY(button->isEnabled());
        QTest::mouseClick(button, Qt::LeftButton);
        QTRY_COMPARE(m_editor->details()->status, BillStatus::Completed);
        QVERIFY(!m_editor->acceptsScans());
        QVERIFY(!button->isEnabled());
    }

    void reopenAndCompleteAgain()
    {
        m_editor->reopen();
        QTRY_COMPARE(m_editor->details()->status, BillStatus::Open);
        m_editor->complete();
        QTRY_COMPARE(m_editor->details()->status, BillStatus::Completed);
    }

    void savePdf()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("bill.pdf"));
        m_editor->savePdf(path);
        QTRY_VERIFY(QFileInfo(path).size() > 1000);
        QTRY_VERIFY(m_editor->messageText().startsWith(QStringLiteral("Saved")));
    }

private:
    QPushButton *findButton(const QString &text) const
    {
        for (QPushButton *b : m_editor->findChildren<QPushButton *>())
            if (b->text() == text)
                return b;
        return nullptr;
    }

    static void scanKeys(QWidget *target, const char *code)
    {
        QTest::keyClicks(target, QString::fromLatin1(code));
        QTest::keyClick(target, Qt::Key_Return);
    }

    test::DemoDatabase m_db;
    std::unique_ptr<MainWindow> m_window;
    BillsPage *m_page = nullptr;
    BillEditor *m_editor = nullptr;
};

QTEST_MAIN(TestBillEditor)
#include "tst_billeditor.moc"
