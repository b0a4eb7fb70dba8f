#include <QBuffer>
#include <QElapsedTimer>
#include <QTemporaryDir>
#include <QTimeZone>
#include <QTest>

#include "database/dashboardquery.h"
#include "database/exportquery.h"
#include "database/sqliteimport.h"
#include "database/sqlitescratch.h"
#include "reports/csvreader.h"
#include "reports/csvwriter.h"
#include "reports/importer.h"
#include "reports/tablefile.h"
#include <QSqlError>
#include <QSqlQuery>

#include "core/clock.h"
#include "database/sqlitestore.h"
#include "database/verifier.h"

using namespace tt;

namespace {

qint64 scalar(const QSqlDatabase &db, const QString &sql)
{
    QSqlQuery q(db);
    return q.exec(sql) && q.next() ? q.value(0).toLongLong() : -1;
}

// Row counts and derived sums: equal snapshots mean nothing was written.
QMap<QString, qint64> snapshot(const QSqlDatabase &db)
{
    QMap<QString, qint64> counts;
    for (const char *t : {"bags", "links", "bills", "bill_parents", "scans", "audit_log", "command_log", "stat_daily"})
        counts.insert(QString::fromLatin1(t), scalar(db, QStringLiteral("SELECT count(*) FROM ") + QString::fromLatin1(t)));
    counts.insert(QStringLiteral("child_count"), scalar(db, QStringLiteral("SELECT coalesce(sum(child_count), 0) FROM bags")));
    counts.insert(QStringLiteral("bill weights"),
                  scalar(db, QStringLiteral("SELECT coalesce(sum(actual_weight_g + parent_count), 0) FROM bills")));
    return counts;
}

// verify's mismatches as text; empty when every derived value matches.
QString verifyReport(SqliteStore &store)
{
    auto r = Verifier(store.statements()).run();
    if (!r)
        return QStringLiteral("verify failed: ") + r.error().message;
    QStringList lines;
    for (const Mismatch &m : *r)
        lines << QStringLiteral("%1 %2: stored %3, computed %4").arg(m.check, m.key, m.stored, m.computed);
    return lines.join(QLatin1Char('\n'));
}

} // namespace

#define TT_VERIFY_CLEAN(store)                                                                     \
    do {                                                                                           \
        const QString report_ = verifyReport(store);                                               \
        QVERIFY2(report_.isEmpty(), qPrintable(report_));                                          \
    } while (false)

using Rows = QList<QStringList>;

class TestImport : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void rows_data();
    void rows();
    void missingColumns_data();
    void missingColumns();
    void onlyAdmins();
    void noHalfRows();
    void billsCompleted();
    void exportThenDryRunImport_data();
    void exportThenDryRunImport();
    void largeImport();
    void setBasedMatchesCommands_data();
    void setBasedMatchesCommands();
    void importIsNotAScan();
    void auditRecordEscapesFileName();
    void importKeepsTheCodeSearchIndex();

private:
    struct Run
    {
        ImportSummary summary;
        Rows results; // row, status, reason, message, the row's cells; without header
        QString error;
    };
    // bulk: the set-based path (SqliteImport) the CLI takes; false: every row as commands.
    Run import(SqliteStore &store, ImportKind kind, const QByteArray &csv, Role role = Role::Admin, bool bulk = true,
               const QString &fileName = {});

    ManualClock m_clock{QDateTime(QDate(2024, 3, 1), QTime(10, 0), QTimeZone::utc())};
    QTemporaryDir m_dir;
    std::unique_ptr<SqliteStore> m_store;
    int m_connections = 0;
};

TestImport::Run TestImport::import(SqliteStore &store, ImportKind kind, const QByteArray &csv, Role role, bool bulk,
                                   const QString &fileName)
{
    Run run;
    QByteArray data = csv;
    QBuffer in(&data);
    in.open(QIODevice::ReadOnly);
    CsvReader reader(&in);
    QBuffer out;
    out.open(QIODevice::ReadWrite);
    CsvWriter results(&out);
    Importer importer(store, Actor{QStringLiteral("admin"), role}, QStringLiteral("import-test"), m_clock);
    ImportOptions options;
    options.kind = kind;
    options.batchSize = 7; // small batches: rows that depend on rows of the same batch are exercised
    options.results = &results;
    options.fileName = fileName;
    SqliteImport setBased(store);
    if (bulk)
        options.bulk = &setBased;
    auto r = importer.run(reader, options);
    if (!r) {
        run.error = r.error().message;
        return run;
    }
    run.summary = *r;
    out.seek(0);
    CsvReader back(&out);
    QStringList row;
    bool header = true;
    while (*back.next(row)) {
        if (!header)
            run.results << row;
        header = false;
    }
    return run;
}

void TestImport::init()
{
    m_store = SqliteStore::open(m_dir.filePath(QStringLiteral("main%1.db").arg(++m_connections)),
                                SqliteStoreOptions{QStringLiteral("import-main-%1").arg(m_connections), true, true, &m_clock})
                  .value_or(nullptr);
    QVERIFY(m_store);
}

void TestImport::cleanup()
{
    m_store.reset();
}

void TestImport::rows_data()
{
    QTest::addColumn<bool>("bulk");
    QTest::addColumn<int>("kind");
    QTest::addColumn<QByteArray>("setup"); // a links file applied first
    QTest::addColumn<QByteArray>("csv");
    QTest::addColumn<QStringList>("statuses"); // "row status reason" per result line
    // Every case on both paths: the set-based one must answer exactly as the commands do.
    struct Adder
    {
        const char *name;
        int kind = 0;
        QByteArray setup, csv;
        QStringList statuses;
        Adder &operator<<(int k) { kind = k; return *this; }
        Adder &operator<<(const QByteArray &b)
        {
            (files++ == 0 ? setup : csv) = b; // the setup file comes first
            return *this;
        }
        Adder &operator<<(const QStringList &l)
        {
            statuses = l;
            for (bool bulk : {false, true})
                QTest::addRow("%s (%s)", name, bulk ? "set-based" : "commands") << bulk << kind << setup << csv << statuses;
            return *this;
        }
        int files = 0;
    };
    const auto addRow = [](const char *name) { return Adder{name}; };
    addRow("bags")
        << int(ImportKind::Bags) << QByteArray()
        << QByteArray("code,measured_weight_g,comment\r\nSB00001,,a parent\r\nch0001,1250,\r\nSB00001,,again\r\n"
                      "SB123456,,mistyped parent\r\nM444-00001,,\r\nCH0002,-5,\r\n,,\r\nX!,,\r\n")
        << QStringList{QStringLiteral("2 ok"), QStringLiteral("3 ok"), QStringLiteral("4 duplicate duplicate"),
                       QStringLiteral("5 error invalid_code"), QStringLiteral("6 ok"),
                       QStringLiteral("7 error invalid_input"), QStringLiteral("9 error invalid_code")};
    addRow("links")
        << int(ImportKind::Links) << QByteArray()
        << QByteArray("parent_code;child_code;child_weight_g\nSB00001;CH0001;\nSB00001;CH0002;990\nSB00001;CH0001;\n"
                      "SB00002;CH0001;\nCH0003;CH0004;\nSB00001;SB00002;\nSB00001;SB00001;\nSB00003;CH0005;abc\n")
        << QStringList{QStringLiteral("2 ok"), QStringLiteral("3 ok"), QStringLiteral("4 duplicate duplicate"),
                       QStringLiteral("5 error linked_elsewhere"), QStringLiteral("6 error wrong_role"),
                       QStringLiteral("7 error wrong_role"), QStringLiteral("8 error self_link"),
                       QStringLiteral("9 error invalid_input")};
    QByteArray full("parent_code,child_code\n");
    for (int i = 0; i < 16; ++i)
        full += QByteArray("M444-00001,CHM") + QByteArray::number(1000 + i) + "\n";
    QStringList fullStatuses;
    for (int i = 0; i < 15; ++i)
        fullStatuses << QStringLiteral("%1 ok").arg(i + 2);
    fullStatuses << QStringLiteral("17 error parent_full");
    addRow("links to a full parent") << int(ImportKind::Links) << QByteArray() << full << fullStatuses;
    addRow("bills")
        << int(ImportKind::Bills) << QByteArray("parent_code,child_code\nSB00001,CH0001\nSB00002,CH0002\nSB00003,CH0003\n")
        << QByteArray("bill_id,capacity,parent_code\nB-001,2,SB00001\nb-001,2,SB00002\nB-001,2,SB00003\n"
                      "B-002,3,SB00001\nB-002,3,SB00003\nB-002,4,SB00003\nB-003,0,\nB-004,2,CH0001\nB-005,2,SB09999\n"
                      "B-002,3,\nX,2,\n")
        << QStringList{QStringLiteral("2 ok"), QStringLiteral("3 ok"), QStringLiteral("4 error bill_full"),
                       QStringLiteral("5 error on_other_bill"), QStringLiteral("6 ok"),
                       QStringLiteral("7 error invalid_capacity"), QStringLiteral("8 error invalid_capacity"),
                       QStringLiteral("9 error wrong_role"), QStringLiteral("10 error unknown_bag"),
                       QStringLiteral("11 duplicate duplicate"), QStringLiteral("12 error invalid_bill_id")};
}

void TestImport::rows()
{
    QFETCH(bool, bulk);
    QFETCH(int, kind);
    QFETCH(QByteArray, setup);
    QFETCH(QByteArray, csv);
    QFETCH(QStringList, statuses);
    if (!setup.isEmpty())
        QCOMPARE(import(*m_store, ImportKind::Links, setup, Role::Admin, bulk).summary.errors, 0);
    const Run run = import(*m_store, ImportKind(kind), csv, Role::Admin, bulk);
    QCOMPARE(run.error, QString());
    QStringList got;
    for (const QStringList &r : run.results)
        got << (r.at(0) + QLatin1Char(' ') + r.at(1) + (r.at(2).isEmpty() ? QString() : QLatin1Char(' ') + r.at(2)));
    QCOMPARE(got, statuses);
    for (const QStringList &r : run.results)
        QVERIFY2(r.at(1) == u"ok" || !r.at(3).isEmpty(), "every refused row has a message");
    QCOMPARE(run.summary.ok + run.summary.duplicates + run.summary.errors, qint64(statuses.size()));
    TT_VERIFY_CLEAN(*m_store);
}

void TestImport::missingColumns_data()
{
    QTest::addColumn<int>("kind");
    QTest::addColumn<QByteArray>("csv");
    QTest::addColumn<QString>("message");
    QTest::newRow("bags without code") << int(ImportKind::Bags) << QByteArray("bag_id,weight\nSB00001,1\n")
                                       << QStringLiteral("lacks the column(s) code");
    QTest::newRow("links without child") << int(ImportKind::Links) << QByteArray("parent_code,code\nSB00001,CH1\n")
                                         << QStringLiteral("lacks the column(s) child_code");
    QTest::newRow("bills file given as links") << int(ImportKind::Links) << QByteArray("bill_id,capacity\nB-1,2\n")
                                               << QStringLiteral("parent_code, child_code");
    QTest::newRow("empty file") << int(ImportKind::Bags) << QByteArray() << QStringLiteral("empty");
}

void TestImport::missingColumns()
{
    QFETCH(int, kind);
    QFETCH(QByteArray, csv);
    QFETCH(QString, message);
    const auto before = snapshot(m_store->database());
    const Run run = import(*m_store, ImportKind(kind), csv);
    QVERIFY2(run.error.contains(message), qPrintable(run.error));
    QCOMPARE(snapshot(m_store->database()), before);
}

void TestImport::onlyAdmins()
{
    const Run run = import(*m_store, ImportKind::Bags, "code\nSB00001\n", Role::Biller);
    QVERIFY(run.error.contains(QStringLiteral("admin")));
    QVERIFY(!*m_store->bag(QStringLiteral("SB00001")));
}

void TestImport::noHalfRows()
{
    // CH0001 is in SB00001; a row linking it to the new parent SB00002 must not create SB00002,
    // also when the earlier row is in the same batch.
    const Run run = import(*m_store, ImportKind::Links, "parent_code,child_code\nSB00001,CH0001\nSB00002,CH0001\n");
    QCOMPARE(run.results.at(1).at(2), QStringLiteral("linked_elsewhere"));
    QVERIFY(!*m_store->bag(QStringLiteral("SB00002")));
    // A new bill whose parent is refused: the bill is not created either.
    const Run bills = import(*m_store, ImportKind::Bills, "bill_id,capacity,parent_code\nB-9,2,CH0001\n");
    QCOMPARE(bills.results.at(0).at(2), QStringLiteral("wrong_role"));
    QVERIFY(!*m_store->bill(QStringLiteral("B-9")));
    TT_VERIFY_CLEAN(*m_store);
}

void TestImport::billsCompleted()
{
    QCOMPARE(import(*m_store, ImportKind::Links, "parent_code,child_code\nSB00001,CH1001\nSB00002,CH1002\n").summary.ok, 2);
    const Run run = import(*m_store, ImportKind::Bills,
                           "bill_id,capacity,parent_code,status\nB-100,2,SB00001,completed\nB-100,2,SB00002,completed\n"
                           "B-101,2,,completed\n");
    QCOMPARE(run.summary.errors, 1); // B-101 cannot be completed: no parents
    const auto bill = m_store->bill(QStringLiteral("B-100"));
    QVERIFY(bill && *bill);
    QCOMPARE((*bill)->status, BillStatus::Completed);
    QCOMPARE(run.results.size(), 5);
    int completions = 0;
    for (const QStringList &r : run.results) {
        if (r.at(3).startsWith(QLatin1String("complete bill B-100"))) {
            QCOMPARE(r.at(0), QStringLiteral("3")); // reported on the bill's last row
            QCOMPARE(r.at(1), QStringLiteral("ok"));
            ++completions;
        } else if (r.at(3).startsWith(QLatin1String("complete bill B-101"))) {
            QCOMPARE(r.at(1), QStringLiteral("error"));
            QCOMPARE(r.at(2), QStringLiteral("bill_not_full"));
            ++completions;
        }
    }
    QCOMPARE(completions, 2);
}

void TestImport::exportThenDryRunImport_data()
{
    QTest::addColumn<QString>("format");
    QTest::newRow("csv") << QStringLiteral("csv");
    QTest::newRow("xlsx") << QStringLiteral("xlsx");
}

void TestImport::exportThenDryRunImport()
{
    QFETCH(QString, format);
    // A small site: 5 parents with children, 2 bills (one completed).
    QByteArray links("parent_code,child_code,child_weight_g\n");
    for (int p = 0; p < 5; ++p)
        for (int c = 0; c < (p == 4 ? 3 : 30); ++c)
            links += QStringLiteral("SB%1,C%2%3,%4\n").arg(p + 1, 5, 10, QLatin1Char('0')).arg(p).arg(c, 3, 10, QLatin1Char('0'))
                         .arg(c % 2 ? QString::number(950 + c) : QString()).toUtf8();
    QCOMPARE(import(*m_store, ImportKind::Links, links).summary.errors, 0);
    QCOMPARE(import(*m_store, ImportKind::Bills,
                    "bill_id,capacity,parent_code,status\nB-1,2,SB00001,completed\nB-1,2,SB00002,completed\n"
                    "B-2,5,SB00003,open\nB-3,10,,\n").summary.errors, 0);
    QCOMPARE(import(*m_store, ImportKind::Bags, "code\nSB00077\nLONELY01\n").summary.errors, 0);
    TT_VERIFY_CLEAN(*m_store);

    ExportQuery exporter(m_store->database());
    const auto original = snapshot(m_store->database());
    QTemporaryDir tmp;
    const QList<std::pair<ExportEntity, ImportKind>> kinds = {
        {ExportEntity::Bags, ImportKind::Bags}, {ExportEntity::Links, ImportKind::Links}, {ExportEntity::Bills, ImportKind::Bills}};
    QMap<ImportKind, QString> files;
    for (const auto &[entity, kind] : kinds) {
        const QString path = tmp.filePath(exportEntityName(entity) + QLatin1Char('.') + format);
        auto sink = TableFile::create(path, ExportQuery::integerColumns(entity));
        QVERIFY(sink);
        QVERIFY((*sink)->write(ExportQuery::header(entity)));
        auto n = exporter.run(entity, [&](const QStringList &row) { return (*sink)->write(row); });
        QVERIFY(n);
        QCOMPARE(*n, *exporter.count(entity));
        QVERIFY((*sink)->finish());
        files.insert(kind, path);
    }

    auto dryRun = [&](const QString &scratchName, bool empty, ImportKind kind, SqliteStore *&keep,
                      std::unique_ptr<SqliteStore> &holder) -> ImportSummary {
        if (!holder) {
            const QString path = tmp.filePath(scratchName);
            if (!empty) {
                auto copied = copySqliteDatabase(m_store->database(), path);
                if (!copied)
                    qWarning("%s", qPrintable(copied.error().message));
            }
            holder = SqliteStore::open(path, SqliteStoreOptions{scratchName, true, true, &m_clock}).value_or(nullptr);
        }
        keep = holder.get();
        auto source = TableFile::open(files.value(kind));
        if (!source || !holder)
            return {};
        Importer importer(*holder, Actor{QStringLiteral("admin"), Role::Admin}, QStringLiteral("dry-run"), m_clock);
        ImportOptions o;
        o.kind = kind;
        auto r = importer.run(**source, o);
        if (!r)
            qWarning("%s", qPrintable(r.error().message));
        return r.value_or(ImportSummary{});
    };
    // Into a scratch copy of the same database: every row is already true.
    std::unique_ptr<SqliteStore> same;
    SqliteStore *sameStore = nullptr;
    for (const auto &[entity, kind] : kinds) {
        const ImportSummary s = dryRun(QStringLiteral("same-") + format, false, kind, sameStore, same);
        QVERIFY(s.rows > 0);
        QCOMPARE(s.errors, 0);
        QCOMPARE(s.ok + s.duplicates, s.rows);
    }
    // Into a scratch copy of an empty database, in the order bags, links, bills: every row ok.
    std::unique_ptr<SqliteStore> fresh;
    SqliteStore *freshStore = nullptr;
    for (const auto &[entity, kind] : kinds) {
        const ImportSummary s = dryRun(QStringLiteral("fresh-") + format, true, kind, freshStore, fresh);
        QCOMPARE(s.errors, 0);
        if (kind == ImportKind::Bags)
            QCOMPARE(s.ok, s.rows);
    }
    QVERIFY(freshStore);
    TT_VERIFY_CLEAN(*freshStore);
    const auto b1 = freshStore->bill(QStringLiteral("B-1"));
    QVERIFY(b1 && *b1);
    QCOMPARE((*b1)->status, BillStatus::Completed);
    QCOMPARE((*b1)->weights.actualG, (*m_store->bill(QStringLiteral("B-1")))->weights.actualG);
    // The real database did not change.
    QCOMPARE(snapshot(m_store->database()), original);
}

void TestImport::largeImport()
{
    // 9 000 link rows (300 new parents) on the set-based path, in batches; progress reported.
    // Throughput is measured by bench/bench_import, not here.
    const int parents = 300, perParent = 30;
    QTemporaryDir tmp;
    const QString path = tmp.filePath(QStringLiteral("links.csv"));
    {
        auto w = CsvWriter::create(path);
        QVERIFY(w);
        QVERIFY((*w)->write({QStringLiteral("parent_code"), QStringLiteral("child_code")}));
        for (int p = 0; p < parents; ++p)
            for (int c = 0; c < perParent; ++c)
                QVERIFY((*w)->write({QStringLiteral("SB%1").arg(p, 5, 10, QLatin1Char('0')),
                                     QStringLiteral("K%1").arg(p * perParent + c, 7, 10, QLatin1Char('0'))}));
        QVERIFY((*w)->finish());
    }
    auto source = TableFile::open(path);
    QVERIFY(source);
    Importer importer(*m_store, Actor{QStringLiteral("admin"), Role::Admin}, QStringLiteral("bulk"), m_clock);
    ImportOptions o;
    o.kind = ImportKind::Links;
    o.batchSize = 500;
    SqliteImport setBased(*m_store);
    o.bulk = &setBased;
    int calls = 0;
    o.progress = [&](qint64, double fraction) {
        ++calls;
        return fraction >= 0 && fraction <= 1;
    };
    QElapsedTimer t;
    t.start();
    auto r = importer.run(**source, o);
    QVERIFY2(r, qPrintable(r ? QString() : r.error().message));
    const qint64 ms = std::max<qint64>(1, t.elapsed());
    QCOMPARE(r->ok, qint64(parents * perParent));
    QVERIFY(calls > 10);
    qInfo("imported %d link rows in %lld ms (%lld rows/s)", parents * perParent, ms, parents * perParent * 1000LL / ms);
    TT_VERIFY_CLEAN(*m_store);
}

namespace {

// What an import leaves behind, as comparable text: rows per table, statistics apart from the
// scan counters, and every bag's and bill's derived values. Scan and audit records differ by
// design (an imported row is no scan and has one audit record; see importIsNotAScan).
QStringList stateOf(const QSqlDatabase &db)
{
    QStringList out;
    for (const char *sql :
         {"SELECT 'bags', count(*) FROM bags", "SELECT 'links', count(*) FROM links",
          "SELECT metric, value FROM stat_totals WHERE metric NOT LIKE 'scans%' ORDER BY metric",
          "SELECT station || ' ' || metric, value FROM stat_daily WHERE metric NOT LIKE 'scans%' "
          "ORDER BY station, metric",
          "SELECT code || ' ' || role || ' ' || coalesce(measured_weight_g, '-') || ' ' || child_count, contents_weight_g "
          "FROM bags ORDER BY code",
          "SELECT p.code || ' ' || c.code, l.linked_by FROM links l JOIN bags p ON p.id = l.parent_id JOIN bags c ON "
          "c.id = l.child_id WHERE l.ended_at IS NULL ORDER BY 1",
          "SELECT bill_code || ' ' || parent_count || ' ' || status || ' ' || expected_weight_g, actual_weight_g FROM "
          "bills ORDER BY bill_code"}) {
        QSqlQuery q(db);
        if (!q.exec(QString::fromLatin1(sql)))
            out << q.lastError().text();
        while (q.next())
            out << q.value(0).toString() + QLatin1Char('=') + q.value(1).toString();
    }
    return out;
}

} // namespace

void TestImport::setBasedMatchesCommands_data()
{
    QTest::addColumn<int>("batch");
    QTest::newRow("one batch") << 1000;
    QTest::newRow("batches of 3") << 3;
}

void TestImport::setBasedMatchesCommands()
{
    // The same files into two databases, one through commands, one set-based: the same result
    // per row and the same database afterwards (bags, links, counters, bill totals, statistics),
    // apart from the command log and the scan and audit records: the set-based path writes no
    // scan record and one audit record ("import") per accepted row.
    QFETCH(int, batch);
    const QByteArray setup("parent_code,child_code,child_weight_g\nSB00001,CA0001,\nSB00002,CA0002,1200\n"
                           "M444-00001,CA0003,\nSB00009,CA0009,\n");
    const QByteArray bills("bill_id,capacity,parent_code,status\nB-1,1,SB00001,completed\nB-2,3,SB00002,\n");
    QByteArray links("parent_code,child_code,child_weight_g\n"
                     "SB00002,CB0001,700\n"     // onto a parent on an open bill: the bill's weight grows
                     "SB00001,CB0002,\n"        // parent on a completed bill
                     "SB00003,CA0001,\n"        // new parent, child linked elsewhere: neither is written
                     "SB00003,CB0003,\n"        // new parent
                     "SB00003,CB0003,999\n"     // duplicate, the weight is not applied
                     "SB00009,CA0009,\n"        // duplicate of a stored link
                     "CA0002,CB0004,\n"         // a child as parent
                     "SB00004,M444-00001,\n"    // a parent as child
                     "SB00004,SB00004,\n"       // self link
                     "SB00005,ZZ,\n"            // child code of no type
                     "SB00005,CB0005,abc\n"     // bad weight
                     "CB0006,CB0007,\n"         // new code of no parent type
                     "SB00010,CB0099,\n");      // all rows before this one changed nothing for SB00010
    for (int i = 0; i < 16; ++i) // M444 holds 15: fills, then parent_full
        links += QByteArray("M444-00001,CM") + QByteArray::number(1000 + i) + (i % 3 ? ",\n" : ",1111\n");
    const QByteArray bags("code,measured_weight_g\nSB00011,\nCB0099,\nCC0001,500\nSB1,\nCC0001,\n");

    QStringList results[2];
    QStringList states[2];
    for (bool bulk : {false, true}) {
        const QString name = QStringLiteral("parity-%1-%2").arg(batch).arg(bulk);
        auto store = SqliteStore::open(m_dir.filePath(name + QStringLiteral(".db")),
                                       SqliteStoreOptions{name, true, true, &m_clock});
        QVERIFY(store);
        QCOMPARE(import(**store, ImportKind::Links, setup, Role::Admin, false).summary.errors, 0);
        QCOMPARE(import(**store, ImportKind::Bills, bills, Role::Admin, false).summary.errors, 0);
        const qint64 scansBefore = scalar((*store)->database(), QStringLiteral("SELECT count(*) FROM scans"));
        const qint64 auditBefore = scalar((*store)->database(), QStringLiteral("SELECT count(*) FROM audit_log"));
        qint64 okRows = 0;
        for (const auto &[kind, csv] : {std::pair{ImportKind::Links, links}, std::pair{ImportKind::Bags, bags}}) {
            QBuffer in;
            in.setData(csv);
            in.open(QIODevice::ReadOnly);
            CsvReader reader(&in);
            QBuffer out;
            out.open(QIODevice::ReadWrite);
            CsvWriter sink(&out);
            Importer importer(**store, Actor{QStringLiteral("admin"), Role::Admin}, QStringLiteral("parity"), m_clock);
            ImportOptions o;
            o.kind = kind;
            o.batchSize = batch;
            o.results = &sink;
            SqliteImport setBased(**store);
            if (bulk)
                o.bulk = &setBased;
            QVERIFY(importer.run(reader, o));
            out.seek(0);
            CsvReader back(&out);
            QStringList row;
            while (*back.next(row)) {
                results[bulk] << row.mid(0, 3).join(QLatin1Char(' '));
                okRows += row.at(1) == u"ok";
            }
        }
        states[bulk] = stateOf((*store)->database());
        const QSqlDatabase &db = (*store)->database();
        if (bulk) {
            QCOMPARE(scalar(db, QStringLiteral("SELECT count(*) FROM scans")), scansBefore);
            QCOMPARE(scalar(db, QStringLiteral("SELECT count(*) FROM audit_log")), auditBefore + okRows);
            QCOMPARE(scalar(db, QStringLiteral("SELECT count(*) FROM audit_log WHERE action = 'import'")), okRows);
        } else {
            QVERIFY(scalar(db, QStringLiteral("SELECT count(*) FROM scans")) > scansBefore);
        }
        TT_VERIFY_CLEAN(**store);
    }
    QCOMPARE(results[1], results[0]);
    QCOMPARE(states[1], states[0]);
    // Anchors, so that equal results cannot mean "nothing happened" on both paths.
    for (const char *line : {"2 ok ", "3 error bill_completed", "4 error linked_elsewhere", "28 ok ",
                             "29 error parent_full", "5 error invalid_code"})
        QVERIFY2(results[0].contains(QString::fromLatin1(line)), line);
}

void TestImport::importIsNotAScan()
{
    // The lead's decision for the set-based path: an imported row is not a scan (no scan record,
    // no "scans" counter, not in the dashboard's scans today) and gets exactly one audit record,
    // action "import", naming the file and the row. Refused and duplicate rows write none.
    const QByteArray links("parent_code,child_code,child_weight_g\n"
                           "SB00001,CH0001,\n"  // row 2: new parent and child
                           "SB00001,CH0002,990\n"
                           "SB00001,CH0001,\n"  // row 4: duplicate
                           "SB00002,CH0001,\n"  // row 5: linked elsewhere
                           "SB00002,CH0003,\n"); // row 6
    const QByteArray bags("code,measured_weight_g\nSB00003,\nCH0009,1250\nSB00003,\nX!,\n");
    struct File
    {
        ImportKind kind;
        QByteArray csv;
        QString name;
        QStringList accepted; // "entity code row" of the rows reported ok
    };
    QList<File> files{{ImportKind::Links, links, QStringLiteral("links \"März\", 2024.csv"), {}},
                      {ImportKind::Bags, bags, QStringLiteral("bags.csv"), {}}};
    for (File &f : files) {
        const bool linksFile = f.kind == ImportKind::Links;
        const Run run = import(*m_store, f.kind, f.csv, Role::Admin, true, f.name);
        QCOMPARE(run.error, QString());
        for (const QStringList &r : run.results) {
            if (r.at(1) == u"ok") // the cells follow the four result columns
                f.accepted << QStringLiteral("%1 %2 %3").arg(linksFile ? u"link" : u"bag", r.at(linksFile ? 5 : 4), r.at(0));
        }
    }
    QCOMPARE(files[0].accepted, (QStringList{QStringLiteral("link CH0001 2"), QStringLiteral("link CH0002 3"),
                                             QStringLiteral("link CH0003 6")}));
    QCOMPARE(files[1].accepted, (QStringList{QStringLiteral("bag SB00003 2"), QStringLiteral("bag CH0009 3")}));

    const QSqlDatabase &db = m_store->database();
    QCOMPARE(scalar(db, QStringLiteral("SELECT count(*) FROM scans")), 0);
    QCOMPARE(scalar(db, QStringLiteral("SELECT count(*) FROM stat_totals WHERE metric LIKE 'scans%' AND value <> 0")), 0);
    QCOMPARE(scalar(db, QStringLiteral("SELECT count(*) FROM stat_daily WHERE metric LIKE 'scans%' AND value <> 0")), 0);
    QCOMPARE(scalar(db, QStringLiteral("SELECT value FROM stat_totals WHERE metric = 'links'")), 3);
    auto figures = DashboardQuery(m_store->statements()).load(m_clock.now().date(), QTimeZone::utc(), QStringLiteral("admin"));
    QVERIFY(figures);
    QCOMPARE(figures->scansToday, 0);
    QCOMPARE(figures->userScansToday, 0);
    QVERIFY(figures->lastScans.isEmpty());

    // One audit record per accepted row, with the file and the row number.
    for (const File &f : std::as_const(files)) {
        QSqlQuery q(db);
        QVERIFY(q.prepare(QStringLiteral("SELECT entity || ' ' || entity_id || ' ' || json_extract(after, '$.row'), actor, "
                                         "station, at FROM audit_log WHERE action = 'import' AND "
                                         "json_extract(after, '$.file') = ? ORDER BY id")));
        q.addBindValue(f.name);
        QVERIFY(q.exec());
        QStringList audited;
        while (q.next()) {
            audited << q.value(0).toString();
            QCOMPARE(q.value(1).toString(), QStringLiteral("admin"));
            QCOMPARE(q.value(2).toString(), QStringLiteral("import-test"));
            QCOMPARE(fromIsoUtc(q.value(3).toString()), m_clock.now());
        }
        QCOMPARE(audited, f.accepted);
    }
    QCOMPARE(scalar(db, QStringLiteral("SELECT count(*) FROM audit_log")), 5);
    QCOMPARE(scalar(db, QStringLiteral("SELECT json_extract(after, '$.weight_g') FROM audit_log WHERE entity_id = 'CH0002'")),
             990);
    QCOMPARE(scalar(db, QStringLiteral("SELECT json_extract(after, '$.parent') = 'SB00002' FROM audit_log WHERE "
                                       "entity_id = 'CH0003'")),
             1);
    QCOMPARE(scalar(db, QStringLiteral("SELECT json_extract(after, '$.measured_weight_g') FROM audit_log WHERE "
                                       "entity_id = 'CH0009'")),
             1250);
    TT_VERIFY_CLEAN(*m_store);
}

void TestImport::auditRecordEscapesFileName()
{
    // The set-based path writes the audit record's JSON itself: a file name with a quote, a
    // backslash, a control character and characters beyond ASCII and the BMP reads back as it was.
    const QString name = QStringLiteral("a \"b\"\\c\td\u00e9\U0001F4E6.csv");
    const Run run = import(*m_store, ImportKind::Bags, QByteArray("code\nSB00005\nCH0005\n"), Role::Admin, true, name);
    QCOMPARE(run.error, QString());
    const QSqlDatabase &db = m_store->database();
    QCOMPARE(scalar(db, QStringLiteral("SELECT count(*) FROM audit_log WHERE action = 'import' AND json_valid(after)")), 2);
    QSqlQuery q(db);
    QVERIFY(q.exec(QStringLiteral("SELECT DISTINCT json_extract(after, '$.file') FROM audit_log WHERE action = 'import'")));
    QVERIFY(q.next());
    QCOMPARE(q.value(0).toString(), name);
    QVERIFY(!q.next());
    QCOMPARE(scalar(db, QStringLiteral("SELECT count(*) FROM audit_log WHERE action = 'import' AND "
                                       "json_extract(after, '$.type') IS NOT NULL")),
             2);
    TT_VERIFY_CLEAN(*m_store);
}

void TestImport::importKeepsTheCodeSearchIndex()
{
    // The set-based path adds a batch's codes to the trigram index with one statement, the row
    // trigger paused inside its transaction (migration 007). Afterwards the index matches the
    // bags exactly (FTS5's integrity check against the content table) and the trigger is back.
    const QByteArray links("parent_code,child_code\nSB00001,CH0001\nSB00001,CH0002\nSB00002,CH0003\n");
    QCOMPARE(import(*m_store, ImportKind::Links, links, Role::Admin, true, QStringLiteral("links.csv")).error, QString());
    QCOMPARE(import(*m_store, ImportKind::Bags, QByteArray("code\nSB00007\nCH0007\n"), Role::Admin, true,
                    QStringLiteral("bags.csv"))
                 .error,
             QString());
    const QSqlDatabase &db = m_store->database();
    QSqlQuery q(db);
    const QString check = QStringLiteral("INSERT INTO bag_code_search(bag_code_search, rank) VALUES ('integrity-check', 1)");
    QVERIFY2(q.exec(check), qPrintable(q.lastError().text()));
    QCOMPARE(scalar(db, QStringLiteral("SELECT count(*) FROM bag_code_search_paused")), 0);
    QCOMPARE(scalar(db, QStringLiteral("SELECT count(*) FROM bags WHERE code LIKE '%CH000%'")), 4);
    QCOMPARE(scalar(db, QStringLiteral("SELECT count(*) FROM bag_code_search WHERE bag_code_search MATCH '\"CH000\"'")), 4);
    QCOMPARE(scalar(db, QStringLiteral("SELECT count(*) FROM bag_code_search WHERE bag_code_search MATCH '\"B0000\"'")), 3);
    TT_VERIFY_CLEAN(*m_store);
    // Any other insert is indexed by the trigger.
    QVERIFY2(q.exec(QStringLiteral("INSERT INTO bags(code, type_id, role, nominal_weight_g, created_at, created_by) "
                                   "SELECT 'CH0099', type_id, role, nominal_weight_g, created_at, created_by FROM bags "
                                   "WHERE code = 'CH0001'")),
             qPrintable(q.lastError().text()));
    QCOMPARE(scalar(db, QStringLiteral("SELECT count(*) FROM bag_code_search WHERE bag_code_search MATCH '\"CH0099\"'")), 1);
    QVERIFY2(q.exec(check), qPrintable(q.lastError().text()));
}

QTEST_MAIN(TestImport)
#include "tst_import.moc"
