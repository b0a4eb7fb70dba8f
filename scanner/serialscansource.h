#pragma once

#include <QTimer>

#include "scanner/frameassembler.h"
#include "scanner/scansource.h"
#include "scanner/seriallink.h"

namespace tt {

// A serial barcode scanner (BRIEF §4): bytes from a SerialLink assembled into frames, each
// valid frame one ScanEvent; garbage, overlong and incomplete frames are reported through
// rejected(). A partial frame is dropped when the port goes away, so it never merges with the
// first frame after reconnecting.
class SerialScanSource : public ScanSource
{
    Q_OBJECT

public:
    explicit SerialScanSource(QObject *parent = nullptr);

    void setPortSettings(const SerialPortSettings &settings);
    void setFrameOptions(const FrameAssemblerOptions &options);
    void setReconnectIntervalMs(int ms) { m_link.setReconnectIntervalMs(ms); }

    // Starts reading (and reconnecting). Returns whether the port is open now.
    bool start();
    void stop();
    bool isConnected() const { return m_link.isOpen(); }
    const SerialLink &link() const { return m_link; }

    QString sourceName() const override;

Q_SIGNALS:
    void connectedChanged(bool connected);
    void problem(const QString &message);

private:
    void onData(const QByteArray &chunk);
    void onExpire();
    void deliver(FrameAssembler::Output output);
    void scheduleExpiry();

    SerialLink m_link;
    FrameAssembler m_assembler;
    QTimer m_expiry;
};

} // namespace tt
