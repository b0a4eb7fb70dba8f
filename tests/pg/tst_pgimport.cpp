// Import on the central database (PgImport, tt_import_bags / tt_import_links, migrations 006, 010):
// the same files imported into SQLite (SqliteImport) and PostgreSQL give the same per-row
// results and the same final data; verify is clean on both; an imported row writes no scan
// record and exactly one audit record; a dry run changes nothing; a non-admin session is refused
// by the database itself (direct SQL as the station role).

#include "core/clock.h"
#include "database/pgimport.h"
#include "database/sqliteimport.h"
#include "database/sqlitestore.h"
#include "database/transactionguard.h"
#include "database/verifier.h"
#include "reports/csvreader.h"
#include "reports/csvwriter.h"
#include "reports/importer.h"
#include "tests/database/storefixture.h"
#include "tests/pg/pgfixture.h"

#include <QBuffer>
#include <QSqlError>
#include <QSqlQuery>
#include <QTest>

using namespace tt;

namespace {

const Actor kAdmin{QStringLiteral("admin"), Role::Admin};

// A links file exercising every rule: new and existing parents, a parent filled past its
// capacity (M444 holds 15), the same child twice (duplicate) and on another parent
// (linked_elsewhere), roles swapped, unknown codes, self links, weights, a parent on an open
// bill (its weight follows) and one on a completed bill.
QByteArray linksFile()
{
    QByteArray csv = "parent_code,child_code,child_weight_g\n";
    for (int i = 1; i <= 17; ++i)
        csv += QStringLiteral("M444-00001,C%1,\n").arg(1000 + i, 4, 10, QLatin1Char('0')).toUtf8();
    csv +=
        "SB00001,C1001,\n"     // linked elsewhere (row 2 put it into M444-00001)
        "M444-00001,C1002,\n"  // duplicate
        "SB00001,C2001,1500\n" // new parent and child with a weight
        "SB00001,C2002,\n"
        "C2001,C2003,\n"     // a child used as a parent
        "SB00002,SB00001,\n" // a parent used as a child (the row creating SB00002 is refused whole)
        "SB00002,C2004,\n"   // so SB00002 is created here
        "XX,C2005,\n"        // unknown parent code
        "SB00003,??,\n"      // unknown child code
        "SB00004,SB00004,\n" // self link
        "SB01000,C3001,\n"   // parent on an open bill: its weight follows
        "SB01000,C3002,2500\n"
        "SB01001,C3003,\n"      // parent on a completed bill
        "SB01002,CX0001,1200\n" // existing unlinked child: weighed and linked
        "SB00001,c2006,\n"      // lower case: normalised
        "SB00005,C2007,abc\n"   // bad weight: refused before the database
        "sb00006,C2008,700\n";
    return csv;
}

QByteArray bagsFile()
{
    return "code,measured_weight_g\n"
           "SB00001,\n"
           "C0001,1200\n"
           "SB00001,\n"  // duplicate in the file
           "C0001,900\n" // duplicate (the weight is not changed)
           "SB123456,\n" // matches no type
           "M444-00001,\n"
           "SB01000,\n" // exists (created before the import)
           "C0002,\n"
           " c0003 ,\n"
           "C0004,-5\n"; // bad weight
}

} // namespace

class TstPgImport : public QObject
{
    Q_OBJECT

private:
    struct Run
    {
        QList<QStringList> results; // row, status, reason, message
        ImportSummary summary;
        QString error;
    };

    Run import(Store &store, BulkImport &bulk, ImportKind kind, const QByteArray &csv)
    {
        Run run;
        QByteArray data = csv;
        QBuffer in(&data);
        in.open(QIODevice::ReadOnly);
        CsvReader reader(&in);
        QBuffer out;
        out.open(QIODevice::ReadWrite);
        CsvWriter results(&out);
        Importer importer(store, kAdmin, QStringLiteral("st-test"), m_clock);
        ImportOptions options;
        options.kind = kind;
        options.batchSize = 7; // rows depending on rows of the same and of earlier batches
        options.results = &results;
        options.bulk = &bulk;
        options.fileName = QStringLiteral("parity.csv");
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
                run.results << row.mid(0, 4);
            header = false;
        }
        return run;
    }

    // Both stores: the same command (set-up before an import).
    void both(CommandBody body)
    {
        const Command c = makeCommand(kAdmin, QStringLiteral("st-test"), m_clock, std::move(body));
        const Outcome local = m_sqlite->execute(c);
        const Outcome central = m_pg->execute(c);
        QVERIFY2(local.ok() && central.ok(),
                 qPrintable(local.message + QStringLiteral(" / ") + central.message));
    }

    static QString describeBag(const Result<std::optional<BagDetails>> &bag)
    {
        if (!bag)
            return QStringLiteral("error: ") + bag.error().message;
        if (!*bag)
            return QStringLiteral("none");
        const BagDetails &b = **bag;
        return QStringLiteral(
                   "%1 %2 %3 w%4 m%5 parent %6 by %7 cap %8 n%9 contents %10 expected %11 bill %12")
            .arg(b.code, bagRoleName(b.role), b.typeName)
            .arg(b.weightG)
            .arg(b.measuredWeightG ? QString::number(*b.measuredWeightG) : QStringLiteral("-"))
            .arg(b.parentCode, b.linkedBy)
            .arg(b.capacity)
            .arg(b.childCount)
            .arg(b.contentsWeightG)
            .arg(b.expectedWeightG)
            .arg(b.billId);
    }

    // Every code of the file has the same state in both stores.
    void compareBags(const QStringList &codes)
    {
        QStringList differences;
        for (const QString &code : codes) {
            const QString l = describeBag(m_sqlite->bag(code));
            const QString r = describeBag(m_pg->bag(code));
            if (l != r)
                differences
                    << QStringLiteral("%1:\n  sqlite:   %2\n  postgres: %3").arg(code, l, r);
        }
        QVERIFY2(differences.isEmpty(), qPrintable(differences.join(QLatin1Char('\n'))));
    }

    static void compareResults(const Run &local, const Run &central)
    {
        QVERIFY2(local.error.isEmpty(), qPrintable(local.error));
        QVERIFY2(central.error.isEmpty(), qPrintable(central.error));
        QStringList differences;
        for (qsizetype i = 0; i < std::max(local.results.size(), central.results.size()); ++i) {
            const QString l = local.results.value(i).join(QLatin1Char('|'));
            const QString r = central.results.value(i).join(QLatin1Char('|'));
            if (l != r)
                differences << QStringLiteral("  sqlite:   %1\n  postgres: %2").arg(l, r);
        }
        QVERIFY2(differences.isEmpty(), qPrintable(differences.join(QLatin1Char('\n'))));
    }

    // One number from the central database, read as its owner.
    qint64 ownerCount(const QString &sql)
    {
        const QString name =
            QStringLiteral("tt-import-owner-") + QUuid::createUuid().toString(QUuid::Id128);
        qint64 n = -1;
        {
            auto db = openPostgres(m_central.owner, name);
            if (db) {
                QSqlQuery q(*db);
                if (q.exec(sql) && q.next())
                    n = q.value(0).toLongLong();
                else
                    qWarning("%s: %s", qPrintable(sql), qPrintable(q.lastError().text()));
            }
        }
        closePostgres(name);
        return n;
    }

    void verifyCentral()
    {
        const auto mismatches = m_pg->verify();
        QVERIFY2(mismatches.has_value(), mismatches ? "" : qPrintable(mismatches.error().message));
        QStringList lines;
        for (const Mismatch &m : *mismatches)
            lines << QStringLiteral("%1 %2: stored %3, computed %4")
                         .arg(m.check, m.key, m.stored, m.computed);
        QVERIFY2(lines.isEmpty(), qPrintable(lines.join(QLatin1Char('\n'))));
    }

    ManualClock m_clock{tt::test::startTime()};
    tt::test::CentralDb m_central;
    std::unique_ptr<SqliteStore> m_sqlite;
    std::unique_ptr<PgStore> m_pg;

private Q_SLOTS:
    void init()
    {
        m_clock.set(QDateTime::currentDateTimeUtc().addSecs(-7200));
        TT_REQUIRE_CENTRAL(m_central);
        m_sqlite = tt::test::openMemoryStore(m_clock, QStringLiteral("tt-import-sqlite"));
        QVERIFY(m_sqlite);
        m_pg = m_central.login(QStringLiteral("admin"), tt::test::kAdminPassword,
                               QStringLiteral("tt-import-pg"), QStringLiteral("st-test"), &m_clock);
        QVERIFY(m_pg);
    }

    void cleanup()
    {
        if (m_sqlite && m_pg && !QTest::currentTestFailed()) {
            TT_VERIFY_CLEAN(*m_sqlite);
            verifyCentral();
        }
        m_pg.reset();
        m_sqlite.reset();
        m_central.drop();
    }

    void linksParity()
    {
        // State before the import: a parent on an open bill, one on a completed bill, an
        // unlinked child.
        both(cmd::RegisterBag{QStringLiteral("SB01000"), std::nullopt});
        both(cmd::RegisterBag{QStringLiteral("SB01001"), std::nullopt});
        both(cmd::RegisterBag{QStringLiteral("CX0001"), std::nullopt});
        both(cmd::CreateBill{QStringLiteral("BILL-OPEN"), 2});
        both(cmd::AddParentToBill{QStringLiteral("BILL-OPEN"), QStringLiteral("SB01000")});
        both(cmd::CreateBill{QStringLiteral("BILL-DONE"), 1});
        both(cmd::AddParentToBill{QStringLiteral("BILL-DONE"), QStringLiteral("SB01001")});
        both(cmd::CompleteBill{QStringLiteral("BILL-DONE")});
        m_clock.advanceMs(60'000);
        const qint64 scansBefore = ownerCount(QStringLiteral("SELECT count(*) FROM scans"));
        const qint64 auditBefore = ownerCount(QStringLiteral("SELECT count(*) FROM audit_log"));

        SqliteImport localPath(*m_sqlite);
        PgImport centralPath(*m_pg);
        const Run local = import(*m_sqlite, localPath, ImportKind::Links, linksFile());
        const Run central = import(*m_pg, centralPath, ImportKind::Links, linksFile());
        compareResults(local, central);
        QCOMPARE(central.summary.rows, 34);
        QCOMPARE(central.summary.ok, 23);
        QCOMPARE(central.summary.duplicates, 1);
        QCOMPARE(central.summary.errors, 10);

        QStringList codes{
            QStringLiteral("M444-00001"), QStringLiteral("SB00001"), QStringLiteral("SB00002"),
            QStringLiteral("SB00003"),    QStringLiteral("SB00004"), QStringLiteral("SB01000"),
            QStringLiteral("SB01001"),    QStringLiteral("SB01002"), QStringLiteral("SB00006"),
            QStringLiteral("CX0001"),     QStringLiteral("C2006"),   QStringLiteral("C2008")};
        for (int i = 1; i <= 17; ++i)
            codes << QStringLiteral("C%1").arg(1000 + i, 4, 10, QLatin1Char('0'));
        for (int i = 2001; i <= 2005; ++i)
            codes << QStringLiteral("C%1").arg(i);
        for (int i = 3001; i <= 3003; ++i)
            codes << QStringLiteral("C%1").arg(i);
        compareBags(codes);
        const auto localBill = m_sqlite->bill(QStringLiteral("BILL-OPEN"));
        const auto centralBill = m_pg->bill(QStringLiteral("BILL-OPEN"));
        QVERIFY(localBill && *localBill && centralBill && *centralBill);
        QCOMPARE((*centralBill)->weights.actualG, (*localBill)->weights.actualG);
        QCOMPARE((*centralBill)->weights.actualG, 3500);

        // An imported link is not a scan; each applied row has one audit record, naming the
        // file and the row.
        QCOMPARE(ownerCount(QStringLiteral("SELECT count(*) FROM scans")), scansBefore);
        QCOMPARE(ownerCount(QStringLiteral("SELECT count(*) FROM audit_log")) - auditBefore,
                 central.summary.ok);
        QCOMPARE(ownerCount(QStringLiteral(
                     "SELECT count(DISTINCT (after->>'row')) FROM audit_log WHERE action = "
                     "'import' AND after->>'file' = 'parity.csv'")),
                 central.summary.ok);
        QCOMPARE(ownerCount(QStringLiteral(
                     "SELECT coalesce(sum(value), 0) FROM stat_counters WHERE metric = 'scans'")),
                 scansBefore);

        // The same file again: every row is a duplicate or the same error, nothing changes.
        const qint64 bagsBefore = ownerCount(QStringLiteral("SELECT count(*) FROM bags"));
        const Run again = import(*m_pg, centralPath, ImportKind::Links, linksFile());
        QVERIFY2(again.error.isEmpty(), qPrintable(again.error));
        QCOMPARE(again.summary.ok, 0);
        QCOMPARE(ownerCount(QStringLiteral("SELECT count(*) FROM bags")), bagsBefore);
    }

    void bagsParity()
    {
        both(cmd::RegisterBag{QStringLiteral("SB01000"), std::nullopt});
        SqliteImport localPath(*m_sqlite);
        PgImport centralPath(*m_pg);
        const Run local = import(*m_sqlite, localPath, ImportKind::Bags, bagsFile());
        const Run central = import(*m_pg, centralPath, ImportKind::Bags, bagsFile());
        compareResults(local, central);
        QCOMPARE(central.summary.ok, 5);
        QCOMPARE(central.summary.duplicates, 3);
        QCOMPARE(central.summary.errors, 2);
        compareBags({QStringLiteral("SB00001"), QStringLiteral("C0001"),
                     QStringLiteral("M444-00001"), QStringLiteral("SB01000"),
                     QStringLiteral("C0002"), QStringLiteral("C0003"), QStringLiteral("C0004"),
                     QStringLiteral("SB123456")});
        QCOMPARE(
            ownerCount(QStringLiteral("SELECT count(*) FROM audit_log WHERE action = 'import'")),
            5);
    }

    // The whole import in one transaction that is rolled back: the same outcomes as the real
    // import, and nothing stays.
    void dryRun()
    {
        const qint64 bagsBefore = ownerCount(QStringLiteral("SELECT count(*) FROM bags"));
        const qint64 auditBefore = ownerCount(QStringLiteral("SELECT count(*) FROM audit_log"));
        const qint64 changesBefore = ownerCount(QStringLiteral("SELECT count(*) FROM changes"));
        PgImport centralPath(*m_pg);
        Run dry;
        {
            auto tx = TransactionGuard::begin(m_pg->database(), TransactionGuard::Mode::Deferred);
            QVERIFY(tx.has_value());
            dry = import(*m_pg, centralPath, ImportKind::Links, linksFile());
        }
        QVERIFY2(dry.error.isEmpty(), qPrintable(dry.error));
        QVERIFY(dry.summary.ok > 0);
        QCOMPARE(ownerCount(QStringLiteral("SELECT count(*) FROM bags")), bagsBefore);
        QCOMPARE(ownerCount(QStringLiteral("SELECT count(*) FROM audit_log")), auditBefore);
        QCOMPARE(ownerCount(QStringLiteral("SELECT count(*) FROM changes")), changesBefore);
        const Run real = import(*m_pg, centralPath, ImportKind::Links, linksFile());
        compareResults(dry, real);
        QVERIFY(ownerCount(QStringLiteral("SELECT count(*) FROM bags")) > bagsBefore);
    }

    // Only an admin's session imports: the database refuses the others, also when the station
    // role calls the functions with its own SQL; nothing is written.
    void nonAdminRefused()
    {
        QVERIFY(m_central.addUser(*m_pg, QStringLiteral("disp"), QStringLiteral("dispatcher")));
        QVERIFY(m_central.addUser(*m_pg, QStringLiteral("bill"), QStringLiteral("biller")));
        const qint64 bagsBefore = ownerCount(QStringLiteral("SELECT count(*) FROM bags"));
        const QString rows =
            QStringLiteral("{\"n\":[2],\"p\":[\"SB00001\"],\"c\":[\"C0001\"],\"w\":[null]}");
        for (const QString &user : {QStringLiteral("disp"), QStringLiteral("bill")}) {
            auto store =
                m_central.login(user, tt::test::kUserPassword, QStringLiteral("tt-import-") + user);
            QVERIFY(store);
            for (const QString &function :
                 {QStringLiteral("tt_import_links"), QStringLiteral("tt_import_bags")}) {
                QSqlQuery q(store->database());
                q.prepare(QStringLiteral("SELECT %1(?, '{}'::jsonb, ?::jsonb)").arg(function));
                q.addBindValue(store->sessionToken());
                q.addBindValue(rows);
                QVERIFY2(!q.exec(), qPrintable(user + QLatin1Char(' ') + function));
                QCOMPARE(q.lastError().nativeErrorCode(), QStringLiteral("42501"));
                QVERIFY2(q.lastError().databaseText().contains(QStringLiteral("permission_denied")),
                         qPrintable(q.lastError().databaseText()));
            }
            PgImport path(*store);
            const auto r = path.importLinks(
                ImportMeta{kAdmin, QStringLiteral("st-test"), m_clock.now(), {}},
                {ImportLinkRow{2, QStringLiteral("SB00001"), QStringLiteral("C0001"), {}}});
            QVERIFY(!r);
            QCOMPARE(r.error().reason, Reason::PermissionDenied);
        }
        // No session, a made-up token.
        for (const QString &token : {QString(), QStringLiteral("not-a-token")}) {
            QSqlQuery q(m_pg->database());
            q.prepare(QStringLiteral("SELECT tt_import_links(?, '{}'::jsonb, ?::jsonb)"));
            q.addBindValue(token);
            q.addBindValue(rows);
            QVERIFY(!q.exec());
            QVERIFY2(q.lastError().databaseText().contains(QStringLiteral("session_expired")),
                     qPrintable(q.lastError().databaseText()));
        }
        // Setting the import's batch column is not open to a station: no table privilege.
        QSqlQuery q(m_pg->database());
        QVERIFY(!q.exec(QStringLiteral("UPDATE bags SET import_batch = gen_random_uuid()")));
        QCOMPARE(ownerCount(QStringLiteral("SELECT count(*) FROM bags")), bagsBefore);
    }

    // Rows that are not one array per column of equal length (direct SQL; PgImport always sends
    // them right) are refused with a message and write nothing.
    void malformedRowsRefused()
    {
        const qint64 bagsBefore = ownerCount(QStringLiteral("SELECT count(*) FROM bags"));
        const qint64 auditBefore = ownerCount(QStringLiteral("SELECT count(*) FROM audit_log"));
        const QList<std::pair<QString, QString>> cases{
            {QStringLiteral("tt_import_links"),
             QStringLiteral("{\"n\":[2,3],\"p\":[\"SB00001\"],\"c\":[\"C0001\",\"C0002\"],"
                            "\"w\":[null,null]}")},
            {QStringLiteral("tt_import_bags"),
             QStringLiteral("{\"n\":[2],\"c\":[\"C0001\",\"C0002\"],\"w\":[null]}")},
            // 006's form, one object per row.
            {QStringLiteral("tt_import_links"),
             QStringLiteral("[{\"n\":2,\"p\":\"SB00001\",\"c\":\"C0001\"}]")}};
        for (const auto &[function, rows] : cases) {
            QSqlQuery q(m_pg->database());
            q.prepare(QStringLiteral("SELECT %1(?, '{}'::jsonb, ?::jsonb)").arg(function));
            q.addBindValue(m_pg->sessionToken());
            q.addBindValue(rows);
            QVERIFY2(!q.exec(), qPrintable(function + QLatin1Char(' ') + rows));
            const QString text = q.lastError().databaseText();
            QVERIFY2(text.contains(QStringLiteral("differ in length")) ||
                         text.contains(QStringLiteral("on an array")),
                     qPrintable(text));
        }
        QCOMPARE(ownerCount(QStringLiteral("SELECT count(*) FROM bags")), bagsBefore);
        QCOMPARE(ownerCount(QStringLiteral("SELECT count(*) FROM audit_log")), auditBefore);
    }
};

QTEST_GUILESS_MAIN(TstPgImport)
#include "tst_pgimport.moc"
