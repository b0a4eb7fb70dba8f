#include "database/statisticsrepository.h"

#include "database/statementcache.h"

namespace tt {

Result<void> StatisticsRepository::addToTotal(const QString &metric, qint64 delta)
{
    auto r = m_sql.run(QStringLiteral("INSERT INTO stat_totals(metric, value) VALUES (?, ?) ON CONFLICT(metric) DO "
                                      "UPDATE SET value = value + excluded.value"),
                       {metric, delta}, QStringLiteral("updating statistics"));
    if (!r)
        return std::unexpected(r.error());
    return {};
}

Result<void> StatisticsRepository::addToDaily(const QDate &day, const QString &station, const QString &metric,
                                              qint64 delta)
{
    auto r = m_sql.run(QStringLiteral("INSERT INTO stat_daily(day, station, metric, value) VALUES (?, ?, ?, ?) "
                                      "ON CONFLICT(day, station, metric) DO UPDATE SET value = value + excluded.value"),
                       {day.toString(Qt::ISODate), station, metric, delta}, QStringLiteral("updating statistics"));
    if (!r)
        return std::unexpected(r.error());
    return {};
}

Result<QMap<QString, qint64>> StatisticsRepository::totals()
{
    auto r = m_sql.run(QStringLiteral("SELECT metric, value FROM stat_totals"), {}, QStringLiteral("reading statistics"));
    if (!r)
        return std::unexpected(r.error());
    QMap<QString, qint64> out;
    while (r->next())
        out.insert(r->text(0), r->number(1));
    return out;
}

Result<QMap<QString, qint64>> StatisticsRepository::daily(const QDate &day)
{
    auto r = m_sql.run(QStringLiteral("SELECT metric, sum(value) FROM stat_daily WHERE day = ? GROUP BY metric"),
                       {day.toString(Qt::ISODate)}, QStringLiteral("reading statistics"));
    if (!r)
        return std::unexpected(r.error());
    QMap<QString, qint64> out;
    while (r->next())
        out.insert(r->text(0), r->number(1));
    return out;
}

} // namespace tt
