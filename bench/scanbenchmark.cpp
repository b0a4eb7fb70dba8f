#include "scanbenchmark.h"

#include <QElapsedTimer>
#include <QSqlQuery>

#include "core/station.h"
#include "database/sqlitestore.h"

namespace tt::bench {

Result<ScanBenchmark> runScanBenchmark(const QString &dbPath, qint64 scans, const QString &sync)
{
    static const QStringList modes{QStringLiteral("full"), QStringLiteral("normal"), QStringLiteral("off")};
    if (!modes.contains(sync))
        return fail(Reason::InvalidInput, QStringLiteral("--sync takes full, normal or off."));
    SqliteStoreOptions options;
    options.connectionName = QStringLiteral("tt-bench-scan");
    auto store = SqliteStore::open(dbPath, options);
    if (!store)
        return std::unexpected(store.error());
    QSqlQuery((*store)->database()).exec(QStringLiteral("PRAGMA synchronous = ") + sync);
    Station station(**store, (*store)->clock(), Actor{QStringLiteral("bench"), Role::Dispatcher},
                    QStringLiteral("bench-1"));
    ScanBenchmark result;
    qint64 child = 0;
    int parent = 0;
    QElapsedTimer total;
    total.start();
    for (qint64 i = 0; i < scans; ++i) {
        const bool parentScan = i % 30 == 0;
        const QString code = parentScan ? QStringLiteral("SB%1").arg(parent++ % 100000, 5, 10, QLatin1Char('0'))
                                        : QStringLiteral("C%1").arg(++child, 9, 10, QLatin1Char('0'));
        QElapsedTimer t;
        t.start();
        const Outcome o = station.scan(code);
        const qint64 ns = t.nsecsElapsed();
        if (!o.ok())
            return fail(Reason::InvalidInput, QStringLiteral("unexpected outcome for %1: %2").arg(code, o.message));
        result.all.add(ns);
        if (!parentScan)
            result.links.add(ns);
    }
    result.seconds = double(total.nsecsElapsed()) / 1e9;
    return result;
}

} // namespace tt::bench
