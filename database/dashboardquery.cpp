#include "database/dashboardquery.h"

#include "core/command.h"
#include "database/statementcache.h"
#include "database/transactionguard.h"

#include <QJsonArray>
#include <QJsonDocument>

namespace tt {

namespace {

// sync_state keys of the central figures (central_stats holds the counters as "total:<metric>"
// and "today:<metric>").
const QString kStatsAt = QStringLiteral("central_stats_at");
const QString kStatsDay = QStringLiteral("central_stats_day");
const QString kDashboard = QStringLiteral("central_dashboard");
const QString kDashboardAt = QStringLiteral("central_dashboard_at");
const QString kTotal = QStringLiteral("total:");
const QString kToday = QStringLiteral("today:");

// "+330 minutes": SQLite's modifier from UTC to the business zone on day.
QString zoneShift(const QDate &day, const QTimeZone &zone)
{
    const int offsetMinutes = zone.offsetFromUtc(QDateTime(day, QTime(0, 0), zone)) / 60;
    return QStringLiteral("%1%2 minutes")
        .arg(offsetMinutes < 0 ? QStringLiteral("-") : QStringLiteral("+"))
        .arg(std::abs(offsetMinutes));
}

QJsonObject countersToJson(const QMap<QString, qint64> &m)
{
    QJsonObject o;
    for (auto it = m.begin(); it != m.end(); ++it)
        o.insert(it.key(), double(it.value()));
    return o;
}

QMap<QString, qint64> countersFromJson(const QJsonValue &v)
{
    QMap<QString, qint64> out;
    const QJsonObject o = v.toObject();
    for (auto it = o.begin(); it != o.end(); ++it)
        out.insert(it.key(), qint64(it.value().toDouble()));
    return out;
}

qint64 number(const QJsonValue &v)
{
    return qint64(v.toDouble());
}

} // namespace

QJsonObject dashboardToJson(const DashboardFigures &f)
{
    QJsonArray perHour, perDay, perArea, last;
    for (qint64 n : f.scansPerHour)
        perHour.append(double(n));
    for (const auto &[day, n] : f.scansPerDay)
        perDay.append(QJsonArray{day.toString(Qt::ISODate), double(n)});
    for (const auto &[area, n] : f.scansPerArea)
        perArea.append(QJsonArray{area, double(n)});
    for (const ScanRecord &s : f.lastScans)
        last.append(QJsonArray{isoUtc(s.at), s.user, s.station, s.code, s.action, s.parent, s.bill,
                               s.commandId});
    return QJsonObject{{QStringLiteral("totals"), countersToJson(f.totals)},
                       {QStringLiteral("today"), countersToJson(f.today)},
                       {QStringLiteral("scans_today"), double(f.scansToday)},
                       {QStringLiteral("user_scans_today"), double(f.userScansToday)},
                       {QStringLiteral("per_hour"), perHour},
                       {QStringLiteral("per_day"), perDay},
                       {QStringLiteral("per_area"), perArea},
                       {QStringLiteral("last"), last}};
}

DashboardFigures dashboardFromJson(const QJsonObject &o)
{
    DashboardFigures f;
    f.totals = countersFromJson(o.value(QStringLiteral("totals")));
    f.today = countersFromJson(o.value(QStringLiteral("today")));
    f.scansToday = number(o.value(QStringLiteral("scans_today")));
    f.userScansToday = number(o.value(QStringLiteral("user_scans_today")));
    f.scansPerHour = QList<qint64>(24, 0);
    const QJsonArray perHour = o.value(QStringLiteral("per_hour")).toArray();
    for (qsizetype h = 0; h < qMin<qsizetype>(24, perHour.size()); ++h)
        f.scansPerHour[h] = number(perHour.at(h));
    for (const QJsonValue &v : o.value(QStringLiteral("per_day")).toArray())
        f.scansPerDay.append({QDate::fromString(v.toArray().at(0).toString(), Qt::ISODate),
                              number(v.toArray().at(1))});
    for (const QJsonValue &v : o.value(QStringLiteral("per_area")).toArray())
        f.scansPerArea.append({v.toArray().at(0).toString(), number(v.toArray().at(1))});
    for (const QJsonValue &v : o.value(QStringLiteral("last")).toArray()) {
        const QJsonArray a = v.toArray();
        f.lastScans.append(ScanRecord{fromIsoUtc(a.at(0).toString()), a.at(1).toString(),
                                      a.at(2).toString(), a.at(3).toString(), a.at(4).toString(),
                                      a.at(5).toString(), a.at(6).toString(), a.at(7).toString()});
    }
    return f;
}

Result<DashboardFigures> DashboardQuery::load(const QDate &today, const QTimeZone &zone,
                                              const QString &user, int days, int lastScans)
{
    DashboardFigures f;
    {
        auto r = m_sql.run(QStringLiteral("SELECT metric, value FROM stat_totals"), {},
                           QStringLiteral("reading totals"));
        if (!r)
            return std::unexpected(r.error());
        while (r->next())
            f.totals.insert(r->text(0), r->number(1));
    }
    {
        const QDate utcToday = QDateTime::currentDateTimeUtc().date();
        auto r = m_sql.run(
            QStringLiteral(
                "SELECT metric, sum(value) FROM stat_daily WHERE day = ? GROUP BY metric"),
            {utcToday.toString(Qt::ISODate)}, QStringLiteral("reading today's counters"));
        if (!r)
            return std::unexpected(r.error());
        while (r->next())
            f.today.insert(r->text(0), r->number(1));
    }
    if (auto r = addScans(f, today, zone, user, lastScans, QStringLiteral("1"), {}); !r)
        return std::unexpected(r.error());
    {
        const QDate first = today.addDays(-(days - 1));
        auto r = m_sql.run(
            QStringLiteral(
                "SELECT day, sum(value) FROM stat_daily WHERE metric = 'scans' AND day >= ? "
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
    return f;
}

Result<void> DashboardQuery::addScans(DashboardFigures &f, const QDate &today,
                                      const QTimeZone &zone, const QString &user, int lastScans,
                                      const QString &filter, const QVariantList &filterValues)
{
    const QDateTime dayStart = QDateTime(today, QTime(0, 0), zone).toUTC();
    const QDateTime dayEnd = QDateTime(today.addDays(1), QTime(0, 0), zone).toUTC();
    const QVariantList range = QVariantList{isoUtc(dayStart), isoUtc(dayEnd)} + filterValues;
    {
        // Hours in the business zone: the offset of the day's start shifts the UTC times.
        auto r = m_sql.run(
            QStringLiteral("SELECT CAST(strftime('%H', s.at, ?) AS INTEGER), count(*) FROM scans s "
                           "WHERE s.at >= ? AND s.at < ? AND %1 GROUP BY 1")
                .arg(filter),
            QVariantList{zoneShift(today, zone)} + range,
            QStringLiteral("counting scans per hour"));
        if (!r)
            return std::unexpected(r.error());
        if (f.scansPerHour.size() != 24)
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
        auto r = m_sql.run(QStringLiteral("SELECT count(*) FROM scans s WHERE s.at >= ? AND s.at < "
                                          "? AND %1 AND s.username = ?")
                               .arg(filter),
                           range + QVariantList{user}, QStringLiteral("counting the user's scans"));
        if (!r)
            return std::unexpected(r.error());
        if (r->next())
            f.userScansToday += r->number(0);
    }
    {
        auto r = m_sql.run(
            QStringLiteral("SELECT coalesce(a.name, ''), count(*) AS n FROM scans s "
                           "LEFT JOIN users u ON u.username = s.username "
                           "LEFT JOIN areas a ON a.id = u.area_id "
                           "WHERE s.at >= ? AND s.at < ? AND %1 GROUP BY 1 ORDER BY n DESC")
                .arg(filter),
            range, QStringLiteral("counting scans per area"));
        if (!r)
            return std::unexpected(r.error());
        while (r->next()) {
            const QString area = r->text(0);
            auto it = std::find_if(f.scansPerArea.begin(), f.scansPerArea.end(),
                                   [&](const auto &a) { return a.first == area; });
            if (it == f.scansPerArea.end())
                f.scansPerArea.append({area, r->number(1)});
            else
                it->second += r->number(1);
        }
        std::stable_sort(f.scansPerArea.begin(), f.scansPerArea.end(),
                         [](const auto &a, const auto &b) { return a.second > b.second; });
    }
    {
        auto r = m_sql.run(
            QStringLiteral(
                "SELECT s.at, s.username, s.station, s.code, s.action, s.parent, s.bill, "
                "s.command_id FROM scans s WHERE %1 ORDER BY s.id DESC LIMIT ?")
                .arg(filter),
            filterValues + QVariantList{lastScans}, QStringLiteral("reading the last scans"));
        if (!r)
            return std::unexpected(r.error());
        QList<ScanRecord> mine;
        while (r->next())
            mine.append(ScanRecord{fromIsoUtc(r->text(0)), r->text(1), r->text(2), r->text(3),
                                   r->text(4), r->text(5), r->text(6), r->text(7)});
        if (f.lastScans.isEmpty()) {
            f.lastScans = mine;
        } else if (!mine.isEmpty()) {
            f.lastScans += mine;
            std::stable_sort(f.lastScans.begin(), f.lastScans.end(),
                             [](const ScanRecord &a, const ScanRecord &b) { return a.at > b.at; });
            f.lastScans = f.lastScans.mid(0, lastScans);
        }
    }
    return {};
}

Result<DashboardFigures> DashboardQuery::loadCentral(const QDate &today, const QTimeZone &zone,
                                                     const QString &user, int days, int lastScans)
{
    QMap<QString, QString> state;
    {
        auto r =
            m_sql.run(QStringLiteral("SELECT key, value FROM sync_state WHERE key IN (?, ?, ?, ?)"),
                      {kStatsAt, kStatsDay, kDashboard, kDashboardAt},
                      QStringLiteral("reading central figures"));
        if (!r)
            return std::unexpected(r.error());
        while (r->next())
            state.insert(r->text(0), r->text(1));
    }
    if (!state.contains(kStatsAt))
        return load(today, zone, user, days, lastScans);

    // The charts and scan figures of the last central dashboard (of today's business day).
    DashboardFigures f;
    const QJsonObject snapshot = QJsonDocument::fromJson(state.value(kDashboard).toUtf8()).object();
    QDateTime cut; // this station's scans from here on are not in the snapshot
    if (!snapshot.isEmpty() &&
        snapshot.value(QStringLiteral("day")).toString() == today.toString(Qt::ISODate)) {
        f = dashboardFromJson(snapshot);
        cut = fromIsoUtc(state.value(kDashboardAt));
    } else {
        cut = QDateTime(today, QTime(0, 0), zone).toUTC();
        const DashboardFigures old = dashboardFromJson(snapshot);
        f.scansPerDay = old.scansPerDay;
    }
    f.centralAsOf = fromIsoUtc(state.value(kStatsAt));
    f.totals.clear();
    f.today.clear();
    {
        auto r = m_sql.run(QStringLiteral("SELECT metric, value FROM central_stats"), {},
                           QStringLiteral("reading central counters"));
        if (!r)
            return std::unexpected(r.error());
        const bool countersOfToday =
            state.value(kStatsDay) == QDateTime::currentDateTimeUtc().date().toString(Qt::ISODate);
        while (r->next()) {
            const QString metric = r->text(0);
            if (metric.startsWith(kTotal))
                f.totals.insert(metric.mid(kTotal.size()), r->number(1));
            else if (metric.startsWith(kToday) && countersOfToday)
                f.today.insert(metric.mid(kToday.size()), r->number(1));
        }
    }

    // This station's scans the snapshot does not hold: queued, replayed after it was read, or
    // decided online after it was read (conflicts were rejected centrally and count nowhere).
    const QString notCentralYet = QStringLiteral("(s.command_id IN (SELECT command_id FROM outbox "
                                                 "WHERE state = 'queued' OR (state = 'applied' AND "
                                                 "replayed_at >= ?)) OR (s.at >= ? AND NOT EXISTS "
                                                 "(SELECT 1 FROM outbox o WHERE o.command_id = "
                                                 "s.command_id)))");
    const QVariantList cutValues{isoUtc(cut), isoUtc(cut)};
    const qint64 before = f.scansToday;
    if (auto r = addScans(f, today, zone, user, lastScans, notCentralYet, cutValues); !r)
        return std::unexpected(r.error());
    f.pendingScans = f.scansToday - before;
    {
        const QDate first = today.addDays(-(days - 1));
        QMap<QDate, qint64> byDay;
        for (const auto &[day, n] : f.scansPerDay)
            byDay[day] += n;
        auto r = m_sql.run(
            QStringLiteral("SELECT date(s.at, ?), count(*) FROM scans s WHERE s.at >= ? AND %1 "
                           "GROUP BY 1")
                .arg(notCentralYet),
            QVariantList{zoneShift(today, zone),
                         isoUtc(QDateTime(first, QTime(0, 0), zone).toUTC())} +
                cutValues,
            QStringLiteral("counting this station's scans per day"));
        if (!r)
            return std::unexpected(r.error());
        while (r->next())
            byDay[QDate::fromString(r->text(0), Qt::ISODate)] += r->number(1);
        f.scansPerDay.clear();
        for (int i = 0; i < days; ++i) {
            const QDate d = first.addDays(i);
            f.scansPerDay.append({d, byDay.value(d)});
        }
    }
    return f;
}

Result<void> DashboardQuery::storeCentralCounters(const DashboardFigures &counters,
                                                  const QDate &utcDay, const QDateTime &at)
{
    auto tx = TransactionGuard::begin(m_sql.database());
    if (!tx)
        return std::unexpected(tx.error());
    if (auto r = m_sql.run(QStringLiteral("DELETE FROM central_stats"), {},
                           QStringLiteral("storing central counters"));
        !r)
        return std::unexpected(r.error());
    for (const auto &[prefix, values] :
         {std::pair{kTotal, &counters.totals}, std::pair{kToday, &counters.today}}) {
        for (auto it = values->begin(); it != values->end(); ++it) {
            auto r = m_sql.run(
                QStringLiteral("INSERT INTO central_stats(metric, value) VALUES (?, ?)"),
                QVariantList{QString(prefix + it.key()), it.value()}, QStringLiteral("storing central counters"));
            if (!r)
                return std::unexpected(r.error());
        }
    }
    for (const auto &[key, value] :
         {std::pair{kStatsAt, isoUtc(at)}, std::pair{kStatsDay, utcDay.toString(Qt::ISODate)}}) {
        auto r =
            m_sql.run(QStringLiteral("INSERT OR REPLACE INTO sync_state(key, value) VALUES (?, ?)"),
                      {key, value}, QStringLiteral("storing central counters"));
        if (!r)
            return std::unexpected(r.error());
    }
    return tx->commit();
}

Result<void> DashboardQuery::storeCentralDashboard(const DashboardFigures &f, const QDate &day,
                                                   const QDateTime &at)
{
    QJsonObject o = dashboardToJson(f);
    o.insert(QStringLiteral("day"), day.toString(Qt::ISODate));
    auto tx = TransactionGuard::begin(m_sql.database());
    if (!tx)
        return std::unexpected(tx.error());
    for (const auto &[key, value] :
         {std::pair{kDashboard, QString::fromUtf8(QJsonDocument(o).toJson(QJsonDocument::Compact))},
          std::pair{kDashboardAt, isoUtc(at)}}) {
        auto r =
            m_sql.run(QStringLiteral("INSERT OR REPLACE INTO sync_state(key, value) VALUES (?, ?)"),
                      {key, value}, QStringLiteral("storing the central dashboard"));
        if (!r)
            return std::unexpected(r.error());
    }
    return tx->commit();
}

Result<QStringList> DashboardQuery::areaNames()
{
    auto r = m_sql.run(QStringLiteral("SELECT name FROM areas ORDER BY name"), {},
                       QStringLiteral("listing areas"));
    if (!r)
        return std::unexpected(r.error());
    QStringList out;
    while (r->next())
        out.append(r->text(0));
    return out;
}

Result<qint64> DashboardQuery::dataVersion()
{
    auto r =
        m_sql.run(QStringLiteral("PRAGMA data_version"), {}, QStringLiteral("probing for changes"));
    if (!r)
        return std::unexpected(r.error());
    return r->next() ? r->number(0) : 0;
}

} // namespace tt
