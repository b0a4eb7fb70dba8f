#include "scanner/frameassembler.h"

#include <QStringDecoder>

namespace tt {

namespace {

bool isAllowedControl(unsigned char c)
{
    return c == 0x1D || c == '\t';
}

Error rejection(QString message)
{
    return Error{Reason::InvalidCode, std::move(message)};
}

} // namespace

QString terminatorName(Terminator t)
{
    switch (t) {
    case Terminator::Cr: return QStringLiteral("cr");
    case Terminator::Lf: return QStringLiteral("lf");
    case Terminator::CrLf: return QStringLiteral("crlf");
    case Terminator::None: return QStringLiteral("none");
    }
    return {};
}

std::optional<Terminator> terminatorFromName(QStringView name)
{
    for (const Terminator t : {Terminator::Cr, Terminator::Lf, Terminator::CrLf, Terminator::None}) {
        if (name.compare(terminatorName(t), Qt::CaseInsensitive) == 0)
            return t;
    }
    return std::nullopt;
}

FrameAssembler::FrameAssembler(FrameAssemblerOptions options)
    : m_options(options)
{
    if (m_options.maxFrameLength < 1)
        m_options.maxFrameLength = 1;
    if (m_options.minFrameLength < 1)
        m_options.minFrameLength = 1;
    if (m_options.interByteTimeoutMs < 1)
        m_options.interByteTimeoutMs = 1;
    if (m_options.staleFrameMs < 1)
        m_options.staleFrameMs = 1;
    m_buffer.reserve(m_options.maxFrameLength);
}

void FrameAssembler::reset()
{
    m_buffer.clear();
    m_count = 0;
    m_sawCr = false;
    m_afterCrTerminator = false;
}

void FrameAssembler::push(Output &out, Result<Frame> item)
{
    // Merge a rejection into the previous one so a burst of garbage gives one message.
    if (!item && !out.empty() && !out.back()) {
        out.back().error().message = QStringLiteral("Garbage on the serial line was discarded (several "
                                                    "frames, the last: %1)")
                                         .arg(item.error().message);
        return;
    }
    out.push_back(std::move(item));
}

void FrameAssembler::addByte(char byte)
{
    if (m_count < m_options.maxFrameLength)
        m_buffer.append(byte);
    ++m_count;
}

void FrameAssembler::finishFrame(Output &out)
{
    const qsizetype count = m_count;
    QByteArray bytes = std::exchange(m_buffer, {});
    m_buffer.reserve(m_options.maxFrameLength);
    m_count = 0;
    if (count == 0)
        return; // an empty frame (a lone terminator) is no scan and no problem

    for (const char ch : std::as_const(bytes)) {
        const auto c = static_cast<unsigned char>(ch);
        if ((c < 0x20 && !isAllowedControl(c)) || c == 0x7F) {
            QString hint;
            if (c == '\r' || c == '\n')
                hint = QStringLiteral(" (does the terminator setting, %1, match the scanner?)")
                           .arg(terminatorName(m_options.terminator));
            push(out, std::unexpected(rejection(QStringLiteral("Binary data (%1 bytes, control character 0x%2) "
                                                               "was discarded: it is not a scan%3.")
                                                    .arg(count)
                                                    .arg(int(c), 2, 16, QLatin1Char('0'))
                                                    .arg(hint))));
            return;
        }
    }
    if (count > m_options.maxFrameLength) {
        push(out, std::unexpected(rejection(QStringLiteral("A frame of %1 bytes was discarded: the maximum is %2 "
                                                           "(is the terminator setting, %3, right?).")
                                                .arg(count)
                                                .arg(m_options.maxFrameLength)
                                                .arg(terminatorName(m_options.terminator)))));
        return;
    }
    QStringDecoder decoder(QStringDecoder::Utf8);
    QString text = decoder.decode(bytes);
    if (decoder.hasError()) {
        push(out, std::unexpected(rejection(
                      QStringLiteral("Binary data (%1 bytes, not UTF-8 text) was discarded: it is not a scan.")
                          .arg(count))));
        return;
    }
    if (count < m_options.minFrameLength) {
        push(out, std::unexpected(rejection(QStringLiteral("A frame of %1 bytes (\"%2\") was discarded as noise: "
                                                           "codes have at least %3.")
                                                .arg(count)
                                                .arg(text)
                                                .arg(m_options.minFrameLength))));
        return;
    }
    out.push_back(Frame{std::move(bytes), std::move(text)});
}

FrameAssembler::Output FrameAssembler::feed(QByteArrayView chunk, qint64 nowMs)
{
    Output out;
    if (chunk.isEmpty())
        return out;
    // A pending frame that went stale before this chunk is finished first.
    if (const std::optional<qint64> due = deadline(); due && nowMs >= *due) {
        Output expired = expire(nowMs);
        for (auto &item : expired)
            push(out, std::move(item));
    }
    for (const char byte : chunk) {
        switch (m_options.terminator) {
        case Terminator::Cr:
            if (byte == '\r') {
                finishFrame(out);
                m_afterCrTerminator = true;
                continue;
            }
            if (byte == '\n' && m_afterCrTerminator) {
                m_afterCrTerminator = false;
                continue;
            }
            m_afterCrTerminator = false;
            addByte(byte);
            break;
        case Terminator::Lf:
            if (byte == '\n') {
                if (m_count > 0 && m_count <= m_options.maxFrameLength && m_buffer.endsWith('\r')) {
                    m_buffer.chop(1);
                    --m_count;
                }
                finishFrame(out);
                continue;
            }
            addByte(byte);
            break;
        case Terminator::CrLf:
            if (m_sawCr) {
                m_sawCr = false;
                if (byte == '\n') {
                    finishFrame(out);
                    continue;
                }
                addByte('\r');
            }
            if (byte == '\r') {
                m_sawCr = true;
                continue;
            }
            addByte(byte);
            break;
        case Terminator::None:
            addByte(byte);
            break;
        }
    }
    m_lastByteMs = nowMs;
    return out;
}

std::optional<qint64> FrameAssembler::deadline() const
{
    if (m_count == 0 && !m_sawCr)
        return std::nullopt;
    return m_lastByteMs
        + (m_options.terminator == Terminator::None ? m_options.interByteTimeoutMs : m_options.staleFrameMs);
}

FrameAssembler::Output FrameAssembler::expire(qint64 nowMs)
{
    Output out;
    const std::optional<qint64> due = deadline();
    if (!due || nowMs < *due)
        return out;
    if (m_options.terminator == Terminator::None) {
        finishFrame(out);
        return out;
    }
    if (m_sawCr) {
        m_sawCr = false;
        addByte('\r');
    }
    const qsizetype count = m_count;
    m_buffer.clear();
    m_count = 0;
    push(out, std::unexpected(rejection(QStringLiteral("An incomplete frame (%1 bytes without the %2 terminator "
                                                       "within %3 ms) was discarded.")
                                            .arg(count)
                                            .arg(terminatorName(m_options.terminator))
                                            .arg(m_options.staleFrameMs))));
    return out;
}

} // namespace tt
