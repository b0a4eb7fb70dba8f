#include <QTest>

#include "core/billid.h"
#include "core/billrules.h"

using namespace tt;

Q_DECLARE_METATYPE(tt::AddParentInput)
Q_DECLARE_METATYPE(std::optional<tt::BillFacts>)

namespace {

BillFacts bill(int parents, int capacity, BillStatus status = BillStatus::Open, const QString &id = QStringLiteral("B-1"))
{
    return BillFacts{id, status, capacity, parents};
}

const QString kOk = QStringLiteral("ok");

QString outcome(const Result<void> &r)
{
    return r ? kOk : reasonName(r.error().reason);
}

} // namespace

// BRIEF §3.3: bill ids, capacity 1–500, adding parents, complete / reopen / remove / capacity.
class TestBillRules : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void billId_data();
    void billId();
    void billIdMessageIsBounded();
    void capacity_data();
    void capacity();
    void statusNames();
    void addParent_data();
    void addParent();
    void onOtherBillNamesIt();
    void complete_data();
    void complete();
    void reopen_data();
    void reopen();
    void removeParent();
    void setCapacity_data();
    void setCapacity();
};

void TestBillRules::billId_data()
{
    QTest::addColumn<QString>("raw");
    QTest::addColumn<QString>("expected"); // "" = invalid_bill_id

    QTest::newRow("plain") << QStringLiteral("B-001") << QStringLiteral("B-001");
    QTest::newRow("lower case and spaces") << QStringLiteral("  inv/2024.03_7 ") << QStringLiteral("INV/2024.03_7");
    QTest::newRow("3 characters") << QStringLiteral("abc") << QStringLiteral("ABC");
    QTest::newRow("2 characters") << QStringLiteral("ab") << QString();
    QTest::newRow("50 characters") << QString(50, QLatin1Char('b')) << QString(50, QLatin1Char('B'));
    QTest::newRow("51 characters") << QString(51, QLatin1Char('b')) << QString();
    QTest::newRow("digit first") << QStringLiteral("2024-1") << QStringLiteral("2024-1");
    QTest::newRow("punctuation first") << QStringLiteral("-B01") << QString();
    QTest::newRow("inner space") << QStringLiteral("B 001") << QString();
    QTest::newRow("empty") << QString() << QString();
    QTest::newRow("zero-width characters are stripped") << QString::fromUtf16(u"B-\u200B001") << QStringLiteral("B-001");
    QTest::newRow("SQL fragment") << QStringLiteral("B1'; DROP TABLE bills;--") << QString();
    QTest::newRow("SQL comment") << QStringLiteral("B1--") << QStringLiteral("B1--");
    QTest::newRow("quote") << QStringLiteral("B1'") << QString();
    QTest::newRow("percent wildcard") << QStringLiteral("B1%") << QString();
    QTest::newRow("Greek Beta look-alike") << QString::fromUtf16(u"\u0392-001") << QString();
    QTest::newRow("Cyrillic Ve look-alike") << QString::fromUtf16(u"\u0412-001") << QString();
    QTest::newRow("full-width digits") << QString::fromUtf16(u"B-\uFF10\uFF10\uFF11") << QString();
    QTest::newRow("long s upper-cases to S") << QString::fromUtf16(u"\u017F-001") << QString();
    QTest::newRow("control characters stripped") << QStringLiteral("B-0\u000101") << QStringLiteral("B-001");
    QTest::newRow("10 kB") << QString(10240, QLatin1Char('B')) << QString();
    QTest::newRow("GS") << QStringLiteral("B-0\u001D01") << QStringLiteral("B-001");
}

void TestBillRules::billId()
{
    QFETCH(QString, raw);
    QFETCH(QString, expected);
    const auto r = normalizeBillId(raw);
    if (expected.isEmpty()) {
        QVERIFY2(!r, qPrintable(r.value_or(QString())));
        QCOMPARE(r.error().reason, Reason::InvalidBillId);
    } else {
        QVERIFY2(r.has_value(), qPrintable(r ? QString() : r.error().message));
        QCOMPARE(*r, expected);
    }
}

void TestBillRules::billIdMessageIsBounded()
{
    const auto r = normalizeBillId(QString(10240, QLatin1Char('B')));
    QVERIFY(!r);
    QVERIFY2(r.error().message.size() < 300, "a 10 kB id is not echoed in full");
}

void TestBillRules::capacity_data()
{
    QTest::addColumn<qint64>("capacity");
    QTest::addColumn<bool>("ok");
    QTest::newRow("-1") << qint64(-1) << false;
    QTest::newRow("0") << qint64(0) << false;
    QTest::newRow("1") << qint64(1) << true;
    QTest::newRow("250") << qint64(250) << true;
    QTest::newRow("500") << qint64(500) << true;
    QTest::newRow("501") << qint64(501) << false;
    QTest::newRow("2^40") << (qint64(1) << 40) << false;
}

void TestBillRules::capacity()
{
    QFETCH(qint64, capacity);
    QFETCH(bool, ok);
    const auto r = checkBillCapacity(capacity);
    QCOMPARE(r.has_value(), ok);
    if (!ok)
        QCOMPARE(r.error().reason, Reason::InvalidCapacity);
}

void TestBillRules::statusNames()
{
    QCOMPARE(billStatusName(BillStatus::Open), QStringLiteral("open"));
    QCOMPARE(billStatusName(BillStatus::Completed), QStringLiteral("completed"));
    QCOMPARE(billStatusFromName(u"open"), std::optional(BillStatus::Open));
    QCOMPARE(billStatusFromName(u"completed"), std::optional(BillStatus::Completed));
    QVERIFY(!billStatusFromName(u"closed").has_value());
}

void TestBillRules::addParent_data()
{
    QTest::addColumn<AddParentInput>("input");
    QTest::addColumn<QString>("expected"); // "ok", "duplicate" or the reason

    const QString p = QStringLiteral("SB00001");
    const std::optional<BagRole> par = BagRole::Parent;
    const std::optional<BagRole> child = BagRole::Child;
    const BillFacts completed = bill(2, 2, BillStatus::Completed);

    QTest::newRow("add") << AddParentInput{bill(0, 2), p, par, {}} << kOk;
    QTest::newRow("last place") << AddParentInput{bill(1, 2), p, par, {}} << kOk;
    QTest::newRow("unknown_bill") << AddParentInput{std::nullopt, p, par, {}} << QStringLiteral("unknown_bill");
    QTest::newRow("unknown_bag") << AddParentInput{bill(0, 2), p, std::nullopt, {}} << QStringLiteral("unknown_bag");
    QTest::newRow("wrong_role") << AddParentInput{bill(0, 2), QStringLiteral("C0001"), child, {}}
                                << QStringLiteral("wrong_role");
    QTest::newRow("duplicate") << AddParentInput{bill(1, 2), p, par, QStringLiteral("B-1")} << QStringLiteral("duplicate");
    QTest::newRow("on_other_bill") << AddParentInput{bill(0, 2), p, par, QStringLiteral("B-9")}
                                   << QStringLiteral("on_other_bill");
    QTest::newRow("bill_completed") << AddParentInput{completed, p, par, {}} << QStringLiteral("bill_completed");
    QTest::newRow("bill_full") << AddParentInput{bill(2, 2), p, par, {}} << QStringLiteral("bill_full");

    // Precedence.
    QTest::newRow("unknown bill beats unknown bag") << AddParentInput{std::nullopt, p, std::nullopt, {}}
                                                    << QStringLiteral("unknown_bill");
    QTest::newRow("unknown bag beats full") << AddParentInput{bill(2, 2), p, std::nullopt, {}}
                                            << QStringLiteral("unknown_bag");
    QTest::newRow("wrong role beats completed") << AddParentInput{completed, QStringLiteral("C0001"), child, {}}
                                                << QStringLiteral("wrong_role");
    QTest::newRow("duplicate beats completed") << AddParentInput{completed, p, par, QStringLiteral("B-1")}
                                               << QStringLiteral("duplicate");
    QTest::newRow("on other bill beats completed") << AddParentInput{completed, p, par, QStringLiteral("B-9")}
                                                   << QStringLiteral("on_other_bill");
    QTest::newRow("on other bill beats full") << AddParentInput{bill(2, 2), p, par, QStringLiteral("B-9")}
                                              << QStringLiteral("on_other_bill");
    QTest::newRow("completed beats full") << AddParentInput{completed, p, par, {}} << QStringLiteral("bill_completed");
}

void TestBillRules::addParent()
{
    QFETCH(AddParentInput, input);
    QFETCH(QString, expected);
    const auto r = decideAddParent(input);
    QString got;
    if (!r) {
        got = reasonName(r.error().reason);
        QVERIFY(!r.error().message.isEmpty());
    } else {
        got = *r == AddParentVerdict::Add ? kOk : QStringLiteral("duplicate");
    }
    QCOMPARE(got, expected);
}

void TestBillRules::onOtherBillNamesIt()
{
    const auto r = decideAddParent(AddParentInput{bill(0, 2), QStringLiteral("SB00001"), BagRole::Parent,
                                                  QStringLiteral("INV-77")});
    QVERIFY(!r);
    QVERIFY(r.error().message.contains(QStringLiteral("INV-77")));
    QVERIFY(r.error().message.contains(QStringLiteral("SB00001")));
    const auto full = decideAddParent(AddParentInput{bill(3, 3), QStringLiteral("SB00001"), BagRole::Parent, {}});
    QVERIFY(full.error().message.contains(QStringLiteral("3/3")));
}

void TestBillRules::complete_data()
{
    QTest::addColumn<std::optional<BillFacts>>("facts");
    QTest::addColumn<QString>("expected");
    QTest::newRow("full") << std::optional(bill(2, 2)) << kOk;
    QTest::newRow("capacity 1, 1 parent") << std::optional(bill(1, 1)) << kOk;
    QTest::newRow("not full") << std::optional(bill(1, 2)) << QStringLiteral("bill_not_full");
    QTest::newRow("empty") << std::optional(bill(0, 2)) << QStringLiteral("bill_not_full");
    QTest::newRow("already completed") << std::optional(bill(2, 2, BillStatus::Completed))
                                       << QStringLiteral("bill_completed");
    QTest::newRow("unknown") << std::optional<BillFacts>() << QStringLiteral("unknown_bill");
}

void TestBillRules::complete()
{
    QFETCH(std::optional<BillFacts>, facts);
    QFETCH(QString, expected);
    QCOMPARE(outcome(decideComplete(facts)), expected);
}

void TestBillRules::reopen_data()
{
    QTest::addColumn<std::optional<BillFacts>>("facts");
    QTest::addColumn<QString>("expected");
    QTest::newRow("completed") << std::optional(bill(2, 2, BillStatus::Completed)) << kOk;
    QTest::newRow("open") << std::optional(bill(1, 2)) << QStringLiteral("invalid_input");
    QTest::newRow("unknown") << std::optional<BillFacts>() << QStringLiteral("unknown_bill");
}

void TestBillRules::reopen()
{
    QFETCH(std::optional<BillFacts>, facts);
    QFETCH(QString, expected);
    QCOMPARE(outcome(decideReopen(facts)), expected);
}

void TestBillRules::removeParent()
{
    const QString p = QStringLiteral("SB00001");
    QCOMPARE(outcome(decideRemoveParent(bill(1, 2), p, QStringLiteral("B-1"))), kOk);
    QCOMPARE(outcome(decideRemoveParent(bill(2, 2, BillStatus::Completed), p, QStringLiteral("B-1"))), kOk);
    QCOMPARE(outcome(decideRemoveParent(bill(1, 2), p, QString())), QStringLiteral("not_on_bill"));
    QCOMPARE(outcome(decideRemoveParent(bill(1, 2), p, QStringLiteral("B-2"))), QStringLiteral("not_on_bill"));
    QCOMPARE(outcome(decideRemoveParent(std::nullopt, p, QStringLiteral("B-1"))), QStringLiteral("unknown_bill"));
}

void TestBillRules::setCapacity_data()
{
    QTest::addColumn<std::optional<BillFacts>>("facts");
    QTest::addColumn<qint64>("capacity");
    QTest::addColumn<QString>("expected");
    QTest::newRow("grow") << std::optional(bill(3, 5)) << qint64(10) << kOk;
    QTest::newRow("shrink to count") << std::optional(bill(3, 5)) << qint64(3) << kOk;
    QTest::newRow("below count") << std::optional(bill(3, 5)) << qint64(2) << QStringLiteral("capacity_below_linked");
    QTest::newRow("zero") << std::optional(bill(0, 5)) << qint64(0) << QStringLiteral("invalid_capacity");
    QTest::newRow("501") << std::optional(bill(0, 5)) << qint64(501) << QStringLiteral("invalid_capacity");
    QTest::newRow("500") << std::optional(bill(0, 5)) << qint64(500) << kOk;
    QTest::newRow("invalid beats below count") << std::optional(bill(3, 5)) << qint64(0)
                                               << QStringLiteral("invalid_capacity");
    QTest::newRow("completed, change") << std::optional(bill(5, 5, BillStatus::Completed)) << qint64(6)
                                       << QStringLiteral("bill_completed");
    QTest::newRow("completed, same") << std::optional(bill(5, 5, BillStatus::Completed)) << qint64(5) << kOk;
    QTest::newRow("unknown") << std::optional<BillFacts>() << qint64(5) << QStringLiteral("unknown_bill");
}

void TestBillRules::setCapacity()
{
    QFETCH(std::optional<BillFacts>, facts);
    QFETCH(qint64, capacity);
    QFETCH(QString, expected);
    QCOMPARE(outcome(decideSetCapacity(facts, capacity)), expected);
}

QTEST_APPLESS_MAIN(TestBillRules)
#include "tst_billrules.moc"
