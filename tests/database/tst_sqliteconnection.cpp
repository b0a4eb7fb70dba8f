#include <QCryptographicHash>
#include <QFile>
#include <QRandomGenerator>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

#include "database/sqliteconnection.h"
#include "database/sqlitestore.h"
#include "tests/database/storefixture.h"

using namespace tt;
using namespace tt::test;

namespace {

QByteArray checksum(const QString &path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return {};
    QCryptographicHash h(QCryptographicHash::Sha256);
    h.addData(&f);
    return h.result().toHex();
}

bool writeFile(const QString &path, const QByteArray &bytes)
{
    QFile f(path);
    return f.open(QIODevice::WriteOnly | QIODevice::Truncate) && f.write(bytes) == bytes.size();
}

QByteArray readFile(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

// A real TraceTrack database at path, closed again (WAL checkpointed into the main file).
bool makeTraceTrackDatabase(const QString &path, int parents)
{
    const ManualClock clock(startTime());
    auto store = SqliteStore::open(path, SqliteStoreOptions{QStringLiteral("maker"), true, true, &clock});
    if (!store)
        return false;
    for (int i = 0; i < parents; ++i) {
        const Outcome o = (*store)->execute(makeCommand(Actor{QStringLiteral("admin"), Role::Admin}, QStringLiteral("ST1"),
                                                        clock,
                                                        cmd::SelectParent{QStringLiteral("SB%1").arg(i, 5, 10, QLatin1Char('0')),
                                                                          std::nullopt}));
        if (!o.ok())
            return false;
    }
    return true;
}

// A SQLite database of some other program.
bool makeForeignDatabase(const QString &path, bool withApplicationId)
{
    bool ok = false;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("foreign"));
        db.setDatabaseName(path);
        if (db.open()) {
            QSqlQuery q(db);
            ok = q.exec(QStringLiteral("CREATE TABLE customers (id INTEGER PRIMARY KEY, name TEXT)"))
                && q.exec(QStringLiteral("INSERT INTO customers(name) VALUES ('Asha'), ('Vikram')"));
            if (withApplicationId)
                ok = ok && q.exec(QStringLiteral("PRAGMA application_id = 1234"));
        }
        db.close();
    }
    QSqlDatabase::removeDatabase(QStringLiteral("foreign"));
    return ok;
}

} // namespace

// openSqlite() and SqliteStore::open() refuse what is not a TraceTrack database with a clear
// error, never crash, and never change the file (issue 2, bad input).
class TestSqliteConnection : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void refusesAndLeavesFileUntouched_data();
    void refusesAndLeavesFileUntouched();
    void emptyPath();
    void directory();
    void missingFileWithoutCreate();
    void createsFolders();
    void emptyFileBecomesADatabase();
    void opensOwnDatabaseAgain();
    void memoryDatabasesArePrivate();
    void pragmas();

private:
    QTemporaryDir m_dir;
};

void TestSqliteConnection::init()
{
    QVERIFY(m_dir.isValid());
}

void TestSqliteConnection::refusesAndLeavesFileUntouched_data()
{
    QTest::addColumn<QString>("kind");
    QTest::addColumn<QString>("why"); // part of the message
    QTest::newRow("text file") << QStringLiteral("text") << QStringLiteral("not a TraceTrack database");
    QTest::newRow("random bytes") << QStringLiteral("random") << QStringLiteral("not a TraceTrack database");
    QTest::newRow("short SQLite header") << QStringLiteral("header") << QStringLiteral("not a TraceTrack database");
    QTest::newRow("truncated TraceTrack database") << QStringLiteral("truncated") << QString();
    QTest::newRow("TraceTrack header, garbage pages") << QStringLiteral("garbage") << QString();
    QTest::newRow("foreign SQLite database") << QStringLiteral("foreign") << QStringLiteral("another program");
    QTest::newRow("foreign SQLite database with application_id") << QStringLiteral("foreign-id")
                                                                 << QStringLiteral("another program");
}

void TestSqliteConnection::refusesAndLeavesFileUntouched()
{
    // A refused database leaves no connection half-open behind it.
    QTest::failOnWarning(QRegularExpression(QStringLiteral("still in use")));
    QFETCH(QString, kind);
    QFETCH(QString, why);
    const QString path = m_dir.filePath(kind + QStringLiteral(".db"));
    if (kind == u"text") {
        QVERIFY(writeFile(path, "station,code\nST1,SB00001\nThis is not a database at all.\n"));
    } else if (kind == u"random") {
        QByteArray bytes(8192, Qt::Uninitialized);
        QRandomGenerator gen(42);
        for (char &b : bytes)
            b = char(gen.bounded(256));
        QVERIFY(writeFile(path, bytes));
    } else if (kind == u"header") {
        QVERIFY(writeFile(path, QByteArrayLiteral("SQLite format 3\0")));
    } else if (kind == u"truncated" || kind == u"garbage") {
        const QString source = m_dir.filePath(kind + QStringLiteral("-source.db"));
        QVERIFY(makeTraceTrackDatabase(source, 300));
        QByteArray bytes = readFile(source);
        QVERIFY(bytes.size() > 16384);
        if (kind == u"truncated") {
            bytes.truncate(bytes.size() / 3);
        } else {
            for (qsizetype i = 4096; i < bytes.size(); ++i)
                bytes[i] = char((i * 7919) & 0xff);
        }
        QVERIFY(writeFile(path, bytes));
    } else {
        QVERIFY(makeForeignDatabase(path, kind == u"foreign-id"));
    }
    const QByteArray before = checksum(path);
    QVERIFY(!before.isEmpty());

    const auto db = openSqlite(path, QStringLiteral("probe-") + kind);
    const ManualClock clock(startTime());
    const auto store = SqliteStore::open(path, SqliteStoreOptions{QStringLiteral("store-") + kind, true, true, &clock});
    // Some damage only shows when the tables are read: the store must refuse then.
    QVERIFY2(!store.has_value(), "a damaged or foreign file is never opened as a store");
    QCOMPARE(store.error().reason, Reason::DatabaseError);
    QVERIFY(!store.error().message.isEmpty());
    if (!why.isEmpty()) {
        QVERIFY(!db.has_value());
        QCOMPARE(db.error().reason, Reason::DatabaseError);
        QVERIFY2(db.error().message.contains(why), qPrintable(db.error().message));
        QVERIFY2(db.error().message.contains(path), qPrintable(db.error().message));
        QVERIFY2(db.error().message.contains(QStringLiteral("not been changed")), qPrintable(db.error().message));
    }
    if (db)
        closeDatabase(QStringLiteral("probe-") + kind);
    QCOMPARE(checksum(path), before);
    QVERIFY2(!QSqlDatabase::contains(QStringLiteral("store-") + kind), "no connection is left behind");
    QVERIFY(!QSqlDatabase::contains(QStringLiteral("probe-") + kind + QStringLiteral("-probe")));
}

void TestSqliteConnection::emptyPath()
{
    const auto db = openSqlite(QString(), QStringLiteral("empty-path"));
    if (db)
        closeDatabase(QStringLiteral("empty-path"));
    QVERIFY2(!db.has_value(), "an empty path is refused, not opened as a temporary database");
    QCOMPARE(db.error().reason, Reason::DatabaseError);
    QVERIFY(!db.error().message.isEmpty());
    const auto spaces = openSqlite(QStringLiteral("   "), QStringLiteral("space-path"));
    if (spaces)
        closeDatabase(QStringLiteral("space-path"));
    QVERIFY(!spaces.has_value());
}

void TestSqliteConnection::directory()
{
    const auto db = openSqlite(m_dir.path(), QStringLiteral("dir"));
    QVERIFY(!db.has_value());
    QCOMPARE(db.error().reason, Reason::DatabaseError);
    QVERIFY2(db.error().message.contains(QStringLiteral("not a file")), qPrintable(db.error().message));
    const ManualClock clock(startTime());
    QVERIFY(!SqliteStore::open(m_dir.path(), SqliteStoreOptions{QStringLiteral("dir-store"), true, true, &clock}));
}

void TestSqliteConnection::missingFileWithoutCreate()
{
    const QString path = m_dir.filePath(QStringLiteral("missing.db"));
    const auto db = openSqlite(path, QStringLiteral("missing"), SqliteOpenOptions{false, false});
    QVERIFY(!db.has_value());
    QVERIFY(db.error().message.contains(path));
    QVERIFY(!QFile::exists(path));
    const auto ro = openSqlite(path, QStringLiteral("missing-ro"), SqliteOpenOptions{true, true});
    QVERIFY(!ro.has_value());
    QVERIFY(!QFile::exists(path));
}

void TestSqliteConnection::createsFolders()
{
    const QString path = m_dir.filePath(QStringLiteral("a/b/c/tracetrack.db"));
    const ManualClock clock(startTime());
    {
        auto store = SqliteStore::open(path, SqliteStoreOptions{QStringLiteral("nested"), true, true, &clock});
        QVERIFY2(store.has_value(), qPrintable(store ? QString() : store.error().message));
        TT_VERIFY_CLEAN(**store);
    }
    QVERIFY(QFile::exists(path));
    QCOMPARE(readFile(path).mid(68, 4), QByteArray::fromHex("54547472")); // application_id "TTtr"
}

void TestSqliteConnection::emptyFileBecomesADatabase()
{
    const QString path = m_dir.filePath(QStringLiteral("empty.db"));
    QVERIFY(writeFile(path, QByteArray()));
    const ManualClock clock(startTime());
    auto store = SqliteStore::open(path, SqliteStoreOptions{QStringLiteral("empty"), true, true, &clock});
    QVERIFY2(store.has_value(), qPrintable(store ? QString() : store.error().message));
}

void TestSqliteConnection::opensOwnDatabaseAgain()
{
    const QString path = m_dir.filePath(QStringLiteral("own.db"));
    QVERIFY(makeTraceTrackDatabase(path, 3));
    const ManualClock clock(startTime());
    auto store = SqliteStore::open(path, SqliteStoreOptions{QStringLiteral("own"), false, false, &clock});
    QVERIFY2(store.has_value(), qPrintable(store ? QString() : store.error().message));
    QCOMPARE(rowCount((*store)->database(), QStringLiteral("bags")), 3);
    // Read-only opening works too and cannot write.
    auto ro = openSqlite(path, QStringLiteral("own-ro"), SqliteOpenOptions{false, true});
    QVERIFY2(ro.has_value(), qPrintable(ro ? QString() : ro.error().message));
    {
        QSqlQuery q(*ro);
        QVERIFY(q.exec(QStringLiteral("SELECT count(*) FROM bags")) && q.next());
        QCOMPARE(q.value(0).toInt(), 3);
        QVERIFY(!q.exec(QStringLiteral("DELETE FROM settings")));
    }
    *ro = QSqlDatabase();
    closeDatabase(QStringLiteral("own-ro"));
}

void TestSqliteConnection::memoryDatabasesArePrivate()
{
    const ManualClock clock(startTime());
    auto a = SqliteStore::open(QStringLiteral(":memory:"), SqliteStoreOptions{QStringLiteral("mem-a"), true, true, &clock});
    auto b = SqliteStore::open(QStringLiteral(":memory:"), SqliteStoreOptions{QStringLiteral("mem-b"), true, true, &clock});
    QVERIFY(a && b);
    QVERIFY((*a)->execute(makeCommand(Actor{QStringLiteral("admin"), Role::Admin}, QStringLiteral("ST1"), clock,
                                      cmd::SelectParent{QStringLiteral("SB00001"), std::nullopt}))
                .ok());
    QCOMPARE(rowCount((*a)->database(), QStringLiteral("bags")), 1);
    QCOMPARE(rowCount((*b)->database(), QStringLiteral("bags")), 0);
}

void TestSqliteConnection::pragmas()
{
    const QString path = m_dir.filePath(QStringLiteral("pragmas.db"));
    auto db = openSqlite(path, QStringLiteral("pragmas"));
    QVERIFY(db.has_value());
    QCOMPARE(scalar(*db, QStringLiteral("PRAGMA journal_mode")).toString(), QStringLiteral("wal"));
    QCOMPARE(scalar(*db, QStringLiteral("PRAGMA synchronous")).toInt(), 2);
    QCOMPARE(scalar(*db, QStringLiteral("PRAGMA foreign_keys")).toInt(), 1);
    QVERIFY(scalar(*db, QStringLiteral("PRAGMA busy_timeout")).toInt() >= 1000);
    *db = QSqlDatabase();
    closeDatabase(QStringLiteral("pragmas"));
    QVERIFY(!QSqlDatabase::contains(QStringLiteral("pragmas")));
}

QTEST_MAIN(TestSqliteConnection)
#include "tst_sqliteconnection.moc"
