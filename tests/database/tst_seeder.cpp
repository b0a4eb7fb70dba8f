#include <QTest>

#include "core/station.h"
#include "database/seeder.h"
#include "database/sqlitestore.h"
#include "tests/database/storefixture.h"

using namespace tt;
using namespace tt::test;

Q_DECLARE_METATYPE(tt::SeedPlan)

// Seed writes consistent bulk data: verify finds nothing, and ordinary work goes on from it.
class TestSeeder : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();

    void smallSeedVerifiesClean();
    void seedWithFullParents();
    void workContinuesOnSeededData();
    void refusesNonEmptyDatabase();
    void refusesBadPlans_data();
    void refusesBadPlans();

private:
    std::unique_ptr<ManualClock> m_clock;
    std::unique_ptr<SqliteStore> m_store;
    int m_connection = 0;
};

void TestSeeder::init()
{
    m_clock = std::make_unique<ManualClock>(startTime());
    m_store = openMemoryStore(*m_clock, QStringLiteral("seeder-%1").arg(++m_connection));
    QVERIFY(m_store);
}

void TestSeeder::cleanup()
{
    if (m_store)
        TT_VERIFY_CLEAN(*m_store);
    m_store.reset();
    m_clock.reset();
}

void TestSeeder::smallSeedVerifiesClean()
{
    qint64 lastProgress = 0;
    const auto report = Seeder(m_store->statements())
                            .run(SeedPlan{1500, 5, 3, 10, QStringLiteral("seed")},
                                 [&](qint64 rows) { lastProgress = rows; });
    QVERIFY2(report.has_value(), qPrintable(report ? QString() : report.error().message));
    QCOMPARE(report->bags, 1500 + 1500 * 5);
    QCOMPARE(report->links, 1500 * 5);
    QCOMPARE(report->bills, 3);
    QVERIFY(report->seconds >= 0);
    QVERIFY(lastProgress > 0);
    QCOMPARE(rowCount(m_store->database(), QStringLiteral("bags")), 1500 + 7500);
    TT_VERIFY_CLEAN(*m_store);

    const auto parent = m_store->bag(QStringLiteral("SB00000"));
    QVERIFY(parent && *parent);
    QCOMPARE((*parent)->childCount, 5);
    QCOMPARE((*parent)->contentsWeightG, 5000);
    QCOMPARE((*parent)->children.size(), 5);
    QCOMPARE((*parent)->billId, QStringLiteral("SEED-000001"));
    const auto bill = m_store->bill(QStringLiteral("SEED-000001"));
    QVERIFY(bill && *bill);
    QCOMPARE((*bill)->status, BillStatus::Completed);
    QCOMPARE((*bill)->parentCount, 10);
    QCOMPARE((*bill)->weights.actualG, 50000);
    QCOMPARE((*bill)->weights.expectedG, 300000);
    QCOMPARE((*bill)->lines.size(), 10);
    const auto free = m_store->bag(QStringLiteral("SB00030"));
    QVERIFY((*free)->billId.isEmpty());
    QCOMPARE(scalar(m_store->database(), QStringLiteral("SELECT value FROM stat_totals WHERE metric = 'links'")).toInt(),
             7500);
    QCOMPARE(scalar(m_store->database(), QStringLiteral("SELECT count(*) FROM audit_log WHERE action = 'seed'")).toInt(),
             1);
}

void TestSeeder::seedWithFullParents()
{
    const auto report = Seeder(m_store->statements()).run(SeedPlan{40, 30, 2, 20, QStringLiteral("seed")});
    QVERIFY2(report.has_value(), qPrintable(report ? QString() : report.error().message));
    TT_VERIFY_CLEAN(*m_store);
    QCOMPARE((*m_store->bag(QStringLiteral("SB00039")))->childCount, 30);
}

void TestSeeder::workContinuesOnSeededData()
{
    QVERIFY(Seeder(m_store->statements()).run(SeedPlan{50, 5, 1, 10, QStringLiteral("seed")}).has_value());
    Station s(*m_store, *m_clock, Actor{QStringLiteral("admin"), Role::Admin}, QStringLiteral("ST1"));
    QVERIFY(s.scan(u"SB00049").ok());
    const Outcome linked = s.scan(u"NEWCHILD01");
    QVERIFY2(linked.ok(), qPrintable(linked.message));
    QCOMPARE(linked.children, 6);
    // A seeded child is linked elsewhere, naming its seeded parent.
    const QString seededChild = (*m_store->bag(QStringLiteral("SB00000")))->children.first();
    const Outcome elsewhere = s.scan(seededChild);
    QCOMPARE(elsewhere.reason, Reason::LinkedElsewhere);
    QVERIFY(elsewhere.message.contains(QStringLiteral("SB00000")));
    // Seeded bills behave like real ones.
    QVERIFY(s.scan(u"TT:BILL:SEED-000001").ok());
    QCOMPARE(s.scan(u"SB00049").reason, Reason::BillCompleted);
    QVERIFY(m_store->execute(makeCommand(s.actor(), s.stationId(), *m_clock,
                                         cmd::RemoveParentFromBill{QStringLiteral("SEED-000001"),
                                                                   QStringLiteral("SB00000")}))
                .ok());
    QVERIFY(s.scan(u"SB00049").ok());
    QVERIFY(s.scan(u"TT:COMPLETE").ok());
    TT_VERIFY_CLEAN(*m_store);
}

void TestSeeder::refusesNonEmptyDatabase()
{
    QVERIFY(Seeder(m_store->statements()).run(SeedPlan{5, 1, 0, 10, QStringLiteral("seed")}).has_value());
    const auto before = snapshot(m_store->database());
    const auto again = Seeder(m_store->statements()).run(SeedPlan{5, 1, 0, 10, QStringLiteral("seed")});
    QVERIFY(!again.has_value());
    QCOMPARE(again.error().reason, Reason::InvalidInput);
    QCOMPARE(snapshot(m_store->database()), before);
}

void TestSeeder::refusesBadPlans_data()
{
    QTest::addColumn<SeedPlan>("plan");
    const QString a = QStringLiteral("seed");
    QTest::newRow("negative parents") << SeedPlan{-1, 1, 0, 10, a};
    QTest::newRow("too many parents") << SeedPlan{100001, 1, 0, 10, a};
    QTest::newRow("31 children") << SeedPlan{10, 31, 0, 10, a};
    QTest::newRow("negative children") << SeedPlan{10, -1, 0, 10, a};
    QTest::newRow("bill capacity 0") << SeedPlan{10, 1, 1, 0, a};
    QTest::newRow("bill capacity 501") << SeedPlan{600, 1, 1, 501, a};
    QTest::newRow("more bill places than parents") << SeedPlan{10, 1, 2, 6, a};
    QTest::newRow("negative bills") << SeedPlan{10, 1, -1, 10, a};
}

void TestSeeder::refusesBadPlans()
{
    QFETCH(SeedPlan, plan);
    const auto before = snapshot(m_store->database());
    const auto r = Seeder(m_store->statements()).run(plan);
    QVERIFY(!r.has_value());
    QCOMPARE(r.error().reason, Reason::InvalidInput);
    QVERIFY(!r.error().message.isEmpty());
    QCOMPARE(snapshot(m_store->database()), before);
}

QTEST_MAIN(TestSeeder)
#include "tst_seeder.moc"
