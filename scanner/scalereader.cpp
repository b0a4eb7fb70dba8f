#include "scanner/scalereader.h"

#include "scanner/scannerlog.h"

#include <algorithm>

namespace tt {

namespace {

FrameAssemblerOptions frameOptions(const ScaleSettings &s)
{
    FrameAssemblerOptions o;
    o.terminator = s.terminator;
    o.minFrameLength = 1;
    o.maxFrameLength = 64;
    o.staleFrameMs = 1000;
    o.interByteTimeoutMs = 50;
    return o;
}

} // namespace

ScaleReader::ScaleReader(QObject *parent)
    : QObject(parent)
    , m_link(this)
{
    m_poll.setTimerType(Qt::CoarseTimer);
    connect(&m_poll, &QTimer::timeout, this, &ScaleReader::requestWeight);
    m_expiry.setSingleShot(true);
    connect(&m_expiry, &QTimer::timeout, this, [this] { handle(m_assembler.expire(steadyNowMs())); });
    connect(&m_link, &SerialLink::dataReceived, this, &ScaleReader::onData);
    connect(&m_link, &SerialLink::problem, this, &ScaleReader::problem);
    connect(&m_link, &SerialLink::connectedChanged, this, [this](bool connected) {
        m_assembler.reset();
        m_stabilizer.reset();
        Q_EMIT traced(TraceEntry{TraceEntry::Kind::Status, steadyNowMs(), sourceName(), {},
                                 connected ? tr("connected") : tr("disconnected")});
        Q_EMIT connectedChanged(connected);
        if (connected && m_settings.onRequest)
            requestWeight();
    });
    setSettings({});
}

QString ScaleReader::sourceName() const
{
    return QStringLiteral("scale:") + m_settings.port.portName;
}

void ScaleReader::setSettings(const ScaleSettings &settings)
{
    m_settings = settings;
    m_link.setSettings(settings.port);
    m_assembler = FrameAssembler(frameOptions(settings));
    m_stabilizer = WeightStabilizer(settings.stability);
    m_poll.setInterval(qMax(20, settings.pollIntervalMs));
}

bool ScaleReader::start()
{
    if (m_settings.onRequest)
        m_poll.start();
    return m_link.start();
}

void ScaleReader::stop()
{
    m_poll.stop();
    m_expiry.stop();
    m_link.stop();
}

bool ScaleReader::requestWeight()
{
    const QByteArray request = m_settings.request.isEmpty() ? defaultScaleRequest(m_settings.format) : m_settings.request;
    return m_link.write(request);
}

void ScaleReader::onData(const QByteArray &chunk)
{
    const qint64 now = steadyNowMs();
    Q_EMIT traced(TraceEntry{TraceEntry::Kind::Bytes, now, sourceName(), chunk, {}});
    handle(m_assembler.feed(chunk, now));
    if (const std::optional<qint64> due = m_assembler.deadline())
        m_expiry.start(int(std::clamp<qint64>(*due - now + 1, 0, 60000)));
}

void ScaleReader::handle(FrameAssembler::Output output)
{
    for (const Result<Frame> &frame : output) {
        if (!frame) {
            Q_EMIT traced(TraceEntry{TraceEntry::Kind::Rejected, steadyNowMs(), sourceName(), {}, frame.error().message});
            continue;
        }
        const Result<ScaleReading> reading = parseScaleLine(frame->bytes, m_settings.format);
        if (!reading) {
            // A wrong format setting makes every line bad: say so once, not per line.
            if (m_badLines++ == 0)
                Q_EMIT problem(tr("The scale on %1 sends lines TraceTrack cannot read (%2); check the format "
                                  "setting (%3).")
                                   .arg(m_settings.port.portName, reading.error().message,
                                        scaleFormatName(m_settings.format)));
            Q_EMIT traced(TraceEntry{TraceEntry::Kind::Rejected, steadyNowMs(), sourceName(), frame->bytes,
                                     reading.error().message});
            continue;
        }
        m_badLines = 0;
        Q_EMIT traced(TraceEntry{TraceEntry::Kind::Frame, steadyNowMs(), sourceName(), frame->bytes,
                                 QStringLiteral("%1 g%2").arg(reading->grams).arg(reading->stable ? QString() : QStringLiteral(" (moving)"))});
        if (!reading->overload)
            Q_EMIT readingChanged(reading->grams, reading->stable);
        if (const std::optional<qint64> stable = m_stabilizer.add(*reading)) {
            qCInfo(lcScanner) << "stable weight" << *stable << "g on" << m_settings.port.portName;
            Q_EMIT stableWeight(*stable);
        }
    }
}

} // namespace tt
