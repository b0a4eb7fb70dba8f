#include <QDirIterator>
#include <QFile>
#include <QSqlQuery>
#include <QTest>

#include "database/sqliteconnection.h"
#include "database/sqlscript.h"

using namespace tt;

namespace {

// Statements compared with runs of white space made one space (comments become white space).
QStringList simplified(const QStringList &statements)
{
    QStringList out;
    for (const QString &s : statements)
        out << s.simplified();
    return out;
}

} // namespace

// splitSqlScript: top-level ';' only, honouring quotes, comments, dollar quoting and trigger
// bodies.
class TestSqlScript : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void split_data();
    void split();
    void everyShippedMigrationRuns();
};

void TestSqlScript::split_data()
{
    QTest::addColumn<QString>("script");
    QTest::addColumn<QStringList>("statements");

    const auto l = [](std::initializer_list<const char *> items) {
        QStringList out;
        for (const char *i : items)
            out << QString::fromUtf8(i);
        return out;
    };

    QTest::newRow("two statements") << QStringLiteral("SELECT 1; SELECT 2;") << l({"SELECT 1", "SELECT 2"});
    QTest::newRow("no final semicolon") << QStringLiteral("SELECT 1;\nSELECT 2") << l({"SELECT 1", "SELECT 2"});
    QTest::newRow("empty statements") << QStringLiteral(" ;;\n; ") << QStringList();
    QTest::newRow("empty script") << QString() << QStringList();
    QTest::newRow("semicolon in a string") << QStringLiteral("INSERT INTO t VALUES ('a;b'); SELECT 2;")
                                           << l({"INSERT INTO t VALUES ('a;b')", "SELECT 2"});
    QTest::newRow("doubled quote") << QStringLiteral("SELECT 'it''s; fine'; SELECT 2")
                                   << l({"SELECT 'it''s; fine'", "SELECT 2"});
    QTest::newRow("quoted identifier") << QStringLiteral("SELECT \"a;b\" FROM t; SELECT 2")
                                       << l({"SELECT \"a;b\" FROM t", "SELECT 2"});
    QTest::newRow("line comment") << QStringLiteral("-- first; not a statement\nSELECT 1; -- trailing; too\nSELECT 2;")
                                  << l({"SELECT 1", "SELECT 2"});
    QTest::newRow("block comment") << QStringLiteral("/* a; b */ SELECT /* c; */ 1; SELECT 2")
                                   << l({"SELECT 1", "SELECT 2"});
    QTest::newRow("comment only") << QStringLiteral("-- nothing here;\n/* nor; here */") << QStringList();
    QTest::newRow("unterminated block comment") << QStringLiteral("SELECT 1; /* open; comment") << l({"SELECT 1"});
    QTest::newRow("comment marks inside a string") << QStringLiteral("SELECT '--;/*'; SELECT 2")
                                                   << l({"SELECT '--;/*'", "SELECT 2"});
    QTest::newRow("trigger body") << QStringLiteral(
        "CREATE TRIGGER t BEFORE UPDATE ON a\nBEGIN\n  SELECT RAISE(ABORT, 'no; way');\n  UPDATE b SET c = 1;\nEND;\n"
        "SELECT 2;")
                                  << l({"CREATE TRIGGER t BEFORE UPDATE ON a BEGIN SELECT RAISE(ABORT, 'no; way'); UPDATE "
                                        "b SET c = 1; END",
                                        "SELECT 2"});
    QTest::newRow("lower-case temp trigger") << QStringLiteral(
        "create temp trigger t after insert on a begin insert into log values (new.id); end; select 1")
                                             << l({"create temp trigger t after insert on a begin insert into log "
                                                   "values (new.id); end",
                                                   "select 1"});
    QTest::newRow("trigger with columns named like END") << QStringLiteral(
        "CREATE TRIGGER t AFTER UPDATE ON a BEGIN UPDATE b SET ended_at = new.x, legend = 1; END; SELECT 1")
                                                         << l({"CREATE TRIGGER t AFTER UPDATE ON a BEGIN UPDATE b SET "
                                                               "ended_at = new.x, legend = 1; END",
                                                               "SELECT 1"});
    QTest::newRow("trigger with CASE … END") << QStringLiteral(
        "CREATE TRIGGER t AFTER INSERT ON a BEGIN UPDATE b SET c = CASE WHEN new.x THEN 1 ELSE 2 END; "
        "UPDATE b SET d = 0; END; SELECT 1")
                                             << l({"CREATE TRIGGER t AFTER INSERT ON a BEGIN UPDATE b SET c = CASE "
                                                   "WHEN new.x THEN 1 ELSE 2 END; UPDATE b SET d = 0; END",
                                                   "SELECT 1"});
    QTest::newRow("PostgreSQL trigger without a body") << QStringLiteral(
        "CREATE TRIGGER t AFTER INSERT ON a FOR EACH ROW EXECUTE FUNCTION f(); SELECT 1")
                                                       << l({"CREATE TRIGGER t AFTER INSERT ON a FOR EACH ROW EXECUTE "
                                                             "FUNCTION f()",
                                                             "SELECT 1"});
    QTest::newRow("BEGIN outside a trigger") << QStringLiteral("BEGIN; SELECT 1; END;")
                                             << l({"BEGIN", "SELECT 1", "END"});
    QTest::newRow("dollar-quoted function") << QStringLiteral(
        "CREATE FUNCTION f() RETURNS trigger AS $$ BEGIN x := 'a;b'; RETURN NEW; END; $$ LANGUAGE plpgsql;\n"
        "SELECT 1;")
                                            << l({"CREATE FUNCTION f() RETURNS trigger AS $$ BEGIN x := 'a;b'; "
                                                  "RETURN NEW; END; $$ LANGUAGE plpgsql",
                                                  "SELECT 1"});
    QTest::newRow("tagged dollar quote") << QStringLiteral("DO $body$ BEGIN PERFORM 1; END $body$; SELECT 2")
                                         << l({"DO $body$ BEGIN PERFORM 1; END $body$", "SELECT 2"});
    QTest::newRow("nested dollar tags") << QStringLiteral("DO $a$ SELECT $$x;y$$; $a$; SELECT 2")
                                        << l({"DO $a$ SELECT $$x;y$$; $a$", "SELECT 2"});
    QTest::newRow("positional parameter is not a dollar quote")
        << QStringLiteral("SELECT $1; SELECT $2") << l({"SELECT $1", "SELECT $2"});
    QTest::newRow("unicode text") << QString::fromUtf16(u"INSERT INTO areas(name) VALUES ('\u091C\u092F\u092A\u0941\u0930;'); SELECT 1")
                                  << QStringList{QString::fromUtf16(u"INSERT INTO areas(name) VALUES "
                                                                    u"('\u091C\u092F\u092A\u0941\u0930;')"),
                                                 QStringLiteral("SELECT 1")};
}

void TestSqlScript::split()
{
    QFETCH(QString, script);
    QFETCH(QStringList, statements);
    QCOMPARE(simplified(splitSqlScript(script)), statements);
}

void TestSqlScript::everyShippedMigrationRuns()
{
    // Every SQLite migration compiled into the library splits into statements that SQLite runs.
    auto db = openSqlite(QStringLiteral(":memory:"), QStringLiteral("sqlscript"));
    QVERIFY(db.has_value());
    int files = 0;
    {
        QSqlQuery q(*db);
        QDirIterator it(QStringLiteral(":/sql/sqlite"), {QStringLiteral("*.sql")}, QDir::Files);
        QStringList paths;
        while (it.hasNext())
            paths << it.next();
        paths.sort();
        for (const QString &path : std::as_const(paths)) {
            QFile f(path);
            QVERIFY(f.open(QIODevice::ReadOnly));
            const QStringList statements = splitSqlScript(QString::fromUtf8(f.readAll()));
            QVERIFY(!statements.isEmpty());
            for (const QString &s : statements)
                QVERIFY2(q.exec(s), qPrintable(path + QStringLiteral(": ") + s.left(80)));
            ++files;
        }
    }
    QVERIFY(files >= 1);
    *db = QSqlDatabase();
    closeDatabase(QStringLiteral("sqlscript"));
}

QTEST_MAIN(TestSqlScript)
#include "tst_sqlscript.moc"
