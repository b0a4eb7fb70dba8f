#pragma once

#include <QDate>
#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QMap>
#include <QPair>
#include <QString>
#include <QTimeZone>

#include <optional>

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
    // Central mode (loadCentral): when the site's figures were read from the central database;
    // empty while the cache holds none (the figures are then the station's own).
    std::optional<QDateTime> centralAsOf;
    // this station's scans today the central dashboard did not hold when read (queued, or since)
    qint64 pendingScans = 0;
};

// The figures as JSON (the cache keeps the central dashboard so, BRIEF §7) and back.
QJsonObject dashboardToJson(const DashboardFigures &f);
DashboardFigures dashboardFromJson(const QJsonObject &o);

// The dashboard's reads (cheap: counters plus an index range over today's scans), and the
// change probe the GUI polls. Read-only but for the central figures a station keeps in its cache
// (storeCentral*); lives in the thread of its connection.
class DashboardQuery
{
public:
    explicit DashboardQuery(StatementCache &sql) : m_sql(sql) {}

    // today is the business day in zone; user may be empty.
    Result<DashboardFigures> load(const QDate &today, const QTimeZone &zone, const QString &user, int days = 14,
                                  int lastScans = 12);

    // Central mode: the site's figures the station last read into its cache (SyncedStore::sync):
    // the counters (totals, today) as last read, the charts and scan figures of the last central
    // dashboard plus this station's scans it does not include yet (queued, or made or replayed
    // after it was read). Without central figures in the cache, load().
    Result<DashboardFigures> loadCentral(const QDate &today, const QTimeZone &zone, const QString &user,
                                         int days = 14, int lastScans = 12);

    // Central mode (SyncedStore::sync): replaces the cached central counters (PgStore::statistics
    // of the UTC day utcDay) or the cached central dashboard (PgStore::dashboard of the business
    // day `day`), read at `at` (the station's clock). One transaction each.
    Result<void> storeCentralCounters(const DashboardFigures &counters, const QDate &utcDay, const QDateTime &at);
    Result<void> storeCentralDashboard(const DashboardFigures &f, const QDate &day, const QDateTime &at);

    // The dispatch areas by name (reference list for the user screens).
    Result<QStringList> areaNames();

    // SQLite's PRAGMA data_version: changes whenever another connection commits.
    Result<qint64> dataVersion();

private:
    // Scans per hour, the user's, per area and the last ones, from the scan records that match
    // filter (an SQL condition on `scans s` with filterValues), added to f.
    Result<void> addScans(DashboardFigures &f, const QDate &today, const QTimeZone &zone, const QString &user,
                          int lastScans, const QString &filter, const QVariantList &filterValues);

    StatementCache &m_sql;
};

} // namespace tt
