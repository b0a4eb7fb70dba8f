#include <QSqlQuery>
#include <QTest>

#include "core/station.h"
#include "database/sqlitestore.h"
#include "tests/database/storefixture.h"

using namespace tt;
using namespace tt::test;

namespace {

const Actor kAdmin{QStringLiteral("admin"), Role::Admin};
const Actor kBiller{QStringLiteral("meena"), Role::Biller};
const Actor kDispatcher{QStringLiteral("ravi"), Role::Dispatcher};

QString describe(const Outcome &o)
{
    return QStringLiteral("%1 %2 %3: %4").arg(o.code, resultKindName(o.result), reasonName(o.reason), o.message);
}

} // namespace

#define EXPECT_OUTCOME(outcome, kind, why)                                                                             \
    do {                                                                                                               \
        const Outcome o_ = (outcome);                                                                                  \
        QVERIFY2(o_.result == (kind) && o_.reason == (why), qPrintable(describe(o_)));                                 \
    } while (false)

// The station workflow over a real embedded store: what the GUI, the CLI and the scanners drive
// (BRIEF §3.2, §3.3, §9).
class TestStation : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();

    void issueStream();
    void streamJson();
    void normalisedScansNameTheSameBag();
    void parentFullThenNextParent();
    void m444Capacity();
    void doneLeavesParent();
    void undoKeepsHistory();
    void undoWindow();
    void undoIsPerUser();
    void billMode();
    void completedBillBlocksLinking();
    void billModeNeedsBillPermission();
    void billerMayUseBillMode();
    void badBillCodes_data();
    void badBillCodes();
    void invalidScans_data();
    void invalidScans();
    void originalParentCasesNeverSelectAParent_data();
    void originalParentCasesNeverSelectAParent();
    void scaleWeightGoesToParentOrBill();

private:
    Station station(const Actor &actor, const QString &id = QStringLiteral("ST1"))
    {
        return Station(*m_store, *m_clock, actor, id);
    }
    Outcome run(const Actor &actor, CommandBody body)
    {
        return m_store->execute(makeCommand(actor, QStringLiteral("ST1"), *m_clock, std::move(body)));
    }
    QSqlDatabase db() const { return m_store->database(); }

    std::unique_ptr<ManualClock> m_clock;
    std::unique_ptr<SqliteStore> m_store;
    int m_connection = 0;
};

void TestStation::init()
{
    m_clock = std::make_unique<ManualClock>(startTime());
    m_store = openMemoryStore(*m_clock, QStringLiteral("station-%1").arg(++m_connection));
    QVERIFY(m_store);
}

void TestStation::cleanup()
{
    if (m_store)
        TT_VERIFY_CLEAN(*m_store);
    m_store.reset();
    m_clock.reset();
}

void TestStation::issueStream()
{
    // Issue 2: SB00001, C0001, C0002, C0001, SB00002, C0001 → ok, ok, ok, duplicate, ok,
    // rejected linked_elsewhere naming SB00001.
    Station s = station(kAdmin);
    Outcome o = s.scan(u"SB00001");
    EXPECT_OUTCOME(o, ResultKind::Ok, Reason::None);
    QCOMPARE(o.parent, QStringLiteral("SB00001"));
    QCOMPARE(o.children, 0);
    QCOMPARE(o.capacity, 30);
    QCOMPARE(s.currentParent(), QStringLiteral("SB00001"));

    o = s.scan(u"C0001");
    EXPECT_OUTCOME(o, ResultKind::Ok, Reason::None);
    QCOMPARE(o.code, QStringLiteral("C0001"));
    QCOMPARE(o.parent, QStringLiteral("SB00001"));
    QCOMPARE(o.children, 1);

    o = s.scan(u"C0002");
    EXPECT_OUTCOME(o, ResultKind::Ok, Reason::None);
    QCOMPARE(o.children, 2);

    const auto before = snapshot(db());
    o = s.scan(u"C0001");
    EXPECT_OUTCOME(o, ResultKind::Duplicate, Reason::Duplicate);
    QCOMPARE(o.children, 2);
    QCOMPARE(snapshot(db()), before); // a duplicate writes nothing

    o = s.scan(u"SB00002");
    EXPECT_OUTCOME(o, ResultKind::Ok, Reason::None);
    QCOMPARE(s.currentParent(), QStringLiteral("SB00002"));
    QCOMPARE(o.children, 0);

    const auto before2 = snapshot(db());
    o = s.scan(u"C0001");
    EXPECT_OUTCOME(o, ResultKind::Rejected, Reason::LinkedElsewhere);
    QVERIFY2(o.message.contains(QStringLiteral("SB00001")), qPrintable(o.message));
    QVERIFY2(o.message.contains(QStringLiteral("admin")), qPrintable(o.message));
    QCOMPARE(o.parent, QStringLiteral("SB00002"));
    QCOMPARE(o.children, 0);
    QCOMPARE(snapshot(db()), before2);

    const auto sb1 = m_store->bag(QStringLiteral("SB00001"));
    QVERIFY(sb1 && *sb1);
    QCOMPARE((*sb1)->childCount, 2);
    QCOMPARE((*sb1)->children, (QStringList{QStringLiteral("C0001"), QStringLiteral("C0002")}));
    const auto c1 = m_store->bag(QStringLiteral("C0001"));
    QCOMPARE((*c1)->parentCode, QStringLiteral("SB00001"));
    QCOMPARE((*c1)->linkedBy, QStringLiteral("admin"));
    QCOMPARE(rowCount(db(), QStringLiteral("scans")), 4); // 2 parents selected, 2 links
}

void TestStation::streamJson()
{
    Station s = station(kAdmin);
    const QStringList scans{QStringLiteral("SB00001"), QStringLiteral("C0001"), QStringLiteral("C0001")};
    QStringList results;
    for (const QString &scan : scans) {
        const QJsonObject j = s.scan(scan).toJson();
        results << j.value(QStringLiteral("result")).toString() + QLatin1Char('/')
                       + j.value(QStringLiteral("reason")).toString();
        QCOMPARE(j.value(QStringLiteral("code")).toString(), scan);
        QCOMPARE(j.value(QStringLiteral("parent")).toString(), QStringLiteral("SB00001"));
        QCOMPARE(j.value(QStringLiteral("capacity")).toInt(), 30);
        QVERIFY(!j.value(QStringLiteral("message")).toString().isEmpty());
    }
    QCOMPARE(results, (QStringList{QStringLiteral("ok/"), QStringLiteral("ok/"), QStringLiteral("duplicate/duplicate")}));
}

void TestStation::normalisedScansNameTheSameBag()
{
    Station s = station(kAdmin);
    EXPECT_OUTCOME(s.scan(u"SB00001"), ResultKind::Ok, Reason::None);
    EXPECT_OUTCOME(s.scan(u" c0001\r\n"), ResultKind::Ok, Reason::None);
    const Outcome again = s.scan(QString::fromUtf16(u"\uFEFFC\u200B0001"));
    EXPECT_OUTCOME(again, ResultKind::Duplicate, Reason::Duplicate);
    QCOMPARE(again.code, QStringLiteral("C0001"));
    EXPECT_OUTCOME(s.scan(u"sb00001 "), ResultKind::Ok, Reason::None);
    QCOMPARE(s.currentParent(), QStringLiteral("SB00001"));
    QCOMPARE(rowCount(db(), QStringLiteral("bags")), 2);
}

void TestStation::parentFullThenNextParent()
{
    Station s = station(kAdmin);
    EXPECT_OUTCOME(s.scan(u"SB00003"), ResultKind::Ok, Reason::None);
    Outcome o;
    for (int i = 0; i < 30; ++i) {
        o = s.scan(QStringLiteral("C%1").arg(1000 + i));
        EXPECT_OUTCOME(o, ResultKind::Ok, Reason::None);
        QCOMPARE(o.children, i + 1);
        QCOMPARE(o.parentFull(), i == 29);
    }
    QVERIFY2(o.message.contains(QStringLiteral("full")), qPrintable(o.message));
    QVERIFY2(o.message.contains(QStringLiteral("next parent")), qPrintable(o.message));
    QVERIFY(o.toJson().value(QStringLiteral("parent_full")).toBool());

    const auto before = snapshot(db());
    o = s.scan(u"C1030");
    EXPECT_OUTCOME(o, ResultKind::Rejected, Reason::ParentFull);
    QVERIFY2(o.message.contains(QStringLiteral("30/30")), qPrintable(o.message));
    QCOMPARE(snapshot(db()), before);
    const auto c = m_store->bag(QStringLiteral("C1030"));
    QVERIFY2(c && !*c, "a rejected child is not created");

    // Selecting a full parent again says so.
    o = s.scan(u"SB00003");
    EXPECT_OUTCOME(o, ResultKind::Ok, Reason::None);
    QVERIFY(o.parentFull());
    QVERIFY2(o.message.contains(QStringLiteral("full")), qPrintable(o.message));

    EXPECT_OUTCOME(s.scan(u"SB00004"), ResultKind::Ok, Reason::None);
    o = s.scan(u"C1030");
    EXPECT_OUTCOME(o, ResultKind::Ok, Reason::None);
    QCOMPARE(o.parent, QStringLiteral("SB00004"));
}

void TestStation::m444Capacity()
{
    Station s = station(kDispatcher);
    const Outcome p = s.scan(u"M444-12345");
    EXPECT_OUTCOME(p, ResultKind::Ok, Reason::None);
    QCOMPARE(p.capacity, 15);
    for (int i = 0; i < 15; ++i)
        EXPECT_OUTCOME(s.scan(QStringLiteral("K%1").arg(2000 + i)), ResultKind::Ok, Reason::None);
    const Outcome full = s.scan(u"K2015");
    EXPECT_OUTCOME(full, ResultKind::Rejected, Reason::ParentFull);
    QVERIFY(full.message.contains(QStringLiteral("15/15")));
}

void TestStation::doneLeavesParent()
{
    Station s = station(kDispatcher);
    EXPECT_OUTCOME(s.scan(u"TT:DONE"), ResultKind::Rejected, Reason::NoParentSelected);
    EXPECT_OUTCOME(s.scan(u"C0001"), ResultKind::Rejected, Reason::NoParentSelected);
    QCOMPARE(rowCount(db(), QStringLiteral("bags")), 0);

    EXPECT_OUTCOME(s.scan(u"SB00001"), ResultKind::Ok, Reason::None);
    EXPECT_OUTCOME(s.scan(u"C0001"), ResultKind::Ok, Reason::None);
    const Outcome done = s.scan(u"tt:done");
    EXPECT_OUTCOME(done, ResultKind::Ok, Reason::None);
    QVERIFY2(done.message.contains(QStringLiteral("SB00001")), qPrintable(done.message));
    QVERIFY2(done.message.contains(QStringLiteral("1/30")), qPrintable(done.message));
    QVERIFY(s.currentParent().isEmpty());

    const auto before = snapshot(db());
    const Outcome orphan = s.scan(u"C0002");
    EXPECT_OUTCOME(orphan, ResultKind::Rejected, Reason::NoParentSelected);
    QVERIFY(orphan.parent.isEmpty());
    QCOMPARE(snapshot(db()), before);
}

void TestStation::undoKeepsHistory()
{
    Station s = station(kDispatcher);
    EXPECT_OUTCOME(s.scan(u"SB00001"), ResultKind::Ok, Reason::None);
    EXPECT_OUTCOME(s.scan(u"C0001"), ResultKind::Ok, Reason::None);
    EXPECT_OUTCOME(s.scan(u"C0002"), ResultKind::Ok, Reason::None);

    Outcome o = s.scan(u"TT:UNDO");
    EXPECT_OUTCOME(o, ResultKind::Ok, Reason::None);
    QCOMPARE(o.code, QStringLiteral("TT:UNDO")); // the station shows the scan; the message names the bag
    QVERIFY2(o.message.contains(QStringLiteral("C0002")), qPrintable(o.message));
    QCOMPARE(o.children, 1);
    const auto c2 = m_store->bag(QStringLiteral("C0002"));
    QVERIFY2(c2 && *c2, "the child bag stays");
    QVERIFY((*c2)->parentCode.isEmpty());
    QCOMPARE(scalar(db(), QStringLiteral("SELECT count(*) FROM scans WHERE code = 'C0002'")).toInt(), 2);
    QCOMPARE(scalar(db(), QStringLiteral("SELECT end_reason FROM links l JOIN bags c ON c.id = l.child_id "
                                         "WHERE c.code = 'C0002'"))
                 .toString(),
             QStringLiteral("undo"));

    // The undone child can be scanned again, into the same parent.
    EXPECT_OUTCOME(s.scan(u"C0002"), ResultKind::Ok, Reason::None);
    EXPECT_OUTCOME(s.scan(u"TT:UNDO"), ResultKind::Ok, Reason::None);
    o = s.scan(u"TT:UNDO");
    EXPECT_OUTCOME(o, ResultKind::Ok, Reason::None);
    QCOMPARE(o.code, QStringLiteral("TT:UNDO")); // the station shows the scan; the message names the bag
    QVERIFY2(o.message.contains(QStringLiteral("C0001")), qPrintable(o.message));
    QCOMPARE(o.children, 0);
    EXPECT_OUTCOME(s.scan(u"TT:UNDO"), ResultKind::Rejected, Reason::NothingToUndo);
    QCOMPARE(rowCount(db(), QStringLiteral("links")), 3);
    QCOMPARE(rowCount(db(), QStringLiteral("bags")), 3);
}

void TestStation::undoWindow()
{
    Station s = station(kDispatcher);
    EXPECT_OUTCOME(s.scan(u"SB00001"), ResultKind::Ok, Reason::None);
    EXPECT_OUTCOME(s.scan(u"C0001"), ResultKind::Ok, Reason::None);
    m_clock->advanceSeconds(3601);
    const auto before = snapshot(db());
    const Outcome o = s.scan(u"TT:UNDO");
    EXPECT_OUTCOME(o, ResultKind::Rejected, Reason::UndoWindowExpired);
    QCOMPARE(snapshot(db()), before);
    QCOMPARE((*m_store->bag(QStringLiteral("C0001")))->parentCode, QStringLiteral("SB00001"));
}

void TestStation::undoIsPerUser()
{
    Station ravi = station(kDispatcher, QStringLiteral("ST1"));
    Station meena = station(kBiller, QStringLiteral("ST2"));
    EXPECT_OUTCOME(ravi.scan(u"SB00001"), ResultKind::Ok, Reason::None);
    EXPECT_OUTCOME(ravi.scan(u"C0001"), ResultKind::Ok, Reason::None);
    EXPECT_OUTCOME(meena.scan(u"TT:UNDO"), ResultKind::Rejected, Reason::NothingToUndo);
    EXPECT_OUTCOME(meena.scan(u"SB00002"), ResultKind::Ok, Reason::None);
    EXPECT_OUTCOME(meena.scan(u"C0002"), ResultKind::Ok, Reason::None);
    const Outcome o = ravi.scan(u"TT:UNDO");
    EXPECT_OUTCOME(o, ResultKind::Ok, Reason::None);
    QCOMPARE(o.code, QStringLiteral("TT:UNDO")); // the station shows the scan; the message names the bag
    QVERIFY2(o.message.contains(QStringLiteral("C0001")), qPrintable(o.message));
    QCOMPARE((*m_store->bag(QStringLiteral("C0002")))->parentCode, QStringLiteral("SB00002"));
}

void TestStation::billMode()
{
    Station s = station(kAdmin);
    EXPECT_OUTCOME(s.scan(u"SB00001"), ResultKind::Ok, Reason::None);
    for (int i = 1; i <= 5; ++i)
        EXPECT_OUTCOME(s.scan(QStringLiteral("C000%1").arg(i)), ResultKind::Ok, Reason::None);
    EXPECT_OUTCOME(s.scan(u"SB00002"), ResultKind::Ok, Reason::None);
    EXPECT_OUTCOME(s.scan(u"SB00003"), ResultKind::Ok, Reason::None);
    EXPECT_OUTCOME(run(kAdmin, cmd::CreateBill{QStringLiteral("B-100"), 2}), ResultKind::Ok, Reason::None);

    EXPECT_OUTCOME(s.scan(u"TT:COMPLETE"), ResultKind::Rejected, Reason::NoBillSelected);
    Outcome o = s.scan(u"TT:BILL:b-100");
    EXPECT_OUTCOME(o, ResultKind::Ok, Reason::None);
    QCOMPARE(s.currentBill(), QStringLiteral("B-100"));
    QVERIFY(s.currentParent().isEmpty());
    QCOMPARE(o.bill, QStringLiteral("B-100"));
    QCOMPARE(o.billCapacity, 2);
    QCOMPARE(o.billParents, 0);

    const auto before = snapshot(db());
    o = s.scan(u"C0001");
    EXPECT_OUTCOME(o, ResultKind::Rejected, Reason::WrongRole);
    QCOMPARE(o.bill, QStringLiteral("B-100"));
    EXPECT_OUTCOME(s.scan(u"SB00009"), ResultKind::Rejected, Reason::UnknownBag);
    QCOMPARE(snapshot(db()), before);

    o = s.scan(u"SB00001");
    EXPECT_OUTCOME(o, ResultKind::Ok, Reason::None);
    QCOMPARE(o.billParents, 1);
    QCOMPARE(o.actualWeightG, 5000);
    QCOMPARE(o.expectedWeightG, 30000);
    const QJsonObject j = o.toJson();
    QCOMPARE(j.value(QStringLiteral("bill")).toString(), QStringLiteral("B-100"));
    QCOMPARE(j.value(QStringLiteral("bill_parents")).toInt(), 1);
    QCOMPARE(j.value(QStringLiteral("bill_capacity")).toInt(), 2);
    QCOMPARE(j.value(QStringLiteral("actual_weight_g")).toInteger(), 5000);
    QCOMPARE(j.value(QStringLiteral("expected_weight_g")).toInteger(), 30000);
    QCOMPARE(j.value(QStringLiteral("variance_g")).toInteger(), -25000);

    EXPECT_OUTCOME(s.scan(u"SB00001"), ResultKind::Duplicate, Reason::Duplicate);
    o = s.scan(u"TT:COMPLETE");
    EXPECT_OUTCOME(o, ResultKind::Rejected, Reason::BillNotFull);
    QVERIFY2(o.message.contains(QStringLiteral("1 of 2")), qPrintable(o.message));

    o = s.scan(u"SB00002");
    EXPECT_OUTCOME(o, ResultKind::Ok, Reason::None);
    QCOMPARE(o.billParents, 2);
    QCOMPARE(o.expectedWeightG, 60000);
    EXPECT_OUTCOME(s.scan(u"SB00003"), ResultKind::Rejected, Reason::BillFull);

    o = s.scan(u"TT:COMPLETE");
    EXPECT_OUTCOME(o, ResultKind::Ok, Reason::None);
    QCOMPARE(o.billStatus, BillStatus::Completed);
    EXPECT_OUTCOME(s.scan(u"SB00003"), ResultKind::Rejected, Reason::BillCompleted);
    EXPECT_OUTCOME(s.scan(u"TT:COMPLETE"), ResultKind::Rejected, Reason::BillCompleted);

    o = s.scan(u"TT:DONE");
    EXPECT_OUTCOME(o, ResultKind::Ok, Reason::None);
    QVERIFY(s.currentBill().isEmpty());
    QVERIFY(o.message.contains(QStringLiteral("B-100")));
    // Back in dispatch mode: a parent scan selects it again.
    o = s.scan(u"SB00003");
    EXPECT_OUTCOME(o, ResultKind::Ok, Reason::None);
    QVERIFY(o.bill.isEmpty());
    QCOMPARE(s.currentParent(), QStringLiteral("SB00003"));

    const auto bill = m_store->bill(QStringLiteral("B-100"));
    QVERIFY(bill && *bill);
    QCOMPARE((*bill)->status, BillStatus::Completed);
    QCOMPARE((*bill)->completedBy, QStringLiteral("admin"));
    QCOMPARE((*bill)->lines.size(), 2);
}

void TestStation::completedBillBlocksLinking()
{
    Station s = station(kAdmin);
    EXPECT_OUTCOME(s.scan(u"SB00001"), ResultKind::Ok, Reason::None);
    EXPECT_OUTCOME(s.scan(u"C0001"), ResultKind::Ok, Reason::None);
    EXPECT_OUTCOME(run(kAdmin, cmd::CreateBill{QStringLiteral("B-7"), 1}), ResultKind::Ok, Reason::None);
    EXPECT_OUTCOME(s.scan(u"TT:BILL:B-7"), ResultKind::Ok, Reason::None);
    EXPECT_OUTCOME(s.scan(u"SB00001"), ResultKind::Ok, Reason::None);
    EXPECT_OUTCOME(s.scan(u"TT:COMPLETE"), ResultKind::Ok, Reason::None);
    EXPECT_OUTCOME(s.scan(u"TT:DONE"), ResultKind::Ok, Reason::None);

    const Outcome sel = s.scan(u"SB00001");
    EXPECT_OUTCOME(sel, ResultKind::Ok, Reason::None);
    QVERIFY2(sel.message.contains(QStringLiteral("completed")), qPrintable(sel.message));
    const auto before = snapshot(db());
    const Outcome o = s.scan(u"C0002");
    EXPECT_OUTCOME(o, ResultKind::Rejected, Reason::BillCompleted);
    QVERIFY(o.message.contains(QStringLiteral("B-7")));
    EXPECT_OUTCOME(s.scan(u"TT:UNDO"), ResultKind::Rejected, Reason::BillCompleted);
    QCOMPARE(snapshot(db()), before);
}

void TestStation::billModeNeedsBillPermission()
{
    EXPECT_OUTCOME(run(kAdmin, cmd::CreateBill{QStringLiteral("B-100"), 2}), ResultKind::Ok, Reason::None);
    Station s = station(kDispatcher);
    EXPECT_OUTCOME(s.scan(u"SB00001"), ResultKind::Ok, Reason::None);
    const auto before = snapshot(db());
    const Outcome o = s.scan(u"TT:BILL:B-100");
    EXPECT_OUTCOME(o, ResultKind::Rejected, Reason::PermissionDenied);
    QVERIFY(s.currentBill().isEmpty());
    QCOMPARE(s.currentParent(), QStringLiteral("SB00001"));
    EXPECT_OUTCOME(s.scan(u"TT:COMPLETE"), ResultKind::Rejected, Reason::NoBillSelected);
    QCOMPARE(snapshot(db()), before);
    // Even when a dispatcher's command reaches the store directly.
    EXPECT_OUTCOME(run(kDispatcher, cmd::AddParentToBill{QStringLiteral("B-100"), QStringLiteral("SB00001")}),
                   ResultKind::Rejected, Reason::PermissionDenied);
    QCOMPARE(snapshot(db()), before);
}

void TestStation::billerMayUseBillMode()
{
    EXPECT_OUTCOME(station(kDispatcher).scan(u"SB00001"), ResultKind::Ok, Reason::None);
    EXPECT_OUTCOME(run(kBiller, cmd::CreateBill{QStringLiteral("B-1"), 1}), ResultKind::Ok, Reason::None);
    Station s = station(kBiller);
    EXPECT_OUTCOME(s.scan(u"TT:BILL:B-1"), ResultKind::Ok, Reason::None);
    EXPECT_OUTCOME(s.scan(u"SB00001"), ResultKind::Ok, Reason::None);
    EXPECT_OUTCOME(s.scan(u"TT:COMPLETE"), ResultKind::Ok, Reason::None);
}

void TestStation::badBillCodes_data()
{
    QTest::addColumn<QString>("scan");
    QTest::addColumn<QString>("reason");
    QTest::newRow("unknown bill") << QStringLiteral("TT:BILL:NOPE-1") << QStringLiteral("unknown_bill");
    QTest::newRow("too short") << QStringLiteral("TT:BILL:X") << QStringLiteral("invalid_bill_id");
    QTest::newRow("no id") << QStringLiteral("TT:BILL:") << QStringLiteral("invalid_code");
    QTest::newRow("SQL fragment") << QStringLiteral("TT:BILL:B1'; DROP TABLE bills;--")
                                  << QStringLiteral("invalid_bill_id");
    QTest::newRow("look-alike") << QString::fromUtf16(u"TT:BILL:\u0412-100") << QStringLiteral("invalid_bill_id");
    QTest::newRow("unknown command") << QStringLiteral("TT:DROP") << QStringLiteral("invalid_code");
}

void TestStation::badBillCodes()
{
    QFETCH(QString, scan);
    QFETCH(QString, reason);
    EXPECT_OUTCOME(run(kAdmin, cmd::CreateBill{QStringLiteral("B-100"), 2}), ResultKind::Ok, Reason::None);
    Station s = station(kAdmin);
    const auto before = snapshot(db());
    const Outcome o = s.scan(scan);
    QCOMPARE(resultKindName(o.result), QStringLiteral("rejected"));
    QCOMPARE(reasonName(o.reason), reason);
    QVERIFY(!o.message.isEmpty());
    QVERIFY(s.currentBill().isEmpty());
    QCOMPARE(snapshot(db()), before);
    QCOMPARE(rowCount(db(), QStringLiteral("bills")), 1);
}

void TestStation::invalidScans_data()
{
    QTest::addColumn<QString>("scan");

    QTest::newRow("empty") << QString();
    QTest::newRow("spaces") << QStringLiteral("   ");
    QTest::newRow("control characters only") << QStringLiteral("\u0001\u0002\u0003\r\n");
    QTest::newRow("binary bytes") << QString::fromLatin1("\xff\xfe\x80garbage\x01", 11);
    QTest::newRow("10 kB line") << QString(10240, QLatin1Char('A'));
    QTest::newRow("150 characters") << QString(150, QLatin1Char('A'));
    QTest::newRow("SB123456") << QStringLiteral("SB123456");
    QTest::newRow("SB1234") << QStringLiteral("SB1234");
    QTest::newRow("three characters") << QStringLiteral("ABC");
    QTest::newRow("hyphenated child") << QStringLiteral("C-0001");
    QTest::newRow("Cyrillic Es") << QString::fromUtf16(u"\u04210001");
    QTest::newRow("Cyrillic in SB") << QString::fromUtf16(u"\u0421B00001");
    QTest::newRow("full-width digits") << QString::fromUtf16(u"SB\uFF10\uFF10\uFF10\uFF10\uFF12");
    QTest::newRow("long s look-alike") << QString::fromUtf16(u"\u017FB00002");
    QTest::newRow("sharp s look-alike") << QString::fromUtf16(u"C00\u00DF");
    QTest::newRow("SQL fragment") << QStringLiteral("SB00001'; DROP TABLE bags;--");
    QTest::newRow("SQL fragment child") << QStringLiteral("C0001' OR '1'='1");
    QTest::newRow("unknown TT command") << QStringLiteral("TT:FOO");
}

void TestStation::invalidScans()
{
    QFETCH(QString, scan);
    Station s = station(kAdmin);
    EXPECT_OUTCOME(s.scan(u"SB00001"), ResultKind::Ok, Reason::None);
    const auto before = snapshot(db());
    const Outcome o = s.scan(scan);
    EXPECT_OUTCOME(o, ResultKind::Rejected, Reason::InvalidCode);
    QVERIFY(!o.message.isEmpty());
    QVERIFY2(o.message.size() < 400, "the message does not echo a long scan in full");
    QCOMPARE(s.currentParent(), QStringLiteral("SB00001")); // a bad scan does not lose the parent
    QCOMPARE(o.parent, QStringLiteral("SB00001"));
    QCOMPARE(snapshot(db()), before);
    // The stream goes on.
    EXPECT_OUTCOME(s.scan(u"C0001"), ResultKind::Ok, Reason::None);
}

void TestStation::originalParentCasesNeverSelectAParent_data()
{
    QTest::addColumn<QString>("code");
    QTest::addColumn<QString>("reason");
    // Rejected as parents; a child-shaped code without a selected parent is no_parent_selected.
    QTest::newRow("SB123456") << QStringLiteral("SB123456") << QStringLiteral("invalid_code");
    QTest::newRow("SB1234") << QStringLiteral("SB1234") << QStringLiteral("invalid_code");
    QTest::newRow("SB-12345") << QStringLiteral("SB-12345") << QStringLiteral("invalid_code");
    QTest::newRow("MB12345") << QStringLiteral("MB12345") << QStringLiteral("no_parent_selected");
    QTest::newRow("M445-12345") << QStringLiteral("M445-12345") << QStringLiteral("invalid_code");
    QTest::newRow("M44412345") << QStringLiteral("M44412345") << QStringLiteral("no_parent_selected");
    QTest::newRow("SB1234A") << QStringLiteral("SB1234A") << QStringLiteral("invalid_code");
    QTest::newRow("M444-") << QStringLiteral("M444-") << QStringLiteral("invalid_code");
}

void TestStation::originalParentCasesNeverSelectAParent()
{
    QFETCH(QString, code);
    QFETCH(QString, reason);
    Station s = station(kDispatcher);
    const Outcome o = s.scan(code);
    QCOMPARE(resultKindName(o.result), QStringLiteral("rejected"));
    QCOMPARE(reasonName(o.reason), reason);
    QVERIFY(s.currentParent().isEmpty());
    QCOMPARE(rowCount(db(), QStringLiteral("bags")), 0);
    // The accepted forms do select a parent.
    EXPECT_OUTCOME(s.scan(u"SB00001"), ResultKind::Ok, Reason::None);
    EXPECT_OUTCOME(s.scan(u"M444-12345"), ResultKind::Ok, Reason::None);
    QCOMPARE(s.currentParent(), QStringLiteral("M444-12345"));
}

void TestStation::scaleWeightGoesToParentOrBill()
{
    Station s = station(kAdmin);
    EXPECT_OUTCOME(s.recordWeight(12345), ResultKind::Rejected, Reason::NoParentSelected);
    EXPECT_OUTCOME(s.scan(u"SB00001"), ResultKind::Ok, Reason::None);
    EXPECT_OUTCOME(s.scan(u"C0001"), ResultKind::Ok, Reason::None);
    EXPECT_OUTCOME(s.recordWeight(1234), ResultKind::Ok, Reason::None);
    auto bag = m_store->bag(QStringLiteral("SB00001"));
    QVERIFY(bag && *bag);
    QCOMPARE((*bag)->measuredWeightG, std::optional<qint64>(1234));
    QCOMPARE((*bag)->contentsWeightG, qint64(1000)); // the computed weight is untouched
    EXPECT_OUTCOME(s.recordWeight(-5), ResultKind::Rejected, Reason::InvalidInput);

    EXPECT_OUTCOME(run(kAdmin, cmd::CreateBill{QStringLiteral("B-7"), 1}), ResultKind::Ok, Reason::None);
    EXPECT_OUTCOME(s.scan(u"TT:BILL:B-7"), ResultKind::Ok, Reason::None);
    EXPECT_OUTCOME(s.recordWeight(987654), ResultKind::Ok, Reason::None);
    QSqlQuery q(db());
    QVERIFY(q.exec(QStringLiteral("SELECT measured_weight_g FROM bills WHERE bill_code = 'B-7'")) && q.next());
    QCOMPARE(q.value(0).toLongLong(), qint64(987654));
}

QTEST_MAIN(TestStation)
#include "tst_station.moc"
