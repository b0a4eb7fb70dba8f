// P3 (local), P4 (local statistics) and P5 (substring search) on an embedded database seeded
// with N bags. Usage: bench_lookup [--bags N] [--lookups N] [--dir DIR]

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QTextStream>

#include "benchsupport.h"
#include "database/repositories.h"
#include "database/seeder.h"
#include "database/sqlitestore.h"

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    const qint64 bags = tt::bench::intArgument(args, QStringLiteral("--bags"), 2'000'000);
    const qint64 lookups = tt::bench::intArgument(args, QStringLiteral("--lookups"), 20000);
    QTemporaryDir tmp(tt::bench::stringArgument(args, QStringLiteral("--dir"), QDir::tempPath()) +
                      QStringLiteral("/tt-bench-XXXXXX"));
    QTextStream out(stdout);
    out << "P3/P4/P5 local reads on an embedded database\n" << tt::bench::machineDescription(tmp.path()) << '\n';
    auto store = tt::SqliteStore::open(tmp.filePath(QStringLiteral("bench.db")));
    if (!store) {
        out << "cannot open: " << store.error().message << '\n';
        return 1;
    }
    tt::SeedPlan plan;
    plan.childrenPerParent = 19;
    plan.parents = int(std::min<qint64>(100000, std::max<qint64>(1, bags / 20)));
    tt::Seeder seeder((*store)->statements());
    const auto seeded = seeder.run(plan);
    if (!seeded) {
        out << "seed failed: " << seeded.error().message << '\n';
        return 1;
    }
    out << QStringLiteral("seeded %1 bags in %2 s\n").arg(seeded->bags).arg(seeded->seconds, 0, 'f', 1);
    out.flush();

    auto &repo = (*store)->repositories();
    QRandomGenerator rng(42);
    const qint64 children = qint64(plan.parents) * plan.childrenPerParent;
    tt::bench::Latencies byCode;
    tt::bench::Latencies details;
    for (qint64 i = 0; i < lookups; ++i) {
        const qint64 id = plan.parents + 1 + qint64(rng.bounded(quint32(children)));
        const QString code = QStringLiteral("C%1").arg(id, 10, 10, QLatin1Char('0'));
        QElapsedTimer t;
        t.start();
        const auto bag = repo.bags.find(code);
        byCode.add(t.nsecsElapsed());
        if (!bag || !*bag) {
            out << "lookup failed for " << code << '\n';
            return 1;
        }
        if (i % 10 == 0) {
            t.restart();
            const auto d = (*store)->bag(code);
            details.add(t.nsecsElapsed());
            if (!d || !*d || (*d)->parentCode.isEmpty()) {
                out << "details failed for " << code << '\n';
                return 1;
            }
        }
    }
    tt::bench::Latencies stats;
    for (int i = 0; i < 20000; ++i) {
        QElapsedTimer t;
        t.start();
        const auto totals = repo.statistics.totals();
        stats.add(t.nsecsElapsed());
        if (!totals)
            return 1;
    }
    tt::bench::Latencies search;
    for (int i = 0; i < 20; ++i) {
        const QString needle = QString::number(10000 + rng.bounded(89999));
        QElapsedTimer t;
        t.start();
        const auto rows = repo.bags.search(needle, 50);
        search.add(t.nsecsElapsed());
        if (!rows)
            return 1;
    }
    out << tt::bench::summary(QStringLiteral("P3 bag by code (row)        "), byCode) << '\n'
        << tt::bench::summary(QStringLiteral("P3 bag details (row+link)   "), details) << '\n'
        << tt::bench::summary(QStringLiteral("P4 statistics totals        "), stats) << '\n'
        << tt::bench::summary(QStringLiteral("P5 substring search, 50 rows"), search) << '\n'
        << QStringLiteral("targets: P3 local p99 <= 0.05 ms -> %1; P4 <= 0.05 ms -> %2; P5 <= 50 ms -> %3\n")
               .arg(byCode.percentileMs(99) <= 0.05 ? QStringLiteral("met") : QStringLiteral("NOT met"),
                    stats.percentileMs(99) <= 0.05 ? QStringLiteral("met") : QStringLiteral("NOT met"),
                    search.percentileMs(99) <= 50 ? QStringLiteral("met") : QStringLiteral("NOT met"));
    return 0;
}
