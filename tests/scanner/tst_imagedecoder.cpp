#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include "codeimages.h"
#include "core/scaninterpreter.h"
#include "scanner/imagedecoder.h"
#include "scanner/imagescansource.h"

using namespace tt;

namespace {

ZXing::BarcodeFormat formatFromName(const QString &name)
{
    if (name == u"QRCode")
        return ZXing::BarcodeFormat::QRCode;
    if (name == u"DataMatrix")
        return ZXing::BarcodeFormat::DataMatrix;
    if (name == u"EAN-13")
        return ZXing::BarcodeFormat::EAN13;
    return ZXing::BarcodeFormat::Code128;
}

QImage degrade(const QImage &image, const QString &how)
{
    using namespace codeimages;
    if (how == u"none")
        return image;
    if (how == u"rotate 90")
        return rotated(image, 90);
    if (how == u"rotate 180")
        return rotated(image, 180);
    if (how == u"rotate 10")
        return rotated(image, 10);
    if (how == u"rotate 33")
        return rotated(image, 33);
    if (how == u"scale 0.5")
        return scaled(image, 0.5);
    if (how == u"scale 0.45")
        return scaled(image, 0.45);
    if (how == u"noise")
        return noisy(image, 60, 0.002, 7);
    if (how == u"faded noise")
        return noisy(faded(image), 30, 0.001, 11);
    if (how == u"all")
        return noisy(scaled(rotated(image, 8), 0.6), 50, 0.005, 3);
    qFatal("unknown degradation");
    return {};
}

} // namespace

// Image decoding with ZXing (BRIEF §4 "Image"): codes we encode, degraded, decode back.
class TestImageDecoder : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { qRegisterMetaType<ScanEvent>(); }

    void degradedCodesDecode_data()
    {
        QTest::addColumn<QString>("format");
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("degradation");
        QTest::addColumn<QString>("symbology");
        const QStringList all2d{QStringLiteral("none"), QStringLiteral("rotate 90"), QStringLiteral("rotate 180"),
                                QStringLiteral("rotate 33"), QStringLiteral("scale 0.5"), QStringLiteral("scale 0.45"),
                                QStringLiteral("noise"), QStringLiteral("faded noise"), QStringLiteral("all")};
        const QStringList linear{QStringLiteral("none"), QStringLiteral("rotate 90"), QStringLiteral("rotate 180"),
                                 QStringLiteral("rotate 10"), QStringLiteral("scale 0.5"), QStringLiteral("noise"),
                                 QStringLiteral("faded noise"), QStringLiteral("all")};
        for (const QString &d : all2d) {
            QTest::addRow("qr %s", qPrintable(d)) << "QRCode" << "SB00001" << d << "]Q1";
            QTest::addRow("datamatrix %s", qPrintable(d)) << "DataMatrix" << "M444-00042" << d << "]d1";
        }
        for (const QString &d : linear)
            QTest::addRow("code128 %s", qPrintable(d)) << "Code128" << "C0001X" << d << "]C0";
        QTest::newRow("qr command") << "QRCode" << "TT:BILL:B-2024-17" << "noise" << "]Q1";
        QTest::newRow("ean13") << "EAN-13" << "4006381333931" << "scale 0.5" << "]E0";
    }
    void degradedCodesDecode()
    {
        QFETCH(QString, format);
        QFETCH(QString, text);
        QFETCH(QString, degradation);
        QFETCH(QString, symbology);
        const QImage image = degrade(codeimages::encode(formatFromName(format), text.toStdString()), degradation);
        const QList<DecodedCode> codes = ImageDecoder::decode(image);
        QCOMPARE(codes.size(), 1);
        QCOMPARE(codes[0].text, text);
        QCOMPARE(codes[0].format, format);
        QCOMPARE(codes[0].symbology, symbology);
        QVERIFY(codes[0].box.intersects(image.rect()));
        // And the station understands what it got.
        const InterpretedScan s = interpretScan(codes[0].scanText());
        QVERIFY(s.kind != InterpretedScan::Kind::Invalid);
    }

    void manyCodesInOneImage()
    {
        const QImage qr = codeimages::encode(ZXing::BarcodeFormat::QRCode, "SB00001");
        const QImage dm = codeimages::encode(ZXing::BarcodeFormat::DataMatrix, "C0002", 4);
        const QImage c128 = codeimages::encode(ZXing::BarcodeFormat::Code128, "C0003", 3, 90);
        QImage sheet(1200, 700, QImage::Format_Grayscale8);
        sheet.fill(255);
        QPainter p(&sheet);
        p.drawImage(40, 40, qr);
        p.drawImage(600, 60, dm);
        p.drawImage(80, 450, c128);
        p.drawImage(700, 400, codeimages::rotated(codeimages::encode(ZXing::BarcodeFormat::QRCode, "C0004", 3), 45));
        p.end();
        const QList<DecodedCode> codes = ImageDecoder::decode(codeimages::noisy(sheet, 30, 0.002, 5));
        QStringList texts;
        for (const DecodedCode &c : codes)
            texts << c.text;
        texts.sort();
        QCOMPARE(texts, (QStringList{QStringLiteral("C0002"), QStringLiteral("C0003"), QStringLiteral("C0004"),
                                     QStringLiteral("SB00001")}));
    }

    // GS1-128 with FNC1 (ZXing writes U+00F1 as FNC1): SSCC and weight reach the station.
    void gs1Code128()
    {
        const QImage image = codeimages::encode(ZXing::BarcodeFormat::Code128,
                                    "\xC3\xB1" "00340123450000000017" "3103001250" "10LOT7" "\xC3\xB1" "21S9", 3, 100);
        const QList<DecodedCode> codes = ImageDecoder::decode(codeimages::noisy(image, 40, 0.003, 9));
        QCOMPARE(codes.size(), 1);
        QCOMPARE(codes[0].symbology, QStringLiteral("]C1"));
        QVERIFY(codes[0].gs1);
        QCOMPARE(codes[0].text, QStringLiteral("00340123450000000017310300125010LOT7\u001D21S9"));
        const InterpretedScan s = interpretScan(codes[0].scanText());
        QCOMPARE(s.kind, InterpretedScan::Kind::BagCode);
        QCOMPARE(s.code, QStringLiteral("340123450000000017"));
        QCOMPARE(s.measuredWeightG, std::optional<qint64>(1250));
        QCOMPARE(s.gs1Text, QStringLiteral("(00)340123450000000017(3103)001250(10)LOT7(21)S9"));
    }

    void nothingToFind()
    {
        QImage blank(300, 200, QImage::Format_Grayscale8);
        blank.fill(255);
        QVERIFY(ImageDecoder::decode(codeimages::noisy(blank, 60, 0.02, 1)).isEmpty());
        QVERIFY(ImageDecoder::decode(QImage()).isEmpty());
    }

    void files()
    {
        QTemporaryDir dir;
        const QString png = dir.filePath(QStringLiteral("label.png"));
        QVERIFY(codeimages::encode(ZXing::BarcodeFormat::DataMatrix, "SB00077").save(png));
        const Result<QList<DecodedCode>> ok = ImageDecoder::decodeFile(png);
        QVERIFY(ok.has_value());
        QCOMPARE(ok->size(), 1);
        QCOMPARE(ok->first().text, QStringLiteral("SB00077"));

        const Result<QList<DecodedCode>> missing = ImageDecoder::decodeFile(dir.filePath(QStringLiteral("nope.png")));
        QVERIFY(!missing);
        QVERIFY(missing.error().message.contains(QStringLiteral("does not exist")));

        const QString text = dir.filePath(QStringLiteral("notes.png"));
        QFile f(text);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("this is not an image");
        f.close();
        const Result<QList<DecodedCode>> garbage = ImageDecoder::decodeFile(text);
        QVERIFY(!garbage);
        QVERIFY(garbage.error().message.contains(QStringLiteral("cannot be read")));

        ImageScanSource source;
        QSignalSpy scans(&source, &ImageScanSource::scanned);
        QSignalSpy rejected(&source, &ImageScanSource::rejected);
        QCOMPARE(source.scanFile(png).value_or(-1), 1);
        QCOMPARE(scans.count(), 1);
        const ScanEvent e = scans.first().at(0).value<ScanEvent>();
        QCOMPARE(e.text, QStringLiteral("]d1SB00077"));
        QCOMPARE(e.symbology, QStringLiteral("]d1"));
        QVERIFY(!source.scanFile(text));
        QCOMPARE(rejected.count(), 1);
    }
};

QTEST_MAIN(TestImageDecoder)
#include "tst_imagedecoder.moc"
