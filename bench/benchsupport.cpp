#include "benchsupport.h"

#include <QFile>
#include <QProcess>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QStorageInfo>
#include <QSysInfo>
#include <QThread>

#include <algorithm>
#include <numeric>

namespace tt::bench {

double Latencies::percentileMs(double p) const
{
    if (ns.isEmpty())
        return 0;
    QList<qint64> sorted = ns;
    std::sort(sorted.begin(), sorted.end());
    const qsizetype idx = std::min<qsizetype>(sorted.size() - 1, qsizetype(p / 100.0 * double(sorted.size())));
    return double(sorted.at(idx)) / 1e6;
}

double Latencies::meanMs() const
{
    if (ns.isEmpty())
        return 0;
    return double(std::accumulate(ns.begin(), ns.end(), qint64(0))) / double(ns.size()) / 1e6;
}

QString summary(const QString &name, const Latencies &l)
{
    return QStringLiteral("%1  p50 %2 ms  p95 %3 ms  p99 %4 ms  max %5 ms  mean %6 ms  (%7 samples)")
        .arg(name)
        .arg(l.percentileMs(50), 0, 'f', 3)
        .arg(l.percentileMs(95), 0, 'f', 3)
        .arg(l.percentileMs(99), 0, 'f', 3)
        .arg(l.percentileMs(100), 0, 'f', 3)
        .arg(l.meanMs(), 0, 'f', 3)
        .arg(l.ns.size());
}

QString machineDescription(const QString &dir)
{
    QString cpu;
    QFile info(QStringLiteral("/proc/cpuinfo"));
    if (info.open(QIODevice::ReadOnly)) {
        for (const QByteArray &line : info.readAll().split('\n')) {
            if (line.startsWith("model name")) {
                cpu = QString::fromUtf8(line.mid(line.indexOf(':') + 1)).trimmed();
                break;
            }
        }
    }
    QString mem;
    QFile meminfo(QStringLiteral("/proc/meminfo"));
    if (meminfo.open(QIODevice::ReadOnly))
        mem = QString::fromUtf8(meminfo.readLine()).simplified();
    const QStorageInfo storage(dir);
    QString sqlite;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("bench-version"));
        db.setDatabaseName(QStringLiteral(":memory:"));
        if (db.open()) {
            QSqlQuery q(db);
            if (q.exec(QStringLiteral("SELECT sqlite_version()")) && q.next())
                sqlite = q.value(0).toString();
        }
    }
    QSqlDatabase::removeDatabase(QStringLiteral("bench-version"));
    return QStringLiteral("machine: %1, %2 logical cores, %3; %4 %5; file system %6 (%7); Qt %8; SQLite %9")
        .arg(cpu.isEmpty() ? QStringLiteral("unknown CPU") : cpu)
        .arg(QThread::idealThreadCount())
        .arg(mem, QSysInfo::kernelType(), QSysInfo::kernelVersion(), QString::fromUtf8(storage.fileSystemType()),
             storage.device().isEmpty() ? dir : QString::fromUtf8(storage.device()), QString::fromLatin1(qVersion()),
             sqlite);
}

qint64 intArgument(const QStringList &args, const QString &name, qint64 fallback)
{
    const qsizetype i = args.indexOf(name);
    if (i < 0 || i + 1 >= args.size())
        return fallback;
    bool ok = false;
    const qint64 v = args.at(i + 1).toLongLong(&ok);
    return ok ? v : fallback;
}

QString stringArgument(const QStringList &args, const QString &name, const QString &fallback)
{
    const qsizetype i = args.indexOf(name);
    return i < 0 || i + 1 >= args.size() ? fallback : args.at(i + 1);
}

} // namespace tt::bench
