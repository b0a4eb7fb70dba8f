// Faults in central mode (BRIEF §8 reliability), with real processes: tracetrack-cli stations on
// a local cache against a real PostgreSQL.
// - A station killed with SIGKILL at random moments during a 5 000-scan stream and restarted:
//   every confirmed scan is in the central database, none twice.
// - PostgreSQL stopped in the middle of a replay and started again: every queued command is
//   applied exactly once.
// `verify` is clean on the central database and on the cache afterwards.

#include <QDir>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRandomGenerator>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

#include <csignal>

#include "database/sqlitestore.h"
#include "database/statementcache.h"
#include "database/verifier.h"
#include "tests/pg/pgfixture.h"

using namespace tt;

namespace {

QString cliPath()
{
    return QString::fromLocal8Bit(qgetenv("TT_CLI"));
}

QString urlOf(const PgConnectionInfo &i)
{
    return QStringLiteral("postgresql://%1:%2@%3:%4/%5").arg(i.user, i.password, i.host).arg(i.port).arg(i.database);
}

struct Line
{
    QString code;
    QString parent; // the parent a child belongs to (empty for a parent line)
};

// parents × children scans: each parent code, then its children.
QList<Line> stream(int parents, int children, const QString &tag)
{
    QList<Line> out;
    for (int p = 0; p < parents; ++p) {
        const QString parent = QStringLiteral("SB%1%2").arg(tag).arg(p, 4, 10, QLatin1Char('0'));
        out.append({parent, {}});
        for (int c = 0; c < children; ++c)
            out.append({QStringLiteral("K%1%2X%3").arg(tag).arg(p, 4, 10, QLatin1Char('0')).arg(c, 2, 10, QLatin1Char('0')),
                        parent});
    }
    return out;
}

qint64 scalar(const PgConnectionInfo &owner, const QString &sql)
{
    const QString name = QStringLiteral("tt-fault-q-") + QUuid::createUuid().toString(QUuid::Id128);
    qint64 v = -1;
    {
        auto db = openPostgres(owner, name);
        if (db) {
            QSqlQuery q(*db);
            if (q.exec(sql) && q.next())
                v = q.value(0).toLongLong();
            else
                qWarning("%s", qPrintable(sql));
        }
    }
    closePostgres(name);
    return v;
}

QStringList cacheMismatches(const QString &path)
{
    SqliteStoreOptions o;
    o.connectionName = QStringLiteral("tt-fault-cache-") + QUuid::createUuid().toString(QUuid::Id128);
    o.create = false;
    auto store = SqliteStore::open(path, o);
    if (!store)
        return {store.error().message};
    QStringList out;
    auto r = Verifier((*store)->statements()).run();
    if (!r)
        return {r.error().message};
    for (const Mismatch &m : *r)
        out << QStringLiteral("%1 %2").arg(m.check, m.key);
    return out;
}

qint64 outboxCount(const QString &path, const QString &state)
{
    const QString name = QStringLiteral("tt-fault-outbox-") + QUuid::createUuid().toString(QUuid::Id128);
    qint64 n = -1;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
        db.setDatabaseName(path);
        db.setConnectOptions(QStringLiteral("QSQLITE_OPEN_READONLY;QSQLITE_BUSY_TIMEOUT=5000"));
        if (db.open()) {
            QSqlQuery q(db);
            if (q.exec(QStringLiteral("SELECT count(*) FROM outbox WHERE state = '%1'").arg(state)) && q.next())
                n = q.value(0).toLongLong();
        }
    }
    QSqlDatabase::removeDatabase(name);
    return n;
}

} // namespace

class TstSyncFaults : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;

    QProcess *cli(const PgConnectionInfo &station, const QString &cache, const QStringList &args)
    {
        auto *p = new QProcess(this);
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("TRACETRACK_PASSWORD"), tt::test::kAdminPassword);
        p->setProcessEnvironment(env);
        p->setProgram(cliPath());
        p->setArguments(QStringList{QStringLiteral("--db"), urlOf(station), QStringLiteral("--cache"), cache,
                                    QStringLiteral("--user"), QStringLiteral("admin"), QStringLiteral("--station"),
                                    QStringLiteral("st-fault"), QStringLiteral("--json")} +
                        args);
        return p;
    }

    int runCli(const PgConnectionInfo &station, const QString &cache, const QStringList &args,
               QByteArray *out = nullptr)
    {
        QProcess *p = cli(station, cache, args);
        p->start();
        p->closeWriteChannel();
        p->waitForFinished(300000);
        if (out)
            *out = p->readAllStandardOutput();
        const QByteArray err = p->readAllStandardError();
        if (!err.trimmed().isEmpty())
            qInfo("%s", err.left(400).constData());
        const int code = p->exitStatus() == QProcess::NormalExit ? p->exitCode() : -1;
        delete p;
        return code;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        if (cliPath().isEmpty() || !QFile::exists(cliPath()))
            QSKIP("TT_CLI does not name tracetrack-cli");
    }

    void sigkillDuringAStreamLosesNothingAndDuplicatesNothing()
    {
        tt::test::CentralDb central;
        TT_REQUIRE_CENTRAL(central);
        const QString cache = m_dir.filePath(QStringLiteral("kill.db"));
        const QList<Line> lines = stream(200, 24, QStringLiteral("7")); // 5 000 scans
        QCOMPARE(lines.size(), 5000);
        QHash<QString, QString> confirmed; // code -> result
        qsizetype next = 0;
        int kills = 0;
        auto *rng = QRandomGenerator::global();
        while (next < lines.size()) {
            QProcess *p = cli(central.station, cache, {QStringLiteral("station")});
            // A restarted station scans the current parent again first.
            QList<Line> feed;
            if (!lines.at(next).parent.isEmpty())
                feed.append({lines.at(next).parent, {}});
            const qsizetype offset = feed.size();
            feed.append(lines.mid(next));
            p->start();
            QVERIFY(p->waitForStarted());
            QByteArray input;
            for (const Line &l : feed)
                input += l.code.toLatin1() + '\n';
            p->write(input);
            p->closeWriteChannel();
            const bool kill = kills < 25;
            const int deadline = kill ? rng->bounded(400, 2500) : 600000;
            QElapsedTimer t;
            t.start();
            while (p->state() != QProcess::NotRunning && t.elapsed() < deadline)
                p->waitForFinished(50);
            if (p->state() != QProcess::NotRunning) {
                ::kill(pid_t(p->processId()), SIGKILL);
                p->waitForFinished(10000);
                ++kills;
            }
            const QList<QByteArray> out = p->readAllStandardOutput().split('\n');
            delete p;
            qsizetype done = 0;
            for (const QByteArray &raw : out) {
                const QJsonObject o = QJsonDocument::fromJson(raw).object();
                if (o.isEmpty())
                    continue; // a line cut by the kill is not a confirmation
                const qsizetype index = done - offset;
                ++done;
                if (index < 0)
                    continue;
                const Line &l = lines.at(next + index);
                const QString result = o.value(QStringLiteral("result")).toString();
                QVERIFY2(result == u"ok" || result == u"duplicate" || result == u"queued",
                         qPrintable(QString::fromUtf8(raw)));
                QCOMPARE(o.value(QStringLiteral("code")).toString(), l.code);
                confirmed.insert(l.code, result);
            }
            next += qMax<qsizetype>(0, done - offset);
        }
        QVERIFY2(kills >= 5, "the stream should have been killed several times");
        qInfo("stream of %lld scans, station killed %d times", qlonglong(lines.size()), kills);
        QCOMPARE(runCli(central.station, cache, {QStringLiteral("sync")}), 0);

        const qint64 links = scalar(central.owner, QStringLiteral("SELECT count(*) FROM links WHERE ended_at IS NULL"));
        QCOMPARE(links, qint64(200 * 24));
        // Each child on its own parent, linked once, scanned once.
        QCOMPARE(scalar(central.owner,
                        QStringLiteral("SELECT count(*) FROM links l JOIN bags c ON c.id = l.child_id JOIN bags p "
                                       "ON p.id = l.parent_id WHERE l.ended_at IS NULL AND substr(c.code, 2, 5) = "
                                       "substr(p.code, 3, 5)")),
                 links);
        QCOMPARE(scalar(central.owner, QStringLiteral("SELECT count(*) FROM links")), links);
        QCOMPARE(scalar(central.owner, QStringLiteral("SELECT count(*) FROM scans WHERE action = 'link'")), links);
        QCOMPARE(scalar(central.owner, QStringLiteral("SELECT count(DISTINCT code) FROM scans WHERE action = 'link'")),
                 links);
        QCOMPARE(confirmed.size(), lines.size());
        QCOMPARE(scalar(central.owner, QStringLiteral("SELECT count(*) FROM tt_verify(NULL)")), qint64(0));
        QCOMPARE(cacheMismatches(cache), QStringList());
        central.drop();
    }

    void databaseStoppedDuringReplayAppliesEachCommandOnce()
    {
        // A server of its own: this test stops and starts it.
        const QString harness = QString::fromLocal8Bit(qgetenv("TT_PG_HARNESS"));
        const QString state = m_dir.filePath(QStringLiteral("own-server.env"));
        if (QProcess::execute(harness, {QStringLiteral("start"), state}) != 0) {
            if (tt::test::underCi())
                QFAIL("could not start a PostgreSQL server of the test's own");
            QSKIP("no PostgreSQL server binaries");
        }
        const auto stopServer = qScopeGuard([&] { QProcess::execute(harness, {QStringLiteral("stop"), state}); });
        QFile f(state);
        QVERIFY(f.open(QIODevice::ReadOnly));
        QString url;
        for (const QByteArray &l : f.readAll().split('\n'))
            if (l.startsWith("TT_PG_URL="))
                url = QString::fromUtf8(l.mid(10));
        qputenv("TT_PG_URL", url.toUtf8());
        tt::test::CentralDb central;
        const bool created = central.create();
        qunsetenv("TT_PG_URL");
        QVERIFY(created);
        const QString cache = m_dir.filePath(QStringLiteral("replay.db"));

        // A first login while the server is up: the cache learns the user and the feed position.
        QCOMPARE(runCli(central.station, cache, {QStringLiteral("sync")}), 0);
        QCOMPARE(QProcess::execute(harness, {QStringLiteral("pause"), state}), 0);

        const QList<Line> lines = stream(100, 29, QStringLiteral("8")); // 3 000 scans, all queued
        {
            QProcess *p = cli(central.station, cache, {QStringLiteral("station")});
            p->start();
            QByteArray input;
            for (const Line &l : lines)
                input += l.code.toLatin1() + '\n';
            p->write(input);
            p->closeWriteChannel();
            QVERIFY(p->waitForFinished(300000));
            const QList<QByteArray> out = p->readAllStandardOutput().trimmed().split('\n');
            QCOMPARE(out.size(), lines.size());
            for (const QByteArray &raw : out)
                QCOMPARE(QJsonDocument::fromJson(raw).object().value(QStringLiteral("result")).toString(),
                         QStringLiteral("queued"));
            delete p;
        }
        QCOMPARE(outboxCount(cache, QStringLiteral("queued")), qint64(lines.size()));
        QByteArray health;
        QCOMPARE(runCli(central.station, cache, {QStringLiteral("health")}, &health), 6);
        QCOMPARE(QJsonDocument::fromJson(health).object().value(QStringLiteral("queued")).toInt(), lines.size());

        // Replay in small round trips; stop the server once a fifth has been applied.
        QCOMPARE(QProcess::execute(harness, {QStringLiteral("resume"), state}), 0);
        QProcess *sync = cli(central.station, cache, {QStringLiteral("sync"), QStringLiteral("--batch"), QStringLiteral("20")});
        sync->start();
        QElapsedTimer t;
        t.start();
        while (outboxCount(cache, QStringLiteral("applied")) < lines.size() / 5 && t.elapsed() < 120000 &&
               sync->state() != QProcess::NotRunning)
            QTest::qWait(20);
        QCOMPARE(QProcess::execute(harness, {QStringLiteral("pause"), state}), 0);
        QVERIFY(sync->waitForFinished(120000));
        QCOMPARE(sync->exitCode(), 6); // unreachable in the middle
        delete sync;
        const qint64 applied = outboxCount(cache, QStringLiteral("applied"));
        qInfo("replay interrupted after %lld of %lld commands", qlonglong(applied), qlonglong(lines.size()));
        QVERIFY(applied > 0 && applied < lines.size());

        QCOMPARE(QProcess::execute(harness, {QStringLiteral("resume"), state}), 0);
        QCOMPARE(runCli(central.station, cache, {QStringLiteral("sync")}), 0);
        QCOMPARE(outboxCount(cache, QStringLiteral("queued")), qint64(0));
        QCOMPARE(outboxCount(cache, QStringLiteral("conflict")), qint64(0));
        QCOMPARE(scalar(central.owner, QStringLiteral("SELECT count(*) FROM links WHERE ended_at IS NULL")),
                 qint64(100 * 29));
        QCOMPARE(scalar(central.owner, QStringLiteral("SELECT count(*) FROM scans")), qint64(lines.size()));
        QCOMPARE(scalar(central.owner, QStringLiteral("SELECT count(DISTINCT command_id) FROM scans")),
                 qint64(lines.size()));
        QCOMPARE(scalar(central.owner, QStringLiteral("SELECT count(*) FROM tt_verify(NULL)")), qint64(0));
        QCOMPARE(cacheMismatches(cache), QStringList());
    }
};

QTEST_GUILESS_MAIN(TstSyncFaults)
#include "tst_syncfaults.moc"
