#include <QTest>

#include "core/weight.h"

using namespace tt;

// BRIEF §3.3: weights are integer grams; variance = actual − expected, shown in kg with sign and
// percent.
class TestWeight : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void formatKg_data();
    void formatKg();
    void variance_data();
    void variance();
    void issueExample();
};

void TestWeight::formatKg_data()
{
    QTest::addColumn<qint64>("grams");
    QTest::addColumn<QString>("text");
    QTest::newRow("zero") << qint64(0) << QStringLiteral("0.000 kg");
    QTest::newRow("5 g") << qint64(5) << QStringLiteral("0.005 kg");
    QTest::newRow("1 250 g") << qint64(1250) << QStringLiteral("1.250 kg");
    QTest::newRow("30 000 g") << qint64(30000) << QStringLiteral("30.000 kg");
    QTest::newRow("-500 g") << qint64(-500) << QString::fromUtf16(u"\u22120.500 kg");
    QTest::newRow("-25 000 g") << qint64(-25000) << QString::fromUtf16(u"\u221225.000 kg");
    QTest::newRow("-1 g") << qint64(-1) << QString::fromUtf16(u"\u22120.001 kg");
    QTest::newRow("10 t") << qint64(10'000'000) << QStringLiteral("10000.000 kg");
    QTest::newRow("huge") << qint64(123'456'789'012) << QStringLiteral("123456789.012 kg");
}

void TestWeight::formatKg()
{
    QFETCH(qint64, grams);
    QFETCH(QString, text);
    QCOMPARE(tt::formatKg(grams), text);
}

void TestWeight::variance_data()
{
    QTest::addColumn<qint64>("actual");
    QTest::addColumn<qint64>("expected");
    QTest::addColumn<qint64>("varianceG");
    QTest::addColumn<double>("percent");
    QTest::addColumn<QString>("text");

    QTest::newRow("under") << qint64(5000) << qint64(30000) << qint64(-25000) << -83.333333
                           << QString::fromUtf16(u"\u221225.000 kg (\u221283.3 %)");
    QTest::newRow("over") << qint64(31250) << qint64(30000) << qint64(1250) << 4.166667
                          << QStringLiteral("+1.250 kg (+4.2 %)");
    QTest::newRow("exact") << qint64(30000) << qint64(30000) << qint64(0) << 0.0 << QStringLiteral("0.000 kg (0.0 %)");
    QTest::newRow("nothing expected") << qint64(500) << qint64(0) << qint64(500) << 0.0
                                      << QStringLiteral("+0.500 kg (0.0 %)");
    QTest::newRow("empty bill") << qint64(0) << qint64(0) << qint64(0) << 0.0 << QStringLiteral("0.000 kg (0.0 %)");
    QTest::newRow("tiny over rounds to 0.0") << qint64(30001) << qint64(30000) << qint64(1) << 0.003333
                                             << QStringLiteral("+0.001 kg (0.0 %)");
    QTest::newRow("nothing in it") << qint64(0) << qint64(15000) << qint64(-15000) << -100.0
                                   << QString::fromUtf16(u"\u221215.000 kg (\u2212100.0 %)");
    QTest::newRow("double") << qint64(60000) << qint64(30000) << qint64(30000) << 100.0
                            << QStringLiteral("+30.000 kg (+100.0 %)");
}

void TestWeight::variance()
{
    QFETCH(qint64, actual);
    QFETCH(qint64, expected);
    QFETCH(qint64, varianceG);
    QFETCH(double, percent);
    QFETCH(QString, text);
    const BillWeights w{actual, expected};
    QCOMPARE(w.varianceG(), varianceG);
    QVERIFY2(qAbs(w.variancePercent() - percent) < 1e-4, qPrintable(QString::number(w.variancePercent())));
    QCOMPARE(formatVariance(w), text);
}

void TestWeight::issueExample()
{
    // Issue 2: 5 children of 1 000 g on an SB parent: actual 5 000 g, expected 30 000 g,
    // variance −25 000 g.
    const BillWeights w{5 * 1000, 30000};
    QCOMPARE(w.varianceG(), qint64(-25000));
    QVERIFY(formatVariance(w).startsWith(QString::fromUtf16(u"\u221225.000 kg")));
}

QTEST_APPLESS_MAIN(TestWeight)
#include "tst_weight.moc"
