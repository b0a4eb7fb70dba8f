#pragma once

#include <QDate>
#include <QMap>
#include <QString>

#include "core/error.h"

namespace tt {

class StatementCache;

// Totals and per (day, station, metric) counters, changed in the transaction of the change that
// moves them; read in microseconds by the dashboard and `stats`.
class StatisticsRepository
{
public:
    explicit StatisticsRepository(StatementCache &sql) : m_sql(sql) {}

    Result<void> addToTotal(const QString &metric, qint64 delta);
    Result<void> addToDaily(const QDate &day, const QString &station, const QString &metric, qint64 delta);
    Result<QMap<QString, qint64>> totals();
    // Sums of the day's counters over all stations.
    Result<QMap<QString, qint64>> daily(const QDate &day);

private:
    StatementCache &m_sql;
};

} // namespace tt
