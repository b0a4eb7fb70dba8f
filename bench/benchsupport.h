#pragma once

#include <QList>
#include <QString>
#include <QTextStream>

namespace tt::bench {

// Latency samples in nanoseconds and their summary.
struct Latencies
{
    QList<qint64> ns;
    void add(qint64 v) { ns.append(v); }
    // Percentile p in [0, 100], in milliseconds.
    double percentileMs(double p) const;
    double meanMs() const;
};

// CPU model, cores, memory, kernel, file system of dir, Qt and SQLite versions: the
// "on what machine" of every benchmark report.
QString machineDescription(const QString &dir);

// "name  p50 x ms  p95 …  p99 …  max …  (n samples)"
QString summary(const QString &name, const Latencies &l);

// Parses "--name N" from argv-style arguments; fallback when absent.
qint64 intArgument(const QStringList &args, const QString &name, qint64 fallback);
QString stringArgument(const QStringList &args, const QString &name, const QString &fallback);

} // namespace tt::bench
