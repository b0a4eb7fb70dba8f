// BRIEF §8 P7: offline replay ≥ 2 000 commands/s. A station (SyncedStore) cut off from the
// central database queues a dispatch stream on its cache; then it reaches the server and sync()
// replays the outbox (tt_replay, batched). Prints the queueing latency offline, the replay
// rate per batch size, and checks that every command was applied once.
//
//   scripts/pg-harness run build/dev/bench/bench_replay [--commands 20000] [--batches 1,50,250]

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTextStream>

#include "benchsupport.h"
#include "centralsetup.h"
#include "core/clock.h"
#include "core/station.h"
#include "database/pgconnection.h"
#include "database/syncedstore.h"

using namespace tt;

namespace {

QTextStream out(stdout);
const QString &kAdminPassword = bench::kBenchAdminPassword;

qint64 count(const PgConnectionInfo &owner, const QString &sql)
{
    qint64 n = -1;
    {
        auto db = openPostgres(owner, QStringLiteral("bench-count"));
        if (db) {
            QSqlQuery q(*db);
            if (q.exec(sql) && q.next())
                n = q.value(0).toLongLong();
        }
    }
    closePostgres(QStringLiteral("bench-count"));
    return n;
}

std::unique_ptr<SyncedStore> station(const QString &cache, PgConnectionInfo central, const QString &prefix)
{
    SyncedStoreOptions o;
    o.cachePath = cache;
    o.central = std::move(central);
    o.connectionPrefix = prefix;
    o.retryIntervalMs = 3600 * 1000; // cut off: never try again during the stream
    auto s = SyncedStore::open(o);
    if (!s) {
        out << s.error().message << '\n';
        return nullptr;
    }
    return std::move(*s);
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    const qint64 commands = bench::intArgument(args, QStringLiteral("--commands"), 20000);
    const QStringList batches = bench::stringArgument(args, QStringLiteral("--batches"), QStringLiteral("1,50,250"))
                                    .split(QLatin1Char(','), Qt::SkipEmptyParts);
    const auto super = parsePostgresUrl(QString::fromLocal8Bit(qgetenv("TT_PG_URL")));
    if (!super) {
        out << "bench_replay: set TT_PG_URL (run it through scripts/pg-harness run)\n";
        return 2;
    }
    QTemporaryDir dir;
    out << "bench_replay: P7 offline replay (target >= 2000 commands/s)\n"
        << bench::machineDescription(dir.path()) << '\n';
    {
        auto db = openPostgres(*super, QStringLiteral("bench-version"));
        if (db) {
            QSqlQuery q(*db);
            if (q.exec(QStringLiteral("SHOW server_version")) && q.next())
                out << "PostgreSQL " << q.value(0).toString() << " on the same machine\n";
        }
    }
    closePostgres(QStringLiteral("bench-version"));
    out << "commands per run: " << commands << " (parents SB, 29 children each)\n\n";
    out.flush();

    int failures = 0;
    for (const QString &b : batches) {
        const int batch = b.toInt();
        PgConnectionInfo owner, central;
        if (batch < 1 || !bench::createCentralDatabase(*super, QStringLiteral("tt_bench_replay_%1").arg(batch), owner, central, out))
            return 1;
        const QString cache = dir.filePath(QStringLiteral("cache-%1.db").arg(batch));
        // 1. A first login online: the cache learns the user (offline logins) and the feed.
        {
            auto s = station(cache, central, QStringLiteral("bench-a"));
            if (!s || !s->login(QStringLiteral("admin"), kAdminPassword, QStringLiteral("st-bench")) || !s->sync())
                return 1;
        }
        // 2. Cut off (a port nothing listens on): the stream is queued.
        bench::Latencies queued;
        {
            PgConnectionInfo nowhere = central;
            nowhere.port = 1; // refused at once
            auto s = station(cache, nowhere, QStringLiteral("bench-b"));
            auto actor = s ? s->login(QStringLiteral("admin"), kAdminPassword, QStringLiteral("st-bench"))
                           : Result<Actor>(std::unexpected(Error{}));
            if (!actor) {
                out << "offline login failed\n";
                return 1;
            }
            Station st(*s, SystemClock::instance(), *actor, QStringLiteral("st-bench"));
            QElapsedTimer t;
            for (qint64 i = 0; i < commands; ++i) {
                const qint64 parent = i / 30;
                const QString code = i % 30 == 0 ? QStringLiteral("SB%1").arg(parent, 5, 10, QLatin1Char('0'))
                                                 : QStringLiteral("R%1X%2").arg(parent).arg(i % 30);
                t.start();
                const Outcome o = st.scan(code);
                queued.add(t.nsecsElapsed());
                if (o.result != ResultKind::Queued) {
                    out << "not queued: " << code << ' ' << o.message << '\n';
                    return 1;
                }
            }
        }
        // 3. Back online: replay.
        auto s = station(cache, central, QStringLiteral("bench-c"));
        if (!s || !s->login(QStringLiteral("admin"), kAdminPassword, QStringLiteral("st-bench")))
            return 1;
        s->setReplayBatch(batch);
        QElapsedTimer t;
        t.start();
        auto r = s->sync();
        const double seconds = double(t.nsecsElapsed()) / 1e9;
        if (!r) {
            out << "sync failed: " << r.error().message << '\n';
            return 1;
        }
        const qint64 scans = count(owner, QStringLiteral("SELECT count(*) FROM scans"));
        const qint64 distinct = count(owner, QStringLiteral("SELECT count(DISTINCT command_id) FROM scans"));
        const bool exact = r->replayed == commands && r->conflicts == 0 && scans == commands && distinct == commands;
        failures += exact ? 0 : 1;
        out << bench::summary(QStringLiteral("queue offline (decide on cache + outbox, durable)"), queued) << '\n'
            << QStringLiteral("replay batch %1: %2 commands replayed in %3 s = %4 commands/s (sync with the cache "
                              "refresh of %9 bags/bills: %10 s); central scans %5, distinct commands %6, conflicts "
                              "%7 -> %8\n\n")
                   .arg(batch)
                   .arg(r->replayed)
                   .arg(r->replayMs / 1000, 0, 'f', 2)
                   .arg(double(r->replayed) / (r->replayMs / 1000), 0, 'f', 0)
                   .arg(scans)
                   .arg(distinct)
                   .arg(r->conflicts)
                   .arg(exact ? QStringLiteral("each applied once") : QStringLiteral("MISMATCH"))
                   .arg(r->refreshed)
                   .arg(seconds, 0, 'f', 2);
        out.flush();
    }
    return failures == 0 ? 0 : 1;
}
