#include <QElapsedTimer>
#include <QRandomGenerator>
#include <QSignalSpy>
#include <QTest>

#include <sys/resource.h>

#include "ptypair.h"
#include "scanner/serialscansource.h"

using namespace tt;

Q_DECLARE_METATYPE(tt::Terminator)

namespace {

QStringList strings(std::initializer_list<const char *> list)
{
    QStringList out;
    for (const char *s : list)
        out << QString::fromUtf8(s);
    return out;
}

QByteArray terminatorBytes(Terminator t)
{
    switch (t) {
    case Terminator::Cr: return "\r";
    case Terminator::Lf: return "\n";
    case Terminator::CrLf: return "\r\n";
    case Terminator::None: return {};
    }
    return {};
}

qint64 cpuMs()
{
    rusage u{};
    getrusage(RUSAGE_SELF, &u);
    return qint64(u.ru_utime.tv_sec + u.ru_stime.tv_sec) * 1000 + (u.ru_utime.tv_usec + u.ru_stime.tv_usec) / 1000;
}

QStringList texts(const QSignalSpy &spy)
{
    QStringList out;
    for (const QList<QVariant> &args : spy)
        out << args.at(0).value<ScanEvent>().text;
    return out;
}

} // namespace

// The serial scanner source through real socat pseudo-terminal pairs (BRIEF §4 "Serial").
class TestSerialScanSource : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { qRegisterMetaType<ScanEvent>(); }

    void init()
    {
        if (!PtyPair::available())
            QSKIP("socat is not installed");
    }

    void randomChunks_data()
    {
        QTest::addColumn<Terminator>("terminator");
        QTest::newRow("cr") << Terminator::Cr;
        QTest::newRow("lf") << Terminator::Lf;
        QTest::newRow("crlf") << Terminator::CrLf;
        QTest::newRow("none") << Terminator::None;
    }
    void randomChunks()
    {
        QFETCH(Terminator, terminator);
        PtyPair pty;
        QVERIFY(pty.start());
        SerialScanSource source;
        source.setPortSettings(SerialPortSettings{pty.devicePath(), 115200});
        FrameAssemblerOptions o;
        o.terminator = terminator;
        o.interByteTimeoutMs = 80;
        source.setFrameOptions(o);
        QSignalSpy scans(&source, &SerialScanSource::scanned);
        QSignalSpy rejected(&source, &SerialScanSource::rejected);
        QVERIFY(source.start());
        QCOMPARE(source.sourceName(), QStringLiteral("serial:") + pty.devicePath());

        QRandomGenerator rng(quint32(int(terminator)) + 7);
        QStringList sent;
        for (int i = 0; i < 12; ++i) {
            const QString code = i % 3 == 0 ? QStringLiteral("SB%1").arg(i, 5, 10, QLatin1Char('0'))
                                 : i % 3 == 1 ? QStringLiteral("]C100340123450000000017\u001D10L%1").arg(i)
                                              : QStringLiteral("C%1").arg(i, 4, 10, QLatin1Char('0'));
            sent << code;
            const QByteArray frame = code.toUtf8() + terminatorBytes(terminator);
            qsizetype pos = 0;
            while (pos < frame.size()) {
                const int n = rng.bounded(1, 6);
                QVERIFY(pty.write(frame.mid(pos, n)));
                pos += n;
                if (terminator != Terminator::None)
                    QTest::qWait(rng.bounded(0, 4)); // chunks arrive separately
            }
            if (terminator == Terminator::None)
                QTest::qWait(500); // silence ends the frame (margin for a loaded machine)
        }
        QTRY_COMPARE_WITH_TIMEOUT(scans.count(), sent.size(), 5000);
        QCOMPARE(texts(scans), sent);
        QVERIFY2(rejected.isEmpty(), rejected.isEmpty() ? "" : qPrintable(rejected.first().at(0).toString()));
        const ScanEvent first = scans.first().at(0).value<ScanEvent>();
        QCOMPARE(first.raw, sent.first().toUtf8());
        QVERIFY(first.at.isValid());
    }

    void binaryGarbageBetweenFrames_data()
    {
        QTest::addColumn<Terminator>("terminator");
        QTest::newRow("cr") << Terminator::Cr;
        QTest::newRow("lf") << Terminator::Lf;
        QTest::newRow("crlf") << Terminator::CrLf;
        QTest::newRow("none") << Terminator::None;
    }
    void binaryGarbageBetweenFrames()
    {
        QFETCH(Terminator, terminator);
        PtyPair pty;
        QVERIFY(pty.start());
        SerialScanSource source;
        source.setPortSettings(SerialPortSettings{pty.devicePath(), 9600});
        FrameAssemblerOptions o;
        o.terminator = terminator;
        o.interByteTimeoutMs = 80;
        source.setFrameOptions(o);
        QSignalSpy scans(&source, &SerialScanSource::scanned);
        QSignalSpy rejected(&source, &SerialScanSource::rejected);
        QVERIFY(source.start());

        const QByteArray t = terminatorBytes(terminator);
        QRandomGenerator rng(4242);
        QByteArray garbage(4096, Qt::Uninitialized);
        for (char &c : garbage)
            c = char(rng.bounded(256));
        const auto pause = [&] {
            if (terminator == Terminator::None)
                QTest::qWait(500); // 6× the inter-byte timeout: a busy machine delays the timer
        };
        QVERIFY(pty.write("SB00001" + t));
        pause();
        QVERIFY(pty.write("C0001" + t));
        pause();
        QVERIFY(pty.write(garbage + t));
        pause();
        QVERIFY(pty.write("C0002" + t));
        pause();
        QVERIFY(pty.write("C0003" + t));
        pause();
        QTRY_COMPARE_WITH_TIMEOUT(scans.count(), 4, 5000);
        QTest::qWait(100);
        QCOMPARE(texts(scans), (strings({"SB00001", "C0001", "C0002", "C0003"})));
        QVERIFY(!rejected.isEmpty());
        const QString message = rejected.first().at(0).toString();
        QVERIFY2(message.contains(QStringLiteral("discarded")), qPrintable(message));
    }

    void overlongFrameRejected()
    {
        PtyPair pty;
        QVERIFY(pty.start());
        SerialScanSource source;
        source.setPortSettings(SerialPortSettings{pty.devicePath(), 9600});
        FrameAssemblerOptions o;
        o.maxFrameLength = 64;
        source.setFrameOptions(o);
        QSignalSpy scans(&source, &SerialScanSource::scanned);
        QSignalSpy rejected(&source, &SerialScanSource::rejected);
        QVERIFY(source.start());
        QVERIFY(pty.write(QByteArray(1000, 'A') + "\rSB00009\r"));
        QTRY_COMPARE_WITH_TIMEOUT(scans.count(), 1, 5000);
        QCOMPARE(texts(scans), strings({"SB00009"}));
        QCOMPARE(rejected.count(), 1);
        QVERIFY(rejected.first().at(0).toString().contains(QStringLiteral("maximum is 64")));
    }

    // The peer dies (unplug) and comes back: reconnect within 2 s, a bounded number of reopen
    // attempts and little CPU meanwhile, no frame lost afterwards, a partial frame never merged.
    void reconnectAfterPeerKilled()
    {
        PtyPair pty;
        QVERIFY(pty.start());
        SerialScanSource source;
        source.setPortSettings(SerialPortSettings{pty.devicePath(), 9600});
        source.setReconnectIntervalMs(250);
        QSignalSpy scans(&source, &SerialScanSource::scanned);
        QSignalSpy problems(&source, &SerialScanSource::problem);
        QSignalSpy connected(&source, &SerialScanSource::connectedChanged);
        QVERIFY(source.start());
        QVERIFY(pty.write("SB00001\r"));
        QTRY_COMPARE_WITH_TIMEOUT(scans.count(), 1, 3000);
        QVERIFY(pty.write("SB0")); // half a frame, then the cable is pulled
        QTest::qWait(50);

        const int attemptsBefore = source.link().openAttempts();
        const int errorsBefore = source.link().errorsSeen();
        pty.kill();
        QTRY_VERIFY_WITH_TIMEOUT(!source.isConnected(), 2000);
        const qint64 cpuBefore = cpuMs();
        QElapsedTimer outage;
        outage.start();
        QTest::qWait(1200);
        const qint64 cpuUsed = cpuMs() - cpuBefore;
        const qint64 outageMs = outage.elapsed();

        QVERIFY(pty.start());
        QElapsedTimer back;
        back.start();
        QTRY_VERIFY_WITH_TIMEOUT(source.isConnected(), 2000);
        const qint64 reconnectMs = back.elapsed();
        const int attempts = source.link().openAttempts() - attemptsBefore;
        const int errors = source.link().errorsSeen() - errorsBefore;
        qInfo("reconnected after %lld ms; %d reopen attempts and %d port errors in %lld ms; CPU %lld ms",
              reconnectMs, attempts, errors, outageMs + reconnectMs, cpuUsed);
        QVERIFY(reconnectMs < 2000);
        QVERIFY2(attempts <= (outageMs + reconnectMs) / 250 + 3, "reopen attempts are not rate-limited");
        QVERIFY2(errors < 20, "port errors flood");
        QVERIFY2(cpuUsed < outageMs / 4, "busy loop while the device is gone");
        QVERIFY(problems.count() >= 1 && problems.count() <= 3);

        QVERIFY(pty.write("SB00002\r"));
        QVERIFY(pty.write("C0005\r"));
        QTRY_COMPARE_WITH_TIMEOUT(scans.count(), 3, 3000);
        QCOMPARE(texts(scans), (strings({"SB00001", "SB00002", "C0005"})));
        QVERIFY(connected.count() >= 3); // up, down, up
        QCOMPARE(connected.last().at(0).toBool(), true);
    }

    // Started before the device exists: keeps trying quietly and connects when it appears.
    void deviceAppearsLater()
    {
        PtyPair pty;
        SerialScanSource source;
        source.setPortSettings(SerialPortSettings{pty.devicePath(), 9600});
        source.setReconnectIntervalMs(100);
        QSignalSpy scans(&source, &SerialScanSource::scanned);
        QSignalSpy problems(&source, &SerialScanSource::problem);
        QVERIFY(!source.start());
        QTest::qWait(500);
        QCOMPARE(problems.count(), 1); // said once, not on every retry
        QVERIFY(pty.start());
        QTRY_VERIFY_WITH_TIMEOUT(source.isConnected(), 2000);
        QVERIFY(pty.write("C0001\r"));
        QTRY_COMPARE_WITH_TIMEOUT(scans.count(), 1, 3000);
        source.stop();
        QVERIFY(!source.isConnected());
    }
};

QTEST_GUILESS_MAIN(TestSerialScanSource)
#include "tst_serialscansource.moc"
