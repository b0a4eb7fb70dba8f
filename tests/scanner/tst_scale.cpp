#include <QSignalSpy>
#include <QTest>

#include "ptypair.h"
#include "scanner/scalereader.h"

using namespace tt;

Q_DECLARE_METATYPE(tt::ScaleFormat)

// Serial scales (BRIEF §4 "Scale"): both ASCII formats, units, stable-weight detection, and
// the reader through a socat pty, streaming and on request.
class TestScale : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void parse_data()
    {
        QTest::addColumn<ScaleFormat>("format");
        QTest::addColumn<QByteArray>("line");
        QTest::addColumn<bool>("ok");
        QTest::addColumn<qint64>("grams");
        QTest::addColumn<bool>("stable");
        QTest::addColumn<bool>("overload");
        const auto csv = ScaleFormat::StatusCsv;
        const auto sics = ScaleFormat::MtSics;
        QTest::newRow("csv stable kg") << csv << QByteArray("ST,GS,+0012.345kg") << true << qint64(12345) << true << false;
        QTest::newRow("csv unstable") << csv << QByteArray("US,GS,+0012.340kg") << true << qint64(12340) << false << false;
        QTest::newRow("csv net spaces") << csv << QByteArray("ST,NT,+   1.50 kg") << true << qint64(1500) << true << false;
        QTest::newRow("csv negative") << csv << QByteArray("ST,GS,-0000.120kg") << true << qint64(-120) << true << false;
        QTest::newRow("csv grams") << csv << QByteArray("ST,+00012.34  g") << true << qint64(12) << true << false;
        QTest::newRow("csv grams half up") << csv << QByteArray("ST,GS,+00012.5 g") << true << qint64(13) << true << false;
        QTest::newRow("csv pounds") << csv << QByteArray("ST,GS,+0010.00lb") << true << qint64(4536) << true << false;
        QTest::newRow("csv tonnes") << csv << QByteArray("ST,GS,+1.2345t") << true << qint64(1234500) << true << false;
        QTest::newRow("csv overload") << csv << QByteArray("OL,GS,+9999999kg") << true << qint64(0) << false << true;
        QTest::newRow("csv lowercase") << csv << QByteArray("st,gs,+1.000kg") << true << qint64(1000) << true << false;
        QTest::newRow("csv crlf kept") << csv << QByteArray("ST,GS,+1.000kg\r") << true << qint64(1000) << true << false;
        QTest::newRow("csv bad status") << csv << QByteArray("XX,GS,+1.000kg") << false << qint64(0) << false << false;
        QTest::newRow("csv bad unit") << csv << QByteArray("ST,GS,+1.000kN") << false << qint64(0) << false << false;
        QTest::newRow("csv no number") << csv << QByteArray("ST,GS,kg") << false << qint64(0) << false << false;
        QTest::newRow("csv two points") << csv << QByteArray("ST,GS,+1.0.0kg") << false << qint64(0) << false << false;
        QTest::newRow("csv too long") << csv << QByteArray("ST,GS,+123456789012kg") << false << qint64(0) << false << false;
        QTest::newRow("csv garbage") << csv << QByteArray("\x01\x02\xff") << false << qint64(0) << false << false;
        QTest::newRow("sics stable") << sics << QByteArray("S S      12.345 kg") << true << qint64(12345) << true << false;
        QTest::newRow("sics dynamic") << sics << QByteArray("S D      12.340 kg") << true << qint64(12340) << false << false;
        QTest::newRow("sics grams") << sics << QByteArray("S S    1250.0 g") << true << qint64(1250) << true << false;
        QTest::newRow("sics negative") << sics << QByteArray("S S     -0.015 kg") << true << qint64(-15) << true << false;
        QTest::newRow("sics overload") << sics << QByteArray("S +") << true << qint64(0) << false << true;
        QTest::newRow("sics underload") << sics << QByteArray("S -") << true << qint64(0) << false << true;
        QTest::newRow("sics busy") << sics << QByteArray("S I") << false << qint64(0) << false << false;
        QTest::newRow("sics error") << sics << QByteArray("ES") << false << qint64(0) << false << false;
        QTest::newRow("sics csv line") << sics << QByteArray("ST,GS,+1.000kg") << false << qint64(0) << false << false;
        QTest::newRow("csv sics line") << csv << QByteArray("S S      12.345 kg") << false << qint64(0) << false << false;
        QTest::newRow("empty") << csv << QByteArray("  ") << false << qint64(0) << false << false;
    }
    void parse()
    {
        QFETCH(ScaleFormat, format);
        QFETCH(QByteArray, line);
        QFETCH(bool, ok);
        QFETCH(qint64, grams);
        QFETCH(bool, stable);
        QFETCH(bool, overload);
        const Result<ScaleReading> r = parseScaleLine(line, format);
        QCOMPARE(r.has_value(), ok);
        if (!ok) {
            QVERIFY(!r.error().message.isEmpty());
            return;
        }
        QCOMPARE(r->grams, grams);
        QCOMPARE(r->stable, stable);
        QCOMPARE(r->overload, overload);
    }

    void exactUnits()
    {
        QCOMPARE(scaleValueToGrams("1", "lb").value_or(-1), qint64(454));      // 453.59237
        QCOMPARE(scaleValueToGrams("100", "lb").value_or(-1), qint64(45359));  // 45359.237
        QCOMPARE(scaleValueToGrams("1", "oz").value_or(-1), qint64(28));       // 28.349523125
        QCOMPARE(scaleValueToGrams("0.0005", "kg").value_or(-1), qint64(1));   // 0.5 g rounds up
        QCOMPARE(scaleValueToGrams("0.0004", "kg").value_or(-1), qint64(0));
        QCOMPARE(scaleValueToGrams("9999999999", "g").value_or(-1), qint64(9999999999));
        QCOMPARE(scaleValueToGrams("0000000000012.5", "kg").value_or(-1), qint64(12500)); // leading zeros
    }

    void stability()
    {
        WeightStabilizer s(StabilityOptions{3, 5, 20, true});
        auto r = [](qint64 g, bool stable = true) { return ScaleReading{g, stable, false, false}; };
        QVERIFY(!s.add(r(0)));
        QVERIFY(!s.add(r(5000, false))); // moving
        QVERIFY(!s.add(r(12000)));
        QVERIFY(!s.add(r(12004)));
        QCOMPARE(s.add(r(12002)), std::optional<qint64>(12002)); // three agree within 5 g
        QVERIFY(!s.add(r(12001)));                               // reported once
        QVERIFY(!s.add(r(12003)));
        QVERIFY(!s.add(r(12500, false)));                        // someone leans on it
        QVERIFY(!s.add(r(12002)));
        QVERIFY(!s.add(r(12002)));
        QVERIFY(!s.add(r(12002))); // same load as reported: still the same weighing
        QVERIFY(!s.add(r(3)));     // emptied
        QVERIFY(!s.add(r(12002)));
        QVERIFY(!s.add(r(12002)));
        QCOMPARE(s.add(r(12002)), std::optional<qint64>(12002)); // a second bag of equal weight
        QVERIFY(!s.add(r(15000)));
        QVERIFY(!s.add(r(15001)));
        QCOMPARE(s.add(r(15002)), std::optional<qint64>(15002)); // load changed without emptying
        QVERIFY(!s.add(ScaleReading{0, false, true, false}));   // overload re-arms
        QVERIFY(!s.add(r(15002)));
        QVERIFY(!s.add(r(15002)));
        QCOMPARE(s.add(r(15002)), std::optional<qint64>(15002));
        // A wobbling value never settles.
        WeightStabilizer w(StabilityOptions{3, 5, 20, true});
        for (int i = 0; i < 20; ++i)
            QVERIFY(!w.add(r(10000 + (i % 2) * 50)));
        // Scales without a motion flag.
        WeightStabilizer noFlag(StabilityOptions{2, 5, 20, false});
        QVERIFY(!noFlag.add(r(800, false)));
        QCOMPARE(noFlag.add(r(801, false)), std::optional<qint64>(801));
    }

    void names()
    {
        for (const ScaleFormat f : {ScaleFormat::StatusCsv, ScaleFormat::MtSics})
            QCOMPARE(scaleFormatFromName(scaleFormatName(f)), f);
        QCOMPARE(defaultScaleRequest(ScaleFormat::MtSics), QByteArray("SI\r\n"));
    }

    void continuousThroughPty()
    {
        if (!PtyPair::available())
            QSKIP("socat is not installed");
        PtyPair pty;
        QVERIFY(pty.start());
        ScaleReader scale;
        ScaleSettings s;
        s.port.portName = pty.devicePath();
        s.format = ScaleFormat::StatusCsv;
        s.stability = StabilityOptions{3, 5, 20, true};
        scale.setSettings(s);
        QSignalSpy stable(&scale, &ScaleReader::stableWeight);
        QSignalSpy readings(&scale, &ScaleReader::readingChanged);
        QVERIFY(scale.start());
        // A bag is put on, settles, is taken off; another one, split in odd chunks.
        QByteArray stream;
        for (const char *l : {"ST,GS,+0000.000kg", "US,GS,+0004.100kg", "US,GS,+0012.300kg", "ST,GS,+0012.345kg",
                              "ST,GS,+0012.346kg", "ST,GS,+0012.345kg", "ST,GS,+0012.345kg", "US,GS,+0003.000kg",
                              "ST,GS,+0000.000kg", "ST,GS,+0009.870kg", "ST,GS,+0009.870kg", "ST,GS,+0009.871kg"})
            stream += QByteArray(l) + "\r\n";
        for (qsizetype i = 0; i < stream.size(); i += 7) {
            QVERIFY(pty.write(stream.mid(i, 7)));
            QTest::qWait(2);
        }
        QTRY_COMPARE_WITH_TIMEOUT(stable.count(), 2, 5000);
        QCOMPARE(stable.at(0).at(0).toLongLong(), qint64(12345));
        QCOMPARE(stable.at(1).at(0).toLongLong(), qint64(9871));
        QTRY_COMPARE(readings.count(), 12);
    }

    void onRequestThroughPty()
    {
        if (!PtyPair::available())
            QSKIP("socat is not installed");
        PtyPair pty;
        QVERIFY(pty.start());
        ScaleReader scale;
        ScaleSettings s;
        s.port.portName = pty.devicePath();
        s.format = ScaleFormat::MtSics;
        s.onRequest = true;
        s.pollIntervalMs = 100;
        s.stability = StabilityOptions{2, 5, 20, true};
        scale.setSettings(s);
        QSignalSpy stable(&scale, &ScaleReader::stableWeight);
        QSignalSpy problems(&scale, &ScaleReader::problem);
        QVERIFY(scale.start());
        // Play the scale: answer each request the reader sends.
        int answered = 0;
        for (int i = 0; i < 40 && stable.isEmpty(); ++i) {
            const QByteArray request = pty.read(500);
            if (request.isEmpty())
                continue;
            QCOMPARE(request, QByteArray("SI\r\n"));
            QVERIFY(pty.write(answered < 1 ? "S D      1.200 kg\r\n" : "S S      1.250 kg\r\n"));
            ++answered;
        }
        QTRY_COMPARE_WITH_TIMEOUT(stable.count(), 1, 3000);
        QCOMPARE(stable.first().at(0).toLongLong(), qint64(1250));
        QVERIFY(answered >= 3);
        QVERIFY(problems.isEmpty());
    }

    void wrongFormatSaidOnce()
    {
        if (!PtyPair::available())
            QSKIP("socat is not installed");
        PtyPair pty;
        QVERIFY(pty.start());
        ScaleReader scale;
        ScaleSettings s;
        s.port.portName = pty.devicePath();
        s.format = ScaleFormat::MtSics; // but the scale talks the CSV format
        scale.setSettings(s);
        QSignalSpy problems(&scale, &ScaleReader::problem);
        QSignalSpy stable(&scale, &ScaleReader::stableWeight);
        QVERIFY(scale.start());
        for (int i = 0; i < 5; ++i)
            QVERIFY(pty.write("ST,GS,+0001.000kg\r\n"));
        QTRY_COMPARE(problems.count(), 1);
        QTest::qWait(100);
        QCOMPARE(problems.count(), 1);
        QVERIFY(problems.first().at(0).toString().contains(QStringLiteral("format")));
        QVERIFY(stable.isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestScale)
#include "tst_scale.moc"
