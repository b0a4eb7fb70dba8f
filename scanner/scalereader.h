#pragma once

#include <QObject>
#include <QTimer>

#include "scanner/frameassembler.h"
#include "scanner/scaleparser.h"
#include "scanner/scanevent.h"
#include "scanner/seriallink.h"
#include "scanner/weightstabilizer.h"

namespace tt {

struct ScaleSettings
{
    SerialPortSettings port;
    ScaleFormat format = ScaleFormat::StatusCsv;
    bool onRequest = false;      // false: the scale streams; true: ask every pollIntervalMs
    int pollIntervalMs = 250;
    QByteArray request;          // empty: defaultScaleRequest(format)
    Terminator terminator = Terminator::Lf; // Lf also takes CRLF
    StabilityOptions stability;
};

// A serial scale (BRIEF §4 "Scale"): reads lines in one of the ScaleFormats, continuously or on
// request, and reports each new stable weight once in integer grams. Reconnects like the
// scanners. GUI thread; signals are emitted from it.
class ScaleReader : public QObject
{
    Q_OBJECT

public:
    explicit ScaleReader(QObject *parent = nullptr);

    void setSettings(const ScaleSettings &settings);
    const ScaleSettings &settings() const { return m_settings; }
    void setReconnectIntervalMs(int ms) { m_link.setReconnectIntervalMs(ms); }

    bool start();
    void stop();
    bool isConnected() const { return m_link.isOpen(); }
    // Sends one request now (on-request scales; harmless for streaming ones).
    bool requestWeight();
    const SerialLink &link() const { return m_link; }

Q_SIGNALS:
    // Every reading, for a live display.
    void readingChanged(qint64 grams, bool stable);
    // A new stable weight: attach it to the current parent or bill (cmd::RecordWeight).
    void stableWeight(qint64 grams);
    void connectedChanged(bool connected);
    void problem(const QString &message);
    void traced(const tt::TraceEntry &entry);

private:
    void onData(const QByteArray &chunk);
    void handle(FrameAssembler::Output output);
    QString sourceName() const;

    ScaleSettings m_settings;
    SerialLink m_link;
    FrameAssembler m_assembler;
    WeightStabilizer m_stabilizer;
    QTimer m_poll;
    QTimer m_expiry;
    int m_badLines = 0;
};

} // namespace tt
