#include "reports/ziparchive.h"

#include <QFileInfo>
#include <QtEndian>

#include <zlib.h>

namespace tt {

namespace {

quint16 u16(const char *p) { return qFromLittleEndian<quint16>(p); }
quint32 u32(const char *p) { return qFromLittleEndian<quint32>(p); }
quint64 u64(const char *p) { return qFromLittleEndian<quint64>(p); }

Result<std::unique_ptr<ZipArchive>> damaged(const QString &what)
{
    return fail(Reason::InvalidInput, QStringLiteral("the zip archive is truncated or damaged (%1)").arg(what));
}

// Inflates (or copies) one entry as a stream.
class EntryDevice final : public QIODevice
{
public:
    EntryDevice(const QString &path, const ZipArchive::Entry &entry, qint64 dataOffset, qint64 limit)
        : m_file(path), m_entry(entry), m_remainingIn(entry.compressedSize), m_limit(limit)
    {
        m_zs.zalloc = Z_NULL;
        m_zs.zfree = Z_NULL;
        m_zs.opaque = Z_NULL;
        m_zs.avail_in = 0;
        m_zs.next_in = Z_NULL;
        if (!m_file.open(QIODevice::ReadOnly) || !m_file.seek(dataOffset)) {
            m_error = QStringLiteral("cannot read the archive");
        } else if (entry.method == 8) {
            if (inflateInit2(&m_zs, -MAX_WBITS) != Z_OK)
                m_error = QStringLiteral("cannot start decompressing");
            else
                m_inflating = true;
        }
        QIODevice::open(QIODevice::ReadOnly);
    }
    ~EntryDevice() override
    {
        if (m_inflating)
            inflateEnd(&m_zs);
    }
    bool isSequential() const override { return true; }

protected:
    qint64 readData(char *data, qint64 maxlen) override
    {
        if (!m_error.isEmpty())
            return failWith(m_error);
        if (m_finished || maxlen <= 0)
            return 0;
        qint64 produced = 0;
        if (m_entry.method == 0) {
            if (m_remainingIn == 0) {
                m_finished = true;
                return m_total == m_entry.uncompressedSize ? 0 : failWith(QStringLiteral("%1 has a wrong size").arg(m_entry.name));
            }
            const qint64 n = m_file.read(data, std::min(maxlen, m_remainingIn));
            if (n <= 0)
                return failWith(QStringLiteral("%1 ends early").arg(m_entry.name));
            m_remainingIn -= n;
            produced = n;
        } else {
            m_zs.next_out = reinterpret_cast<Bytef *>(data);
            m_zs.avail_out = uInt(std::min<qint64>(maxlen, 1 << 30));
            while (m_zs.avail_out > 0) {
                if (m_zs.avail_in == 0 && m_remainingIn > 0) {
                    const qint64 n = m_file.read(m_in, std::min<qint64>(sizeof m_in, m_remainingIn));
                    if (n <= 0)
                        return failWith(QStringLiteral("%1 ends early").arg(m_entry.name));
                    m_remainingIn -= n;
                    m_zs.next_in = reinterpret_cast<Bytef *>(m_in);
                    m_zs.avail_in = uInt(n);
                }
                const int rc = inflate(&m_zs, Z_NO_FLUSH);
                if (rc == Z_STREAM_END) {
                    m_streamEnd = true;
                    break;
                }
                if (rc == Z_BUF_ERROR && m_remainingIn == 0 && m_zs.avail_in == 0)
                    return failWith(QStringLiteral("%1 ends early").arg(m_entry.name));
                if (rc != Z_OK && rc != Z_BUF_ERROR)
                    return failWith(QStringLiteral("%1 is damaged (cannot decompress it)").arg(m_entry.name));
                if (m_zs.avail_out < uInt(std::min<qint64>(maxlen, 1 << 30)))
                    break; // return what we have
            }
            produced = qint64(reinterpret_cast<char *>(m_zs.next_out) - data);
        }
        m_total += produced;
        if (m_total > m_entry.uncompressedSize || m_total > m_limit)
            return failWith(QStringLiteral("%1 inflates beyond its declared size or the limit (zip bomb?)").arg(m_entry.name));
        m_crc = crc32(m_crc, reinterpret_cast<const Bytef *>(data), uInt(produced));
        const bool atEnd = m_entry.method == 0 ? m_remainingIn == 0 : m_streamEnd;
        if (atEnd) {
            m_finished = true;
            if (m_total != m_entry.uncompressedSize)
                return failWith(QStringLiteral("%1 has a wrong size").arg(m_entry.name));
            if (m_crc != m_entry.crc32)
                return failWith(QStringLiteral("%1 is damaged (checksum error)").arg(m_entry.name));
        }
        return produced;
    }
    qint64 writeData(const char *, qint64) override { return -1; }

private:
    qint64 failWith(const QString &message)
    {
        m_error = message;
        setErrorString(message);
        setProperty("ttFailed", true);
        return -1;
    }

    QFile m_file;
    ZipArchive::Entry m_entry;
    z_stream m_zs{};
    char m_in[64 * 1024];
    qint64 m_remainingIn;
    qint64 m_limit;
    qint64 m_total = 0;
    uLong m_crc = crc32(0, Z_NULL, 0);
    QString m_error;
    bool m_inflating = false;
    bool m_streamEnd = false;
    bool m_finished = false;
};

} // namespace

Result<std::unique_ptr<ZipArchive>> ZipArchive::open(const QString &path, int maxEntries)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return fail(Reason::InvalidInput, f.errorString());
    const qint64 size = f.size();
    if (size < 22)
        return damaged(QStringLiteral("too short"));
    // End of central directory: the last 22 bytes plus a comment of up to 64 KiB.
    const qint64 tail = std::min<qint64>(size, 22 + 65535);
    f.seek(size - tail);
    const QByteArray end = f.read(tail);
    qsizetype eocd = -1;
    for (qsizetype i = end.size() - 22; i >= 0; --i) {
        if (end.at(i) == 'P' && u32(end.constData() + i) == 0x06054b50) {
            eocd = i;
            break;
        }
    }
    if (eocd < 0)
        return damaged(QStringLiteral("no end of central directory"));
    const char *e = end.constData() + eocd;
    qint64 count = u16(e + 10);
    qint64 dirSize = u32(e + 12);
    qint64 dirOffset = u32(e + 16);
    if (count == 0xFFFF || dirSize == 0xFFFFFFFF || dirOffset == 0xFFFFFFFF) {
        // ZIP64 end of central directory locator just before the EOCD.
        if (eocd < 20 || u32(e - 20) != 0x07064b50)
            return damaged(QStringLiteral("bad ZIP64 locator"));
        const qint64 z64 = qint64(u64(e - 20 + 8));
        if (z64 < 0 || z64 + 56 > size || !f.seek(z64))
            return damaged(QStringLiteral("bad ZIP64 record"));
        const QByteArray rec = f.read(56);
        if (rec.size() < 56 || u32(rec.constData()) != 0x06064b50)
            return damaged(QStringLiteral("bad ZIP64 record"));
        count = qint64(u64(rec.constData() + 32));
        dirSize = qint64(u64(rec.constData() + 40));
        dirOffset = qint64(u64(rec.constData() + 48));
    }
    if (count > maxEntries)
        return fail(Reason::InvalidInput, QStringLiteral("the archive has %1 entries, more than the %2 limit")
                                              .arg(count).arg(maxEntries));
    if (dirOffset < 0 || dirSize < 0 || dirOffset + dirSize > size)
        return damaged(QStringLiteral("central directory outside the file"));
    f.seek(dirOffset);
    const QByteArray dir = f.read(dirSize);
    if (dir.size() != dirSize)
        return damaged(QStringLiteral("short central directory"));

    auto archive = std::make_unique<ZipArchive>();
    archive->m_path = path;
    qsizetype p = 0;
    for (qint64 i = 0; i < count; ++i) {
        if (p + 46 > dir.size() || u32(dir.constData() + p) != 0x02014b50)
            return damaged(QStringLiteral("bad central directory entry"));
        const char *c = dir.constData() + p;
        Entry en;
        const quint16 flags = u16(c + 8);
        en.encrypted = flags & 1;
        en.method = u16(c + 10);
        en.crc32 = u32(c + 16);
        en.compressedSize = u32(c + 20);
        en.uncompressedSize = u32(c + 24);
        const int nameLen = u16(c + 28), extraLen = u16(c + 30), commentLen = u16(c + 32);
        en.localHeaderOffset = u32(c + 42);
        if (p + 46 + nameLen + extraLen + commentLen > dir.size())
            return damaged(QStringLiteral("bad central directory entry"));
        en.name = (flags & 0x800) ? QString::fromUtf8(c + 46, nameLen) : QString::fromLatin1(c + 46, nameLen);
        // ZIP64 extended information: the fields that are 0xFFFFFFFF, in order.
        const char *x = c + 46 + nameLen;
        for (int q = 0; q + 4 <= extraLen;) {
            const int id = u16(x + q), len = u16(x + q + 2);
            if (q + 4 + len > extraLen)
                break;
            if (id == 0x0001) {
                int at = q + 4;
                auto take = [&](qint64 &field) {
                    if (field == 0xFFFFFFFF && at + 8 <= q + 4 + len) {
                        field = qint64(u64(x + at));
                        at += 8;
                    }
                };
                take(en.uncompressedSize);
                take(en.compressedSize);
                take(en.localHeaderOffset);
            }
            q += 4 + len;
        }
        if (en.compressedSize < 0 || en.uncompressedSize < 0 || en.localHeaderOffset < 0
            || en.localHeaderOffset + 30 + en.compressedSize > size)
            return damaged(QStringLiteral("entry %1 lies outside the file").arg(en.name.left(80)));
        archive->m_entries.append(en);
        p += 46 + nameLen + extraLen + commentLen;
    }
    return archive;
}

const ZipArchive::Entry *ZipArchive::find(const QString &name) const
{
    for (const Entry &e : m_entries)
        if (e.name.compare(name, Qt::CaseInsensitive) == 0)
            return &e;
    return nullptr;
}

Result<std::unique_ptr<QIODevice>> ZipArchive::openEntry(const Entry &entry, qint64 maxBytes) const
{
    if (entry.encrypted)
        return fail(Reason::InvalidInput, QStringLiteral("%1 is encrypted").arg(entry.name));
    if (entry.method != 0 && entry.method != 8)
        return fail(Reason::InvalidInput, QStringLiteral("%1 uses an unsupported compression method %2")
                                              .arg(entry.name).arg(entry.method));
    QFile f(m_path);
    if (!f.open(QIODevice::ReadOnly) || !f.seek(entry.localHeaderOffset))
        return fail(Reason::InvalidInput, QStringLiteral("cannot read %1").arg(entry.name));
    const QByteArray local = f.read(30);
    if (local.size() < 30 || u32(local.constData()) != 0x04034b50)
        return fail(Reason::InvalidInput, QStringLiteral("the zip archive is truncated or damaged (bad local header of %1)")
                                              .arg(entry.name));
    const qint64 dataOffset = entry.localHeaderOffset + 30 + u16(local.constData() + 26) + u16(local.constData() + 28);
    if (dataOffset + entry.compressedSize > f.size())
        return fail(Reason::InvalidInput, QStringLiteral("the zip archive is truncated or damaged (%1 outside the file)")
                                              .arg(entry.name));
    return std::unique_ptr<QIODevice>(new EntryDevice(m_path, entry, dataOffset, maxBytes));
}

} // namespace tt
