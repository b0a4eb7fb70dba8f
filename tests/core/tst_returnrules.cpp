#include "core/returnrules.h"

#include <QTest>

using namespace tt;

Q_DECLARE_METATYPE(tt::ReturnParentInput)
Q_DECLARE_METATYPE(std::optional<tt::ReturnFacts>)

namespace {

const QString kTicket = QStringLiteral("RTN-20240301-0001");
const QString kOk = QStringLiteral("ok");

ReturnFacts ticket(ReturnStatus status = ReturnStatus::Open, int parents = 0)
{
    return ReturnFacts{kTicket, status, parents};
}

QString outcome(const Result<void> &r)
{
    return r ? kOk : reasonName(r.error().reason);
}

// A billed parent scanned on an open ticket: accepted.
ReturnParentInput billedParent()
{
    ReturnParentInput in;
    in.ticket = ticket();
    in.parentCode = QStringLiteral("SB00001");
    in.parentRole = BagRole::Parent;
    in.parentBillId = QStringLiteral("B-1");
    return in;
}

} // namespace

// BRIEF §3.4: ticket ids, returning a parent, finalise and cancel.
class TestReturnRules : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void statusNames();
    void ticketId();
    void businessDay();
    void normalizeId_data();
    void normalizeId();
    void returnParent_data();
    void returnParent();
    void messagesNameTheBags();
    void finalise_data();
    void finalise();
    void cancel_data();
    void cancel();
};

void TestReturnRules::statusNames()
{
    for (const ReturnStatus s :
         {ReturnStatus::Open, ReturnStatus::Finalised, ReturnStatus::Cancelled})
        QCOMPARE(returnStatusFromName(returnStatusName(s)), std::optional(s));
    QCOMPARE(returnStatusName(ReturnStatus::Finalised), QStringLiteral("finalised"));
    QVERIFY(!returnStatusFromName(u"closed").has_value());
}

void TestReturnRules::ticketId()
{
    QCOMPARE(returnTicketId(QDate(2024, 3, 1), 1).value(), QStringLiteral("RTN-20240301-0001"));
    QCOMPARE(returnTicketId(QDate(2024, 12, 31), 9999).value(),
             QStringLiteral("RTN-20241231-9999"));
    const auto full = returnTicketId(QDate(2024, 3, 1), 10000);
    QVERIFY(!full);
    QCOMPARE(full.error().reason, Reason::InvalidInput);
    QVERIFY(!returnTicketId(QDate(2024, 3, 1), 0));
    // Every id made is one normalizeReturnId accepts unchanged.
    QCOMPARE(normalizeReturnId(returnTicketId(QDate(2024, 2, 29), 42).value()).value(),
             QStringLiteral("RTN-20240229-0042"));
}

void TestReturnRules::businessDay()
{
    const QTimeZone kolkata("Asia/Kolkata");
    QVERIFY(kolkata.isValid());
    // 19:00 UTC is 00:30 the next day in India: the ticket belongs to that business day.
    const QDateTime evening(QDate(2024, 3, 1), QTime(19, 0), Qt::UTC);
    QCOMPARE(tt::businessDay(evening, kolkata), QDate(2024, 3, 2));
    QCOMPARE(tt::businessDay(evening, QTimeZone::utc()), QDate(2024, 3, 1));
    QCOMPARE(tt::businessDay(evening, QTimeZone()), QDate(2024, 3, 1)); // unknown zone: UTC
}

void TestReturnRules::normalizeId_data()
{
    QTest::addColumn<QString>("raw");
    QTest::addColumn<QString>("expected"); // "" = invalid_return_id

    QTest::newRow("plain") << kTicket << kTicket;
    QTest::newRow("lower case, spaces") << QStringLiteral("  rtn-20240301-0001 ") << kTicket;
    QTest::newRow("zero-width stripped")
        << QString::fromUtf16(u"RTN-2024\u200B0301-0001") << kTicket;
    QTest::newRow("no sequence") << QStringLiteral("RTN-20240301") << QString();
    QTest::newRow("short sequence") << QStringLiteral("RTN-20240301-001") << QString();
    QTest::newRow("sequence 0000") << QStringLiteral("RTN-20240301-0000") << QString();
    QTest::newRow("no such date") << QStringLiteral("RTN-20240231-0001") << QString();
    QTest::newRow("bill id") << QStringLiteral("B-1") << QString();
    QTest::newRow("empty") << QString() << QString();
    QTest::newRow("SQL") << QStringLiteral("RTN-20240301-0001'--") << QString();
    QTest::newRow("10 kB") << QString(10240, QLatin1Char('R')) << QString();
}

void TestReturnRules::normalizeId()
{
    QFETCH(QString, raw);
    QFETCH(QString, expected);
    const auto id = normalizeReturnId(raw);
    if (expected.isEmpty()) {
        QVERIFY(!id);
        QCOMPARE(id.error().reason, Reason::InvalidReturnId);
        QVERIFY(id.error().message.size() < 120); // hostile input is not echoed in full
    } else {
        QCOMPARE(id.value(), expected);
    }
}

void TestReturnRules::returnParent_data()
{
    QTest::addColumn<ReturnParentInput>("input");
    QTest::addColumn<QString>("expected");

    QTest::newRow("billed parent") << billedParent() << kOk;
    {
        ReturnParentInput in = billedParent();
        in.ticket.reset();
        QTest::newRow("unknown ticket") << in << QStringLiteral("unknown_return");
    }
    {
        ReturnParentInput in = billedParent();
        in.ticket = ticket(ReturnStatus::Finalised, 3);
        QTest::newRow("finalised ticket") << in << QStringLiteral("return_not_open");
    }
    {
        ReturnParentInput in = billedParent();
        in.ticket = ticket(ReturnStatus::Cancelled, 1);
        QTest::newRow("cancelled ticket") << in << QStringLiteral("return_not_open");
    }
    {
        ReturnParentInput in = billedParent();
        in.parentRole.reset();
        in.parentBillId.clear();
        QTest::newRow("unknown bag") << in << QStringLiteral("unknown_bag");
    }
    {
        ReturnParentInput in = billedParent();
        in.parentRole = BagRole::Child;
        in.parentBillId.clear();
        QTest::newRow("child code") << in << QStringLiteral("wrong_role");
    }
    {
        ReturnParentInput in = billedParent();
        in.onThisTicket = true;
        in.parentBillId.clear();
        QTest::newRow("already on this ticket") << in << QStringLiteral("already_returned");
    }
    {
        // Put on a bill again after its return: still once per ticket.
        ReturnParentInput in = billedParent();
        in.onThisTicket = true;
        QTest::newRow("re-billed, already on this ticket")
            << in << QStringLiteral("already_returned");
    }
    {
        ReturnParentInput in = billedParent();
        in.parentBillId.clear();
        QTest::newRow("not on any bill") << in << QStringLiteral("not_on_any_bill");
    }
    {
        ReturnParentInput in = billedParent();
        in.ticket = ticket(ReturnStatus::Finalised, 1);
        in.parentRole = BagRole::Child;
        QTest::newRow("closed ticket comes first") << in << QStringLiteral("return_not_open");
    }
}

void TestReturnRules::returnParent()
{
    QFETCH(ReturnParentInput, input);
    QFETCH(QString, expected);
    const auto r = decideReturnParent(input);
    QCOMPARE(outcome(r), expected);
    if (!r)
        QVERIFY(!r.error().message.isEmpty());
}

void TestReturnRules::messagesNameTheBags()
{
    ReturnParentInput in = billedParent();
    in.onThisTicket = true;
    QCOMPARE(decideReturnParent(in).error().message,
             QStringLiteral("SB00001 is already on return ticket %1.").arg(kTicket));
    in = billedParent();
    in.ticket = ticket(ReturnStatus::Cancelled);
    QCOMPARE(decideReturnParent(in).error().message,
             QStringLiteral("Return ticket %1 is cancelled; it cannot change.").arg(kTicket));
}

void TestReturnRules::finalise_data()
{
    QTest::addColumn<std::optional<ReturnFacts>>("ticket");
    QTest::addColumn<QString>("expected");
    QTest::newRow("one bag") << std::optional(ticket(ReturnStatus::Open, 1)) << kOk;
    QTest::newRow("no bag") << std::optional(ticket(ReturnStatus::Open, 0))
                            << QStringLiteral("return_empty");
    QTest::newRow("unknown") << std::optional<ReturnFacts>() << QStringLiteral("unknown_return");
    QTest::newRow("finalised") << std::optional(ticket(ReturnStatus::Finalised, 2))
                               << QStringLiteral("return_not_open");
    QTest::newRow("cancelled") << std::optional(ticket(ReturnStatus::Cancelled, 2))
                               << QStringLiteral("return_not_open");
}

void TestReturnRules::finalise()
{
    QFETCH(std::optional<ReturnFacts>, ticket);
    QFETCH(QString, expected);
    QCOMPARE(outcome(decideFinaliseReturn(ticket)), expected);
}

void TestReturnRules::cancel_data()
{
    QTest::addColumn<std::optional<ReturnFacts>>("ticket");
    QTest::addColumn<QString>("expected");
    QTest::newRow("empty ticket") << std::optional(ticket(ReturnStatus::Open, 0)) << kOk;
    QTest::newRow("with bags") << std::optional(ticket(ReturnStatus::Open, 4)) << kOk;
    QTest::newRow("unknown") << std::optional<ReturnFacts>() << QStringLiteral("unknown_return");
    QTest::newRow("finalised") << std::optional(ticket(ReturnStatus::Finalised, 2))
                               << QStringLiteral("return_not_open");
    QTest::newRow("cancelled") << std::optional(ticket(ReturnStatus::Cancelled, 0))
                               << QStringLiteral("return_not_open");
}

void TestReturnRules::cancel()
{
    QFETCH(std::optional<ReturnFacts>, ticket);
    QFETCH(QString, expected);
    QCOMPARE(outcome(decideCancelReturn(ticket)), expected);
}

QTEST_GUILESS_MAIN(TestReturnRules)
#include "tst_returnrules.moc"
