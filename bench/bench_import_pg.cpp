// bench_import_pg [--rows 100000] [--kind links|bags] [--batch 5000] [--dry-run]: BRIEF §8 P6 on
// PostgreSQL. Writes a file of `rows` rows (links: 30 new children per new parent; bags: new
// child codes), creates a fresh central database on the server of TT_PG_URL (a superuser URL;
// run through scripts/pg-harness run) and imports the file as `tracetrack-cli --db postgresql://…
// import` does: Importer with PgImport, one tt_import_* call per batch. Prints the machine, the
// load average before and after, rows/s and the server backend's CPU time per row (read from
// /proc, so it means something on a loaded machine too) and the client's own. TT_BENCH_SQL=FILE
// applies a draft migration after the embedded ones (bench/centralsetup.cpp).

#include "benchsupport.h"
#include "centralsetup.h"
#include "core/clock.h"
#include "database/pgimport.h"
#include "database/pgstore.h"
#include "database/transactionguard.h"
#include "reports/importer.h"
#include "reports/tablefile.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTextStream>

#include <cstdio>
#include <unistd.h>

namespace {

QString loadAverage()
{
    QFile f(QStringLiteral("/proc/loadavg"));
    return f.open(QIODevice::ReadOnly)
               ? QString::fromUtf8(f.readAll()).section(QLatin1Char(' '), 0, 2)
               : QStringLiteral("?");
}

// User + system CPU seconds of a process on this machine (the server backend), or -1.
double cpuSeconds(qint64 pid)
{
    QFile f(QStringLiteral("/proc/%1/stat").arg(pid));
    if (pid <= 0 || !f.open(QIODevice::ReadOnly))
        return -1;
    const QByteArray stat = f.readAll();
    const QList<QByteArray> fields = stat.mid(stat.lastIndexOf(')') + 2).split(' ');
    if (fields.size() < 13)
        return -1;
    return double(fields.at(11).toLongLong() + fields.at(12).toLongLong()) /
           double(sysconf(_SC_CLK_TCK));
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    const qint64 rows = tt::bench::intArgument(args, QStringLiteral("--rows"), 100'000);
    const int batch = int(tt::bench::intArgument(args, QStringLiteral("--batch"), 5000));
    const QString kind =
        tt::bench::stringArgument(args, QStringLiteral("--kind"), QStringLiteral("links"));
    const bool dryRun = args.contains(QStringLiteral("--dry-run"));
    QTextStream out(stdout);
    const QByteArray url = qgetenv("TT_PG_URL");
    auto super = tt::parsePostgresUrl(QString::fromUtf8(url));
    if (url.isEmpty() || !super) {
        out << "bench_import_pg: set TT_PG_URL (run through scripts/pg-harness run)\n";
        return 2;
    }
    QTemporaryDir tmp;
    out << tt::bench::machineDescription(tmp.path()) << '\n';
    const QString file = tmp.filePath(QStringLiteral("import.csv"));
    {
        auto sink = tt::TableFile::create(file);
        if (!sink)
            return 1;
        if (kind == u"bags") {
            (void)(*sink)->write({QStringLiteral("code")});
            for (qint64 i = 0; i < rows; ++i)
                (void)(*sink)->write({QStringLiteral("K%1").arg(i, 9, 10, QLatin1Char('0'))});
        } else {
            (void)(*sink)->write({QStringLiteral("parent_code"), QStringLiteral("child_code")});
            for (qint64 i = 0; i < rows; ++i)
                (void)(*sink)->write(
                    {QStringLiteral("SB%1").arg(i / 30 % 100000, 5, 10, QLatin1Char('0')),
                     QStringLiteral("K%1").arg(i, 9, 10, QLatin1Char('0'))});
        }
        if (!(*sink)->finish())
            return 1;
    }
    tt::PgConnectionInfo owner, station;
    if (!tt::bench::createCentralDatabase(*super, QStringLiteral("tt_bench_import"), owner, station,
                                          out))
        return 1;
    auto store = tt::PgStore::open(station, tt::PgStoreOptions{QStringLiteral("bench-import")});
    if (!store) {
        out << store.error().message << '\n';
        return 1;
    }
    const auto actor = (*store)->login(QStringLiteral("admin"), tt::bench::kBenchAdminPassword,
                                       QStringLiteral("bench"));
    if (!actor) {
        out << actor.error().message << '\n';
        return 1;
    }
    qint64 backend = 0;
    {
        QSqlQuery q((*store)->database());
        if (q.exec(QStringLiteral("SELECT pg_backend_pid()")) && q.next())
            backend = q.value(0).toLongLong();
    }
    tt::TableLimits limits;
    limits.maxRows = rows + 1;
    auto source = tt::TableFile::open(file, limits);
    if (!source)
        return 1;
    tt::Importer importer(**store, *actor, QStringLiteral("bench"), tt::SystemClock::instance());
    tt::ImportOptions options;
    options.kind = kind == u"bags" ? tt::ImportKind::Bags : tt::ImportKind::Links;
    options.batchSize = batch;
    options.fileName = QStringLiteral("import.csv");
    tt::PgImport bulk(**store);
    options.bulk = &bulk;
    std::optional<tt::TransactionGuard> rollback;
    if (dryRun) {
        auto tx =
            tt::TransactionGuard::begin((*store)->database(), tt::TransactionGuard::Mode::Deferred);
        if (!tx)
            return 1;
        rollback.emplace(std::move(*tx));
    }
    out << "load average before: " << loadAverage() << '\n';
    out.flush();
    const double cpu0 = cpuSeconds(backend);
    const double client0 = cpuSeconds(getpid());
    QElapsedTimer t;
    t.start();
    auto summary = importer.run(**source, options);
    const double s = t.elapsed() / 1000.0;
    const double cpu = cpuSeconds(backend) - cpu0;
    const double client = cpuSeconds(getpid()) - client0;
    if (!summary) {
        out << summary.error().message << '\n';
        return 1;
    }
    out << "load average after: " << loadAverage() << '\n';
    out << QStringLiteral("import %1%2 rows %3 ok %4 errors %5 batch %6: %7 s, %8 rows/s; server "
                          "backend CPU %9 s "
                          "(%10 µs/row, %11 rows per CPU-second), client CPU %12 µs/row\n")
               .arg(kind, dryRun ? QStringLiteral(" (dry run)") : QString())
               .arg(summary->rows)
               .arg(summary->ok)
               .arg(summary->errors)
               .arg(batch)
               .arg(s, 0, 'f', 2)
               .arg(summary->rows / s, 0, 'f', 0)
               .arg(cpu, 0, 'f', 2)
               .arg(cpu * 1e6 / double(summary->rows), 0, 'f', 1)
               .arg(cpu > 0 ? double(summary->rows) / cpu : 0, 0, 'f', 0)
               .arg(client * 1e6 / double(summary->rows), 0, 'f', 1);
    return summary->errors == 0 ? 0 : 1;
}
