#include <QSettings>
#include <QTemporaryDir>
#include <QTest>

#include "scanner/scannersettings.h"

using namespace tt;

// Scanner settings persist through QSettings (issue 4, point 7).
class TestScannerSettings : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void defaultsFromEmpty()
    {
        QTemporaryDir dir;
        QSettings s(dir.filePath(QStringLiteral("empty.ini")), QSettings::IniFormat);
        const ScannerSettings loaded = ScannerSettings::load(s);
        QCOMPARE(loaded.debounceMs, 300);
        QCOMPARE(loaded.wedge.maxInterKeyMs, WedgeOptions{}.maxInterKeyMs);
        QCOMPARE(loaded.frames.terminator, Terminator::Cr);
        QCOMPARE(loaded.serial.baudRate, 9600);
        QVERIFY(!loaded.serialEnabled);
        QCOMPARE(loaded.scale.format, ScaleFormat::StatusCsv);
    }

    void roundTrip()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("station.ini"));
        ScannerSettings a;
        a.wedge.maxInterKeyMs = 25;
        a.wedge.minLength = 6;
        a.wedge.tabEnds = false;
        a.wedge.requireTerminator = false;
        a.wedge.layout = KeyboardLayout::Qwertz;
        a.serialEnabled = true;
        a.serial.portName = QStringLiteral("/dev/ttyUSB3");
        a.serial.baudRate = 115200;
        a.serial.dataBits = QSerialPort::Data7;
        a.serial.parity = QSerialPort::EvenParity;
        a.serial.stopBits = QSerialPort::TwoStop;
        a.serial.flowControl = QSerialPort::HardwareControl;
        a.frames.terminator = Terminator::None;
        a.frames.interByteTimeoutMs = 70;
        a.frames.maxFrameLength = 512;
        a.frames.minFrameLength = 3;
        a.debounceMs = 500;
        a.scaleEnabled = true;
        a.scale.port.portName = QStringLiteral("COM4");
        a.scale.format = ScaleFormat::MtSics;
        a.scale.onRequest = true;
        a.scale.pollIntervalMs = 400;
        a.scale.request = "S\r\n";
        a.scale.stability.readings = 5;
        a.scale.stability.toleranceG = 10;
        a.scale.stability.minimumG = 50;
        a.scale.stability.trustScaleFlag = false;
        {
            QSettings s(path, QSettings::IniFormat);
            a.save(s);
        }
        QSettings s(path, QSettings::IniFormat);
        const ScannerSettings b = ScannerSettings::load(s);
        QCOMPARE(b.wedge.maxInterKeyMs, 25);
        QCOMPARE(b.wedge.minLength, 6);
        QCOMPARE(b.wedge.tabEnds, false);
        QCOMPARE(b.wedge.requireTerminator, false);
        QCOMPARE(b.wedge.layout, KeyboardLayout::Qwertz);
        QCOMPARE(b.serialEnabled, true);
        QCOMPARE(b.serial.portName, QStringLiteral("/dev/ttyUSB3"));
        QCOMPARE(b.serial.baudRate, 115200);
        QCOMPARE(b.serial.dataBits, QSerialPort::Data7);
        QCOMPARE(b.serial.parity, QSerialPort::EvenParity);
        QCOMPARE(b.serial.stopBits, QSerialPort::TwoStop);
        QCOMPARE(b.serial.flowControl, QSerialPort::HardwareControl);
        QCOMPARE(b.frames.terminator, Terminator::None);
        QCOMPARE(b.frames.interByteTimeoutMs, 70);
        QCOMPARE(b.frames.maxFrameLength, 512);
        QCOMPARE(b.frames.minFrameLength, 3);
        QCOMPARE(b.debounceMs, 500);
        QCOMPARE(b.scaleEnabled, true);
        QCOMPARE(b.scale.port.portName, QStringLiteral("COM4"));
        QCOMPARE(b.scale.format, ScaleFormat::MtSics);
        QCOMPARE(b.scale.onRequest, true);
        QCOMPARE(b.scale.pollIntervalMs, 400);
        QCOMPARE(b.scale.request, QByteArray("S\r\n"));
        QCOMPARE(b.scale.stability.readings, 5);
        QCOMPARE(b.scale.stability.toleranceG, qint64(10));
        QCOMPARE(b.scale.stability.minimumG, qint64(50));
        QCOMPARE(b.scale.stability.trustScaleFlag, false);
        // Stored under the scanner group, readable by people.
        QCOMPARE(s.value(QStringLiteral("scanner/serial/terminator")).toString(), QStringLiteral("none"));
        QCOMPARE(s.value(QStringLiteral("scanner/wedge/layout")).toString(), QStringLiteral("qwertz"));
    }

    void malformedValuesFallBack()
    {
        QTemporaryDir dir;
        QSettings s(dir.filePath(QStringLiteral("bad.ini")), QSettings::IniFormat);
        s.setValue(QStringLiteral("scanner/serial/terminator"), QStringLiteral("etx"));
        s.setValue(QStringLiteral("scanner/serial/baud"), QStringLiteral("fast"));
        s.setValue(QStringLiteral("scanner/serial/maxFrameLength"), -5);
        s.setValue(QStringLiteral("scanner/wedge/layout"), QStringLiteral("dvorak"));
        s.setValue(QStringLiteral("scanner/debounceMs"), 99999999);
        s.setValue(QStringLiteral("scanner/scale/format"), QStringLiteral("unknown"));
        const ScannerSettings b = ScannerSettings::load(s);
        QCOMPARE(b.frames.terminator, Terminator::Cr);
        QCOMPARE(b.serial.baudRate, 9600);
        QCOMPARE(b.frames.maxFrameLength, 256);
        QCOMPARE(b.wedge.layout, KeyboardLayout::Same);
        QCOMPARE(b.debounceMs, 300);
        QCOMPARE(b.scale.format, ScaleFormat::StatusCsv);
    }
};

QTEST_GUILESS_MAIN(TestScannerSettings)
#include "tst_scannersettings.moc"
