#include "reports/xlsxtablereader.h"

#include <QFile>
#include <QFileInfo>
#include <QHash>
#include <QXmlStreamReader>

#include "reports/formulaguard.h"
#include "reports/reportslog.h"
#include "reports/ziparchive.h"

namespace tt {

namespace {

constexpr qint64 kRatioCheckBytes = 1024 * 1024;
constexpr qint64 kSmallPartBytes = 16 * 1024 * 1024; // workbook.xml, rels

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

// ST_Xstring escapes: "_x000D_" is CR, "_x005F_" a literal underscore.
QString decodeXString(const QString &s)
{
    if (!s.contains(QLatin1String("_x")))
        return s;
    QString out;
    out.reserve(s.size());
    for (qsizetype i = 0; i < s.size(); ++i) {
        if (s.at(i) == u'_' && i + 6 < s.size() && s.at(i + 1) == u'x' && s.at(i + 6) == u'_') {
            bool ok = false;
            const ushort code = QStringView(s).sliced(i + 2, 4).toUShort(&ok, 16);
            if (ok) {
                out += QChar(code);
                i += 6;
                continue;
            }
        }
        out += s.at(i);
    }
    return out;
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
    std::unique_ptr<ZipArchive> zip;
    std::unique_ptr<QIODevice> sheetDevice;
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
    QString xmlError(QIODevice &dev, QXmlStreamReader &reader, const QString &entry) const;
};

QString XlsxTableReader::Impl::xmlError(QIODevice &dev, QXmlStreamReader &reader, const QString &entry) const
{
    if (dev.property("ttFailed").toBool()) // the zip entry failed: bomb guard, damage, checksum
        return dev.errorString();
    return QStringLiteral("%1 is not valid XML (line %2: %3)")
        .arg(entry).arg(reader.lineNumber()).arg(reader.errorString());
}

Result<QByteArray> XlsxTableReader::Impl::readSmall(const QString &entry, qint64 maxBytes)
{
    const ZipArchive::Entry *e = zip->find(entry);
    if (!e)
        return fail(Reason::InvalidInput, QStringLiteral("missing %1").arg(entry));
    if (e->uncompressedSize > maxBytes)
        return fail(Reason::InvalidInput, QStringLiteral("%1 is larger than %2 bytes").arg(entry).arg(maxBytes));
    auto dev = zip->openEntry(*e, maxBytes);
    if (!dev)
        return std::unexpected(dev.error());
    QByteArray data;
    char buf[16384];
    while (true) {
        const qint64 n = (*dev)->read(buf, sizeof buf);
        if (n < 0)
            return fail(Reason::InvalidInput, (*dev)->errorString());
        if (n == 0)
            break;
        data.append(buf, n);
    }
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
    const ZipArchive::Entry *e = zip->find(entry);
    if (!e)
        return {}; // optional
    auto opened = zip->openEntry(*e, options.limits.maxUncompressedBytes - consumed);
    if (!opened)
        return check(opened.error().message);
    QIODevice &dev = **opened;
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
            shared.append(decodeXString(text));
        }
    }
    if (r.hasError())
        return check(xmlError(dev, r, entry));
    consumed += e->uncompressedSize;
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
    auto zip = ZipArchive::open(path, options.limits.maxZipEntries);
    if (!zip)
        return bad(zip.error().message);
    x.zip = std::move(*zip);
    const QList<ZipArchive::Entry> &entries = x.zip->entries();
    qint64 declared = 0;
    bool hasWorkbook = false, hasContentTypes = false;
    for (const ZipArchive::Entry &e : entries) {
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

    const ZipArchive::Entry *sheet = x.zip->find(x.sheetEntry);
    if (!sheet)
        return bad(QStringLiteral("the worksheet %1 is missing").arg(x.sheetEntry));
    auto dev = x.zip->openEntry(*sheet, options.limits.maxUncompressedBytes - x.consumed);
    if (!dev)
        return bad(dev.error().message);
    x.sheetDeclared = sheet->uncompressedSize;
    x.sheetDevice = std::move(*dev);
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
    return std::min(1.0, double(d->xml.characterOffset()) / double(d->sheetDeclared));
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
                cell = decodeXString(inlineText);
            } else if (type == u"str" || type == u"e") {
                cell = decodeXString(value);
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
    return false;
}

} // namespace tt
