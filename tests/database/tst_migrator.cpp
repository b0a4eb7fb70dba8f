#include <QCryptographicHash>
#include <QFile>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

#include "database/migrator.h"
#include "database/sqliteconnection.h"
#include "database/sqlitestore.h"
#include "tests/database/storefixture.h"

using namespace tt;
using namespace tt::test;

namespace {

QStringList tables(const QSqlDatabase &db)
{
    QStringList names;
    QSqlQuery q(db);
    q.exec(QStringLiteral("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name"));
    while (q.next())
        names << q.value(0).toString();
    return names;
}

QByteArray checksum(const QString &path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return {};
    QCryptographicHash h(QCryptographicHash::Sha256);
    h.addData(&f);
    return h.result().toHex();
}

} // namespace

// Numbered migrations with a version table and a schema check (issue 2, STYLE rule 8).
class TestMigrator : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();

    void freshMigrateToLatest();
    void secondRunIsIdempotent();
    void schemaCheck();
    void schemaCheckFindsMissingTable();
    void refusesNewerDatabase();
    void refusesOldSchemaWithoutMigrate();
    void defaultData();

private:
    QSqlDatabase m_db;
    QString m_name;
    int m_connection = 0;
};

void TestMigrator::init()
{
    m_name = QStringLiteral("migrator-%1").arg(++m_connection);
    auto db = openSqlite(QStringLiteral(":memory:"), m_name);
    QVERIFY(db.has_value());
    m_db = *db;
}

void TestMigrator::cleanup()
{
    m_db = QSqlDatabase();
    closeDatabase(m_name);
}

void TestMigrator::freshMigrateToLatest()
{
    Migrator m(m_db);
    QCOMPARE(*m.currentVersion(), 0);
    QVERIFY(m.latestVersion() >= 1);
    QVERIFY2(!m.checkSchema().has_value(), "an empty database does not pass the schema check");
    const auto v = m.migrate();
    QVERIFY2(v.has_value(), qPrintable(v ? QString() : v.error().message));
    QCOMPARE(*v, m.latestVersion());
    QCOMPARE(*m.currentVersion(), m.latestVersion());
    QCOMPARE(rowCount(m_db, QStringLiteral("schema_migrations")), qint64(m.latestVersion()));
    QCOMPARE(scalar(m_db, QStringLiteral("PRAGMA application_id")).toLongLong(), qint64(kSqliteApplicationId));
    const QStringList t = tables(m_db);
    for (const char *required : {"settings", "areas", "stations", "users", "bag_types", "bags", "links", "bills",
                                 "bill_parents", "scans", "audit_log", "command_log", "stat_totals", "stat_daily",
                                 "schema_migrations"})
        QVERIFY2(t.contains(QString::fromLatin1(required)), required);
    // The audit log's guards are in place.
    QCOMPARE(scalar(m_db, QStringLiteral("SELECT count(*) FROM sqlite_master WHERE type = 'trigger' AND tbl_name = "
                                         "'audit_log'"))
                 .toInt(),
             2);
    QCOMPARE(scalar(m_db, QStringLiteral("PRAGMA foreign_key_check")).toString(), QString());
    QCOMPARE(scalar(m_db, QStringLiteral("PRAGMA integrity_check")).toString(), QStringLiteral("ok"));
}

void TestMigrator::secondRunIsIdempotent()
{
    Migrator m(m_db);
    QVERIFY(m.migrate().has_value());
    const qint64 applied = rowCount(m_db, QStringLiteral("schema_migrations"));
    const QString appliedAt = scalar(m_db, QStringLiteral("SELECT max(applied_at) FROM schema_migrations")).toString();
    const QStringList before = tables(m_db);
    const qint64 types = rowCount(m_db, QStringLiteral("bag_types"));
    const auto again = m.migrate();
    QVERIFY2(again.has_value(), qPrintable(again ? QString() : again.error().message));
    QCOMPARE(*again, m.latestVersion());
    QCOMPARE(rowCount(m_db, QStringLiteral("schema_migrations")), applied);
    QCOMPARE(scalar(m_db, QStringLiteral("SELECT max(applied_at) FROM schema_migrations")).toString(), appliedAt);
    QCOMPARE(tables(m_db), before);
    QCOMPARE(rowCount(m_db, QStringLiteral("bag_types")), types);
    // A third time through a new Migrator on the same connection.
    QCOMPARE(*Migrator(m_db).migrate(), m.latestVersion());
}

void TestMigrator::schemaCheck()
{
    Migrator m(m_db);
    QVERIFY(m.migrate().has_value());
    QVERIFY(m.checkSchema().has_value());
}

void TestMigrator::schemaCheckFindsMissingTable()
{
    Migrator m(m_db);
    QVERIFY(m.migrate().has_value());
    QSqlQuery q(m_db);
    QVERIFY(q.exec(QStringLiteral("DROP TABLE stat_daily")));
    const auto r = m.checkSchema();
    QVERIFY(!r.has_value());
    QCOMPARE(r.error().reason, Reason::DatabaseError);
    QVERIFY2(r.error().message.contains(QStringLiteral("stat_daily")), qPrintable(r.error().message));
}

void TestMigrator::refusesNewerDatabase()
{
    // A refused database leaves no connection half-open behind it.
    QTest::failOnWarning(QRegularExpression(QStringLiteral("still in use")));
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(QStringLiteral("newer.db"));
    const ManualClock clock(startTime());
    int latest = 0;
    {
        auto store = SqliteStore::open(path, SqliteStoreOptions{QStringLiteral("newer-1"), true, true, &clock});
        QVERIFY(store.has_value());
        latest = Migrator((*store)->database()).latestVersion();
        QSqlQuery q((*store)->database());
        QVERIFY(q.exec(QStringLiteral("INSERT INTO schema_migrations(version, name, applied_at) VALUES (%1, "
                                      "'999_future.sql', '2030-01-01T00:00:00.000Z')")
                           .arg(latest + 1)));
    }
    const QByteArray before = checksum(path);
    auto again = SqliteStore::open(path, SqliteStoreOptions{QStringLiteral("newer-2"), true, true, &clock});
    QVERIFY(!again.has_value());
    QCOMPARE(again.error().reason, Reason::DatabaseError);
    QVERIFY2(again.error().message.contains(QString::number(latest + 1)), qPrintable(again.error().message));
    QVERIFY2(again.error().message.contains(QStringLiteral("newer")), qPrintable(again.error().message));
    QVERIFY(!QSqlDatabase::contains(QStringLiteral("newer-2")));
    QCOMPARE(checksum(path), before);
}

void TestMigrator::refusesOldSchemaWithoutMigrate()
{
    // A refused database leaves no connection half-open behind it.
    QTest::failOnWarning(QRegularExpression(QStringLiteral("still in use")));
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(QStringLiteral("blank.db"));
    const ManualClock clock(startTime());
    auto store = SqliteStore::open(path, SqliteStoreOptions{QStringLiteral("blank"), true, false, &clock});
    QVERIFY(!store.has_value());
    QVERIFY2(store.error().message.contains(QStringLiteral("migrate")), qPrintable(store.error().message));
    QVERIFY(!QSqlDatabase::contains(QStringLiteral("blank")));
    // Migrating then opening without migrate works.
    {
        auto migrated = SqliteStore::open(path, SqliteStoreOptions{QStringLiteral("blank-2"), true, true, &clock});
        QVERIFY(migrated.has_value());
    }
    auto plain = SqliteStore::open(path, SqliteStoreOptions{QStringLiteral("blank-3"), false, false, &clock});
    QVERIFY2(plain.has_value(), qPrintable(plain ? QString() : plain.error().message));
}

void TestMigrator::defaultData()
{
    QVERIFY(Migrator(m_db).migrate().has_value());
    QSqlQuery q(m_db);
    QVERIFY(q.exec(QStringLiteral("SELECT name, role, pattern, capacity, nominal_weight_g, expected_weight_g FROM "
                                  "bag_types ORDER BY id")));
    QStringList rows;
    while (q.next()) {
        QStringList cells;
        for (int i = 0; i < 6; ++i)
            cells << q.value(i).toString();
        rows << cells.join(QLatin1Char('|'));
    }
    QCOMPARE(rows, (QStringList{QStringLiteral("SB|parent|^SB\\d{5}$|30|0|30000"),
                                QStringLiteral("M444|parent|^M444-\\d{5}$|15|0|15000"),
                                QStringLiteral("CHILD|child|^(?!SB)[A-Z0-9]{4,20}$|0|1000|0")}));
    QVERIFY(q.exec(QStringLiteral("SELECT name FROM areas ORDER BY id")));
    QStringList areas;
    while (q.next())
        areas << q.value(0).toString();
    QCOMPARE(areas, (QStringList{QStringLiteral("Lucknow"), QStringLiteral("Indore"), QStringLiteral("Jaipur"),
                                 QStringLiteral("Hisar"), QStringLiteral("Sri Ganganagar"), QStringLiteral("Sangaria"),
                                 QStringLiteral("Bathinda"), QStringLiteral("Raipur"), QStringLiteral("Ranchi"),
                                 QStringLiteral("Akola")}));
    QCOMPARE(scalar(m_db, QStringLiteral("SELECT value FROM settings WHERE key = 'undo_window_seconds'")).toInt(), 3600);
    QCOMPARE(scalar(m_db, QStringLiteral("SELECT sum(value) FROM stat_totals")).toInt(), 0);
}

QTEST_MAIN(TestMigrator)
#include "tst_migrator.moc"
