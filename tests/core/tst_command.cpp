#include <QJsonDocument>
#include <QSet>
#include <QTest>

#include "core/clock.h"
#include "core/command.h"
#include "core/outcome.h"

using namespace tt;

Q_DECLARE_METATYPE(tt::CommandBody)

namespace {

template<class... Ts>
struct Overloaded : Ts...
{
    using Ts::operator()...;
};

// Field-by-field equality of two command bodies of the same kind.
bool sameBody(const CommandBody &a, const CommandBody &b)
{
    if (a.index() != b.index())
        return false;
    return std::visit(
        Overloaded{
            [&](const cmd::SelectParent &x) {
                const auto &y = std::get<cmd::SelectParent>(b);
                return x.code == y.code && x.measuredWeightG == y.measuredWeightG;
            },
            [&](const cmd::LinkChild &x) {
                const auto &y = std::get<cmd::LinkChild>(b);
                return x.parentCode == y.parentCode && x.childCode == y.childCode
                    && x.measuredWeightG == y.measuredWeightG;
            },
            [&](const cmd::UndoLastLink &) { return true; },
            [&](const cmd::MoveChild &x) {
                const auto &y = std::get<cmd::MoveChild>(b);
                return x.childCode == y.childCode && x.toParentCode == y.toParentCode;
            },
            [&](const cmd::DeleteBag &x) { return x.code == std::get<cmd::DeleteBag>(b).code; },
            [&](const cmd::CreateBill &x) {
                const auto &y = std::get<cmd::CreateBill>(b);
                return x.billId == y.billId && x.capacity == y.capacity;
            },
            [&](const cmd::AddParentToBill &x) {
                const auto &y = std::get<cmd::AddParentToBill>(b);
                return x.billId == y.billId && x.parentCode == y.parentCode;
            },
            [&](const cmd::RemoveParentFromBill &x) {
                const auto &y = std::get<cmd::RemoveParentFromBill>(b);
                return x.billId == y.billId && x.parentCode == y.parentCode;
            },
            [&](const cmd::CompleteBill &x) { return x.billId == std::get<cmd::CompleteBill>(b).billId; },
            [&](const cmd::ReopenBill &x) { return x.billId == std::get<cmd::ReopenBill>(b).billId; },
            [&](const cmd::SetBillCapacity &x) {
                const auto &y = std::get<cmd::SetBillCapacity>(b);
                return x.billId == y.billId && x.capacity == y.capacity;
            },
            [&](const cmd::DeleteBill &x) { return x.billId == std::get<cmd::DeleteBill>(b).billId; },
            [&](const cmd::RegisterBag &x) {
                const auto &y = std::get<cmd::RegisterBag>(b);
                return x.code == y.code && x.measuredWeightG == y.measuredWeightG;
            },
            [&](const cmd::RecordWeight &x) {
                const auto &y = std::get<cmd::RecordWeight>(b);
                return x.parentCode == y.parentCode && x.billId == y.billId && x.grams == y.grams;
            },
            [&](const cmd::OpenReturn &) { return true; },
            [&](const cmd::ReturnParent &x) {
                const auto &y = std::get<cmd::ReturnParent>(b);
                return x.ticketId == y.ticketId && x.parentCode == y.parentCode;
            },
            [&](const cmd::FinaliseReturn &x) { return x.ticketId == std::get<cmd::FinaliseReturn>(b).ticketId; },
            [&](const cmd::CancelReturn &x) { return x.ticketId == std::get<cmd::CancelReturn>(b).ticketId; },
            // The admin commands compare all their fields (defaulted operator==).
            [&](const auto &x) { return x == std::get<std::decay_t<decltype(x)>>(b); },
        },
        a);
}

QDateTime t0()
{
    return QDateTime(QDate(2024, 3, 1), QTime(10, 15, 30, 123), Qt::UTC);
}

} // namespace

// Commands carry a UUID, actor, station and time and survive the JSON of the command log and
// the outbox unchanged.
class TestCommand : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void roundTrip_data();
    void roundTrip();
    void everyKindIsCovered();
    void makeCommandUsesClock();
    void rejectsBrokenJson_data();
    void rejectsBrokenJson();
    void isoUtc();
    void outcomeJson();
};

void TestCommand::roundTrip_data()
{
    QTest::addColumn<CommandBody>("body");
    QTest::addColumn<int>("role");

    const int d = int(Role::Dispatcher);
    const int b = int(Role::Biller);
    const int a = int(Role::Admin);
    QTest::newRow("select_parent") << CommandBody(cmd::SelectParent{QStringLiteral("SB00001"), std::nullopt}) << d;
    QTest::newRow("select_parent weighed") << CommandBody(cmd::SelectParent{QStringLiteral("SB00001"), 31250}) << d;
    QTest::newRow("link_child") << CommandBody(cmd::LinkChild{QStringLiteral("SB00001"), QStringLiteral("C0001"),
                                                              std::nullopt})
                                << d;
    QTest::newRow("link_child weighed 0 g") << CommandBody(cmd::LinkChild{QStringLiteral("SB00001"),
                                                                          QStringLiteral("C0001"), 0})
                                            << d;
    QTest::newRow("link_child weighed 10 t") << CommandBody(cmd::LinkChild{QStringLiteral("M444-12345"),
                                                                           QStringLiteral("012345678901234560"),
                                                                           10'000'000})
                                             << b;
    QTest::newRow("undo") << CommandBody(cmd::UndoLastLink{}) << d;
    QTest::newRow("move_child") << CommandBody(cmd::MoveChild{QStringLiteral("C0001"), QStringLiteral("SB00002")}) << b;
    QTest::newRow("delete_bag") << CommandBody(cmd::DeleteBag{QStringLiteral("C0009")}) << b;
    QTest::newRow("create_bill") << CommandBody(cmd::CreateBill{QStringLiteral("INV/2024-001"), 500}) << b;
    QTest::newRow("add_parent_to_bill") << CommandBody(cmd::AddParentToBill{QStringLiteral("B-1"),
                                                                            QStringLiteral("SB00001")})
                                        << b;
    QTest::newRow("remove_parent_from_bill") << CommandBody(cmd::RemoveParentFromBill{QStringLiteral("B-1"),
                                                                                      QStringLiteral("SB00001")})
                                             << a;
    QTest::newRow("complete_bill") << CommandBody(cmd::CompleteBill{QStringLiteral("B-1")}) << b;
    QTest::newRow("reopen_bill") << CommandBody(cmd::ReopenBill{QStringLiteral("B-1")}) << a;
    QTest::newRow("set_bill_capacity") << CommandBody(cmd::SetBillCapacity{QStringLiteral("B-1"), 42}) << b;
    QTest::newRow("delete_bill") << CommandBody(cmd::DeleteBill{QStringLiteral("B-1")}) << a;
    QTest::newRow("register_bag") << CommandBody(cmd::RegisterBag{QStringLiteral("C0001"), std::nullopt}) << a;
    QTest::newRow("register_bag weighed") << CommandBody(cmd::RegisterBag{QStringLiteral("C0001"), 987}) << a;
    QTest::newRow("record_weight parent") << CommandBody(cmd::RecordWeight{QStringLiteral("SB00001"), QString(), 31500})
                                          << d;
    QTest::newRow("record_weight bill") << CommandBody(cmd::RecordWeight{QString(), QStringLiteral("B-1"), 900000})
                                        << b;
    QTest::newRow("odd text survives") << CommandBody(cmd::SelectParent{QString::fromUtf16(u"x'\"\\\u00E9\u0001;--"),
                                                                        std::nullopt})
                                       << d;
    QTest::newRow("open_return") << CommandBody(cmd::OpenReturn{}) << b;
    QTest::newRow("return_parent") << CommandBody(cmd::ReturnParent{QStringLiteral("RTN-20240301-0001"),
                                                                    QStringLiteral("SB00001")})
                                   << b;
    QTest::newRow("finalise_return") << CommandBody(cmd::FinaliseReturn{QStringLiteral("RTN-20240301-0001")}) << a;
    QTest::newRow("cancel_return") << CommandBody(cmd::CancelReturn{QStringLiteral("RTN-20240301-0002")}) << b;
    QTest::newRow("add_bag_type") << CommandBody(cmd::AddBagType{QStringLiteral("JUMBO"), QStringLiteral("parent"),
                                                                 QStringLiteral("^JB\\d{4}$"), 60, 0, 61000})
                                  << a;
    QTest::newRow("set_bag_type all") << CommandBody(cmd::SetBagType{QStringLiteral("SB"), QStringLiteral("^SB\\d{6}$"),
                                                                     40, 0, 41000, false})
                                      << a;
    QTest::newRow("set_bag_type none") << CommandBody(cmd::SetBagType{QStringLiteral("SB"), std::nullopt, std::nullopt,
                                                                      std::nullopt, std::nullopt, std::nullopt})
                                       << a;
    QTest::newRow("delete_bag_type") << CommandBody(cmd::DeleteBagType{QStringLiteral("JUMBO")}) << a;
    QTest::newRow("add_area") << CommandBody(cmd::AddArea{QStringLiteral("Sri Ganganagar")}) << a;
    QTest::newRow("set_area rename") << CommandBody(cmd::SetArea{QStringLiteral("Hisar"), QStringLiteral("Hisar North"),
                                                                 std::nullopt})
                                     << a;
    QTest::newRow("set_area inactive") << CommandBody(cmd::SetArea{QStringLiteral("Hisar"), std::nullopt, false}) << a;
    QTest::newRow("delete_area") << CommandBody(cmd::DeleteArea{QStringLiteral("Hisar")}) << a;
    QTest::newRow("add_station") << CommandBody(cmd::AddStation{QStringLiteral("DOCK-3"), QStringLiteral("Indore")}) << a;
    QTest::newRow("set_station") << CommandBody(cmd::SetStation{QStringLiteral("DOCK-3"), QStringLiteral("Akola"), true})
                                 << a;
    QTest::newRow("set_station keep area") << CommandBody(cmd::SetStation{QStringLiteral("DOCK-3"), std::nullopt, false})
                                           << a;
}

void TestCommand::roundTrip()
{
    QFETCH(CommandBody, body);
    QFETCH(int, role);
    const ManualClock clock(t0());
    const Command c = makeCommand(Actor{QStringLiteral("ravi"), Role(role)}, QString::fromUtf16(u"Station \u091C-1"),
                                  clock, body);

    // Through the text form, as the command log stores it.
    const QByteArray text = QJsonDocument(commandToJson(c)).toJson(QJsonDocument::Compact);
    const QJsonObject parsed = QJsonDocument::fromJson(text).object();
    QCOMPARE(parsed.value(QStringLiteral("kind")).toString(), commandKind(body));

    const auto back = commandFromJson(parsed);
    QVERIFY2(back.has_value(), qPrintable(back ? QString() : back.error().message));
    QCOMPARE(back->meta.id, c.meta.id);
    QCOMPARE(back->meta.actor.user, c.meta.actor.user);
    QCOMPARE(back->meta.actor.role, c.meta.actor.role);
    QCOMPARE(back->meta.station, c.meta.station);
    QCOMPARE(back->meta.at, c.meta.at);
    QCOMPARE(back->meta.at.time().msec(), 123);
    QVERIFY(sameBody(back->body, c.body));
    QCOMPARE(commandToJson(*back), commandToJson(c));
}

void TestCommand::everyKindIsCovered()
{
    // One row of roundTrip_data per alternative of CommandBody, and distinct kind names.
    QSet<QString> kinds;
    const QList<CommandBody> all{cmd::SelectParent{},   cmd::LinkChild{},       cmd::UndoLastLink{},
                                 cmd::MoveChild{},      cmd::DeleteBag{},       cmd::CreateBill{},
                                 cmd::AddParentToBill{}, cmd::RemoveParentFromBill{}, cmd::CompleteBill{},
                                 cmd::ReopenBill{},     cmd::SetBillCapacity{}, cmd::DeleteBill{},
                                 cmd::RegisterBag{},    cmd::RecordWeight{},    cmd::OpenReturn{},
                                 cmd::ReturnParent{},   cmd::FinaliseReturn{},  cmd::CancelReturn{},
                                 cmd::AddBagType{},     cmd::SetBagType{},      cmd::DeleteBagType{},
                                 cmd::AddArea{},        cmd::SetArea{},         cmd::DeleteArea{},
                                 cmd::AddStation{},     cmd::SetStation{}};
    QCOMPARE(all.size(), qsizetype(std::variant_size_v<CommandBody>));
    for (const CommandBody &b : all)
        kinds.insert(commandKind(b));
    QCOMPARE(kinds.size(), all.size());
}

void TestCommand::makeCommandUsesClock()
{
    ManualClock clock(t0());
    const Command a = makeCommand(Actor{QStringLiteral("ravi"), Role::Dispatcher}, QStringLiteral("ST1"), clock,
                                  cmd::UndoLastLink{});
    clock.advanceSeconds(5);
    const Command b = makeCommand(Actor{QStringLiteral("ravi"), Role::Dispatcher}, QStringLiteral("ST1"), clock,
                                  cmd::UndoLastLink{});
    QVERIFY(!a.meta.id.isNull());
    QVERIFY(a.meta.id != b.meta.id);
    QCOMPARE(a.meta.at, t0());
    QCOMPARE(b.meta.at, t0().addSecs(5));
    QCOMPARE(a.meta.at.timeSpec(), Qt::UTC);
    QCOMPARE(a.meta.station, QStringLiteral("ST1"));
}

void TestCommand::rejectsBrokenJson_data()
{
    QTest::addColumn<QString>("remove");
    QTest::addColumn<QString>("key");
    QTest::addColumn<QString>("value");

    QTest::newRow("no id") << QStringLiteral("id") << QString() << QString();
    QTest::newRow("bad id") << QString() << QStringLiteral("id") << QStringLiteral("not-a-uuid");
    QTest::newRow("no role") << QStringLiteral("role") << QString() << QString();
    QTest::newRow("unknown role") << QString() << QStringLiteral("role") << QStringLiteral("root");
    QTest::newRow("no time") << QStringLiteral("at") << QString() << QString();
    QTest::newRow("bad time") << QString() << QStringLiteral("at") << QStringLiteral("yesterday");
    QTest::newRow("unknown kind") << QString() << QStringLiteral("kind") << QStringLiteral("drop_table");
    QTest::newRow("no kind") << QStringLiteral("kind") << QString() << QString();
}

void TestCommand::rejectsBrokenJson()
{
    QFETCH(QString, remove);
    QFETCH(QString, key);
    QFETCH(QString, value);
    const ManualClock clock(t0());
    QJsonObject o = commandToJson(makeCommand(Actor{QStringLiteral("ravi"), Role::Dispatcher}, QStringLiteral("ST1"),
                                              clock, cmd::LinkChild{QStringLiteral("SB00001"), QStringLiteral("C0001"),
                                                                    std::nullopt}));
    QVERIFY(commandFromJson(o).has_value());
    if (!remove.isEmpty())
        o.remove(remove);
    if (!key.isEmpty())
        o.insert(key, value);
    const auto r = commandFromJson(o);
    QVERIFY(!r.has_value());
    QCOMPARE(r.error().reason, Reason::InvalidInput);
    QVERIFY(!r.error().message.isEmpty());
}

void TestCommand::isoUtc()
{
    QCOMPARE(tt::isoUtc(t0()), QStringLiteral("2024-03-01T10:15:30.123Z"));
    // Times with an offset are stored in UTC.
    const QDateTime ist = t0().toOffsetFromUtc(5 * 3600 + 1800);
    QCOMPARE(tt::isoUtc(ist), QStringLiteral("2024-03-01T10:15:30.123Z"));
    QCOMPARE(fromIsoUtc(QStringLiteral("2024-03-01T15:45:30.123+05:30")), t0());
    QCOMPARE(fromIsoUtc(QStringLiteral("2024-03-01T10:15:30.123Z")), t0());
    QCOMPARE(fromIsoUtc(QStringLiteral("2024-03-01T10:15:30Z")), t0().addMSecs(-123));
    QVERIFY(!fromIsoUtc(QStringLiteral("garbage")).isValid());
}

void TestCommand::outcomeJson()
{
    Outcome o;
    o.commandId = QUuid::createUuid();
    o.result = ResultKind::Rejected;
    o.reason = Reason::LinkedElsewhere;
    o.message = QStringLiteral("C0001 is already in SB00001");
    o.code = QStringLiteral("C0001");
    o.parent = QStringLiteral("SB00002");
    o.children = 30;
    o.capacity = 30;
    QJsonObject j = o.toJson();
    QCOMPARE(j.value(QStringLiteral("result")).toString(), QStringLiteral("rejected"));
    QCOMPARE(j.value(QStringLiteral("reason")).toString(), QStringLiteral("linked_elsewhere"));
    QCOMPARE(j.value(QStringLiteral("code")).toString(), QStringLiteral("C0001"));
    QCOMPARE(j.value(QStringLiteral("parent")).toString(), QStringLiteral("SB00002"));
    QCOMPARE(j.value(QStringLiteral("children")).toInt(), 30);
    QCOMPARE(j.value(QStringLiteral("capacity")).toInt(), 30);
    QCOMPARE(j.value(QStringLiteral("parent_full")).toBool(), true);
    QCOMPARE(j.value(QStringLiteral("command_id")).toString(), o.commandId.toString(QUuid::WithoutBraces));
    QVERIFY2(!j.contains(QStringLiteral("bill")), "no bill keys without a bill");
    QVERIFY(!j.contains(QStringLiteral("actual_weight_g")));

    o.bill = QStringLiteral("B-1");
    o.billStatus = BillStatus::Completed;
    o.billParents = 1;
    o.billCapacity = 1;
    o.actualWeightG = 5000;
    o.expectedWeightG = 30000;
    j = o.toJson();
    QCOMPARE(j.value(QStringLiteral("bill")).toString(), QStringLiteral("B-1"));
    QCOMPARE(j.value(QStringLiteral("bill_status")).toString(), QStringLiteral("completed"));
    QCOMPARE(j.value(QStringLiteral("bill_parents")).toInt(), 1);
    QCOMPARE(j.value(QStringLiteral("bill_capacity")).toInt(), 1);
    QCOMPARE(j.value(QStringLiteral("actual_weight_g")).toInteger(), 5000);
    QCOMPARE(j.value(QStringLiteral("expected_weight_g")).toInteger(), 30000);
    QCOMPARE(j.value(QStringLiteral("variance_g")).toInteger(), -25000);

    Outcome none;
    none.result = ResultKind::Ok;
    const QJsonObject n = none.toJson();
    QVERIFY(n.value(QStringLiteral("parent")).isNull());
    QCOMPARE(n.value(QStringLiteral("reason")).toString(), QString());
    QCOMPARE(n.value(QStringLiteral("parent_full")).toBool(), false);
    QVERIFY(!n.contains(QStringLiteral("command_id")));

    QCOMPARE(resultKindName(ResultKind::Ok), QStringLiteral("ok"));
    QCOMPARE(resultKindName(ResultKind::Duplicate), QStringLiteral("duplicate"));
    QCOMPARE(resultKindName(ResultKind::Queued), QStringLiteral("queued"));

    const Outcome r = Outcome::rejected(Error{Reason::InvalidCode, QStringLiteral("no")}, QStringLiteral("X"));
    QCOMPARE(r.result, ResultKind::Rejected);
    QCOMPARE(r.reason, Reason::InvalidCode);
    QCOMPARE(r.code, QStringLiteral("X"));
    QVERIFY(!r.ok());
}

QTEST_APPLESS_MAIN(TestCommand)
#include "tst_command.moc"
