#pragma once

#include <QString>

#include "benchsupport.h"
#include "core/error.h"

namespace tt::bench {

struct ScanBenchmark
{
    Latencies all;   // every scan: parents and children
    Latencies links; // child scans only
    double seconds = 0;
};

// P1: drives a Station on a fresh embedded database at dbPath (created) with `scans` scans — a
// parent, then 29 children, repeated — each committed with PRAGMA synchronous = sync before the
// outcome returns, and measures each scan from text in to outcome out.
Result<ScanBenchmark> runScanBenchmark(const QString &dbPath, qint64 scans, const QString &sync = QStringLiteral("full"));

} // namespace tt::bench
