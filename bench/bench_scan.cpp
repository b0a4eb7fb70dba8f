// P1: scan → feedback on the embedded store, durable commit included (WAL, synchronous=FULL).
// Drives tt::Station exactly as the GUI and the CLI do: a parent, then its children, repeated.
// Usage: bench_scan [--scans N] [--dir DIR] [--sync full|normal|off]
// --sync other than full (the product's setting) separates the disk's flush cost from the CPU cost.

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QTemporaryDir>
#include <QTextStream>

#include "benchsupport.h"
#include "scanbenchmark.h"

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
    const QString sync = tt::bench::stringArgument(args, QStringLiteral("--sync"), QStringLiteral("full"));
    out << "synchronous = " << sync << '\n';
    const auto result = tt::bench::runScanBenchmark(tmp.filePath(QStringLiteral("bench.db")), scans, sync);
    if (!result) {
        out << "failed: " << result.error().message << '\n';
        return 1;
    }
    const tt::bench::Latencies &all = result->all;
    const tt::bench::Latencies &links = result->links;
    out << tt::bench::summary(QStringLiteral("all scans  "), all) << '\n'
        << tt::bench::summary(QStringLiteral("child links"), links) << '\n'
        << QStringLiteral("throughput %1 scans/s (one at a time, each committed with fsync)\n")
               .arg(double(scans) / result->seconds, 0, 'f', 0)
        << QStringLiteral("target P1: p99 <= 5 ms -> %1\n")
               .arg(all.percentileMs(99) <= 5.0 ? QStringLiteral("met") : QStringLiteral("NOT met"));
    return 0;
}
