#pragma once

#include <QColor>
#include <QDateTime>
#include <QString>

#include "core/outcome.h"
#include "core/weight.h"

namespace tt {

// How the GUI writes quantities: kilograms and variances as core/weight.h does ("30.000 kg",
// "+1.250 kg (+4.2 %)"), times in the station's local time zone.
QString formatVariance(qint64 actualG, qint64 expectedG);
QString formatTime(const QDateTime &utc);     // "2026-03-01 10:42:05"
QString formatClock(const QDateTime &utc);    // "10:42:05"

// Feedback colours: green ok, amber duplicate, blue queued, red rejected.
QColor resultColour(ResultKind kind);
// The mark before an answer in lists and the status bar: ✔ ok, = duplicate, ↻ queued (accepted
// here, not yet central), ✘ rejected.
QString resultMark(ResultKind kind);
// The readable foreground for text on resultColour.
QColor resultTextColour(ResultKind kind);

} // namespace tt
