#include <QTest>

#include "codeimages.h"
#include "core/scaninterpreter.h"
#include "reports/label.h"
#include "reports/labelrenderer.h"
#include "scanner/imagedecoder.h"

using namespace tt;

Q_DECLARE_METATYPE(tt::Symbology)

// Labels drawn by our own label code (reports: LabelRenderer at 203 dpi), degraded like a
// photo, decode back with the scanner's ImageDecoder and mean the same to the station.
class TestLabelScan : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void labelsRoundTrip_data()
    {
        QTest::addColumn<Symbology>("symbology");
        QTest::addColumn<QString>("content");
        QTest::addColumn<QString>("degradation");
        QTest::addColumn<QString>("code");
        QTest::addColumn<qint64>("weightG");
        const QString sscc = QStringLiteral("(00)340123450000000017(3103)001250");
        for (const char *d : {"none", "rotate 90", "rotate 12", "scale 0.6", "noise", "all"}) {
            QTest::addRow("qr %s", d) << Symbology::QrCode << QStringLiteral("SB00001") << QString::fromLatin1(d)
                                      << QStringLiteral("SB00001") << qint64(-1);
            QTest::addRow("datamatrix %s", d) << Symbology::DataMatrix << QStringLiteral("M444-00042")
                                              << QString::fromLatin1(d) << QStringLiteral("M444-00042") << qint64(-1);
            QTest::addRow("code128 %s", d) << Symbology::Code128 << QStringLiteral("C0001") << QString::fromLatin1(d)
                                           << QStringLiteral("C0001") << qint64(-1);
            QTest::addRow("gs1-128 %s", d) << Symbology::Gs1_128 << sscc << QString::fromLatin1(d)
                                           << QStringLiteral("340123450000000017") << qint64(1250);
            QTest::addRow("gs1 datamatrix %s", d) << Symbology::Gs1DataMatrix << sscc << QString::fromLatin1(d)
                                                  << QStringLiteral("340123450000000017") << qint64(1250);
        }
    }
    void labelsRoundTrip()
    {
        QFETCH(Symbology, symbology);
        QFETCH(QString, content);
        QFETCH(QString, degradation);
        QFETCH(QString, code);
        QFETCH(qint64, weightG);

        Label label;
        label.symbology = symbology;
        label.content = content;
        label.title = QStringLiteral("TEST");
        const Result<QImage> rendered = LabelRenderer(LabelFormat::medium(), 203).renderImage(label);
        QVERIFY2(rendered.has_value(), rendered ? "" : qPrintable(rendered.error().message));
        QImage image = *rendered;
        using namespace codeimages;
        if (degradation == u"rotate 90")
            image = rotated(image, 90);
        else if (degradation == u"rotate 12")
            image = rotated(image, 12);
        else if (degradation == u"scale 0.6")
            image = scaled(image, 0.6);
        else if (degradation == u"noise")
            image = noisy(image, 50, 0.002, 17);
        else if (degradation == u"all")
            image = noisy(scaled(rotated(image, 6), 0.7), 40, 0.001, 23);

        const QList<DecodedCode> codes = ImageDecoder::decode(image);
        QCOMPARE(codes.size(), 1);
        const InterpretedScan s = interpretScan(codes[0].scanText());
        QVERIFY2(s.kind == InterpretedScan::Kind::BagCode, qPrintable(s.error.message));
        QCOMPARE(s.code, code);
        QCOMPARE(s.measuredWeightG.value_or(-1), weightG);
        QCOMPARE(s.gs1, weightG > 0);
    }
};

QTEST_MAIN(TestLabelScan)
#include "tst_labelscan.moc"
