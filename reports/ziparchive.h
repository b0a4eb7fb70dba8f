#pragma once

#include <QFile>
#include <QIODevice>
#include <QList>
#include <QString>

#include <memory>

#include "core/error.h"

namespace tt {

// A read-only zip archive (PKWARE APPNOTE, stored and deflate, ZIP64 sizes) read with zlib.
// Written for untrusted input: every offset and size is checked against the file, and an
// entry's data is inflated as a stream that fails once it yields more bytes than its directory
// entry declares (or than the caller allows) and checks the CRC-32 at its end.
//
// Why not QuaZip: Debian's libquazip and libxlsxwriter (through libminizip) both export the
// unprefixed minizip symbols (zipOpen3, unzOpen2_64, …) and call them through the PLT, so in
// one process one library ends up calling the other's incompatible copy and crashes.
class ZipArchive
{
public:
    struct Entry
    {
        QString name;
        qint64 compressedSize = 0;
        qint64 uncompressedSize = 0;
        quint32 crc32 = 0;
        qint64 localHeaderOffset = 0;
        int method = 0; // 0 stored, 8 deflate
        bool encrypted = false;
    };

    // Reads the central directory; fails on a file that is not a zip, is truncated or damaged,
    // or has more than maxEntries entries.
    static Result<std::unique_ptr<ZipArchive>> open(const QString &path, int maxEntries = 10'000);

    const QList<Entry> &entries() const { return m_entries; }
    const Entry *find(const QString &name) const; // case-insensitive

    // A sequential device over the entry's decompressed bytes; reading fails (returns -1,
    // errorString() says why) past min(declared size, maxBytes), on damaged data or a CRC
    // mismatch; after a failure its property "ttFailed" is true. The device reads the archive
    // file through its own handle.
    Result<std::unique_ptr<QIODevice>> openEntry(const Entry &entry, qint64 maxBytes) const;

private:
    QString m_path;
    QList<Entry> m_entries;
};

} // namespace tt
