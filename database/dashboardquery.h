#pragma once

#include <QDate>
#include <QList>
#include <QMap>
#include <QPair>
#include <QString>
#include <QTimeZone>

#include "core/error.h"
#include "database/historyrepository.h"

namespace tt {

class StatementCache;

// What the dashboard shows (BRIEF §7), read in one go.
struct DashboardFigures
{
    QMap<QString, qint64> totals;          // stat_totals: parents, children, links, bills_open, ...
    QMap<QString, qint64> today;           // stat_daily of today (UTC day), all stations
    qint64 scansToday = 0;                 // business day, from the scan records
    qint64 userScansToday = 0;             // the same for the given user
    QList<qint64> scansPerHour;            // 24 entries, business time zone, today
    QList<QPair<QDate, qint64>> scansPerDay; // the last `days` days, oldest first, zeros included
    QList<QPair<QString, qint64>> scansPerArea; // today, by the scanning user's area, largest first
    QList<ScanRecord> lastScans;           // newest first
};

// The dashboard's reads (cheap: counters plus an index range over today's scans), and the
// change probe the GUI polls. Read-only; lives in the thread of its connection.
class DashboardQuery
{
public:
    explicit DashboardQuery(StatementCache &sql) : m_sql(sql) {}

    // today is the business day in zone; user may be empty.
    Result<DashboardFigures> load(const QDate &today, const QTimeZone &zone, const QString &user, int days = 14,
                                  int lastScans = 12);

    // The dispatch areas by name (reference list for the user screens).
    Result<QStringList> areaNames();

    // SQLite's PRAGMA data_version: changes whenever another connection commits.
    Result<qint64> dataVersion();

private:
    StatementCache &m_sql;
};

} // namespace tt
