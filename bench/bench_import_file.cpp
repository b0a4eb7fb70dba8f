// bench_import_file [rows=100000] [csv|xlsx] [batch=2000] [bulk|commands]: imports a links file
// of `rows` children (30 per new parent) into a fresh embedded database on disk through Importer,
// the path `tracetrack-cli import FILE` takes (file parsing, rule checks, writes): by default the
// set-based path (SqliteImport), with "commands" every row as commands through
// SqliteStore::executeBatch (the path before the set-based one); prints rows/s, the time of the
// dry-run scratch copy and peak RSS.

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QTemporaryDir>

#include <sys/resource.h>

#include <cstdio>

#include "benchsupport.h"
#include "core/clock.h"
#include "database/sqliteimport.h"
#include "database/sqlitescratch.h"
#include "database/sqlitestore.h"
#include "reports/importer.h"
#include "reports/tablefile.h"

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    const qint64 rows = args.size() > 1 ? args.at(1).toLongLong() : 100'000;
    const QString format = args.size() > 2 ? args.at(2) : QStringLiteral("csv");
    const int batch = args.size() > 3 ? args.at(3).toInt() : 2000;
    const bool commands = args.size() > 4 && args.at(4) == u"commands";
    QTemporaryDir tmp;
    std::printf("%s\n", qPrintable(tt::bench::machineDescription(tmp.path())));
    const QString file = tmp.filePath(QStringLiteral("links.") + format);
    {
        auto sink = tt::TableFile::create(file);
        if (!sink)
            return 1;
        (void)(*sink)->write({QStringLiteral("parent_code"), QStringLiteral("child_code")});
        for (qint64 i = 0; i < rows; ++i)
            (void)(*sink)->write({QStringLiteral("SB%1").arg(i / 30 % 100000, 5, 10, QLatin1Char('0')),
                                  QStringLiteral("K%1").arg(i, 9, 10, QLatin1Char('0'))});
        if (!(*sink)->finish())
            return 1;
    }
    auto store = tt::SqliteStore::open(tmp.filePath(QStringLiteral("bench.db")));
    if (!store) {
        std::fprintf(stderr, "%s\n", qPrintable(store.error().message));
        return 1;
    }
    tt::TableLimits limits;
    limits.maxRows = rows + 1;
    auto source = tt::TableFile::open(file, limits);
    if (!source)
        return 1;
    tt::Importer importer(**store, tt::Actor{QStringLiteral("admin"), tt::Role::Admin}, QStringLiteral("bench"),
                          tt::SystemClock::instance());
    tt::ImportOptions options;
    options.kind = tt::ImportKind::Links;
    options.batchSize = batch;
    tt::SqliteImport bulk(**store);
    if (!commands)
        options.bulk = &bulk;
    QElapsedTimer t;
    t.start();
    auto summary = importer.run(**source, options);
    const double s = t.restart() / 1000.0;
    if (!summary) {
        std::fprintf(stderr, "%s\n", qPrintable(summary.error().message));
        return 1;
    }
    const auto copied = tt::copySqliteDatabase((*store)->database(), tmp.filePath(QStringLiteral("scratch.db")));
    const double copyS = t.elapsed() / 1000.0;
    rusage u{};
    getrusage(RUSAGE_SELF, &u);
    std::printf("import %s (%s) rows %lld ok %lld errors %lld batch %d: %.2f s, %.0f rows/s; dry-run copy %.2f s%s; "
                "peak RSS %ld MB\n",
                qPrintable(format), commands ? "commands" : "set-based", static_cast<long long>(summary->rows), static_cast<long long>(summary->ok),
                static_cast<long long>(summary->errors), batch, s, summary->rows / s, copyS, copied ? "" : " (failed)",
                u.ru_maxrss / 1024);
    return summary->errors == 0 ? 0 : 1;
}
