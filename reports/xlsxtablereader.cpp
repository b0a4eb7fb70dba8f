#include "reports/xlsxtablereader.h"

#include <QFile>
#include <QFileInfo>
#include <QHash>
#include <QXmlStreamReader>

#include <quazip.h>
#include <quazipfile.h>
#include <quazipfileinfo.h>

#include "reports/formulaguard.h"
#include "reports/reportslog.h"

namespace tt {

namespace {

constexpr qint64 kRatioCheckBytes = 1024 * 1024;
constexpr qint64 kSmallPartBytes = 16 * 1024 * 1024; // workbook.xml, rels

// Reads from a zip entry and fails once more than `limit` decompressed bytes came out, whatever
// the entry's header declared.
class BoundedDevice final : public QIODevice
{
public:
    BoundedDevice(QIODevice *inner, qint64 limit) : m_inner(inner), m_limit(limit)
    {
        QIODevice::open(QIODevice::ReadOnly);
    }
    bool isSequential() const override { return true; }
    bool exceeded() const { return m_exceeded; }
    bool innerFailed() const { return m_innerFailed; }
    qint64 total() const { return m_total; }

protected:
    qint64 readData(char *data, qint64 maxlen) override
    {
        if (m_exceeded || m_innerFailed)
            return -1;
        const qint64 n = m_inner->read(data, maxlen);
        if (n < 0) {
            m_innerFailed = true;
            return -1;
        }
        m_total += n;
        if (m_total > m_limit) {
            m_exceeded = true;
            return -1;
        }
        return n;
    }
    qint64 writeData(const char *, qint64) override { return -1; }

private:
    QIODevice *m_inner;
    qint64 m_limit;
    qint64 m_total = 0;
    bool m_exceeded = false;
    bool m_innerFailed = false;
};

int columnIndex(QStringView ref)
{
    int col = 0;
    qsizetype i = 0;
    while (i < ref.size() && ref[i].isLetter()) {
        const char16_t c = ref[i].toUpper().unicode();
        if (c < u'A' || c > u'Z')
            return -1;
        col = col * 26 + (c - u'A' + 1);
        if (col > 16384)
            return -1;
        ++i;
    }
    return col - 1;
}

QString numberText(const QString &raw)
{
    bool ok = false;
    const double v = raw.toDouble(&ok);
    if (!ok)
        return raw;
    if (std::abs(v) < 1e15 && v == std::floor(v))
        return QString::number(qint64(v));
    return QString::number(v, 'g', 15);
}

} // namespace

struct XlsxTableReader::Impl
{
    QString path;
    Options options;
    QuaZip zip;
    std::unique_ptr<QuaZipFile> sheetFile;
    std::unique_ptr<BoundedDevice> sheetDevice;
    QXmlStreamReader xml;
    QStringList shared;
    QString sheetEntry;
    QString sheetName;
    qint64 sheetDeclared = 0;
    qint64 consumed = 0; // decompressed bytes of all entries read so far
    qint64 rowNumber = 0;
    qint64 dataRows = 0;
    qsizetype headerWidth = -1;
    bool done = false;
    bool failed = false;

    Result<void> check(const QString &message)
    {
        failed = true;
        return fail(Reason::InvalidInput, QStringLiteral("%1: %2").arg(QFileInfo(path).fileName(), message));
    }

    // The decompressed bytes of an entry that must exist, at most maxBytes.
    Result<QByteArray> readSmall(const QString &entry, qint64 maxBytes);
    Result<void> loadSharedStrings();
    Result<void> locateSheet();
    QString xmlError(BoundedDevice &dev, QXmlStreamReader &reader, const QString &entry) const;
};

QString XlsxTableReader::Impl::xmlError(BoundedDevice &dev, QXmlStreamReader &reader, const QString &entry) const
{
    if (dev.exceeded())
        return QStringLiteral("%1 inflates beyond its declared size or the limit (zip bomb?)").arg(entry);
    if (dev.innerFailed())
        return QStringLiteral("%1 is damaged (cannot decompress it)").arg(entry);
    return QStringLiteral("%1 is not valid XML (line %2: %3)")
        .arg(entry).arg(reader.lineNumber()).arg(reader.errorString());
}

Result<QByteArray> XlsxTableReader::Impl::readSmall(const QString &entry, qint64 maxBytes)
{
    if (!zip.setCurrentFile(entry, QuaZip::csInsensitive))
        return fail(Reason::InvalidInput, QStringLiteral("missing %1").arg(entry));
    QuaZipFile f(&zip);
    if (!f.open(QIODevice::ReadOnly))
        return fail(Reason::InvalidInput, QStringLiteral("cannot open %1 (damaged zip)").arg(entry));
    BoundedDevice dev(&f, maxBytes);
    QByteArray data;
    char buf[16384];
    while (true) {
        const qint64 n = dev.read(buf, sizeof buf);
        if (n < 0) {
            if (dev.exceeded())
                return fail(Reason::InvalidInput, QStringLiteral("%1 is larger than %2 bytes").arg(entry).arg(maxBytes));
            return fail(Reason::InvalidInput, QStringLiteral("%1 is damaged (cannot decompress it)").arg(entry));
        }
        if (n == 0)
            break;
        data.append(buf, n);
    }
    f.close();
    if (f.getZipError() != UNZ_OK)
        return fail(Reason::InvalidInput, QStringLiteral("%1 is damaged (checksum error)").arg(entry));
    consumed += data.size();
    return data;
}

Result<void> XlsxTableReader::Impl::locateSheet()
{
    // The first <sheet> of the workbook and its relationship target.
    auto wb = readSmall(QStringLiteral("xl/workbook.xml"), kSmallPartBytes);
    if (!wb)
        return check(QStringLiteral("not an XLSX workbook (%1)").arg(wb.error().message));
    QString relId;
    {
        QXmlStreamReader r(*wb);
        while (!r.atEnd()) {
            r.readNext();
            if (r.tokenType() == QXmlStreamReader::DTD)
                return check(QStringLiteral("xl/workbook.xml has a DTD, refused"));
            if (r.isStartElement() && r.name() == u"sheet") {
                sheetName = r.attributes().value(QLatin1String("name")).toString();
                for (const QXmlStreamAttribute &a : r.attributes())
                    if (a.name() == u"id")
                        relId = a.value().toString();
                break;
            }
        }
        if (r.hasError() && relId.isEmpty())
            return check(QStringLiteral("xl/workbook.xml is not valid XML (%1)").arg(r.errorString()));
    }
    sheetEntry = QStringLiteral("xl/worksheets/sheet1.xml");
    if (!relId.isEmpty()) {
        if (auto rels = readSmall(QStringLiteral("xl/_rels/workbook.xml.rels"), kSmallPartBytes)) {
            QXmlStreamReader r(*rels);
            while (!r.atEnd()) {
                r.readNext();
                if (r.tokenType() == QXmlStreamReader::DTD)
                    return check(QStringLiteral("workbook relationships have a DTD, refused"));
                if (r.isStartElement() && r.name() == u"Relationship"
                    && r.attributes().value(QLatin1String("Id")) == relId) {
                    QString target = r.attributes().value(QLatin1String("Target")).toString();
                    if (target.startsWith(QLatin1Char('/')))
                        sheetEntry = target.mid(1);
                    else
                        sheetEntry = QStringLiteral("xl/") + target;
                    break;
                }
            }
        }
    }
    return {};
}

Result<void> XlsxTableReader::Impl::loadSharedStrings()
{
    const QString entry = QStringLiteral("xl/sharedStrings.xml");
    if (!zip.setCurrentFile(entry, QuaZip::csInsensitive))
        return {}; // optional
    QuaZipFile f(&zip);
    if (!f.open(QIODevice::ReadOnly))
        return check(QStringLiteral("cannot open %1 (damaged zip)").arg(entry));
    const qint64 declared = qint64(f.usize());
    BoundedDevice dev(&f, std::min(declared + 1, options.limits.maxUncompressedBytes - consumed));
    QXmlStreamReader r(&dev);
    qint64 chars = 0;
    while (!r.atEnd()) {
        r.readNext();
        if (r.tokenType() == QXmlStreamReader::DTD)
            return check(QStringLiteral("%1 has a DTD, refused").arg(entry));
        if (r.isStartElement() && r.name() == u"si") {
            QString text;
            int phonetic = 0;
            while (!r.atEnd()) {
                r.readNext();
                if (r.isStartElement()) {
                    if (r.name() == u"rPh")
                        ++phonetic;
                    else if (r.name() == u"t" && phonetic == 0)
                        text += r.readElementText(QXmlStreamReader::IncludeChildElements);
                } else if (r.isEndElement()) {
                    if (r.name() == u"rPh")
                        --phonetic;
                    else if (r.name() == u"si")
                        break;
                }
            }
            chars += text.size();
            if (chars > options.limits.maxSharedStringChars)
                return check(QStringLiteral("the shared strings exceed %1 characters")
                                 .arg(options.limits.maxSharedStringChars));
            shared.append(text);
        }
    }
    if (r.hasError())
        return check(xmlError(dev, r, entry));
    f.close();
    if (f.getZipError() != UNZ_OK)
        return check(QStringLiteral("%1 is damaged (checksum error)").arg(entry));
    consumed += dev.total();
    return {};
}

XlsxTableReader::XlsxTableReader() : d(std::make_unique<Impl>()) {}
XlsxTableReader::~XlsxTableReader() = default;

Result<std::unique_ptr<XlsxTableReader>> XlsxTableReader::open(const QString &path, Options options)
{
    std::unique_ptr<XlsxTableReader> reader(new XlsxTableReader);
    Impl &x = *reader->d;
    x.path = path;
    x.options = options;
    const QString file = QFileInfo(path).fileName();
    auto bad = [&](const QString &message) -> Result<std::unique_ptr<XlsxTableReader>> {
        return fail(Reason::InvalidInput, QStringLiteral("%1: %2").arg(file, message));
    };
    const QFileInfo info(path);
    if (!info.exists() || !info.isFile())
        return bad(QStringLiteral("no such file"));
    if (info.size() > options.limits.maxFileBytes)
        return bad(QStringLiteral("%1 MB is more than the %2 MB limit")
                       .arg(info.size() / 1'000'000).arg(options.limits.maxFileBytes / 1'000'000));
    {
        QFile f(path);
        if (!f.open(QIODevice::ReadOnly))
            return bad(f.errorString());
        if (f.read(4) != QByteArrayLiteral("PK\x03\x04"))
            return bad(QStringLiteral("not an XLSX file (not a zip archive)"));
    }
    x.zip.setZipName(path);
    if (!x.zip.open(QuaZip::mdUnzip))
        return bad(QStringLiteral("the zip archive is truncated or damaged (error %1)").arg(x.zip.getZipError()));
    const QList<QuaZipFileInfo64> entries = x.zip.getFileInfoList64();
    if (entries.isEmpty() && x.zip.getEntriesCount() > 0)
        return bad(QStringLiteral("the zip directory is damaged"));
    if (entries.size() > options.limits.maxZipEntries)
        return bad(QStringLiteral("the archive has %1 entries, more than the %2 limit")
                       .arg(entries.size()).arg(options.limits.maxZipEntries));
    qint64 declared = 0;
    bool hasWorkbook = false, hasContentTypes = false;
    for (const QuaZipFileInfo64 &e : entries) {
        const qint64 u = qint64(e.uncompressedSize), c = qint64(e.compressedSize);
        declared += u;
        if (u > kRatioCheckBytes && (c == 0 || u / std::max<qint64>(c, 1) > options.limits.maxCompressionRatio))
            return bad(QStringLiteral("%1 expands %2 times (zip bomb?), more than the %3 limit")
                           .arg(e.name).arg(c ? u / c : u).arg(options.limits.maxCompressionRatio));
        hasWorkbook |= e.name.compare(u"xl/workbook.xml", Qt::CaseInsensitive) == 0;
        hasContentTypes |= e.name == u"[Content_Types].xml";
    }
    if (declared > options.limits.maxUncompressedBytes)
        return bad(QStringLiteral("the archive expands to %1 MB, more than the %2 MB limit (zip bomb?)")
                       .arg(declared / 1'000'000).arg(options.limits.maxUncompressedBytes / 1'000'000));
    if (!hasWorkbook || !hasContentTypes)
        return bad(QStringLiteral("a zip archive but not an XLSX workbook (no xl/workbook.xml)"));
    if (auto r = x.locateSheet(); !r)
        return std::unexpected(r.error());
    if (auto r = x.loadSharedStrings(); !r)
        return std::unexpected(r.error());

    if (!x.zip.setCurrentFile(x.sheetEntry, QuaZip::csInsensitive))
        return bad(QStringLiteral("the worksheet %1 is missing").arg(x.sheetEntry));
    x.sheetFile = std::make_unique<QuaZipFile>(&x.zip);
    if (!x.sheetFile->open(QIODevice::ReadOnly))
        return bad(QStringLiteral("cannot open %1 (damaged zip)").arg(x.sheetEntry));
    x.sheetDeclared = qint64(x.sheetFile->usize());
    x.sheetDevice = std::make_unique<BoundedDevice>(
        x.sheetFile.get(), std::min(x.sheetDeclared + 1, options.limits.maxUncompressedBytes - x.consumed));
    x.xml.setDevice(x.sheetDevice.get());
    return reader;
}

QString XlsxTableReader::sheetName() const
{
    return d->sheetName;
}

qint64 XlsxTableReader::rowNumber() const
{
    return d->rowNumber;
}

double XlsxTableReader::progress() const
{
    if (d->done)
        return 1.0;
    if (d->sheetDeclared <= 0 || !d->sheetDevice)
        return 0.0;
    return std::min(1.0, double(d->sheetDevice->total()) / double(d->sheetDeclared));
}

Result<bool> XlsxTableReader::next(QStringList &row)
{
    Impl &x = *d;
    if (x.failed)
        return fail(Reason::InvalidInput, QStringLiteral("The file could not be read"));
    if (x.done)
        return false;
    auto failNow = [&](const QString &m) -> Result<bool> {
        auto r = x.check(m);
        return std::unexpected(r.error());
    };
    QXmlStreamReader &r = x.xml;
    const TableLimits &lim = x.options.limits;
    while (!r.atEnd()) {
        r.readNext();
        if (r.tokenType() == QXmlStreamReader::DTD)
            return failNow(QStringLiteral("the worksheet has a DTD, refused"));
        if (r.isEndElement() && r.name() == u"sheetData")
            break;
        if (!r.isStartElement() || r.name() != u"row")
            continue;
        const qint64 rowNo = r.attributes().hasAttribute(QLatin1String("r"))
                                 ? r.attributes().value(QLatin1String("r")).toLongLong()
                                 : x.rowNumber + 1;
        row.clear();
        int nextCol = 0;
        while (!r.atEnd()) {
            r.readNext();
            if (r.isEndElement() && r.name() == u"row")
                break;
            if (!r.isStartElement() || r.name() != u"c")
                continue;
            const QXmlStreamAttributes attrs = r.attributes();
            int col = attrs.hasAttribute(QLatin1String("r")) ? columnIndex(attrs.value(QLatin1String("r"))) : nextCol;
            if (col < 0)
                return failNow(QStringLiteral("row %1 has a bad cell reference").arg(rowNo));
            if (col >= lim.maxColumns)
                return failNow(QStringLiteral("row %1 has more than %2 columns").arg(rowNo).arg(lim.maxColumns));
            const QString type = attrs.value(QLatin1String("t")).toString();
            QString value;
            QString inlineText;
            bool hasValue = false;
            while (!r.atEnd()) {
                r.readNext();
                if (r.isEndElement() && r.name() == u"c")
                    break;
                if (!r.isStartElement())
                    continue;
                if (r.name() == u"v") {
                    value = r.readElementText();
                    hasValue = true;
                } else if (r.name() == u"t") { // inside <is>
                    inlineText += r.readElementText(QXmlStreamReader::IncludeChildElements);
                } else if (r.name() == u"rPh" || r.name() == u"f") {
                    r.skipCurrentElement();
                }
            }
            if (r.hasError())
                break;
            QString cell;
            bool text = true;
            if (type == u"s") {
                bool ok = false;
                const qsizetype i = value.toLongLong(&ok);
                if (!ok || i < 0 || i >= x.shared.size())
                    return failNow(QStringLiteral("row %1 refers to a missing shared string").arg(rowNo));
                cell = x.shared.at(i);
            } else if (type == u"inlineStr") {
                cell = inlineText;
            } else if (type == u"str" || type == u"e") {
                cell = value;
            } else if (type == u"b") {
                cell = value == u"1" ? QStringLiteral("TRUE") : QStringLiteral("FALSE");
                text = false;
            } else if (hasValue) {
                cell = numberText(value);
                text = false;
            }
            if (cell.size() > lim.maxCellChars)
                return failNow(QStringLiteral("row %1, column %2: cell longer than %3 characters")
                                   .arg(rowNo).arg(col + 1).arg(lim.maxCellChars));
            if (row.size() <= col)
                row.resize(col + 1);
            row[col] = (text && x.options.restoreFormulas) ? restoreFormulaText(cell) : cell;
            nextCol = col + 1;
        }
        if (r.hasError())
            break;
        x.rowNumber = rowNo;
        bool blank = true;
        for (const QString &c : std::as_const(row))
            blank = blank && c.isEmpty();
        if (blank)
            continue;
        if (x.headerWidth < 0) {
            x.headerWidth = row.size();
        } else {
            if (++x.dataRows > lim.maxRows)
                return failNow(QStringLiteral("more than %1 rows").arg(lim.maxRows));
            if (row.size() < x.headerWidth)
                row.resize(x.headerWidth);
        }
        return true;
    }
    if (r.hasError())
        return failNow(x.xmlError(*x.sheetDevice, r, x.sheetEntry));
    x.done = true;
    x.xml.clear();
    x.sheetDevice.reset();
    x.sheetFile.reset();
    return false;
}

} // namespace tt
