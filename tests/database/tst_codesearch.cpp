// Substring search over bag codes: the trigram index of migration 002 answers the same as a
// scan would, follows inserts and deletes, and treats the needle as text, never as query syntax.

#include <QSet>
#include <QTest>

#include "database/bagrepository.h"
#include "database/pagedquery.h"
#include "database/repositories.h"
#include "database/seeder.h"
#include "database/sqlitestore.h"
#include "tests/database/storefixture.h"

using namespace tt;
using namespace tt::test;

class TestCodeSearch : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void matchesLikeAScan_data();
    void matchesLikeAScan();
    void followsInsertsAndDeletes();
    void needleIsNeverQuerySyntax_data();
    void needleIsNeverQuerySyntax();
    void pagedBrowseUsesTheIndex();

private:
    QStringList codesFor(const QString &needle, int limit = 10000)
    {
        const auto rows = m_store->repositories().bags.search(needle, limit);
        if (!rows)
            return {QStringLiteral("error: ") + rows.error().message};
        QStringList codes;
        for (const BagRow &b : *rows)
            codes.append(b.code);
        return codes;
    }
    QStringList scanFor(const QString &needle)
    {
        QStringList codes;
        QSqlQuery q(m_store->database());
        q.prepare(QStringLiteral("SELECT code FROM bags WHERE instr(code, ?) > 0 ORDER BY code"));
        q.addBindValue(needle);
        q.exec();
        while (q.next())
            codes.append(q.value(0).toString());
        return codes;
    }

    std::unique_ptr<ManualClock> m_clock;
    std::unique_ptr<SqliteStore> m_store;
    int m_connection = 0;
};

void TestCodeSearch::init()
{
    m_clock = std::make_unique<ManualClock>(startTime());
    m_store = openMemoryStore(*m_clock, QStringLiteral("codesearch-%1").arg(++m_connection));
    QVERIFY(m_store);
    SeedPlan plan;
    plan.parents = 300;
    plan.childrenPerParent = 9;
    QVERIFY(Seeder(m_store->statements()).run(plan).has_value());
}

void TestCodeSearch::cleanup()
{
    if (m_store)
        TT_VERIFY_CLEAN(*m_store);
    m_store.reset();
}

void TestCodeSearch::matchesLikeAScan_data()
{
    QTest::addColumn<QString>("needle");
    QTest::newRow("parent prefix") << QStringLiteral("SB001");
    QTest::newRow("inner digits") << QStringLiteral("0123");
    QTest::newRow("child suffix") << QStringLiteral("2999");
    QTest::newRow("whole code") << QStringLiteral("SB00042");
    QTest::newRow("three characters") << QStringLiteral("B00");
    QTest::newRow("two characters (scan)") << QStringLiteral("42");
    QTest::newRow("no match") << QStringLiteral("ZZZ9");
}

void TestCodeSearch::matchesLikeAScan()
{
    QFETCH(QString, needle);
    QCOMPARE(codesFor(needle), scanFor(needle));
}

void TestCodeSearch::followsInsertsAndDeletes()
{
    const Actor admin{QStringLiteral("admin"), Role::Admin};
    QVERIFY(codesFor(QStringLiteral("QWERTY")).isEmpty());
    Outcome o = m_store->execute(makeCommand(admin, QStringLiteral("ST"), *m_clock, cmd::RegisterBag{QStringLiteral("QWERTY77"), std::nullopt}));
    QVERIFY2(o.ok(), qPrintable(o.message));
    QCOMPARE(codesFor(QStringLiteral("WERT")), QStringList{QStringLiteral("QWERTY77")});
    o = m_store->execute(makeCommand(admin, QStringLiteral("ST"), *m_clock, cmd::DeleteBag{QStringLiteral("QWERTY77")}));
    QVERIFY2(o.ok(), qPrintable(o.message));
    QVERIFY(codesFor(QStringLiteral("WERT")).isEmpty());
}

void TestCodeSearch::needleIsNeverQuerySyntax_data()
{
    QTest::addColumn<QString>("needle");
    QTest::newRow("quote") << QStringLiteral("SB\"0");
    QTest::newRow("fts operators") << QStringLiteral("SB OR C");
    QTest::newRow("column filter") << QStringLiteral("code:SB");
    QTest::newRow("star") << QStringLiteral("SB0*");
    QTest::newRow("sql") << QStringLiteral("'; DROP TABLE bags;--");
}

void TestCodeSearch::needleIsNeverQuerySyntax()
{
    QFETCH(QString, needle);
    QCOMPARE(codesFor(needle), scanFor(needle));
}

void TestCodeSearch::pagedBrowseUsesTheIndex()
{
    PagedQuery query(m_store->statements());
    BagListFilter filter;
    filter.text = QStringLiteral("0012");
    QSet<QString> seen;
    qint64 before = 0;
    for (int guard = 0; guard < 100; ++guard) {
        const auto page = query.bags(filter, before, 7);
        QVERIFY(page.has_value());
        for (const BagListRow &r : page->rows)
            seen.insert(r.code);
        if (page->atEnd)
            break;
        before = page->nextKey;
    }
    QSet<QString> expected;
    for (const QString &c : scanFor(QStringLiteral("0012")))
        expected.insert(c);
    QVERIFY(!expected.isEmpty());
    QCOMPARE(seen, expected);
}

QTEST_GUILESS_MAIN(TestCodeSearch)
#include "tst_codesearch.moc"
