#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRandomGenerator>
#include <QTest>

#include "clirunner.h"
#include "codeimages.h"
#include "ptypair.h"

namespace {

QList<QJsonObject> withoutIds(const QList<QJsonObject> &objects)
{
    QList<QJsonObject> out;
    for (QJsonObject o : objects) {
        o.remove(QStringLiteral("command_id"));
        out.append(o);
    }
    return out;
}

QList<QJsonObject> jsonLines(const QByteArray &out)
{
    QList<QJsonObject> objects;
    for (const QByteArray &line : out.split('\n')) {
        if (!line.trimmed().isEmpty())
            objects.append(QJsonDocument::fromJson(line).object());
    }
    return objects;
}

} // namespace

// End to end (issue 4): bytes written into a pty reach `tracetrack-cli station --serial` and
// produce the same JSON lines as the same codes on stdin.
class TestCliSerial : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void serialEqualsStdin_data()
    {
        QTest::addColumn<QString>("terminator");
        QTest::addColumn<QByteArray>("bytes");
        QTest::newRow("cr") << QStringLiteral("cr") << QByteArray("\r");
        QTest::newRow("crlf") << QStringLiteral("crlf") << QByteArray("\r\n");
    }
    void serialEqualsStdin()
    {
        QFETCH(QString, terminator);
        QFETCH(QByteArray, bytes);
        if (!PtyPair::available())
            QSKIP("socat is not installed");
        const QList<QByteArray> codes{"SB00001",      "C0001",   "C0002", "C0001", "SB00001-X", "TT:UNDO",
                                      "]C100340123450000000017", "]C100340123450000000018", "]Q1C0003",
                                      "SB00002",      "c0004"};

        CliRunner viaStdin;
        QVERIFY(viaStdin.init());
        QByteArray lines;
        for (const QByteArray &c : codes)
            lines += c + '\n';
        const CliRunner::Run expected = viaStdin.run({QStringLiteral("--user"), QStringLiteral("admin"),
                                                      QStringLiteral("--json"), QStringLiteral("--station"),
                                                      QStringLiteral("e2e"), QStringLiteral("station")},
                                                     lines, CliRunner::adminPassword());
        QCOMPARE(expected.exitCode, 0);
        QCOMPARE(expected.json().size(), codes.size());

        CliRunner viaSerial;
        QVERIFY(viaSerial.init());
        PtyPair pty;
        QVERIFY(pty.start());
        QProcess cli;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.remove(QStringLiteral("TRACETRACK_DB"));
        env.remove(QStringLiteral("TRACETRACK_USER"));
        env.insert(QStringLiteral("TRACETRACK_PASSWORD"), CliRunner::adminPassword());
        cli.setProcessEnvironment(env);
        cli.start(CliRunner::program(),
                  {QStringLiteral("--db"), viaSerial.dbArg(), QStringLiteral("--user"), QStringLiteral("admin"),
                   QStringLiteral("--json"), QStringLiteral("--station"), QStringLiteral("e2e"),
                   QStringLiteral("station"), QStringLiteral("--serial"), pty.devicePath(),
                   QStringLiteral("--baud"), QStringLiteral("115200"), QStringLiteral("--terminator"), terminator,
                   QStringLiteral("--count"), QString::number(codes.size())});
        QVERIFY(cli.waitForStarted());
        cli.closeWriteChannel();
        QByteArray err;
        QTRY_VERIFY_WITH_TIMEOUT((err += cli.readAllStandardError()).contains("Reading scans from"), 10000);

        QRandomGenerator rng(99);
        for (const QByteArray &c : codes) {
            const QByteArray frame = c + bytes;
            for (qsizetype i = 0; i < frame.size();) {
                const int n = rng.bounded(1, 5);
                QVERIFY(pty.write(frame.mid(i, n)));
                i += n;
                QTest::qWait(1);
            }
            QTest::qWait(20);
        }
        QTRY_COMPARE_WITH_TIMEOUT(cli.state(), QProcess::NotRunning, 10000); // may end during qWait
        QCOMPARE(cli.exitStatus(), QProcess::NormalExit);
        QCOMPARE(cli.exitCode(), 0);
        const QList<QJsonObject> got = jsonLines(cli.readAllStandardOutput());
        QCOMPARE(got.size(), codes.size());
        QCOMPARE(withoutIds(got), withoutIds(expected.json()));
        // Something really happened: the SSCC became a child of SB00002's predecessor, etc.
        QCOMPARE(got.first().value(QStringLiteral("result")).toString(), QStringLiteral("ok"));
        QCOMPARE(got.at(6).value(QStringLiteral("code")).toString(), QStringLiteral("340123450000000017"));
        QCOMPARE(got.at(7).value(QStringLiteral("reason")).toString(), QStringLiteral("invalid_code"));
    }

    // A serial scale beside the scanner: a stable reading becomes the measured gross weight of
    // the current parent (Station::recordWeight), printed as one more outcome line.
    void scaleWeighsCurrentParent()
    {
        if (!PtyPair::available())
            QSKIP("socat is not installed");
        CliRunner runner;
        QVERIFY(runner.init());
        PtyPair scanner;
        PtyPair scale;
        QVERIFY(scanner.start());
        QVERIFY(scale.start());
        QProcess cli;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.remove(QStringLiteral("TRACETRACK_DB"));
        env.remove(QStringLiteral("TRACETRACK_USER"));
        env.insert(QStringLiteral("TRACETRACK_PASSWORD"), CliRunner::adminPassword());
        cli.setProcessEnvironment(env);
        cli.start(CliRunner::program(),
                  {QStringLiteral("--db"), runner.dbArg(), QStringLiteral("--user"), QStringLiteral("admin"),
                   QStringLiteral("--json"), QStringLiteral("station"), QStringLiteral("--serial"),
                   scanner.devicePath(), QStringLiteral("--terminator"), QStringLiteral("cr"), QStringLiteral("--scale"),
                   scale.devicePath(), QStringLiteral("--scale-format"), QStringLiteral("status-csv"),
                   QStringLiteral("--count"), QStringLiteral("3")});
        QVERIFY(cli.waitForStarted());
        cli.closeWriteChannel();
        QByteArray err;
        QTRY_VERIFY_WITH_TIMEOUT((err += cli.readAllStandardError()).contains("Reading scans from"), 10000);
        QVERIFY(scanner.write("SB00001\r"));
        QTest::qWait(300);
        for (int i = 0; i < 4; ++i) {
            QVERIFY(scale.write("ST,GS,+0012.345kg\r\n"));
            QTest::qWait(50);
        }
        QTest::qWait(300);
        QVERIFY(scanner.write("C0001\r"));
        QTRY_COMPARE_WITH_TIMEOUT(cli.state(), QProcess::NotRunning, 10000);
        QCOMPARE(cli.exitCode(), 0);
        const QList<QJsonObject> got = jsonLines(cli.readAllStandardOutput());
        QCOMPARE(got.size(), 3);
        QCOMPARE(got.at(1).value(QStringLiteral("result")).toString(), QStringLiteral("ok"));
        QCOMPARE(got.at(1).value(QStringLiteral("parent")).toString(), QStringLiteral("SB00001"));
        QVERIFY(got.at(1).value(QStringLiteral("message")).toString().contains(QStringLiteral("12345 g")));
        QCOMPARE(got.at(2).value(QStringLiteral("code")).toString(), QStringLiteral("C0001"));
        const CliRunner::Run shown = runner.run({QStringLiteral("--user"), QStringLiteral("admin"), QStringLiteral("--json"),
                                                 QStringLiteral("bag"), QStringLiteral("show"), QStringLiteral("SB00001")},
                                                {}, CliRunner::adminPassword());
        QCOMPARE(shown.json().value(0).value(QStringLiteral("measured_weight_g")).toDouble(), 12345.0);
        QVERIFY(runner.verifyClean());
    }

    void scanImage()
    {
        CliRunner cli;
        const QString missing = cli.tempPath(QStringLiteral("missing.png"));
        const CliRunner::Run r = cli.run({QStringLiteral("--json"), QStringLiteral("scan-image"), missing});
        QCOMPARE(r.exitCode, 1);
        QVERIFY(r.err.contains("does not exist"));
        const CliRunner::Run usage = cli.run({QStringLiteral("scan-image")});
        QCOMPARE(usage.exitCode, 2);

        const QString one = cli.tempPath(QStringLiteral("one.png"));
        const QString two = cli.tempPath(QStringLiteral("two.png"));
        QVERIFY(codeimages::encode(ZXing::BarcodeFormat::QRCode, "SB00001").save(one));
        QImage sheet(900, 500, QImage::Format_Grayscale8);
        sheet.fill(255);
        QPainter p(&sheet);
        p.drawImage(20, 20, codeimages::encode(ZXing::BarcodeFormat::DataMatrix, "C0002"));
        p.drawImage(400, 300, codeimages::encode(ZXing::BarcodeFormat::Code128, "C0003", 3, 80));
        p.end();
        QVERIFY(sheet.save(two));
        const CliRunner::Run ok = cli.run({QStringLiteral("--json"), QStringLiteral("scan-image"), one, two});
        QCOMPARE(ok.exitCode, 0);
        const QList<QJsonObject> found = ok.json();
        QCOMPARE(found.size(), 3);
        QCOMPARE(found[0].value(QStringLiteral("file")).toString(), one);
        QCOMPARE(found[0].value(QStringLiteral("text")).toString(), QStringLiteral("SB00001"));
        QCOMPARE(found[0].value(QStringLiteral("format")).toString(), QStringLiteral("QRCode"));
        QCOMPARE(found[0].value(QStringLiteral("symbology")).toString(), QStringLiteral("]Q1"));
        QStringList texts{found[1].value(QStringLiteral("text")).toString(), found[2].value(QStringLiteral("text")).toString()};
        texts.sort();
        QCOMPARE(texts, (QStringList{QStringLiteral("C0002"), QStringLiteral("C0003")}));
    }
};

QTEST_GUILESS_MAIN(TestCliSerial)
#include "tst_cliserial.moc"
