#include "database/dashboardquery.h"

#include "core/command.h"
#include "database/statementcache.h"

namespace tt {

Result<DashboardFigures> DashboardQuery::load(const QDate &today, const QTimeZone &zone, const QString &user, int days,
                                              int lastScans)
{
    DashboardFigures f;
    const QDateTime dayStart = QDateTime(today, QTime(0, 0), zone).toUTC();
    const QDateTime dayEnd = QDateTime(today.addDays(1), QTime(0, 0), zone).toUTC();
    const QVariantList range{isoUtc(dayStart), isoUtc(dayEnd)};
    {
        auto r = m_sql.run(QStringLiteral("SELECT metric, value FROM stat_totals"), {}, QStringLiteral("reading totals"));
        if (!r)
            return std::unexpected(r.error());
        while (r->next())
            f.totals.insert(r->text(0), r->number(1));
    }
    {
        const QDate utcToday = QDateTime::currentDateTimeUtc().date();
        auto r = m_sql.run(QStringLiteral("SELECT metric, sum(value) FROM stat_daily WHERE day = ? GROUP BY metric"),
                           {utcToday.toString(Qt::ISODate)}, QStringLiteral("reading today's counters"));
        if (!r)
            return std::unexpected(r.error());
        while (r->next())
            f.today.insert(r->text(0), r->number(1));
    }
    {
        // Hours in the business zone: the offset of the day's start shifts the UTC times.
        const int offsetMinutes = zone.offsetFromUtc(dayStart) / 60;
        const QString shift = QStringLiteral("%1%2 minutes")
                                  .arg(offsetMinutes < 0 ? QStringLiteral("-") : QStringLiteral("+"))
                                  .arg(std::abs(offsetMinutes));
        auto r = m_sql.run(QStringLiteral("SELECT CAST(strftime('%H', at, ?) AS INTEGER), count(*) FROM scans "
                                          "WHERE at >= ? AND at < ? GROUP BY 1"),
                           {shift, range[0], range[1]}, QStringLiteral("counting scans per hour"));
        if (!r)
            return std::unexpected(r.error());
        f.scansPerHour = QList<qint64>(24, 0);
        while (r->next()) {
            const int hour = int(r->number(0));
            if (hour >= 0 && hour < 24) {
                f.scansPerHour[hour] += r->number(1);
                f.scansToday += r->number(1);
            }
        }
    }
    if (!user.isEmpty()) {
        auto r = m_sql.run(QStringLiteral("SELECT count(*) FROM scans WHERE at >= ? AND at < ? AND username = ?"),
                           {range[0], range[1], user}, QStringLiteral("counting the user's scans"));
        if (!r)
            return std::unexpected(r.error());
        if (r->next())
            f.userScansToday = r->number(0);
    }
    {
        const QDate first = today.addDays(-(days - 1));
        auto r = m_sql.run(QStringLiteral("SELECT day, sum(value) FROM stat_daily WHERE metric = 'scans' AND day >= ? "
                                          "GROUP BY day"),
                           {first.toString(Qt::ISODate)}, QStringLiteral("counting scans per day"));
        if (!r)
            return std::unexpected(r.error());
        QMap<QDate, qint64> byDay;
        while (r->next())
            byDay.insert(QDate::fromString(r->text(0), Qt::ISODate), r->number(1));
        for (int i = 0; i < days; ++i) {
            const QDate d = first.addDays(i);
            f.scansPerDay.append({d, byDay.value(d)});
        }
    }
    {
        auto r = m_sql.run(QStringLiteral("SELECT coalesce(a.name, ''), count(*) AS n FROM scans s "
                                          "LEFT JOIN users u ON u.username = s.username "
                                          "LEFT JOIN areas a ON a.id = u.area_id "
                                          "WHERE s.at >= ? AND s.at < ? GROUP BY 1 ORDER BY n DESC"),
                           {range[0], range[1]}, QStringLiteral("counting scans per area"));
        if (!r)
            return std::unexpected(r.error());
        while (r->next())
            f.scansPerArea.append({r->text(0), r->number(1)});
    }
    {
        auto r = m_sql.run(QStringLiteral("SELECT at, username, station, code, action, parent, bill, command_id "
                                          "FROM scans ORDER BY id DESC LIMIT ?"),
                           {lastScans}, QStringLiteral("reading the last scans"));
        if (!r)
            return std::unexpected(r.error());
        while (r->next())
            f.lastScans.append(ScanRecord{fromIsoUtc(r->text(0)), r->text(1), r->text(2), r->text(3), r->text(4),
                                          r->text(5), r->text(6), r->text(7)});
    }
    return f;
}

Result<QStringList> DashboardQuery::areaNames()
{
    auto r = m_sql.run(QStringLiteral("SELECT name FROM areas ORDER BY name"), {}, QStringLiteral("listing areas"));
    if (!r)
        return std::unexpected(r.error());
    QStringList out;
    while (r->next())
        out.append(r->text(0));
    return out;
}

Result<qint64> DashboardQuery::dataVersion()
{
    auto r = m_sql.run(QStringLiteral("PRAGMA data_version"), {}, QStringLiteral("probing for changes"));
    if (!r)
        return std::unexpected(r.error());
    return r->next() ? r->number(0) : 0;
}

} // namespace tt
