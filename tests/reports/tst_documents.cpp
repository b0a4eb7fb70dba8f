#include <QBuffer>
#include <QTemporaryDir>
#include <QTest>

#include "core/readmodels.h"
#include "pdftools.h"
#include "reports/billdocument.h"
#include "reports/csvreader.h"
#include "reports/csvwriter.h"
#include "reports/eodreport.h"

using namespace tt;

class TestDocuments : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void billPdf_data();
    void billPdf();
    void eodPdfAndCsv();
    void eodDayBoundsInBusinessZone();
};

namespace {

BillDetails makeBill(int parents, qint64 perParentG)
{
    BillDetails b;
    b.id = QStringLiteral("BILL-2024-0042");
    b.status = BillStatus::Completed;
    b.capacity = parents;
    b.parentCount = parents;
    b.createdBy = QStringLiteral("biller1");
    b.createdAt = QDateTime(QDate(2024, 3, 5), QTime(4, 30), QTimeZone::utc());
    b.completedBy = QStringLiteral("biller1");
    b.completedAt = QDateTime(QDate(2024, 3, 5), QTime(9, 15), QTimeZone::utc());
    for (int i = 0; i < parents; ++i) {
        BillLine l;
        l.parentCode = QStringLiteral("SB%1").arg(20000 + i);
        l.capacity = 30;
        l.childCount = 30 - (i % 3);
        l.actualWeightG = perParentG - (i % 3) * 1000 + i;
        l.expectedWeightG = 30000;
        b.lines << l;
        b.weights.actualG += l.actualWeightG;
        b.weights.expectedG += l.expectedWeightG;
    }
    return b;
}

} // namespace

void TestDocuments::billPdf_data()
{
    QTest::addColumn<int>("parents");
    QTest::addColumn<qint64>("perParentG");
    QTest::addColumn<int>("pages");
    QTest::newRow("three parents, over") << 3 << qint64(31250) << 1;
    QTest::newRow("empty bill") << 0 << qint64(0) << 1;
    QTest::newRow("40 parents, under") << 40 << qint64(29000) << 2;
    QTest::newRow("500 parents") << 500 << qint64(30000) << 15;
}

void TestDocuments::billPdf()
{
    QFETCH(int, parents);
    QFETCH(qint64, perParentG);
    QFETCH(int, pages);
    const BillDetails bill = makeBill(parents, perParentG);
    BillDocument::Options options;
    options.zone = QTimeZone("Asia/Kolkata");
    options.printedAt = QDateTime(QDate(2024, 3, 5), QTime(10, 0), QTimeZone::utc());
    options.printedBy = QStringLiteral("admin");
    BillDocument doc(bill, options);
    QTemporaryDir tmp;
    const QString pdf = tmp.filePath(QStringLiteral("bill.pdf"));
    auto ok = doc.writePdf(pdf);
    QVERIFY2(ok, qPrintable(ok ? QString() : ok.error().message));
    QCOMPARE(doc.pageCount(), pages);
    QCOMPARE(test::pdfPages(pdf), pages);

    const QString text = test::pdfText(pdf);
    QVERIFY(text.contains(QStringLiteral("Bill BILL-2024-0042")));
    for (const BillLine &l : bill.lines)
        QVERIFY2(text.contains(l.parentCode), qPrintable(l.parentCode));
    QVERIFY(text.contains(QStringLiteral("Total (%1 parents)").arg(parents)));
    QVERIFY2(text.contains(formatKg(bill.weights.actualG)), qPrintable(formatKg(bill.weights.actualG)));
    QVERIFY(text.contains(formatKg(bill.weights.expectedG)));
    QVERIFY2(text.contains(QStringLiteral("Variance: ") + formatVariance(bill.weights)),
             qPrintable(formatVariance(bill.weights)));
    QVERIFY(text.contains(QStringLiteral("Driver")));
    QVERIFY(text.contains(QStringLiteral("Received by")));
    QVERIFY(text.contains(QStringLiteral("2024-03-05 10:00 IST"))); // created 04:30 UTC in Kolkata
    QVERIFY(text.contains(QStringLiteral("page %1 of %1").arg(pages)));

    // Rendered pages, kept for looking at; the QR on page 1 is the bill id.
    const QString tag = QString::fromLatin1(QTest::currentDataTag()).replace(QLatin1Char(' '), QLatin1Char('_'))
                            .remove(QLatin1Char(','));
    QFile::copy(pdf, test::artifactDir() + QStringLiteral("/bill_%1.pdf").arg(tag));
    const auto images = test::pdfPagesToImages(pdf, 150, tmp.filePath(QStringLiteral("p")));
    QCOMPARE(images.size(), pages);
    images.front().save(test::artifactDir() + QStringLiteral("/bill_%1_p1.png").arg(tag));
    images.back().save(test::artifactDir() + QStringLiteral("/bill_%1_last.png").arg(tag));
    const auto codes = test::decodeFormats(images.front(), ZXing::BarcodeFormat::QRCode);
    QCOMPARE(codes.size(), 1);
    QCOMPARE(codes.front().text, bill.id);
}

namespace {

EodSummary makeSummary()
{
    EodSummary s;
    s.day = QDate(2024, 3, 5);
    s.timeZoneId = QStringLiteral("Asia/Kolkata");
    std::tie(s.fromUtc, s.toUtc) = EodSummary::utcBounds(s.day, QTimeZone("Asia/Kolkata"));
    s.total = {1234, 12, 1200, 40, 3, 1'200'000, 90'500, 90'000};
    s.perDispatcher = {{QStringLiteral("anita"), {700, 5, 690, 23, 0, 690'000, 0, 0}},
                       {QStringLiteral("ravi, jr"), {534, 7, 510, 17, 0, 510'000, 0, 0}},
                       {QStringLiteral("biller1"), {0, 0, 0, 0, 3, 0, 90'500, 90'000}}};
    s.perArea = {{QStringLiteral("Lucknow"), {1234, 12, 1200, 40, 3, 1'200'000, 90'500, 90'000}}};
    return s;
}

} // namespace

void TestDocuments::eodPdfAndCsv()
{
    const EodSummary s = makeSummary();
    EodReport report(s);
    QTemporaryDir tmp;
    const QString pdf = tmp.filePath(QStringLiteral("eod.pdf"));
    QVERIFY(report.writePdf(pdf));
    QFile::copy(pdf, test::artifactDir() + QStringLiteral("/eod.pdf"));
    const auto images = test::pdfPagesToImages(pdf, 100, tmp.filePath(QStringLiteral("p")));
    QCOMPARE(images.size(), 1);
    images.front().save(test::artifactDir() + QStringLiteral("/eod.png"));
    const QString text = test::pdfText(pdf);
    QVERIFY(text.contains(QStringLiteral("End of day 2024-03-05")));
    QVERIFY(text.contains(QStringLiteral("Asia/Kolkata: 2024-03-04 18:30 to 2024-03-05 18:30 UTC")));
    for (const QString &name : {QStringLiteral("anita"), QStringLiteral("ravi, jr"), QStringLiteral("Lucknow")})
        QVERIFY(text.contains(name));
    QVERIFY(text.contains(QStringLiteral("1234")));
    QVERIFY(text.contains(QStringLiteral("1200.000 kg")));
    QVERIFY(text.contains(formatVariance(BillWeights{90'500, 90'000})));

    QBuffer buffer;
    buffer.open(QIODevice::ReadWrite);
    CsvWriter writer(&buffer);
    QVERIFY(report.writeTable(writer));
    buffer.seek(0);
    CsvReader reader(&buffer);
    QStringList row;
    QList<QStringList> rows;
    while (*reader.next(row))
        rows << row;
    QCOMPARE(rows.size(), 1 + 1 + 3 + 1);
    QCOMPARE(rows.at(0), EodReport::tableHeader());
    QCOMPARE(rows.at(1).mid(0, 5), (QStringList{QStringLiteral("2024-03-05"), QStringLiteral("Asia/Kolkata"),
                                                QStringLiteral("total"), QString(), QStringLiteral("1234")}));
    QCOMPARE(rows.at(3).at(3), QStringLiteral("ravi, jr"));
    QCOMPARE(rows.at(5).at(2), QStringLiteral("area"));
}

void TestDocuments::eodDayBoundsInBusinessZone()
{
    // Kolkata: UTC+5:30, no DST.
    auto [from, to] = EodSummary::utcBounds(QDate(2024, 3, 5), QTimeZone("Asia/Kolkata"));
    QCOMPARE(from, QDateTime(QDate(2024, 3, 4), QTime(18, 30), QTimeZone::utc()));
    QCOMPARE(from.secsTo(to), 24 * 3600);
    // Berlin, spring forward: a 23-hour day.
    std::tie(from, to) = EodSummary::utcBounds(QDate(2024, 3, 31), QTimeZone("Europe/Berlin"));
    QCOMPARE(from, QDateTime(QDate(2024, 3, 30), QTime(23, 0), QTimeZone::utc()));
    QCOMPARE(from.secsTo(to), 23 * 3600);
}

QTEST_MAIN(TestDocuments)
#include "tst_documents.moc"
