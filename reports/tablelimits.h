#pragma once

#include <QtGlobal>

namespace tt {

// Guards for reading files a user hands us (BRIEF §6 import). Breaking one is a clear Error,
// never a crash or an unbounded allocation.
struct TableLimits
{
    qint64 maxFileBytes = qint64(1) << 30;          // 1 GiB on disk
    qint64 maxRows = 2'000'000;                     // data rows, header excluded
    int maxColumns = 256;
    int maxCellChars = 32'767;                      // Excel's own cell limit
    qint64 maxUncompressedBytes = qint64(4) << 30;  // XLSX: all entries read, decompressed
    int maxCompressionRatio = 250;                  // XLSX: per entry larger than 1 MiB
    qint64 maxSharedStringChars = 256 * 1024 * 1024; // XLSX: shared strings kept in memory
    int maxZipEntries = 10'000;
};

} // namespace tt
