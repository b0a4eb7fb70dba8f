#pragma once

#include <QObject>
#include <QSerialPort>
#include <QTimer>

namespace tt {

// Port parameters of a serial device (scanner or scale).
struct SerialPortSettings
{
    QString portName; // "ttyUSB0", "COM3" or a path such as "/dev/serial/by-id/…"
    qint32 baudRate = 9600;
    QSerialPort::DataBits dataBits = QSerialPort::Data8;
    QSerialPort::Parity parity = QSerialPort::NoParity;
    QSerialPort::StopBits stopBits = QSerialPort::OneStop;
    QSerialPort::FlowControl flowControl = QSerialPort::NoFlowControl;
};

// A serial port that stays connected by itself (BRIEF §4): when the device disappears (unplug,
// peer gone, read errors) the port is closed at once (so no error flood) and reopened by a
// timer every reconnectIntervalMs until it works again; no busy loop. Reports each loss and
// recovery once. Lives in the thread that created it.
class SerialLink : public QObject
{
    Q_OBJECT

public:
    explicit SerialLink(QObject *parent = nullptr);
    ~SerialLink() override;

    void setSettings(const SerialPortSettings &settings);
    const SerialPortSettings &settings() const { return m_settings; }
    // Delay between reopen attempts; default 250 ms (so a replug is back within ~0.3 s).
    void setReconnectIntervalMs(int ms);

    // Opens the port now if possible, else keeps trying. Returns whether it is open now.
    bool start();
    // Closes the port and stops trying.
    void stop();
    bool isOpen() const;
    bool isRunning() const { return m_running; }
    // Every open() attempted since construction (tests check there is no busy loop).
    int openAttempts() const { return m_openAttempts; }
    // Every error QSerialPort reported (the same).
    int errorsSeen() const { return m_errorsSeen; }
    QString lastError() const { return m_lastError; }

    // Writes to the open port (scale requests). Returns false when it is not open.
    bool write(const QByteArray &bytes);

Q_SIGNALS:
    void dataReceived(const QByteArray &chunk);
    void connectedChanged(bool connected);
    // A plain message for the user: the port could not be opened, or it went away.
    void problem(const QString &message);

private:
    void tryOpen();
    void onReadyRead();
    void onError(QSerialPort::SerialPortError error);
    void lose(const QString &reason);

    QSerialPort m_port;
    QTimer m_reconnect;
    SerialPortSettings m_settings;
    bool m_running = false;
    bool m_opening = false;
    bool m_reportedOpenFailure = false;
    int m_openAttempts = 0;
    int m_errorsSeen = 0;
    QString m_lastError;
};

} // namespace tt
