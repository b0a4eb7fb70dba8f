#include "reports/eodsummary.h"

namespace tt {

std::pair<QDateTime, QDateTime> EodSummary::utcBounds(QDate day, const QTimeZone &zone)
{
    // startOfDay handles days that do not start at 00:00 (DST at midnight).
    return {day.startOfDay(zone).toUTC(), day.addDays(1).startOfDay(zone).toUTC()};
}

} // namespace tt
