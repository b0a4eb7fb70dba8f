// P2–P5 against a central PostgreSQL (docs/benchmarks.md). Run through the throwaway server:
//   scripts/pg-harness run build/dev/bench/bench_central [--bags N] [--scans N] [--stations N]
//       [--seconds S] [--rate R] [--lookups N] [--pgbench PATH] [--script FILE] [--offered-first]
//       [--reuse] [--reads-only]
// It creates database tt_bench (roles tt_owner / tt_station), migrates it, seeds N bags and N
// scans with server-side SQL as the owner, then measures: P2 link commands through tt_execute
// from `stations` threads with their own connection and session (saturated, contended, and
// at R commands/s offered) against pgbench running bench/central/pgbench_link.sql (the same
// writes as one lean statement; --offered-first runs the offered phase before pgbench and the
// saturated phases, after a 10 s pause, to see it without their backlog); P3 PgStore::bag; P4
// statistics and dashboard under a writer at R/s; P5 bag search. TT_PG_URL (set by pg-harness)
// is the superuser URL.

#include "benchsupport.h"
#include "centralsetup.h"
#include "core/clock.h"
#include "core/command.h"
#include "database/migrator.h"
#include "database/pgconnection.h"
#include "database/pgstore.h"

#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QProcess>
#include <QRandomGenerator>
#include <QRegularExpression>
#include <QSqlError>
#include <QSqlQuery>
#include <QTextStream>
#include <QThread>
#include <QTimeZone>

#include <atomic>
#include <mutex>
#include <thread>

namespace {

using tt::bench::Latencies;

const QString kDatabase = QStringLiteral("tt_bench");
const QString &kUserPassword = tt::bench::kBenchAdminPassword;
constexpr int kParentCapacity = 30; // SB
constexpr int kChildrenPerSeededParent = 20;

QTextStream out(stdout);

struct Config
{
    qint64 bags = 2'000'000;
    qint64 scans = 10'000'000;
    int stations = 100;
    int seconds = 15;
    int rate = 200;
    int lookups = 20000;
    int days = 100; // the seeded history
    QString pgbench;
    QString script;
};

// The seed's layout: parents SB00000…, the first `filled` with 20 linked children C##########,
// then unlinked children U######### for the benchmark's links.
struct Layout
{
    qint64 parents = 0;
    qint64 filled = 0;
    qint64 linked = 0;
    qint64 unlinked = 0;
};

Layout layoutFor(qint64 bags)
{
    Layout l;
    l.parents = std::min<qint64>(100'000, std::max<qint64>(10, bags / 20));
    l.filled = l.parents * 6 / 10;
    l.linked = l.filled * kChildrenPerSeededParent;
    l.unlinked = std::max<qint64>(0, bags - l.parents - l.linked);
    return l;
}

QString parentCode(qint64 i)
{
    return QStringLiteral("SB%1").arg(i, 5, 10, QLatin1Char('0'));
}

QString unlinkedCode(qint64 i)
{
    return QStringLiteral("U%1").arg(i, 9, 10, QLatin1Char('0'));
}

QString linkedCode(qint64 i)
{
    return QStringLiteral("C%1").arg(i, 10, 10, QLatin1Char('0'));
}

bool exec(QSqlDatabase &db, const QString &sql, const QString &label = {})
{
    QElapsedTimer t;
    t.start();
    QSqlQuery q(db);
    if (!q.exec(sql)) {
        out << "FAILED " << (label.isEmpty() ? sql.left(100) : label) << ": "
            << q.lastError().text() << '\n';
        out.flush();
        return false;
    }
    if (!label.isEmpty()) {
        out << QStringLiteral("  %1: %2 s\n")
                   .arg(label, -28)
                   .arg(double(t.elapsed()) / 1000, 0, 'f', 1);
        out.flush();
    }
    return true;
}

QString scalar(QSqlDatabase &db, const QString &sql)
{
    QSqlQuery q(db);
    return q.exec(sql) && q.next() ? q.value(0).toString() : QString();
}

// Server-side seed as the owner: the schema's row triggers are switched off while
// generate_series fills bags, links and scans, and the statistics counters, audit records
// and change feed they would have written are filled from the same data in bulk (the
// counters exactly, so tt_verify stays clean).
bool seed(const tt::PgConnectionInfo &owner, const Config &c, const Layout &l)
{
    const QString conn = QStringLiteral("bench-seed");
    bool ok = true;
    QElapsedTimer total;
    total.start();
    {
        auto opened = tt::openPostgres(owner, conn);
        if (!opened)
            return false;
        QSqlDatabase db = *opened;
        const QString sb = scalar(db, QStringLiteral("SELECT id FROM bag_types WHERE name = 'SB'"));
        const QString child =
            scalar(db, QStringLiteral("SELECT id FROM bag_types WHERE name = 'CHILD'"));
        // Bag i was created (day i mod days) days ago at station seed-(i mod 100).
        const QString created =
            QStringLiteral("date_trunc('day', now()) - ((i % %1) * interval '1 day') + "
                           "((i::bigint * 7919) % 86400) * interval '1 second'")
                .arg(c.days);
        auto sql = [&](QString s) {
            return s.replace(QLatin1String("%CREATED"), created)
                .replace(QLatin1String("%STATION"), QLatin1String("'seed-' || (i % 100)"));
        };
        out << QStringLiteral("seeding %1 bags (%2 parents, %3 linked and %4 unlinked children), "
                              "%5 links, %6 scans "
                              "over %7 days\n")
                   .arg(l.parents + l.linked + l.unlinked)
                   .arg(l.parents)
                   .arg(l.linked)
                   .arg(l.unlinked)
                   .arg(l.linked)
                   .arg(c.scans)
                   .arg(c.days);
        // The row triggers of bags, links and every scans partition (each has a clone).
        auto triggers = [&](const QString &state) {
            return exec(db, QStringLiteral("DO $$ DECLARE t text; BEGIN FOR t IN SELECT 'bags' UNION ALL SELECT 'links' "
                                           "UNION ALL SELECT c.relname::text FROM pg_inherits i JOIN pg_class c ON "
                                           "c.oid = i.inhrelid WHERE i.inhparent = 'scans'::regclass LOOP EXECUTE "
                                           "format('ALTER TABLE %I %1 TRIGGER USER', t); END LOOP; END $$")
                                .arg(state));
        };
        ok = triggers(QStringLiteral("DISABLE"));
        ok =
            ok &&
            exec(
                db,
                sql(QStringLiteral(
                        "INSERT INTO bags(id, code, type_id, role, capacity, expected_weight_g, "
                        "child_count, "
                        "contents_weight_g, created_at, created_by, station) "
                        "SELECT i + 1, 'SB' || lpad(i::text, 5, '0'), %1, 'parent', %2, %2 * 1000, "
                        "CASE WHEN i < %3 THEN %4 ELSE 0 END, CASE WHEN i < %3 THEN %4 * 1000 ELSE "
                        "0 END, "
                        "%CREATED, 'seed', %STATION FROM generate_series(0, %5 - 1) i")
                        .arg(sb)
                        .arg(kParentCapacity)
                        .arg(l.filled)
                        .arg(kChildrenPerSeededParent)
                        .arg(l.parents)),
                QStringLiteral("parents")) &&
            exec(db,
                 sql(QStringLiteral("INSERT INTO bags(id, code, type_id, role, nominal_weight_g, "
                                    "created_at, created_by, "
                                    "station) SELECT %1 + i + 1, 'C' || lpad(i::text, 10, '0'), "
                                    "%2, 'child', 1000, "
                                    "%CREATED, 'seed', %STATION FROM generate_series(0, %3 - 1) i")
                         .arg(l.parents)
                         .arg(child)
                         .arg(l.linked)),
                 QStringLiteral("linked children")) &&
            exec(db,
                 sql(QStringLiteral("INSERT INTO bags(id, code, type_id, role, nominal_weight_g, "
                                    "created_at, created_by, "
                                    "station) SELECT %1 + i + 1, 'U' || lpad(i::text, 9, '0'), %2, "
                                    "'child', 1000, "
                                    "%CREATED, 'seed', %STATION FROM generate_series(0, %3 - 1) i")
                         .arg(l.parents + l.linked)
                         .arg(child)
                         .arg(l.unlinked)),
                 QStringLiteral("unlinked children")) &&
            exec(db, QStringLiteral("SELECT setval(pg_get_serial_sequence('bags', 'id'), (SELECT "
                                    "max(id) FROM bags))")) &&
            exec(db,
                 QStringLiteral(
                     "INSERT INTO links(parent_id, child_id, linked_at, linked_by, station) "
                     "SELECT i / %1 + 1, %2 + i + 1, c.created_at, 'seed', c.station "
                     "FROM generate_series(0, %3 - 1) i JOIN bags c ON c.id = %2 + i + 1")
                     .arg(kChildrenPerSeededParent)
                     .arg(l.parents)
                     .arg(l.linked),
                 QStringLiteral("links")) &&
            exec(
                db,
                QStringLiteral(
                    "INSERT INTO scans(at, username, station, code, action, parent) "
                    "SELECT now() - (i::bigint * (%1 * 86400) / %4) * interval '1 second' - "
                    "interval '1 minute', "
                    "'seed', 'seed-' || (i % 100), "
                    "CASE WHEN i % 21 = 0 THEN 'SB' || lpad(((i / 21) % %2)::text, 5, '0') "
                    "ELSE 'C' || lpad((i % %3)::text, 10, '0') END, "
                    "CASE WHEN i % 21 = 0 THEN 'select_parent' ELSE 'link' END, "
                    "'SB' || lpad(((i / 21) % %2)::text, 5, '0') FROM generate_series(0, %4 - 1) i")
                    .arg(c.days)
                    .arg(std::max<qint64>(1, l.filled))
                    .arg(std::max<qint64>(1, l.linked))
                    .arg(c.scans),
                QStringLiteral("scans")) &&
            exec(db,
                 QStringLiteral(
                     "INSERT INTO stat_counters(day, station, metric, value) "
                     "SELECT day, station, metric, sum(n) FROM ("
                     "  SELECT (created_at AT TIME ZONE 'UTC')::date AS day, station, "
                     "         CASE role WHEN 'parent' THEN 'parents' ELSE 'children' END AS "
                     "metric, count(*) AS n "
                     "    FROM bags GROUP BY 1, 2, 3 "
                     "  UNION ALL SELECT (linked_at AT TIME ZONE 'UTC')::date, station, 'links', "
                     "count(*) FROM links "
                     "    GROUP BY 1, 2 "
                     "  UNION ALL SELECT (created_at AT TIME ZONE 'UTC')::date, station, "
                     "'parents_filled', count(*) "
                     "    FROM bags WHERE role = 'parent' AND child_count = capacity GROUP BY 1, 2 "
                     "  UNION ALL SELECT (at AT TIME ZONE 'UTC')::date, station, m, count(*) FROM "
                     "scans, "
                     "    LATERAL (VALUES ('scans'), ('scans.' || action)) v(m) GROUP BY 1, 2, 3"
                     ") x GROUP BY 1, 2, 3"),
                 QStringLiteral("statistics counters")) &&
            exec(db,
                 QStringLiteral(
                     "INSERT INTO audit_log(at, actor, station, action, entity, entity_id, after) "
                     "SELECT created_at, 'seed', station, 'bag.create', 'bag', code, "
                     "jsonb_build_object('code', code, 'role', role) FROM bags"),
                 QStringLiteral("audit records")) &&
            exec(db,
                 QStringLiteral("INSERT INTO stations(id, last_seen) SELECT 'pgbench-' || i, now() "
                                "FROM generate_series(0, 999) i")) &&
            exec(db, QStringLiteral("CREATE SEQUENCE tt_bench_pgbench")) &&
            exec(db, QStringLiteral("GRANT USAGE ON SEQUENCE tt_bench_pgbench TO PUBLIC"))
            // The benchmark's dispatcher: bcrypt cost 4 instead of 12 so that 100 stations log in
            // quickly (login cost is not what P2 measures).
            &&
            exec(db, QStringLiteral(
                         "INSERT INTO users(username, password_hash, role, created_by) "
                         "VALUES ('bench', crypt('%1', gen_salt('bf', 4)), 'dispatcher', 'seed')")
                         .arg(kUserPassword));
        ok = triggers(QStringLiteral("ENABLE")) && ok;
        // The daily roll-up of the statistics (cron in production), then fresh statistics.
        ok = ok &&
             exec(db, QStringLiteral("SELECT tt_roll_up_stats()"),
                  QStringLiteral("statistics roll-up")) &&
             exec(db,
                  QStringLiteral(
                      "VACUUM (ANALYZE) bags, links, scans, stat_counters, stat_rollup, audit_log"),
                  QStringLiteral("vacuum analyze"));
    }
    tt::closePostgres(conn);
    out << QStringLiteral("seeded in %1 s\n").arg(double(total.elapsed()) / 1000, 0, 'f', 1);
    out.flush();
    return ok;
}

// The link commands of one phase: command k links child `firstChild + k` to parent
// firstParent + k mod active + (k div (30 × active)) × active, so each parent gets exactly 30.
struct Phase
{
    QString name;
    int stations = 0;
    int active = 0; // parents in use at a time
    double seconds = 0;
    double rate = 0; // commands/s offered over all stations; 0: as fast as possible
    qint64 firstParent = 0;
    qint64 firstChild = 0;
};

struct PhaseResult
{
    Latencies latencies;
    // Without each connection's first 5 commands: a backend plans every plpgsql statement anew
    // for its first 5 executions (custom plans) before it keeps a generic one.
    Latencies warm;
    qint64 ok = 0;
    qint64 rejected = 0;
    QString firstRejection;
    double seconds = 0;
    qint64 commands = 0; // k values used
};

PhaseResult runPhase(const tt::PgConnectionInfo &info, const Phase &phase)
{
    PhaseResult result;
    std::atomic<qint64> next{0};
    std::atomic<int> ready{0};
    std::atomic<bool> go{false};
    std::mutex merge;
    QElapsedTimer clock;
    std::vector<std::thread> threads;
    for (int s = 0; s < phase.stations; ++s) {
        threads.emplace_back([&, s] {
            const QString connection = QStringLiteral("bench-%1-%2").arg(phase.name).arg(s);
            const QString stationId = QStringLiteral("st-%1").arg(s, 3, 10, QLatin1Char('0'));
            Latencies mine;
            Latencies mineWarm;
            qint64 ok = 0;
            qint64 rejected = 0;
            QString rejection;
            {
                auto opened = tt::PgStore::open(info, tt::PgStoreOptions{connection, nullptr});
                std::optional<tt::Actor> actor;
                if (opened) {
                    auto a = (*opened)->login(QStringLiteral("bench"), kUserPassword, stationId);
                    if (a)
                        actor = *a;
                    else
                        rejection = a.error().message;
                } else {
                    rejection = opened.error().message;
                }
                ++ready;
                while (!go)
                    std::this_thread::yield();
                if (actor) {
                    tt::PgStore &store = **opened;
                    const auto &sys = tt::SystemClock::instance();
                    const double interval =
                        phase.rate > 0 ? double(phase.stations) / phase.rate : 0; // s
                    const double offset = interval * double(s) / double(phase.stations);
                    for (qint64 j = 0;; ++j) {
                        qint64 scheduledNs = 0;
                        if (interval > 0) {
                            scheduledNs = qint64((offset + double(j) * interval) * 1e9);
                            if (scheduledNs >= qint64(phase.seconds * 1e9))
                                break;
                            const qint64 wait = scheduledNs - clock.nsecsElapsed();
                            if (wait > 0)
                                std::this_thread::sleep_for(std::chrono::nanoseconds(wait));
                        } else if (clock.nsecsElapsed() >= qint64(phase.seconds * 1e9)) {
                            break;
                        }
                        const qint64 k = next++;
                        const qint64 parent = phase.firstParent + k % phase.active +
                                              (k / (kParentCapacity * phase.active)) * phase.active;
                        const qint64 start = interval > 0 ? scheduledNs : clock.nsecsElapsed();
                        const tt::Outcome o = store.execute(tt::makeCommand(
                            *actor, stationId, sys,
                            tt::cmd::LinkChild{parentCode(parent),
                                               unlinkedCode(phase.firstChild + k), std::nullopt}));
                        mine.add(clock.nsecsElapsed() - start);
                        if (j >= 5)
                            mineWarm.add(mine.ns.last());
                        if (o.ok()) {
                            ++ok;
                        } else {
                            ++rejected;
                            if (rejection.isEmpty())
                                rejection = o.message;
                        }
                    }
                }
            }
            tt::closePostgres(connection);
            std::lock_guard lock(merge);
            result.latencies.ns.append(mine.ns);
            result.warm.ns.append(mineWarm.ns);
            result.ok += ok;
            result.rejected += rejected;
            if (result.firstRejection.isEmpty())
                result.firstRejection = rejection;
        });
    }
    while (ready < phase.stations)
        QThread::msleep(10);
    clock.start();
    go = true;
    for (auto &t : threads)
        t.join();
    result.seconds = double(clock.nsecsElapsed()) / 1e9;
    result.commands = next;
    return result;
}

// Parents a phase used, rounded up to whole blocks of `active`.
qint64 parentsUsed(const Phase &p, qint64 commands)
{
    return (commands / (kParentCapacity * p.active) + 1) * p.active;
}

void report(const Phase &p, const PhaseResult &r)
{
    out << tt::bench::summary(QStringLiteral("P2 %1").arg(p.name, -22), r.latencies) << '\n'
        << tt::bench::summary(QStringLiteral("   after 5 per connection "), r.warm) << '\n'
        << QStringLiteral("   %1 ok, %2 rejected in %3 s: %4 commands/s ok%5\n")
               .arg(r.ok)
               .arg(r.rejected)
               .arg(r.seconds, 0, 'f', 1)
               .arg(double(r.ok) / r.seconds, 0, 'f', 0)
               .arg(r.firstRejection.isEmpty()
                        ? QString()
                        : QStringLiteral(" (first rejection: %1)").arg(r.firstRejection));
    out.flush();
}

// pgbench with the lean link statement; transactions per second, or a negative value.
double runPgbench(const Config &c, const tt::PgConnectionInfo &super, qint64 parentBase,
                  qint64 childBase, int active)
{
    QProcess p;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("PGOPTIONS"), QStringLiteral("-c session_replication_role=replica"));
    if (!super.password.isEmpty())
        env.insert(QStringLiteral("PGPASSWORD"), super.password);
    p.setProcessEnvironment(env);
    p.setProcessChannelMode(QProcess::MergedChannels);
    const QStringList args{QStringLiteral("-n"),
                           QStringLiteral("-M"),
                           QStringLiteral("prepared"),
                           QStringLiteral("-h"),
                           super.host,
                           QStringLiteral("-p"),
                           QString::number(super.port),
                           QStringLiteral("-U"),
                           super.user,
                           QStringLiteral("-c"),
                           QString::number(c.stations),
                           QStringLiteral("-j"),
                           QString::number(std::max(1, QThread::idealThreadCount())),
                           QStringLiteral("-T"),
                           QString::number(c.seconds),
                           QStringLiteral("-D"),
                           QStringLiteral("child_base=%1").arg(childBase),
                           QStringLiteral("-D"),
                           QStringLiteral("parent_base=%1").arg(parentBase),
                           QStringLiteral("-D"),
                           QStringLiteral("active=%1").arg(active),
                           QStringLiteral("-f"),
                           c.script,
                           kDatabase};
    out << "pgbench " << args.join(QLatin1Char(' ')) << '\n';
    out.flush();
    p.start(c.pgbench, args);
    if (!p.waitForFinished(int(c.seconds + 120) * 1000)) {
        out << "pgbench did not finish\n";
        return -1;
    }
    const QString text = QString::fromUtf8(p.readAll());
    static const QRegularExpression tps(
        QStringLiteral("tps = ([0-9.]+) \\(without initial connection time\\)"));
    static const QRegularExpression failed(QStringLiteral("number of failed transactions: (\\d+)"));
    static const QRegularExpression latency(QStringLiteral("latency average = ([0-9.]+) ms"));
    const auto m = tps.match(text);
    if (p.exitCode() != 0 || !m.hasMatch()) {
        out << "pgbench failed:\n" << text << '\n';
        return -1;
    }
    out << QStringLiteral("   pgbench: %1 tps, latency average %2 ms, failed transactions %3\n")
               .arg(m.captured(1), latency.match(text).captured(1), failed.match(text).captured(1));
    out.flush();
    return m.captured(1).toDouble();
}

std::unique_ptr<tt::PgStore> adminStore(const tt::PgConnectionInfo &station,
                                        const QString &connection)
{
    auto store = tt::PgStore::open(station, tt::PgStoreOptions{connection, nullptr});
    if (!store) {
        out << store.error().message << '\n';
        return nullptr;
    }
    if (auto a =
            (*store)->login(QStringLiteral("admin"), kUserPassword, QStringLiteral("bench-reader"));
        !a) {
        out << a.error().message << '\n';
        return nullptr;
    }
    return std::move(*store);
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    Config c;
    c.bags = tt::bench::intArgument(args, QStringLiteral("--bags"), c.bags);
    c.scans = tt::bench::intArgument(args, QStringLiteral("--scans"), c.scans);
    c.stations = int(tt::bench::intArgument(args, QStringLiteral("--stations"), c.stations));
    c.seconds = int(tt::bench::intArgument(args, QStringLiteral("--seconds"), c.seconds));
    c.rate = int(tt::bench::intArgument(args, QStringLiteral("--rate"), c.rate));
    c.lookups = int(tt::bench::intArgument(args, QStringLiteral("--lookups"), c.lookups));
    c.days = int(tt::bench::intArgument(args, QStringLiteral("--days"), c.days));
    const QString pgbin = QDir(QStringLiteral("/usr/lib/postgresql"))
                              .entryList(QDir::Dirs | QDir::NoDotAndDotDot)
                              .value(0);
    c.pgbench =
        tt::bench::stringArgument(args, QStringLiteral("--pgbench"),
                                  QStringLiteral("/usr/lib/postgresql/%1/bin/pgbench").arg(pgbin));
    c.script =
        tt::bench::stringArgument(args, QStringLiteral("--script"),
                                  QStringLiteral(TT_SOURCE_DIR "/bench/central/pgbench_link.sql"));
    const QString url =
        tt::bench::stringArgument(args, QStringLiteral("--url"), qEnvironmentVariable("TT_PG_URL"));
    const auto super = tt::parsePostgresUrl(url);
    if (url.isEmpty() || !super) {
        out << "bench_central needs a superuser URL: run it through scripts/pg-harness run, or "
               "give --url.\n";
        return 2;
    }
    const Layout layout = layoutFor(c.bags);
    const qint64 emptyParents = layout.parents - layout.filled;
    if (emptyParents < 4 * c.stations || layout.unlinked < 1000) {
        out << "--bags is too small for this many stations.\n";
        return 2;
    }

    out << "P2-P5 central (PostgreSQL) benchmarks\n"
        << tt::bench::machineDescription(QDir::tempPath()) << '\n';
    tt::PgConnectionInfo owner;
    tt::PgConnectionInfo station;
    // --reuse: the database an earlier run created and seeded with the same --bags/--scans (no
    // create, migrate or seed; the writers go on after the parents and children used before).
    const bool reuse = args.contains(QStringLiteral("--reuse"));
    if (reuse)
        tt::bench::centralConnections(*super, kDatabase, owner, station);
    else if (!tt::bench::createCentralDatabase(*super, kDatabase, owner, station, out))
        return 1;
    {
        auto db = tt::openPostgres(owner, QStringLiteral("bench-info"));
        if (db) {
            out << "server: " << scalar(*db, QStringLiteral("SELECT version()")) << '\n'
                << "settings: "
                << scalar(
                       *db,
                       QStringLiteral(
                           "SELECT string_agg(name || '=' || setting || coalesce(unit, ''), ', ' "
                           "ORDER BY name) FROM pg_settings WHERE name IN ('shared_buffers', "
                           "'fsync', 'synchronous_commit', 'max_connections', 'work_mem', "
                           "'effective_cache_size', 'wal_level')"))
                << '\n';
        }
    }
    tt::closePostgres(QStringLiteral("bench-info"));
    out << QStringLiteral("parameters: --bags %1 --scans %2 --stations %3 --seconds %4 --rate %5 "
                          "--lookups %6 --days %7\n")
               .arg(c.bags)
               .arg(c.scans)
               .arg(c.stations)
               .arg(c.seconds)
               .arg(c.rate)
               .arg(c.lookups)
               .arg(c.days);
    out.flush();
    if (!reuse && !seed(owner, c, layout))
        return 1;

    // Parents SB[filled, filled + half) and children U[0, unlinked/2) for tt_execute, the
    // other halves for pgbench.
    qint64 nextParent = layout.filled;
    qint64 nextChild = 0;
    const qint64 pgbenchParents = layout.filled + emptyParents / 2;
    const qint64 pgbenchChildren = layout.unlinked / 2;
    if (reuse) {
        auto db = tt::openPostgres(owner, QStringLiteral("bench-reuse"));
        if (!db) {
            out << db.error().message << '\n';
            return 1;
        }
        nextParent = scalar(*db, QStringLiteral("SELECT coalesce(max(substr(code, 3)::bigint) + 1, %1) FROM bags "
                                                "WHERE code >= '%2' AND code < '%3' AND child_count > 0")
                                     .arg(nextParent)
                                     .arg(parentCode(nextParent), parentCode(pgbenchParents)))
                         .toLongLong();
        nextChild = scalar(*db, QStringLiteral("SELECT coalesce(max(substr(b.code, 2)::bigint) + 1, 0) FROM bags b "
                                               "JOIN links l ON l.child_id = b.id WHERE b.code >= '%1' AND b.code < '%2'")
                                    .arg(unlinkedCode(0), unlinkedCode(pgbenchChildren)))
                        .toLongLong();
        out << QStringLiteral("reusing %1: tt_execute goes on from parent %2, child %3\n")
                   .arg(kDatabase, parentCode(nextParent), unlinkedCode(nextChild));
    }
    tt::closePostgres(QStringLiteral("bench-reuse"));
    auto phase = [&](const QString &name, int stations, int active, double seconds, double rate) {
        Phase p{name, stations, active, seconds, rate, nextParent, nextChild};
        const PhaseResult r = runPhase(station, p);
        nextParent += parentsUsed(p, r.commands);
        nextChild += r.commands;
        report(p, r);
        if (nextParent >= pgbenchParents || nextChild >= pgbenchChildren)
            out << "WARNING: the seeded parents or children for tt_execute ran out; use more "
                   "--bags\n";
        return r;
    };

    // P3, P5 first (idle server), then P4 under a writer, then P2.
    {
        auto store = adminStore(station, QStringLiteral("bench-reader"));
        if (!store)
            return 1;
        QRandomGenerator rng(42);
        Latencies child;
        Latencies parent;
        for (int i = 0; i < c.lookups; ++i) {
            const bool isParent = i % 10 == 0;
            const QString code = isParent ? parentCode(rng.bounded(quint32(layout.filled)))
                                          : linkedCode(rng.bounded(quint32(layout.linked)));
            QElapsedTimer t;
            t.start();
            const auto bag = store->bag(code);
            (isParent ? parent : child).add(t.nsecsElapsed());
            if (!bag || !*bag ||
                (isParent ? (*bag)->children.size() != kChildrenPerSeededParent
                          : (*bag)->parentCode.isEmpty())) {
                out << "lookup failed for " << code << (bag ? QString() : bag.error().message)
                    << '\n';
                return 1;
            }
        }
        Latencies search;
        qint64 rows = 0;
        for (int i = 0; i < 200; ++i) {
            const QString needle = QString::number(10000 + rng.bounded(89999));
            QElapsedTimer t;
            t.start();
            const auto found = store->searchBags(needle, 50);
            search.add(t.nsecsElapsed());
            if (!found) {
                out << "search failed: " << found.error().message << '\n';
                return 1;
            }
            rows += found->size();
        }
        Latencies rare;
        for (int i = 0; i < 50; ++i) {
            const QString needle =
                QStringLiteral("%1").arg(rng.bounded(100000000), 8, 10, QLatin1Char('0'));
            QElapsedTimer t;
            t.start();
            const auto found = store->searchBags(needle, 50);
            rare.add(t.nsecsElapsed());
            if (!found)
                return 1;
        }
        Latencies shortNeedle;
        for (const char *needle : {"SB", "C0", "U1", "99", "X"}) {
            QElapsedTimer t;
            t.start();
            const auto found = store->searchBags(QString::fromLatin1(needle), 50);
            shortNeedle.add(t.nsecsElapsed());
            if (!found)
                return 1;
        }
        out << tt::bench::summary(QStringLiteral("P3 bag show (child + its parent)"), child) << '\n'
            << tt::bench::summary(QStringLiteral("P3 bag show (parent + 20 codes) "), parent)
            << '\n'
            << tt::bench::summary(QStringLiteral("P5 search, 5 digits, 50 rows    "), search)
            << '\n'
            << QStringLiteral("   %1 rows on average\n").arg(double(rows) / 200, 0, 'f', 1)
            << tt::bench::summary(QStringLiteral("P5 search, 8 digits (rare)      "), rare) << '\n'
            << tt::bench::summary(QStringLiteral("P5 search, 1-2 characters       "), shortNeedle)
            << '\n';
        out.flush();

        // P4 while `rate` link commands/s arrive from 10 stations.
        Latencies stats;
        Latencies dashboard;
        qint64 scansToday = 0;
        std::atomic<bool> writing{true};
        std::thread writer([&] {
            phase(QStringLiteral("writer during P4"), 10, 10, std::max(5, c.seconds), c.rate);
            writing = false;
        });
        QThread::msleep(500);
        const QTimeZone zone("Asia/Kolkata");
        while (writing) {
            QElapsedTimer t;
            t.start();
            const auto s = store->statistics(QDateTime::currentDateTimeUtc().date());
            stats.add(t.nsecsElapsed());
            t.restart();
            const auto d = store->dashboard(QDateTime::currentDateTimeUtc().toTimeZone(zone).date(),
                                            zone, QStringLiteral("seed"));
            dashboard.add(t.nsecsElapsed());
            if (!s || !d) {
                out << "statistics failed: " << (!s ? s.error().message : d.error().message)
                    << '\n';
                writing = false;
                writer.join();
                return 1;
            }
            scansToday = d->scansToday;
            QThread::msleep(20);
        }
        writer.join();
        out << tt::bench::summary(QStringLiteral("P4 statistics (tt_stats)        "), stats) << '\n'
            << tt::bench::summary(QStringLiteral("P4 dashboard (tt_dashboard)     "), dashboard)
            << '\n'
            << QStringLiteral("   %1 scans today (business day) in the dashboard\n")
                   .arg(scansToday);
        out.flush();
    }

    // --reads-only: P3, P4 and P5 only.
    if (args.contains(QStringLiteral("--reads-only"))) {
        tt::closePostgres(QStringLiteral("bench-reader"));
        return 0;
    }

    // P2: the lean reference first, then tt_execute from `stations` connections.
    const bool offeredFirst = args.contains(QStringLiteral("--offered-first"));
    const auto offered = [&] {
        return phase(QStringLiteral("offered %1/s").arg(c.rate), c.stations, c.stations, c.seconds,
                     c.rate);
    };
    PhaseResult paced;
    if (offeredFirst) {
        QThread::sleep(10); // the P4 writer's work settles (autovacuum, checkpoints)
        paced = offered();
    }
    const double pgbenchTps = runPgbench(c, *super, pgbenchParents, pgbenchChildren, c.stations);
    const PhaseResult saturated =
        phase(QStringLiteral("saturated"), c.stations, c.stations, c.seconds, 0);
    const PhaseResult contended =
        phase(QStringLiteral("contended (4 parents)"), c.stations, 4, c.seconds, 0);
    if (!offeredFirst)
        paced = offered();
    const double ratio = pgbenchTps > 0 ? double(saturated.ok) / saturated.seconds / pgbenchTps : 0;
    out << QStringLiteral("P2 tt_execute saturated / pgbench lean statement: %1 %\n")
               .arg(100 * ratio, 0, 'f', 0);

    {
        auto store = adminStore(station, QStringLiteral("bench-verify"));
        const auto mismatches =
            store ? store->verify() : tt::Result<QList<tt::Mismatch>>(QList<tt::Mismatch>());
        if (store && mismatches)
            out << QStringLiteral("verify after the run: %1 mismatch(es)\n")
                       .arg(mismatches->size());
    }
    tt::closePostgres(QStringLiteral("bench-verify"));
    tt::closePostgres(QStringLiteral("bench-reader"));
    out << QStringLiteral("targets: P2 >= 50 % of pgbench -> %1; P2 p99 at %2/s <= 10 ms -> %3\n")
               .arg(ratio >= 0.5 ? QStringLiteral("met") : QStringLiteral("NOT met"))
               .arg(c.rate)
               .arg(paced.latencies.percentileMs(99) <= 10 ? QStringLiteral("met")
                                                           : QStringLiteral("NOT met"));
    Q_UNUSED(contended);
    return 0;
}
