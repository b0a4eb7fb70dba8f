#include <QBuffer>
#include <QElapsedTimer>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

#include <QtEndian>

#include <zlib.h>

#include "reports/csvreader.h"
#include "reports/csvwriter.h"
#include "reports/formulaguard.h"
#include "reports/tablefile.h"
#include "reports/xlsxtablereader.h"
#include "reports/xlsxtablewriter.h"

using namespace tt;

using Rows = QList<QStringList>;

class TestTables : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void formulaGuard_data();
    void formulaGuard();
    void csvRoundTrip_data();
    void csvRoundTrip();
    void xlsxRoundTrip_data();
    void xlsxRoundTrip();
    void csvInput_data();
    void csvInput();
    void csvBadInput_data();
    void csvBadInput();
    void xlsxBadInput_data();
    void xlsxBadInput();
    void xlsxSharedStrings();
    void largeFiles();
    void limits();
};

namespace {

Rows tricky()
{
    return {
        {QStringLiteral("code"), QStringLiteral("note"), QStringLiteral("weight_g")},
        {QStringLiteral("SB00001"), QStringLiteral("plain"), QStringLiteral("1000")},
        {QStringLiteral("SB00002"), QStringLiteral("comma, inside"), QStringLiteral("-250")},
        {QStringLiteral("SB00003"), QStringLiteral("quote \"inside\""), QStringLiteral("0")},
        {QStringLiteral("SB00004"), QStringLiteral("two\nlines\r\nand CRLF"), QString()},
        {QStringLiteral("SB00005"), QStringLiteral("=HYPERLINK(\"http://x\")"), QStringLiteral("12")},
        {QStringLiteral("SB00006"), QStringLiteral("+1+2"), QStringLiteral("-12.5")},
        {QStringLiteral("SB00007"), QStringLiteral("@SUM(A1)"), QStringLiteral("'=already")},
        {QStringLiteral("SB00008"), QStringLiteral("ünïcödé ✓ 日本"), QStringLiteral(" edge ")},
        {QStringLiteral("SB00009"), QString(), QStringLiteral("'quoted")},
    };
}

Rows readAll(RowSource &source, QString *error = nullptr)
{
    Rows rows;
    QStringList row;
    while (true) {
        auto r = source.next(row);
        if (!r) {
            if (error)
                *error = r.error().message;
            break;
        }
        if (!*r)
            break;
        rows << row;
    }
    return rows;
}

QString readError(const QString &path, const TableLimits &limits = {})
{
    auto source = TableFile::open(path, limits);
    if (!source)
        return source.error().message;
    QString error;
    readAll(**source, &error);
    return error;
}

void writeFile(const QString &path, const QByteArray &bytes)
{
    QFile f(path);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write(bytes);
}

// A zip with the given entries (name → content), deflated with zlib.
void writeZip(const QString &path, const QList<std::pair<QString, QByteArray>> &entries)
{
    QByteArray out, dir;
    auto le16 = [](QByteArray &b, quint16 v) { char c[2]; qToLittleEndian(v, c); b.append(c, 2); };
    auto le32 = [](QByteArray &b, quint32 v) { char c[4]; qToLittleEndian(v, c); b.append(c, 4); };
    for (const auto &[name, data] : entries) {
        QByteArray packed(compressBound(uLong(data.size())) + 64, Qt::Uninitialized);
        z_stream zs{};
        deflateInit2(&zs, 9, Z_DEFLATED, -MAX_WBITS, 8, Z_DEFAULT_STRATEGY);
        zs.next_in = reinterpret_cast<Bytef *>(const_cast<char *>(data.constData()));
        zs.avail_in = uInt(data.size());
        zs.next_out = reinterpret_cast<Bytef *>(packed.data());
        zs.avail_out = uInt(packed.size());
        deflate(&zs, Z_FINISH);
        packed.resize(qsizetype(zs.total_out));
        deflateEnd(&zs);
        const quint32 crc = quint32(crc32(0, reinterpret_cast<const Bytef *>(data.constData()), uInt(data.size())));
        const QByteArray n = name.toUtf8();
        const quint32 offset = quint32(out.size());
        le32(out, 0x04034b50); le16(out, 20); le16(out, 0x800); le16(out, 8); le16(out, 0); le16(out, 0);
        le32(out, crc); le32(out, quint32(packed.size())); le32(out, quint32(data.size()));
        le16(out, quint16(n.size())); le16(out, 0); out += n; out += packed;
        le32(dir, 0x02014b50); le16(dir, 20); le16(dir, 20); le16(dir, 0x800); le16(dir, 8); le16(dir, 0); le16(dir, 0);
        le32(dir, crc); le32(dir, quint32(packed.size())); le32(dir, quint32(data.size()));
        le16(dir, quint16(n.size())); le16(dir, 0); le16(dir, 0); le16(dir, 0); le16(dir, 0); le32(dir, 0);
        le32(dir, offset); dir += n;
    }
    const quint32 dirOffset = quint32(out.size());
    out += dir;
    le32(out, 0x06054b50); le16(out, 0); le16(out, 0); le16(out, quint16(entries.size()));
    le16(out, quint16(entries.size())); le32(out, quint32(dir.size())); le32(out, dirOffset); le16(out, 0);
    writeFile(path, out);
}

QByteArray workbookXml()
{
    return QByteArrayLiteral(
        "<?xml version=\"1.0\"?><workbook xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" "
        "xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\">"
        "<sheets><sheet name=\"Data\" sheetId=\"1\" r:id=\"rId1\"/></sheets></workbook>");
}

QByteArray relsXml()
{
    return QByteArrayLiteral(
        "<?xml version=\"1.0\"?><Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
        "<Relationship Id=\"rId1\" Type=\"worksheet\" Target=\"worksheets/data.xml\"/></Relationships>");
}

} // namespace

void TestTables::formulaGuard_data()
{
    QTest::addColumn<QString>("cell");
    QTest::addColumn<QString>("neutral");
    QTest::newRow("plain") << QStringLiteral("SB12345") << QStringLiteral("SB12345");
    QTest::newRow("equals") << QStringLiteral("=1+1") << QStringLiteral("'=1+1");
    QTest::newRow("plus") << QStringLiteral("+A1") << QStringLiteral("'+A1");
    QTest::newRow("minus text") << QStringLiteral("-cmd") << QStringLiteral("'-cmd");
    QTest::newRow("at") << QStringLiteral("@SUM(1)") << QStringLiteral("'@SUM(1)");
    QTest::newRow("tab") << QStringLiteral("\t=1") << QStringLiteral("'\t=1");
    QTest::newRow("negative number") << QStringLiteral("-250") << QStringLiteral("-250");
    QTest::newRow("positive number") << QStringLiteral("+1.5e3") << QStringLiteral("+1.5e3");
    QTest::newRow("already quoted") << QStringLiteral("'=1") << QStringLiteral("''=1");
    QTest::newRow("apostrophe text") << QStringLiteral("'hello") << QStringLiteral("'hello");
    QTest::newRow("empty") << QString() << QString();
}

void TestTables::formulaGuard()
{
    QFETCH(QString, cell);
    QFETCH(QString, neutral);
    QCOMPARE(neutralizeFormula(cell), neutral);
    QCOMPARE(restoreFormulaText(neutralizeFormula(cell)), cell);
}

void TestTables::csvRoundTrip_data()
{
    QTest::addColumn<bool>("bom");
    QTest::newRow("no bom") << false;
    QTest::newRow("bom") << true;
}

void TestTables::csvRoundTrip()
{
    QFETCH(bool, bom);
    QTemporaryDir tmp;
    const QString path = tmp.filePath(QStringLiteral("t.csv"));
    {
        auto w = CsvWriter::create(path, {true, bom});
        QVERIFY(w);
        for (const QStringList &r : tricky())
            QVERIFY((*w)->write(r));
        QVERIFY((*w)->finish());
    }
    QFile f(path);
    QVERIFY(f.open(QIODevice::ReadOnly));
    const QByteArray bytes = f.readAll();
    QCOMPARE(bytes.startsWith("\xEF\xBB\xBF"), bom);
    // Formula cells are neutralised on disk, negative numbers are not.
    QVERIFY(bytes.contains("'=HYPERLINK"));
    QVERIFY(bytes.contains("'+1+2"));
    QVERIFY(bytes.contains(",-250\r\n"));
    QVERIFY(bytes.contains("\"quote \"\"inside\"\"\""));
    auto r = CsvReader::open(path);
    QVERIFY(r);
    QCOMPARE(readAll(**r), tricky());
    QCOMPARE((*r)->hadByteOrderMark(), bom);
}

void TestTables::xlsxRoundTrip_data()
{
    QTest::addColumn<QList<int>>("integerColumns");
    QTest::newRow("all text") << QList<int>{};
    QTest::newRow("weights as numbers") << QList<int>{2};
}

void TestTables::xlsxRoundTrip()
{
    QFETCH(QList<int>, integerColumns);
    QTemporaryDir tmp;
    const QString path = tmp.filePath(QStringLiteral("t.xlsx"));
    {
        XlsxTableWriter::Options o;
        o.integerColumns = integerColumns;
        o.sheetName = QStringLiteral("Bags");
        auto w = XlsxTableWriter::create(path, o);
        QVERIFY(w);
        for (const QStringList &r : tricky())
            QVERIFY((*w)->write(r));
        QVERIFY((*w)->finish());
    }
    auto r = XlsxTableReader::open(path);
    QVERIFY2(r, qPrintable(r ? QString() : r.error().message));
    QCOMPARE((*r)->sheetName(), QStringLiteral("Bags"));
    Rows expected = tricky();
    QCOMPARE(readAll(**r), expected);
    // Through the by-content factory too.
    auto any = TableFile::open(path);
    QVERIFY(any);
    QCOMPARE(readAll(**any), expected);
}

void TestTables::csvInput_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<Rows>("rows");
    QTest::addColumn<QString>("encoding");
    const Rows plain{{QStringLiteral("code"), QStringLiteral("name")}, {QStringLiteral("SB00001"), QStringLiteral("Müller")}};
    QTest::newRow("utf8") << QByteArray("code,name\nSB00001,M\xC3\xBCller\n") << plain << QStringLiteral("UTF-8");
    QTest::newRow("utf8 bom crlf") << QByteArray("\xEF\xBB\xBF" "code,name\r\nSB00001,M\xC3\xBCller\r\n") << plain << QStringLiteral("UTF-8");
    QTest::newRow("latin1") << QByteArray("code,name\nSB00001,M\xFCller\n") << plain << QStringLiteral("Latin-1");
    QTest::newRow("no final newline") << QByteArray("code,name\nSB00001,M\xC3\xBCller") << plain << QStringLiteral("UTF-8");
    QTest::newRow("cr only") << QByteArray("code,name\rSB00001,M\xC3\xBCller\r") << plain << QStringLiteral("UTF-8");
    QTest::newRow("semicolon") << QByteArray("code;name\nSB00001;M\xC3\xBCller\n") << plain << QStringLiteral("UTF-8");
    QTest::newRow("tab") << QByteArray("code\tname\nSB00001\tM\xC3\xBCller\n") << plain << QStringLiteral("UTF-8");
    QTest::newRow("blank lines") << QByteArray("code,name\n\nSB00001,M\xC3\xBCller\n\n\n") << plain << QStringLiteral("UTF-8");
    const QString text = QStringLiteral("code,name\r\nSB00001,Müller\r\n");
    QByteArray le("\xFF\xFE"), be("\xFE\xFF"), leNoBom;
    for (QChar c : text) {
        le.append(char(c.unicode() & 0xff)).append(char(c.unicode() >> 8));
        leNoBom.append(char(c.unicode() & 0xff)).append(char(c.unicode() >> 8));
        be.append(char(c.unicode() >> 8)).append(char(c.unicode() & 0xff));
    }
    QTest::newRow("utf16le bom") << le << plain << QStringLiteral("UTF-16LE");
    QTest::newRow("utf16be bom") << be << plain << QStringLiteral("UTF-16BE");
    QTest::newRow("utf16le no bom") << leNoBom << plain << QStringLiteral("UTF-16LE");
    QTest::newRow("embedded newline and quotes")
        << QByteArray("code,name\r\nSB00001,\"line1\r\nline2 \"\"q\"\"\"\r\n")
        << Rows{{QStringLiteral("code"), QStringLiteral("name")}, {QStringLiteral("SB00001"), QStringLiteral("line1\r\nline2 \"q\"")}}
        << QStringLiteral("UTF-8");
    QTest::newRow("empty fields")
        << QByteArray("a,b,c\n,,\n\"\",x,\n")
        << Rows{{QStringLiteral("a"), QStringLiteral("b"), QStringLiteral("c")}, {QString(), QString(), QString()},
                {QString(), QStringLiteral("x"), QString()}}
        << QStringLiteral("UTF-8");
}

void TestTables::csvInput()
{
    QFETCH(QByteArray, bytes);
    QFETCH(Rows, rows);
    QFETCH(QString, encoding);
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::ReadOnly);
    CsvReader reader(&buffer);
    QString error;
    QCOMPARE(readAll(reader, &error), rows);
    QCOMPARE(error, QString());
    QCOMPARE(CsvReader::encodingName(reader.encoding()), encoding);
}

void TestTables::csvBadInput_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<QString>("message");
    QTest::newRow("unclosed quote") << QByteArray("a,b\n1,\"open\n2,3\n") << QStringLiteral("Row 2: a quoted field is not closed");
    QTest::newRow("text after quote") << QByteArray("a,b\n1,\"x\"y\n") << QStringLiteral("Row 2, column 2: unexpected text after a closing quote");
    QTest::newRow("binary") << QByteArray("PNG\0\0\x01\x02garbage", 14) << QStringLiteral("binary file");
    QTest::newRow("utf32") << QByteArray("\xFF\xFE\0\0a\0\0\0", 8) << QStringLiteral("UTF-32");
    QByteArray badLater = "a,b\n" + QByteArray(70000, 'x') + ",\xC3\x28\n";
    QTest::newRow("invalid utf8 after 64k") << badLater << QStringLiteral("Invalid UTF-8 text");
}

void TestTables::csvBadInput()
{
    QFETCH(QByteArray, bytes);
    QFETCH(QString, message);
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::ReadOnly);
    CsvReader::Options o;
    o.limits.maxCellChars = 100000;
    CsvReader reader(&buffer, o);
    QString error;
    readAll(reader, &error);
    QVERIFY2(error.contains(message), qPrintable(error));
    // Finished after an error: no crash, no more rows.
    QStringList row;
    QVERIFY(!reader.next(row));
}

void TestTables::xlsxBadInput_data()
{
    QTest::addColumn<QString>("kind");
    QTest::addColumn<QString>("message");
    QTest::newRow("truncated") << QStringLiteral("truncated") << QStringLiteral("truncated or damaged");
    QTest::newRow("not a zip") << QStringLiteral("notzip") << QStringLiteral("not a zip archive");
    QTest::newRow("foreign zip") << QStringLiteral("foreign") << QStringLiteral("not an XLSX workbook");
    QTest::newRow("zip bomb ratio") << QStringLiteral("bomb") << QStringLiteral("zip bomb");
    QTest::newRow("dtd") << QStringLiteral("dtd") << QStringLiteral("DTD");
    QTest::newRow("bad xml") << QStringLiteral("badxml") << QStringLiteral("not valid XML");
    QTest::newRow("missing shared string") << QStringLiteral("sst") << QStringLiteral("missing shared string");
    // Flipped bytes either fail to inflate or inflate to broken XML, caught before the CRC.
    QTest::newRow("corrupt data") << QStringLiteral("corrupt") << QStringLiteral("sheet1.xml");
}

void TestTables::xlsxBadInput()
{
    QFETCH(QString, kind);
    QFETCH(QString, message);
    QTemporaryDir tmp;
    const QString path = tmp.filePath(QStringLiteral("bad.xlsx"));
    const QByteArray types("<?xml version=\"1.0\"?><Types/>");
    auto sheet = [](const QByteArray &rows) -> QByteArray {
        return "<?xml version=\"1.0\"?><worksheet><sheetData>" + rows + "</sheetData></worksheet>";
    };
    if (kind == u"truncated" || kind == u"corrupt") {
        const QString good = tmp.filePath(QStringLiteral("good.xlsx"));
        auto w = XlsxTableWriter::create(good);
        QVERIFY(w);
        for (int i = 0; i < 20000; ++i)
            QVERIFY((*w)->write({QStringLiteral("SB%1").arg(i), QString::number(i * 7919 % 10007)}));
        QVERIFY((*w)->finish());
        QFile f(good);
        QVERIFY(f.open(QIODevice::ReadOnly));
        QByteArray bytes = f.readAll();
        if (kind == u"truncated") {
            bytes.truncate(bytes.size() / 2);
        } else {
            // Flip bytes in the middle of the (largest) sheet entry's compressed data.
            for (qsizetype i = bytes.size() / 3; i < bytes.size() / 3 + 64; ++i)
                bytes[i] = char(bytes[i] ^ 0x5a);
        }
        writeFile(path, bytes);
    } else if (kind == u"notzip") {
        writeFile(path, "code,name\nSB00001,x\n");
    } else if (kind == u"foreign") {
        writeZip(path, {{QStringLiteral("hello.txt"), "hello"}, {QStringLiteral("docs/readme.md"), "# x"}});
    } else if (kind == u"bomb") {
        // 64 MB of one repeated row compresses about 1000:1.
        QByteArray rows;
        const QByteArray row("<row><c t=\"inlineStr\"><is><t>AAAAAAAAAAAAAAAA</t></is></c></row>");
        rows.reserve(64 << 20);
        while (rows.size() < (64 << 20))
            rows += row;
        writeZip(path, {{QStringLiteral("[Content_Types].xml"), types}, {QStringLiteral("xl/workbook.xml"), workbookXml()},
                        {QStringLiteral("xl/_rels/workbook.xml.rels"), relsXml()},
                        {QStringLiteral("xl/worksheets/data.xml"), sheet(rows)}});
    } else if (kind == u"dtd") {
        writeZip(path, {{QStringLiteral("[Content_Types].xml"), types}, {QStringLiteral("xl/workbook.xml"), workbookXml()},
                        {QStringLiteral("xl/_rels/workbook.xml.rels"), relsXml()},
                        {QStringLiteral("xl/worksheets/data.xml"),
                         "<?xml version=\"1.0\"?><!DOCTYPE lol [<!ENTITY lol \"lol\">]><worksheet><sheetData>"
                         "<row><c t=\"inlineStr\"><is><t>&lol;</t></is></c></row></sheetData></worksheet>"}});
    } else if (kind == u"badxml") {
        writeZip(path, {{QStringLiteral("[Content_Types].xml"), types}, {QStringLiteral("xl/workbook.xml"), workbookXml()},
                        {QStringLiteral("xl/_rels/workbook.xml.rels"), relsXml()},
                        {QStringLiteral("xl/worksheets/data.xml"), "<worksheet><sheetData><row><c><v>1</v></row>"}});
    } else if (kind == u"sst") {
        writeZip(path, {{QStringLiteral("[Content_Types].xml"), types}, {QStringLiteral("xl/workbook.xml"), workbookXml()},
                        {QStringLiteral("xl/_rels/workbook.xml.rels"), relsXml()},
                        {QStringLiteral("xl/worksheets/data.xml"), sheet("<row r=\"1\"><c r=\"A1\" t=\"s\"><v>7</v></c></row>")}});
    }
    const QString error = readError(path);
    QVERIFY2(error.contains(message), qPrintable(error));
}

void TestTables::xlsxSharedStrings()
{
    // A workbook as Excel writes it: shared strings with rich text and phonetic runs, sparse
    // cells, numbers, booleans, a formula with its cached value.
    QTemporaryDir tmp;
    const QString path = tmp.filePath(QStringLiteral("excel.xlsx"));
    const QByteArray sst(
        "<?xml version=\"1.0\"?><sst count=\"3\" uniqueCount=\"3\">"
        "<si><t>code</t></si>"
        "<si><r><t>SB</t></r><r><rPr><b/></rPr><t xml:space=\"preserve\">00001</t></r><rPh><t>IGNORED</t></rPh></si>"
        "<si><t>=cmd</t></si></sst>");
    const QByteArray sheet(
        "<?xml version=\"1.0\"?><worksheet><sheetData>"
        "<row r=\"1\"><c r=\"A1\" t=\"s\"><v>0</v></c><c r=\"C1\" t=\"inlineStr\"><is><t>n</t></is></c></row>"
        "<row r=\"3\"><c r=\"A3\" t=\"s\"><v>1</v></c><c r=\"B3\" t=\"b\"><v>1</v></c><c r=\"C3\"><v>30000</v></c></row>"
        "<row r=\"4\"><c r=\"A4\" t=\"s\"><v>2</v></c><c r=\"C4\"><f>1+1</f><v>2.5</v></c></row>"
        "</sheetData></worksheet>");
    writeZip(path, {{QStringLiteral("[Content_Types].xml"), "<Types/>"}, {QStringLiteral("xl/workbook.xml"), workbookXml()},
                    {QStringLiteral("xl/_rels/workbook.xml.rels"), relsXml()},
                    {QStringLiteral("xl/sharedStrings.xml"), sst}, {QStringLiteral("xl/worksheets/data.xml"), sheet}});
    auto r = XlsxTableReader::open(path);
    QVERIFY2(r, qPrintable(r ? QString() : r.error().message));
    QStringList row;
    QVERIFY(*(*r)->next(row));
    QCOMPARE(row, (QStringList{QStringLiteral("code"), QString(), QStringLiteral("n")}));
    QVERIFY(*(*r)->next(row));
    QCOMPARE((*r)->rowNumber(), 3);
    QCOMPARE(row, (QStringList{QStringLiteral("SB00001"), QStringLiteral("TRUE"), QStringLiteral("30000")}));
    QVERIFY(*(*r)->next(row));
    // "=cmd" from a foreign file is not ours to un-neutralise; it is returned as is.
    QCOMPARE(row, (QStringList{QStringLiteral("=cmd"), QString(), QStringLiteral("2.5")}));
    QVERIFY(!*(*r)->next(row));
}

void TestTables::largeFiles()
{
    // 200 000 rows each way, streamed: the readers see every row, in order.
    QTemporaryDir tmp;
    const int n = 200'000;
    for (const QString name : {QStringLiteral("big.csv"), QStringLiteral("big.xlsx")}) {
        QElapsedTimer t;
        t.start();
        const QString path = tmp.filePath(name);
        auto sink = TableFile::create(path, {2});
        QVERIFY(sink);
        QVERIFY((*sink)->write({QStringLiteral("code"), QStringLiteral("parent_code"), QStringLiteral("weight_g")}));
        for (int i = 0; i < n; ++i)
            QVERIFY((*sink)->write({QStringLiteral("C%1").arg(i, 8, 10, QLatin1Char('0')),
                                    QStringLiteral("SB%1").arg(i / 30, 5, 10, QLatin1Char('0')), QString::number(1000 + i % 7)}));
        QVERIFY((*sink)->finish());
        const qint64 written = t.restart();
        auto source = TableFile::open(path);
        QVERIFY(source);
        QStringList row;
        QVERIFY(*(*source)->next(row));
        int count = 0;
        double lastProgress = 0;
        while (true) {
            auto more = (*source)->next(row);
            QVERIFY(more);
            if (!*more)
                break;
            if (count % 50000 == 0) {
                QVERIFY((*source)->progress() >= lastProgress);
                lastProgress = (*source)->progress();
            }
            QCOMPARE(row.at(0), QStringLiteral("C%1").arg(count, 8, 10, QLatin1Char('0')));
            ++count;
        }
        QCOMPARE(count, n);
        QCOMPARE((*source)->progress(), 1.0);
        qInfo("%s: %d rows written in %lld ms, read in %lld ms", qPrintable(name), n, written, t.elapsed());
    }
}

void TestTables::limits()
{
    QTemporaryDir tmp;
    const QString csv = tmp.filePath(QStringLiteral("l.csv"));
    writeFile(csv, "code\nA\nB\nC\n" + QByteArray(200, 'x') + "\n");
    TableLimits rows;
    rows.maxRows = 2;
    QVERIFY(readError(csv, rows).contains(QStringLiteral("more than 2 rows")));
    TableLimits cell;
    cell.maxCellChars = 100;
    QVERIFY(readError(csv, cell).contains(QStringLiteral("Row 5, column 1: cell longer than 100")));
    TableLimits size;
    size.maxFileBytes = 10;
    QVERIFY(readError(csv, size).contains(QStringLiteral("limit")));
    writeFile(csv, "a,b,c,d,e\n1,2,3,4,5\n");
    TableLimits cols;
    cols.maxColumns = 3;
    QVERIFY(readError(csv, cols).contains(QStringLiteral("more than 3 columns")));

    const QString xlsx = tmp.filePath(QStringLiteral("l.xlsx"));
    auto w = XlsxTableWriter::create(xlsx);
    QVERIFY(w);
    for (int i = 0; i < 5000; ++i)
        QVERIFY((*w)->write({QStringLiteral("row %1").arg(i), QString(300, QLatin1Char('z'))}));
    QVERIFY((*w)->finish());
    QVERIFY(readError(xlsx, rows).contains(QStringLiteral("more than 2 rows")));
    QVERIFY(readError(xlsx, cell).contains(QStringLiteral("cell longer than 100")));
    TableLimits unzip;
    unzip.maxUncompressedBytes = 100'000;
    QVERIFY2(readError(xlsx, unzip).contains(QStringLiteral("zip bomb")), qPrintable(readError(xlsx, unzip)));
    TableLimits entries;
    entries.maxZipEntries = 3;
    QVERIFY(readError(xlsx, entries).contains(QStringLiteral("entries")));

    // Writer limits: XLSX cell length.
    auto big = XlsxTableWriter::create(tmp.filePath(QStringLiteral("big.xlsx")));
    QVERIFY(big);
    auto tooLong = (*big)->write({QString(40000, QLatin1Char('a'))});
    QVERIFY(!tooLong);
    QVERIFY(tooLong.error().message.contains(QStringLiteral("32767")));
}

QTEST_MAIN(TestTables)
#include "tst_tables.moc"
