#pragma once

#include <QByteArray>
#include <QString>

#include <optional>

#include "core/error.h"

namespace tt {

// ASCII output formats of serial scales and weighing indicators.
enum class ScaleFormat {
    // "ST,GS,+0012.345kg" — the common indicator format (A&D, many OEM indicators): status
    // ST (stable) / US (unstable) / OL (overload), optional GS/NT/TR, signed value, unit.
    // Usually sent continuously; on request after "Q\r\n".
    StatusCsv,
    // Mettler Toledo MT-SICS: "S S      12.345 kg" (stable), "S D …" (dynamic), "S +"/"S -"
    // (over/underload), "S I" (busy). On request after "S\r\n" (stable) or "SI\r\n"; "SIR\r\n"
    // makes it continuous.
    MtSics,
};

QString scaleFormatName(ScaleFormat f); // "status-csv", "mt-sics"
std::optional<ScaleFormat> scaleFormatFromName(QStringView name);
// The request for one reading in on-request mode: "Q\r\n" or "SI\r\n".
QByteArray defaultScaleRequest(ScaleFormat f);

struct ScaleReading
{
    qint64 grams = 0;      // rounded half away from zero to whole grams
    bool stable = false;   // the scale's own motion flag
    bool overload = false; // over- or underload; grams is meaningless
    bool net = false;      // a tare was applied (NT)
};

// Parses one line (terminator removed). Units kg, g, t, lb and oz are converted exactly with
// integer arithmetic. Fails with Reason::InvalidInput and a plain message on anything else.
Result<ScaleReading> parseScaleLine(QByteArrayView line, ScaleFormat format);

// "12.345" in `unit` → grams, exactly then rounded half away from zero; at most 10 digits.
Result<qint64> scaleValueToGrams(QByteArrayView number, QByteArrayView unit);

} // namespace tt
