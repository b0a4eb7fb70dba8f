#include <QRegularExpression>
#include <QSet>
#include <QTest>

#include "core/reason.h"

using namespace tt;

// The reason names are a contract (JSON, logs, audit, tests): snake_case, distinct, round trip.
class TestReason : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void namesRoundTrip();
    void briefNames_data();
    void briefNames();
};

void TestReason::namesRoundTrip()
{
    static const QRegularExpression snake(QStringLiteral("^[a-z]+(_[a-z]+)*$"));
    QSet<QString> seen;
    QCOMPARE(reasonName(Reason::None), QString());
    for (int r = int(Reason::InvalidCode); r <= int(Reason::DatabaseError); ++r) {
        const QString name = reasonName(Reason(r));
        QVERIFY2(snake.match(name).hasMatch(), qPrintable(name));
        QVERIFY2(!seen.contains(name), qPrintable(name));
        seen.insert(name);
        QCOMPARE(reasonFromName(name), std::optional(Reason(r)));
    }
    QVERIFY(!reasonFromName(u"no_such_reason").has_value());
    QVERIFY(!reasonFromName(u"LINKED_ELSEWHERE").has_value());
}

void TestReason::briefNames_data()
{
    QTest::addColumn<int>("reason");
    QTest::addColumn<QString>("name");
    // The codes BRIEF §3 and §9 spell out.
    QTest::newRow("invalid_code") << int(Reason::InvalidCode) << QStringLiteral("invalid_code");
    QTest::newRow("wrong_role") << int(Reason::WrongRole) << QStringLiteral("wrong_role");
    QTest::newRow("no_parent_selected") << int(Reason::NoParentSelected) << QStringLiteral("no_parent_selected");
    QTest::newRow("self_link") << int(Reason::SelfLink) << QStringLiteral("self_link");
    QTest::newRow("linked_elsewhere") << int(Reason::LinkedElsewhere) << QStringLiteral("linked_elsewhere");
    QTest::newRow("parent_full") << int(Reason::ParentFull) << QStringLiteral("parent_full");
    QTest::newRow("bill_completed") << int(Reason::BillCompleted) << QStringLiteral("bill_completed");
    QTest::newRow("duplicate") << int(Reason::Duplicate) << QStringLiteral("duplicate");
    QTest::newRow("undo_window_expired") << int(Reason::UndoWindowExpired) << QStringLiteral("undo_window_expired");
    QTest::newRow("nothing_to_undo") << int(Reason::NothingToUndo) << QStringLiteral("nothing_to_undo");
    QTest::newRow("unknown_bag") << int(Reason::UnknownBag) << QStringLiteral("unknown_bag");
    QTest::newRow("on_other_bill") << int(Reason::OnOtherBill) << QStringLiteral("on_other_bill");
    QTest::newRow("bill_full") << int(Reason::BillFull) << QStringLiteral("bill_full");
    QTest::newRow("permission_denied") << int(Reason::PermissionDenied) << QStringLiteral("permission_denied");
}

void TestReason::briefNames()
{
    QFETCH(int, reason);
    QFETCH(QString, name);
    QCOMPARE(reasonName(Reason(reason)), name);
}

QTEST_APPLESS_MAIN(TestReason)
#include "tst_reason.moc"
