#include <QDir>
#include <QTemporaryDir>

#include "benchsupport.h"
#include "cli/cliargs.h"
#include "cli/clicontext.h"
#include "cli/commandregistry.h"
#include "scanbenchmark.h"

namespace tt {

namespace {

// P1 on this machine: scans through the station workflow into a throw-away embedded database
// (never the --db database), each committed durably, with the latency percentiles.
int runBench(CliContext &ctx, CliArgs &args)
{
    const QString sync = args.takeOption(QStringLiteral("--sync")).value_or(QStringLiteral("full"));
    const QString dir = args.takeOption(QStringLiteral("--dir")).value_or(QDir::tempPath());
    bool ok = true;
    const qint64 scans = args.takeOption(QStringLiteral("--scans")).value_or(QStringLiteral("3000")).toLongLong(&ok);
    if (args.hasError() || !ok || scans < 1 || scans > 10'000'000)
        return ctx.usage(QStringLiteral("Usage: bench [--scans N] [--sync full|normal|off] [--dir DIR]"));
    QTemporaryDir tmp(dir + QStringLiteral("/tt-bench-XXXXXX"));
    if (!tmp.isValid())
        return ctx.fail(Error{Reason::InvalidInput, QStringLiteral("Cannot create a folder in %1.").arg(dir)});
    const auto result = bench::runScanBenchmark(tmp.filePath(QStringLiteral("bench.db")), scans, sync);
    if (!result)
        return ctx.fail(result.error());
    const bench::Latencies &l = result->all;
    ctx.print({{QStringLiteral("benchmark"), QStringLiteral("P1 scan to outcome, embedded")},
               {QStringLiteral("machine"), bench::machineDescription(tmp.path())},
               {QStringLiteral("synchronous"), sync},
               {QStringLiteral("scans"), double(scans)},
               {QStringLiteral("p50_ms"), l.percentileMs(50)},
               {QStringLiteral("p95_ms"), l.percentileMs(95)},
               {QStringLiteral("p99_ms"), l.percentileMs(99)},
               {QStringLiteral("max_ms"), l.percentileMs(100)},
               {QStringLiteral("scans_per_s"), double(scans) / result->seconds}},
              bench::machineDescription(tmp.path()) + QLatin1Char('\n') + QStringLiteral("synchronous = ") + sync
                  + QLatin1Char('\n') + bench::summary(QStringLiteral("P1 scan to outcome"), l));
    return ExitOk;
}

} // namespace

void registerBenchCommands(CommandRegistry &r)
{
    r.add(QStringLiteral("bench"), QStringLiteral("[--scans N] [--sync full|normal|off] [--dir DIR]"), runBench);
}

} // namespace tt
