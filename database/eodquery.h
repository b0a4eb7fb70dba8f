#pragma once

#include <QDate>
#include <QSqlDatabase>
#include <QTimeZone>

#include "core/error.h"

namespace tt {

struct EodSummary;

// Reads the end-of-day figures (BRIEF §6) of one calendar day in the business time zone from
// the embedded schema. Figures:
//   scans            accepted scan records (the schema keeps no record of refused scans, so
//                    rejectedScans stays 0 on SQLite);
//   links            links made that day (whether or not undone later);
//   parents filled   parents full now whose last link in force was made that day;
//   bills completed  bills completed that day, with their actual and expected weights.
// Per dispatcher by user name; per area by the user's area, else the station's, else "(none)".
class EodQuery
{
public:
    explicit EodQuery(QSqlDatabase db);

    // The business time zone from settings (business_time_zone), UTC when unset or unknown.
    QTimeZone businessTimeZone();

    Result<EodSummary> run(QDate day, const QTimeZone &zone);

private:
    QSqlDatabase m_db;
};

} // namespace tt
