// P1: scan → feedback on the embedded store, durable commit included (WAL, synchronous=FULL).
// Drives tt::Station exactly as the GUI and the CLI do: a parent, then its children, repeated.
// Usage: bench_scan [--scans N] [--dir DIR] [--sync full|normal|off]
// --sync other than full (the product's setting) separates the disk's flush cost from the CPU cost.

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTextStream>

#include "benchsupport.h"
#include "core/station.h"
#include "database/sqlitestore.h"

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    const qint64 scans = tt::bench::intArgument(args, QStringLiteral("--scans"), 6000);
    QTemporaryDir tmp(tt::bench::stringArgument(args, QStringLiteral("--dir"), QDir::tempPath()) +
                      QStringLiteral("/tt-bench-XXXXXX"));
    QTextStream out(stdout);
    out << "P1 scan -> feedback, embedded SQLite, durable commit per scan\n"
        << tt::bench::machineDescription(tmp.path()) << '\n';
    auto store = tt::SqliteStore::open(tmp.filePath(QStringLiteral("bench.db")));
    if (!store) {
        out << "cannot open: " << store.error().message << '\n';
        return 1;
    }
    const QString sync = tt::bench::stringArgument(args, QStringLiteral("--sync"), QStringLiteral("full"));
    QSqlQuery((*store)->database()).exec(QStringLiteral("PRAGMA synchronous = ") + sync);
    out << "synchronous = " << sync << '\n';
    tt::Station station(**store, (*store)->clock(), tt::Actor{QStringLiteral("bench"), tt::Role::Dispatcher},
                        QStringLiteral("bench-1"));
    tt::bench::Latencies all;
    tt::bench::Latencies links;
    qint64 child = 0;
    int parent = 0;
    QElapsedTimer total;
    total.start();
    for (qint64 i = 0; i < scans; ++i) {
        const bool parentScan = i % 30 == 0;
        const QString code = parentScan ? QStringLiteral("SB%1").arg(parent++, 5, 10, QLatin1Char('0'))
                                        : QStringLiteral("C%1").arg(++child, 9, 10, QLatin1Char('0'));
        QElapsedTimer t;
        t.start();
        const tt::Outcome o = station.scan(code);
        const qint64 ns = t.nsecsElapsed();
        if (!o.ok()) {
            out << "unexpected outcome for " << code << ": " << o.message << '\n';
            return 1;
        }
        all.add(ns);
        if (!parentScan)
            links.add(ns);
    }
    out << tt::bench::summary(QStringLiteral("all scans  "), all) << '\n'
        << tt::bench::summary(QStringLiteral("child links"), links) << '\n'
        << QStringLiteral("throughput %1 scans/s (one at a time, each committed with fsync)\n")
               .arg(double(scans) / (double(total.nsecsElapsed()) / 1e9), 0, 'f', 0)
        << QStringLiteral("target P1: p99 <= 5 ms -> %1\n")
               .arg(all.percentileMs(99) <= 5.0 ? QStringLiteral("met") : QStringLiteral("NOT met"));
    return 0;
}
