#pragma once

#include <QByteArray>
#include <QDateTime>
#include <QMetaType>
#include <QString>

namespace tt {

// One complete scan as a source delivered it (ARCHITECTURE "A scan, end to end"). The text
// goes to Station::scan() unchanged; GS (0x1D) is kept for GS1 parsing.
struct ScanEvent
{
    QByteArray raw;    // bytes as received (serial), else the UTF-8 of text
    QString text;      // the scan, terminator removed
    QString symbology; // AIM identifier when the source knows it (images); else empty
    QString source;    // "wedge", "serial:/dev/ttyUSB0", "image:label.png"
    QDateTime at;      // UTC, when the scan was complete
    qint64 steadyMs = 0; // monotonic milliseconds (steadyNowMs()), for timing and debounce
};

// What arrived, for the self-test view: every chunk, key, frame and decision.
struct TraceEntry
{
    enum class Kind { Bytes, Key, Frame, Scan, Rejected, Debounced, Status };
    Kind kind = Kind::Status;
    qint64 steadyMs = 0;
    QString source;
    QByteArray bytes; // raw bytes (Bytes, Frame) or the key text
    QString note;     // key name, rejection message, status text
};

// Monotonic milliseconds shared by all scanner classes (std::chrono::steady_clock).
qint64 steadyNowMs();

} // namespace tt

Q_DECLARE_METATYPE(tt::ScanEvent)
Q_DECLARE_METATYPE(tt::TraceEntry)
