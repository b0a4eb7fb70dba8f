#include "scanner/serialscansource.h"

#include "scanner/scannerlog.h"

#include <algorithm>

namespace tt {

SerialScanSource::SerialScanSource(QObject *parent)
    : ScanSource(parent)
    , m_link(this)
{
    m_expiry.setSingleShot(true);
    m_expiry.setTimerType(Qt::PreciseTimer);
    connect(&m_expiry, &QTimer::timeout, this, &SerialScanSource::onExpire);
    connect(&m_link, &SerialLink::dataReceived, this, &SerialScanSource::onData);
    connect(&m_link, &SerialLink::problem, this, &SerialScanSource::problem);
    connect(&m_link, &SerialLink::connectedChanged, this, [this](bool connected) {
        if (m_assembler.hasPending())
            qCInfo(lcScanner) << "dropping a partial frame on" << sourceName();
        m_assembler.reset();
        m_expiry.stop();
        Q_EMIT traced(TraceEntry{TraceEntry::Kind::Status, steadyNowMs(), sourceName(), {},
                                 connected ? tr("connected") : tr("disconnected")});
        Q_EMIT connectedChanged(connected);
    });
}

void SerialScanSource::setPortSettings(const SerialPortSettings &settings)
{
    m_link.setSettings(settings);
}

void SerialScanSource::setFrameOptions(const FrameAssemblerOptions &options)
{
    m_assembler = FrameAssembler(options);
}

bool SerialScanSource::start()
{
    return m_link.start();
}

void SerialScanSource::stop()
{
    m_link.stop();
    m_assembler.reset();
    m_expiry.stop();
}

QString SerialScanSource::sourceName() const
{
    return QStringLiteral("serial:") + m_link.settings().portName;
}

void SerialScanSource::onData(const QByteArray &chunk)
{
    const qint64 now = steadyNowMs();
    Q_EMIT traced(TraceEntry{TraceEntry::Kind::Bytes, now, sourceName(), chunk, {}});
    deliver(m_assembler.feed(chunk, now));
    scheduleExpiry();
}

void SerialScanSource::onExpire()
{
    deliver(m_assembler.expire(steadyNowMs()));
    scheduleExpiry();
}

void SerialScanSource::scheduleExpiry()
{
    const std::optional<qint64> due = m_assembler.deadline();
    if (!due) {
        m_expiry.stop();
        return;
    }
    m_expiry.start(int(std::clamp<qint64>(*due - steadyNowMs() + 1, 0, 60000)));
}

void SerialScanSource::deliver(FrameAssembler::Output output)
{
    for (Result<Frame> &item : output) {
        const qint64 now = steadyNowMs();
        if (!item) {
            qCInfo(lcScanner) << sourceName() << item.error().message;
            Q_EMIT traced(TraceEntry{TraceEntry::Kind::Rejected, now, sourceName(), {}, item.error().message});
            Q_EMIT rejected(item.error().message);
            continue;
        }
        Q_EMIT traced(TraceEntry{TraceEntry::Kind::Frame, now, sourceName(), item->bytes, {}});
        ScanEvent event;
        event.raw = std::move(item->bytes);
        event.text = std::move(item->text);
        event.source = sourceName();
        event.at = QDateTime::currentDateTimeUtc();
        event.steadyMs = now;
        Q_EMIT scanned(event);
    }
}

} // namespace tt
