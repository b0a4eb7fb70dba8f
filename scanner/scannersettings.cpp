#include "scanner/scannersettings.h"

#include <QSettings>

namespace tt {

namespace {

QString parityName(QSerialPort::Parity p)
{
    switch (p) {
    case QSerialPort::EvenParity: return QStringLiteral("even");
    case QSerialPort::OddParity: return QStringLiteral("odd");
    case QSerialPort::SpaceParity: return QStringLiteral("space");
    case QSerialPort::MarkParity: return QStringLiteral("mark");
    default: return QStringLiteral("none");
    }
}

QSerialPort::Parity parityFromName(const QString &s)
{
    if (s == u"even")
        return QSerialPort::EvenParity;
    if (s == u"odd")
        return QSerialPort::OddParity;
    if (s == u"space")
        return QSerialPort::SpaceParity;
    if (s == u"mark")
        return QSerialPort::MarkParity;
    return QSerialPort::NoParity;
}

QString stopBitsName(QSerialPort::StopBits s)
{
    switch (s) {
    case QSerialPort::TwoStop: return QStringLiteral("2");
    case QSerialPort::OneAndHalfStop: return QStringLiteral("1.5");
    default: return QStringLiteral("1");
    }
}

QSerialPort::StopBits stopBitsFromName(const QString &s)
{
    if (s == u"2")
        return QSerialPort::TwoStop;
    if (s == u"1.5")
        return QSerialPort::OneAndHalfStop;
    return QSerialPort::OneStop;
}

QString flowName(QSerialPort::FlowControl f)
{
    switch (f) {
    case QSerialPort::HardwareControl: return QStringLiteral("rts-cts");
    case QSerialPort::SoftwareControl: return QStringLiteral("xon-xoff");
    default: return QStringLiteral("none");
    }
}

QSerialPort::FlowControl flowFromName(const QString &s)
{
    if (s == u"rts-cts")
        return QSerialPort::HardwareControl;
    if (s == u"xon-xoff")
        return QSerialPort::SoftwareControl;
    return QSerialPort::NoFlowControl;
}

int intValue(QSettings &s, const QString &key, int fallback, int lo, int hi)
{
    bool ok = false;
    const int v = s.value(key, fallback).toInt(&ok);
    return ok && v >= lo && v <= hi ? v : fallback;
}

bool boolValue(QSettings &s, const QString &key, bool fallback)
{
    const QVariant v = s.value(key);
    return v.isValid() ? v.toBool() : fallback;
}

void loadPort(QSettings &s, SerialPortSettings &port)
{
    port.portName = s.value(QStringLiteral("port"), port.portName).toString();
    port.baudRate = intValue(s, QStringLiteral("baud"), port.baudRate, 50, 4'000'000);
    port.dataBits = QSerialPort::DataBits(intValue(s, QStringLiteral("dataBits"), port.dataBits, 5, 8));
    port.parity = parityFromName(s.value(QStringLiteral("parity"), parityName(port.parity)).toString());
    port.stopBits = stopBitsFromName(s.value(QStringLiteral("stopBits"), stopBitsName(port.stopBits)).toString());
    port.flowControl = flowFromName(s.value(QStringLiteral("flowControl"), flowName(port.flowControl)).toString());
}

void savePort(QSettings &s, const SerialPortSettings &port)
{
    s.setValue(QStringLiteral("port"), port.portName);
    s.setValue(QStringLiteral("baud"), port.baudRate);
    s.setValue(QStringLiteral("dataBits"), int(port.dataBits));
    s.setValue(QStringLiteral("parity"), parityName(port.parity));
    s.setValue(QStringLiteral("stopBits"), stopBitsName(port.stopBits));
    s.setValue(QStringLiteral("flowControl"), flowName(port.flowControl));
}

} // namespace

ScannerSettings ScannerSettings::load(QSettings &s)
{
    ScannerSettings out;
    s.beginGroup(QStringLiteral("scanner"));

    s.beginGroup(QStringLiteral("wedge"));
    WedgeOptions &w = out.wedge;
    w.enabled = boolValue(s, QStringLiteral("enabled"), w.enabled);
    w.maxInterKeyMs = intValue(s, QStringLiteral("maxInterKeyMs"), w.maxInterKeyMs, 1, 1000);
    w.minLength = intValue(s, QStringLiteral("minLength"), w.minLength, 1, 1000);
    w.enterEnds = boolValue(s, QStringLiteral("enterEnds"), w.enterEnds);
    w.tabEnds = boolValue(s, QStringLiteral("tabEnds"), w.tabEnds);
    w.requireTerminator = boolValue(s, QStringLiteral("requireTerminator"), w.requireTerminator);
    w.layout = keyboardLayoutFromName(s.value(QStringLiteral("layout")).toString()).value_or(w.layout);
    s.endGroup();

    s.beginGroup(QStringLiteral("serial"));
    out.serialEnabled = boolValue(s, QStringLiteral("enabled"), out.serialEnabled);
    loadPort(s, out.serial);
    FrameAssemblerOptions &f = out.frames;
    f.terminator = terminatorFromName(s.value(QStringLiteral("terminator")).toString()).value_or(f.terminator);
    f.interByteTimeoutMs = intValue(s, QStringLiteral("interByteTimeoutMs"), f.interByteTimeoutMs, 1, 10'000);
    f.staleFrameMs = intValue(s, QStringLiteral("staleFrameMs"), f.staleFrameMs, 1, 60'000);
    f.maxFrameLength = intValue(s, QStringLiteral("maxFrameLength"), f.maxFrameLength, 1, 65'536);
    f.minFrameLength = intValue(s, QStringLiteral("minFrameLength"), f.minFrameLength, 1, 1000);
    s.endGroup();

    out.debounceMs = intValue(s, QStringLiteral("debounceMs"), out.debounceMs, 0, 10'000);

    s.beginGroup(QStringLiteral("scale"));
    ScaleSettings &sc = out.scale;
    out.scaleEnabled = boolValue(s, QStringLiteral("enabled"), out.scaleEnabled);
    loadPort(s, sc.port);
    sc.format = scaleFormatFromName(s.value(QStringLiteral("format")).toString()).value_or(sc.format);
    sc.onRequest = boolValue(s, QStringLiteral("onRequest"), sc.onRequest);
    sc.pollIntervalMs = intValue(s, QStringLiteral("pollIntervalMs"), sc.pollIntervalMs, 20, 60'000);
    sc.request = s.value(QStringLiteral("request"), sc.request).toByteArray();
    sc.terminator = terminatorFromName(s.value(QStringLiteral("terminator")).toString()).value_or(sc.terminator);
    sc.stability.readings = intValue(s, QStringLiteral("stableReadings"), sc.stability.readings, 1, 100);
    sc.stability.toleranceG = intValue(s, QStringLiteral("toleranceG"), int(sc.stability.toleranceG), 0, 1'000'000);
    sc.stability.minimumG = intValue(s, QStringLiteral("minimumG"), int(sc.stability.minimumG), 0, 1'000'000);
    sc.stability.trustScaleFlag = boolValue(s, QStringLiteral("trustScaleFlag"), sc.stability.trustScaleFlag);
    s.endGroup();

    s.endGroup();
    return out;
}

void ScannerSettings::save(QSettings &s) const
{
    s.beginGroup(QStringLiteral("scanner"));

    s.beginGroup(QStringLiteral("wedge"));
    s.setValue(QStringLiteral("enabled"), wedge.enabled);
    s.setValue(QStringLiteral("maxInterKeyMs"), wedge.maxInterKeyMs);
    s.setValue(QStringLiteral("minLength"), wedge.minLength);
    s.setValue(QStringLiteral("enterEnds"), wedge.enterEnds);
    s.setValue(QStringLiteral("tabEnds"), wedge.tabEnds);
    s.setValue(QStringLiteral("requireTerminator"), wedge.requireTerminator);
    s.setValue(QStringLiteral("layout"), keyboardLayoutName(wedge.layout));
    s.endGroup();

    s.beginGroup(QStringLiteral("serial"));
    s.setValue(QStringLiteral("enabled"), serialEnabled);
    savePort(s, serial);
    s.setValue(QStringLiteral("terminator"), terminatorName(frames.terminator));
    s.setValue(QStringLiteral("interByteTimeoutMs"), frames.interByteTimeoutMs);
    s.setValue(QStringLiteral("staleFrameMs"), frames.staleFrameMs);
    s.setValue(QStringLiteral("maxFrameLength"), frames.maxFrameLength);
    s.setValue(QStringLiteral("minFrameLength"), frames.minFrameLength);
    s.endGroup();

    s.setValue(QStringLiteral("debounceMs"), debounceMs);

    s.beginGroup(QStringLiteral("scale"));
    s.setValue(QStringLiteral("enabled"), scaleEnabled);
    savePort(s, scale.port);
    s.setValue(QStringLiteral("format"), scaleFormatName(scale.format));
    s.setValue(QStringLiteral("onRequest"), scale.onRequest);
    s.setValue(QStringLiteral("pollIntervalMs"), scale.pollIntervalMs);
    s.setValue(QStringLiteral("request"), scale.request);
    s.setValue(QStringLiteral("terminator"), terminatorName(scale.terminator));
    s.setValue(QStringLiteral("stableReadings"), scale.stability.readings);
    s.setValue(QStringLiteral("toleranceG"), scale.stability.toleranceG);
    s.setValue(QStringLiteral("minimumG"), scale.stability.minimumG);
    s.setValue(QStringLiteral("trustScaleFlag"), scale.stability.trustScaleFlag);
    s.endGroup();

    s.endGroup();
}

} // namespace tt
