#include "scanner/seriallink.h"

#include "scanner/scannerlog.h"

namespace tt {

SerialLink::SerialLink(QObject *parent)
    : QObject(parent)
    , m_port(this)
{
    m_reconnect.setSingleShot(true);
    m_reconnect.setInterval(250);
    connect(&m_reconnect, &QTimer::timeout, this, &SerialLink::tryOpen);
    connect(&m_port, &QSerialPort::readyRead, this, &SerialLink::onReadyRead);
    connect(&m_port, &QSerialPort::errorOccurred, this, &SerialLink::onError);
}

SerialLink::~SerialLink()
{
    m_running = false;
    m_reconnect.stop();
    if (m_port.isOpen())
        m_port.close();
}

void SerialLink::setSettings(const SerialPortSettings &settings)
{
    m_settings = settings;
}

void SerialLink::setReconnectIntervalMs(int ms)
{
    m_reconnect.setInterval(qMax(20, ms));
}

bool SerialLink::start()
{
    m_running = true;
    m_reportedOpenFailure = false;
    if (!m_port.isOpen())
        tryOpen();
    return m_port.isOpen();
}

void SerialLink::stop()
{
    m_running = false;
    m_reconnect.stop();
    if (m_port.isOpen()) {
        m_port.close();
        Q_EMIT connectedChanged(false);
    }
}

bool SerialLink::isOpen() const
{
    return m_port.isOpen();
}

bool SerialLink::write(const QByteArray &bytes)
{
    if (!m_port.isOpen())
        return false;
    return m_port.write(bytes) == bytes.size();
}

void SerialLink::tryOpen()
{
    if (!m_running || m_port.isOpen())
        return;
    ++m_openAttempts;
    m_port.setPortName(m_settings.portName);
    m_port.setBaudRate(m_settings.baudRate);
    m_port.setDataBits(m_settings.dataBits);
    m_port.setParity(m_settings.parity);
    m_port.setStopBits(m_settings.stopBits);
    m_port.setFlowControl(m_settings.flowControl);
    m_opening = true;
    const bool ok = m_port.open(QIODevice::ReadWrite);
    m_opening = false;
    if (!ok) {
        m_lastError = m_port.errorString();
        m_port.clearError();
        if (!m_reportedOpenFailure) {
            m_reportedOpenFailure = true;
            qCWarning(lcScanner) << "cannot open serial port" << m_settings.portName << m_lastError
                                 << "- retrying every" << m_reconnect.interval() << "ms";
            Q_EMIT problem(tr("The serial port %1 cannot be opened (%2); retrying.")
                               .arg(m_settings.portName, m_lastError));
        }
        m_reconnect.start();
        return;
    }
    m_reportedOpenFailure = false;
    m_port.clear(QSerialPort::Input);
    qCInfo(lcScanner) << "serial port open" << m_settings.portName << m_settings.baudRate;
    Q_EMIT connectedChanged(true);
    // Bytes may have arrived between open() and the first event loop pass.
    if (m_port.bytesAvailable() > 0)
        onReadyRead();
}

void SerialLink::onReadyRead()
{
    const QByteArray chunk = m_port.readAll();
    if (!chunk.isEmpty())
        Q_EMIT dataReceived(chunk);
}

void SerialLink::onError(QSerialPort::SerialPortError error)
{
    if (error == QSerialPort::NoError || error == QSerialPort::TimeoutError)
        return;
    ++m_errorsSeen;
    if (m_opening)
        return; // tryOpen() reports it
    if (!m_port.isOpen())
        return;
    switch (error) {
    case QSerialPort::ResourceError:
    case QSerialPort::ReadError:
    case QSerialPort::WriteError:
    case QSerialPort::DeviceNotFoundError:
    case QSerialPort::PermissionError:
    case QSerialPort::OpenError:
    case QSerialPort::UnknownError:
        lose(m_port.errorString());
        break;
    default:
        // Unsupported settings (parity on a pty) and the like: the port still works.
        qCWarning(lcScanner) << "serial port" << m_settings.portName << m_port.errorString();
        m_port.clearError();
        break;
    }
}

void SerialLink::lose(const QString &reason)
{
    m_lastError = reason;
    // Closing at once is what stops QSerialPort from reporting the error in a tight loop.
    m_port.close();
    m_port.clearError();
    qCWarning(lcScanner) << "serial port lost" << m_settings.portName << reason;
    Q_EMIT connectedChanged(false);
    Q_EMIT problem(tr("The serial device on %1 went away (%2); reconnecting.").arg(m_settings.portName, reason));
    if (m_running) {
        m_reportedOpenFailure = true; // the loss was reported; retries stay quiet
        m_reconnect.start();
    }
}

} // namespace tt
