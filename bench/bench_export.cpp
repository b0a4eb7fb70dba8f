// bench_export [rows=1000000] [csv|xlsx|both] [dir]: writes rows of a bags export through the
// streaming table writers, then reads them back with the streaming readers; prints rows/s and
// the process's peak RSS. Run csv and xlsx in separate processes to get each one's peak.

#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QTemporaryDir>

#include <sys/resource.h>

#include <cstdio>

#include "reports/tablefile.h"

namespace {

long peakRssKb()
{
    rusage u{};
    getrusage(RUSAGE_SELF, &u);
    return u.ru_maxrss;
}

int runOne(const QString &path, qint64 rows)
{
    QElapsedTimer t;
    t.start();
    auto sink = tt::TableFile::create(path, {4, 5, 6, 7, 8}, QStringLiteral("bags"));
    if (!sink) {
        std::fprintf(stderr, "%s\n", qPrintable(sink.error().message));
        return 1;
    }
    (void)(*sink)->write({QStringLiteral("code"), QStringLiteral("role"), QStringLiteral("type"), QStringLiteral("parent_code"),
                          QStringLiteral("measured_weight_g"), QStringLiteral("weight_g"), QStringLiteral("capacity"),
                          QStringLiteral("child_count"), QStringLiteral("expected_weight_g"), QStringLiteral("bill_id"),
                          QStringLiteral("created_at"), QStringLiteral("created_by")});
    QStringList row;
    for (qint64 i = 0; i < rows; ++i) {
        row = {QStringLiteral("C%1").arg(i, 9, 10, QLatin1Char('0')), QStringLiteral("child"), QStringLiteral("CHILD"),
               QStringLiteral("SB%1").arg(i / 30 % 100000, 5, 10, QLatin1Char('0')),
               i % 3 ? QString() : QString::number(900 + i % 200), QString::number(1000 + i % 200), QStringLiteral("0"),
               QStringLiteral("0"), QStringLiteral("0"), QString(), QStringLiteral("2024-03-01T10:00:00.000Z"),
               QStringLiteral("dispatcher%1").arg(i % 25)};
        if (auto r = (*sink)->write(row); !r) {
            std::fprintf(stderr, "%s\n", qPrintable(r.error().message));
            return 1;
        }
    }
    if (auto r = (*sink)->finish(); !r) {
        std::fprintf(stderr, "%s\n", qPrintable(r.error().message));
        return 1;
    }
    const double writeS = t.restart() / 1000.0;
    const long writePeak = peakRssKb();

    tt::TableLimits limits;
    limits.maxRows = rows + 1;
    auto source = tt::TableFile::open(path, limits);
    if (!source) {
        std::fprintf(stderr, "%s\n", qPrintable(source.error().message));
        return 1;
    }
    qint64 n = 0;
    while (true) {
        auto more = (*source)->next(row);
        if (!more) {
            std::fprintf(stderr, "%s\n", qPrintable(more.error().message));
            return 1;
        }
        if (!*more)
            break;
        ++n;
    }
    const double readS = t.elapsed() / 1000.0;
    std::printf("%-5s rows %lld  write %.2f s (%.0f rows/s, peak RSS %ld MB)  read %.2f s (%.0f rows/s, peak RSS %ld MB)  file %.1f MB\n",
                qPrintable(QFileInfo(path).suffix()), static_cast<long long>(n - 1), writeS, rows / writeS,
                writePeak / 1024, readS, rows / readS, peakRssKb() / 1024, QFileInfo(path).size() / 1e6);
    return n - 1 == rows ? 0 : 1;
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    const qint64 rows = args.size() > 1 ? args.at(1).toLongLong() : 1'000'000;
    const QString which = args.size() > 2 ? args.at(2) : QStringLiteral("both");
    QTemporaryDir tmp(args.size() > 3 ? args.at(3) + QStringLiteral("/bench-export-XXXXXX") : QString());
    int rc = 0;
    if (which != u"xlsx")
        rc |= runOne(tmp.filePath(QStringLiteral("bags.csv")), rows);
    if (which != u"csv")
        rc |= runOne(tmp.filePath(QStringLiteral("bags.xlsx")), rows);
    return rc;
}
