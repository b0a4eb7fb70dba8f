#include <QTemporaryDir>
#include <QTest>

#include "core/readmodels.h"
#include "pdftools.h"
#include "reports/barcode.h"
#include "reports/commandsheet.h"
#include "reports/labelrenderer.h"
#include "reports/sscc.h"
#include "reports/zplwriter.h"

using namespace tt;

class TestLabels : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void ssccCheckDigit_data();
    void ssccCheckDigit();
    void ssccMake();
    void labelPdfDecodes_data();
    void labelPdfDecodes();
    void labelImageDecodes();
    void a4SheetDecodes();
    void commandSheetDecodes();
    void zpl();
    void tooLongForLabel();
};

void TestLabels::ssccCheckDigit_data()
{
    QTest::addColumn<QString>("digits");
    QTest::addColumn<int>("check");
    // GS1 General Specifications examples.
    QTest::newRow("gs1 example") << QStringLiteral("00614141123456789") << 0;
    QTest::newRow("zeros") << QStringLiteral("00000000000000000") << 0;
    QTest::newRow("376") << QStringLiteral("37612345000001003") << 9;
    QTest::newRow("gtin13") << QStringLiteral("629104150021") << 3;
    QTest::newRow("not digits") << QStringLiteral("1234A") << -1;
}

void TestLabels::ssccCheckDigit()
{
    QFETCH(QString, digits);
    QFETCH(int, check);
    QCOMPARE(Sscc::checkDigit(digits), check);
}

void TestLabels::ssccMake()
{
    auto s = Sscc::make(0, u"0614141", 123456789);
    QVERIFY2(s, qPrintable(s ? QString() : s.error().message));
    QCOMPARE(s->digits(), QStringLiteral("006141411234567890"));
    QCOMPARE(s->elementString(), QStringLiteral("(00)006141411234567890"));
    QVERIFY(Sscc::fromDigits(u"006141411234567890"));
    const auto wrong = Sscc::fromDigits(u"006141411234567891");
    QVERIFY(!wrong);
    QVERIFY(wrong.error().message.contains(QStringLiteral("check digit")));
    QVERIFY(!Sscc::make(0, u"12", 1));
    QVERIFY(!Sscc::make(0, u"0614141", 1'000'000'000));
}

namespace {

BagDetails parentBag()
{
    BagDetails b;
    b.code = QStringLiteral("SB12345");
    b.role = BagRole::Parent;
    b.typeName = QStringLiteral("SB");
    b.capacity = 30;
    b.billId = QStringLiteral("BILL-2024-0001");
    return b;
}

BagDetails childBag()
{
    BagDetails b;
    b.code = QStringLiteral("CH7788990011");
    b.role = BagRole::Child;
    b.typeName = QStringLiteral("CHILD");
    b.parentCode = QStringLiteral("SB12345");
    b.weightG = 1000;
    return b;
}

Label ssccLabel(Symbology s)
{
    return Label::forSscc(*Sscc::make(0, u"0614141", 123456789), QStringLiteral("SB12345"), s);
}

// What ZXing reports for a label: GS1 element strings come back without parentheses.
QString expectedText(const Label &l)
{
    if (isGs1(l.symbology))
        return QString(l.content).remove(QLatin1Char('(')).remove(QLatin1Char(')'));
    return l.content;
}

} // namespace

void TestLabels::labelPdfDecodes_data()
{
    QTest::addColumn<Label>("label");
    QTest::addColumn<QSizeF>("size");
    QTest::addColumn<QString>("symbologyId");
    const QSizeF small(50, 25), medium(100, 50);
    for (const QSizeF &sz : {small, medium}) {
        const QByteArray tag = sz == small ? "50x25 " : "100x50 ";
        QTest::newRow(QByteArray(tag + "bag qr").constData()) << Label::forBag(parentBag(), Symbology::QrCode) << sz << QStringLiteral("]Q1");
        QTest::newRow(QByteArray(tag + "bag datamatrix").constData()) << Label::forBag(childBag(), Symbology::DataMatrix) << sz << QStringLiteral("]d1");
        QTest::newRow(QByteArray(tag + "bag code128").constData()) << Label::forBag(parentBag(), Symbology::Code128) << sz << QStringLiteral("]C0");
        QTest::newRow(QByteArray(tag + "child code128").constData()) << Label::forBag(childBag(), Symbology::Code128) << sz << QStringLiteral("]C0");
        BillDetails bill;
        bill.id = QStringLiteral("BILL-2024-0001");
        bill.capacity = 10;
        bill.parentCount = 4;
        QTest::newRow(QByteArray(tag + "bill qr").constData()) << Label::forBill(bill, Symbology::QrCode) << sz << QStringLiteral("]Q1");
        QTest::newRow(QByteArray(tag + "bill code128").constData()) << Label::forBill(bill, Symbology::Code128) << sz << QStringLiteral("]C0");
        QTest::newRow(QByteArray(tag + "sscc gs1-128").constData()) << ssccLabel(Symbology::Gs1_128) << sz << QStringLiteral("]C1");
        QTest::newRow(QByteArray(tag + "sscc gs1 datamatrix").constData()) << ssccLabel(Symbology::Gs1DataMatrix) << sz << QStringLiteral("]d2");
    }
}

void TestLabels::labelPdfDecodes()
{
    QFETCH(Label, label);
    QFETCH(QSizeF, size);
    QFETCH(QString, symbologyId);
    QTemporaryDir tmp;
    const QString pdf = tmp.filePath(QStringLiteral("label.pdf"));
    LabelRenderer renderer(LabelFormat{size, false}, 203);
    auto ok = renderer.writePdf({label}, pdf);
    QVERIFY2(ok, qPrintable(ok ? QString() : ok.error().message));
    const QString tag = QString::fromLatin1(QTest::currentDataTag()).replace(QLatin1Char(' '), QLatin1Char('_'));
    QFile::copy(pdf, test::artifactDir() + QStringLiteral("/label_%1.pdf").arg(tag));
    const auto pages = test::pdfPagesToImages(pdf, 203, tmp.filePath(QStringLiteral("page")));
    QCOMPARE(pages.size(), 1);
    // The page is the label size in dots at 203 dpi.
    QVERIFY(std::abs(pages.front().width() - size.width() * 203 / 25.4) < 2.5);
    pages.front().save(test::artifactDir() + QStringLiteral("/label_%1.png").arg(tag));
    const auto decoded = test::decodeAll(pages.front());
    QCOMPARE(decoded.size(), 1);
    QCOMPARE(decoded.front().text, expectedText(label));
    QCOMPARE(decoded.front().symbology, symbologyId);
    // The human-readable text is on the label as text.
    QVERIFY(test::pdfText(pdf).contains(label.text()));
}

void TestLabels::labelImageDecodes()
{
    LabelRenderer renderer(LabelFormat::small(), 203);
    for (Symbology s : {Symbology::QrCode, Symbology::DataMatrix, Symbology::Code128}) {
        Label l = Label::forBag(parentBag(), s);
        auto img = renderer.renderImage(l);
        QVERIFY(img);
        QCOMPARE(img->width(), 400);
        const auto decoded = test::decodeAll(*img);
        QCOMPARE(decoded.size(), 1);
        QCOMPARE(decoded.front().text, l.content);
    }
}

void TestLabels::a4SheetDecodes()
{
    QTemporaryDir tmp;
    QList<Label> labels;
    for (int i = 0; i < 6; ++i) {
        BagDetails b = parentBag();
        b.code = QStringLiteral("SB%1").arg(10000 + i);
        labels << Label::forBag(b, i % 2 ? Symbology::DataMatrix : Symbology::QrCode);
    }
    LabelRenderer renderer(LabelFormat::smallOnA4(), 203);
    QCOMPARE(renderer.sheetGrid(), QSize(4, 11));
    const QString pdf = tmp.filePath(QStringLiteral("sheet.pdf"));
    QVERIFY(renderer.writePdf(labels, pdf));
    QFile::copy(pdf, test::artifactDir() + QStringLiteral("/label_sheet.pdf"));
    const auto pages = test::pdfPagesToImages(pdf, 203, tmp.filePath(QStringLiteral("page")));
    QCOMPARE(pages.size(), 1);
    pages.front().save(test::artifactDir() + QStringLiteral("/label_sheet.png"));
    // ZXing 1.4 finds one DataMatrix per image: decode each label cell of the grid on its own.
    QStringList texts;
    const double dots = 203 / 25.4;
    for (int i = 0; i < labels.size(); ++i) {
        const QRect cell(qRound((5 + (i % 4) * 50) * dots), qRound((11 + (i / 4) * 25) * dots),
                         qRound(50 * dots), qRound(25 * dots));
        for (const auto &d : test::decodeAll(pages.front().copy(cell)))
            texts << d.text;
    }
    texts.sort();
    QStringList expected;
    for (const Label &l : labels)
        expected << l.content;
    QCOMPARE(texts, expected);
}

void TestLabels::commandSheetDecodes()
{
    QTemporaryDir tmp;
    const CommandSheet sheet({QStringLiteral("bill-2024-0001"), QStringLiteral("B/77")}, 203);
    const QString pdf = tmp.filePath(QStringLiteral("commands.pdf"));
    QVERIFY(sheet.writePdf(pdf));
    QFile::copy(pdf, test::artifactDir() + QStringLiteral("/command_sheet.pdf"));
    const auto pages = test::pdfPagesToImages(pdf, 203, tmp.filePath(QStringLiteral("page")));
    QCOMPARE(pages.size(), 1);
    pages.front().save(test::artifactDir() + QStringLiteral("/command_sheet.png"));
    const QStringList expected = {QStringLiteral("TT:BILL:B/77"), QStringLiteral("TT:BILL:BILL-2024-0001"),
                                  QStringLiteral("TT:COMPLETE"), QStringLiteral("TT:DONE"), QStringLiteral("TT:UNDO")};
    QStringList linear, qr;
    for (const auto &d : test::decodeAll(pages.front())) {
        if (d.format == ZXing::BarcodeFormat::Code128)
            linear << d.text;
        else if (d.format == ZXing::BarcodeFormat::QRCode)
            qr << d.text;
    }
    linear.sort();
    qr.sort();
    QCOMPARE(linear, expected);
    QCOMPARE(qr, expected);
    const QString text = test::pdfText(pdf);
    for (const QString &c : expected)
        QVERIFY2(text.contains(c), qPrintable(c));
}

void TestLabels::zpl()
{
    ZplWriter zpl(LabelFormat::small(), 203);
    auto qr = zpl.label(Label::forBag(parentBag(), Symbology::QrCode));
    QVERIFY(qr);
    QVERIFY(qr->startsWith(QStringLiteral("^XA\n^CI28\n^PW400\n^LL200\n")));
    QVERIFY(qr->contains(QStringLiteral("^BQN,2,")));
    QVERIFY(qr->contains(QStringLiteral("^FDMA,SB12345^FS")));
    QVERIFY(qr->trimmed().endsWith(QStringLiteral("^XZ")));

    auto gs1 = zpl.label(ssccLabel(Symbology::Gs1_128));
    QVERIFY(gs1);
    QVERIFY(gs1->contains(QStringLiteral("^BCN,")));
    QVERIFY(gs1->contains(QStringLiteral(",N,N,N,D^FH_^FD(00)006141411234567890^FS")));

    auto dm = ZplWriter(LabelFormat::medium(), 300).label(ssccLabel(Symbology::Gs1DataMatrix));
    QVERIFY(dm);
    QVERIFY(dm->contains(QStringLiteral("^PW1181")));
    QVERIFY(dm->contains(QStringLiteral("^FD_100006141411234567890^FS")));

    // ZPL control characters in data are hex-escaped.
    Label odd;
    odd.symbology = Symbology::Code128;
    odd.content = QStringLiteral("A^B~C_D");
    auto esc = zpl.label(odd);
    QVERIFY(esc);
    QVERIFY(esc->contains(QStringLiteral("^FDA_5EB_7EC_5FD^FS")));

    auto many = zpl.labels({Label::forBag(parentBag()), Label::forBag(childBag())});
    QVERIFY(many);
    QCOMPARE(many->count(QStringLiteral("^XA")), 2);
}

void TestLabels::tooLongForLabel()
{
    Label l;
    l.symbology = Symbology::Code128;
    l.content = QString(60, QLatin1Char('X'));
    LabelRenderer renderer(LabelFormat::small(), 203);
    auto r = renderer.renderImage(l);
    QVERIFY(!r);
    QVERIFY(r.error().message.contains(QStringLiteral("does not fit")));
    auto bad = Barcode::encode(Symbology::Gs1_128, QStringLiteral("(00)006141411234567891"));
    QVERIFY(!bad); // wrong SSCC check digit
}

QTEST_MAIN(TestLabels)
#include "tst_labels.moc"
