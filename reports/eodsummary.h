#pragma once

#include <QDate>
#include <QDateTime>
#include <QList>
#include <QString>
#include <QTimeZone>

#include <utility>

namespace tt {

// Figures of one business day, for everyone or for one dispatcher or area.
struct EodFigures
{
    qint64 scans = 0;          // scan records (every scan, whatever its result)
    qint64 rejectedScans = 0;  // scans a rule refused
    qint64 links = 0;          // child links made (and still in force or not)
    qint64 parentsFilled = 0;  // parents that reached their capacity that day
    qint64 billsCompleted = 0;
    qint64 linkedWeightG = 0;  // effective weight of the children linked that day
    qint64 billsActualG = 0;   // actual weight of the bills completed that day
    qint64 billsExpectedG = 0; // expected weight of the bills completed that day
};

struct EodGroup
{
    QString name; // user name or area name
    EodFigures figures;
};

// The end-of-day summary (BRIEF §6): a plain value filled by the database (EodQuery) and
// rendered by EodReport. Header-only so that database/ can fill it without linking reports/. The day is a calendar day in the business time zone.
struct EodSummary
{
    QDate day;
    QString timeZoneId;  // IANA id, e.g. "Asia/Kolkata"
    QDateTime fromUtc;   // start of the day, inclusive
    QDateTime toUtc;     // start of the next day, exclusive
    QDateTime generatedAt;
    EodFigures total;
    QList<EodGroup> perDispatcher; // by name
    QList<EodGroup> perArea;       // by name

    // [start, end) of the day in UTC; a day is 23 or 25 hours across a DST change.
    // startOfDay handles days that do not start at 00:00 (DST at midnight).
    static std::pair<QDateTime, QDateTime> utcBounds(QDate day, const QTimeZone &zone)
    {
        return {day.startOfDay(zone).toUTC(), day.addDays(1).startOfDay(zone).toUTC()};
    }
};

} // namespace tt
