#pragma once

#include <QByteArray>
#include <QString>

#include <optional>
#include <vector>

#include "core/error.h"

namespace tt {

// How a serial scanner ends a frame.
enum class Terminator {
    Cr,   // "\r"; an LF right after it is ignored, so CRLF scanners work too
    Lf,   // "\n"; a CR right before it is ignored
    CrLf, // "\r\n" strictly; a lone CR or LF is a control character
    None, // no terminator: a frame ends after interByteTimeoutMs without a byte
};

QString terminatorName(Terminator t); // "cr", "lf", "crlf", "none"
std::optional<Terminator> terminatorFromName(QStringView name);

struct FrameAssemblerOptions
{
    Terminator terminator = Terminator::Cr;
    int interByteTimeoutMs = 50; // Terminator::None: silence that ends a frame
    int staleFrameMs = 500;      // other modes: silence after which a partial frame is dropped
    int maxFrameLength = 256;    // bytes; longer frames are rejected whole
    int minFrameLength = 4;      // shorter non-empty frames are rejected as noise
};

// A frame that passed the checks: printable text (valid UTF-8, no control characters but GS and
// TAB), between minFrameLength and maxFrameLength bytes.
struct Frame
{
    QByteArray bytes;
    QString text;
};

// Assembles serial bytes that arrive in arbitrary chunks into frames (BRIEF §4). Pure and
// deterministic: the caller passes the time, so tests and the fuzzer drive it directly.
// Rejections (binary garbage, overlong, too short, stale partial frames) come out as errors
// with a plain message; consecutive rejections within one call are merged into one.
class FrameAssembler
{
public:
    using Output = std::vector<Result<Frame>>;

    explicit FrameAssembler(FrameAssemblerOptions options = {});

    const FrameAssemblerOptions &options() const { return m_options; }

    // Adds bytes received at nowMs (monotonic) and returns the frames they complete, in order.
    Output feed(QByteArrayView chunk, qint64 nowMs);
    // Call when the deadline passed: completes the pending frame (Terminator::None) or rejects a
    // stale partial frame. Returns nothing when there is nothing due.
    Output expire(qint64 nowMs);
    // When expire() has something to do, or std::nullopt when nothing is pending.
    std::optional<qint64> deadline() const;
    // Forgets a partial frame silently (the port was closed and reopened).
    void reset();
    bool hasPending() const { return m_count > 0; }

private:
    void finishFrame(Output &out);
    void addByte(char byte);
    static void push(Output &out, Result<Frame> item);

    FrameAssemblerOptions m_options;
    QByteArray m_buffer;
    qsizetype m_count = 0; // bytes in the current frame, including those beyond the maximum
    bool m_sawCr = false;  // CrLf: a CR is pending; Cr: the last frame ended with CR
    bool m_afterCrTerminator = false;
    qint64 m_lastByteMs = 0;
};

} // namespace tt
