#include "database/eodquery.h"

#include <QMap>
#include <QSqlError>
#include <QSqlQuery>

#include "core/command.h"
#include "reports/eodsummary.h"

namespace tt {

namespace {

// The area of a user name: the user's own area, else the area of a station they used.
constexpr auto kAreaOf =
    "coalesce((SELECT a.name FROM users u JOIN areas a ON a.id = u.area_id WHERE u.username = %1), "
    "(SELECT a.name FROM stations s JOIN areas a ON a.id = s.area_id WHERE s.id = %2), '(none)')";

QString areaOf(const char *userColumn, const char *stationColumn)
{
    return QString::fromLatin1(kAreaOf).arg(QLatin1String(userColumn), QLatin1String(stationColumn));
}

} // namespace

EodQuery::EodQuery(QSqlDatabase db) : m_db(std::move(db)) {}

QTimeZone EodQuery::businessTimeZone()
{
    QSqlQuery q(m_db);
    if (q.exec(QStringLiteral("SELECT value FROM settings WHERE key = 'business_time_zone'")) && q.next()) {
        const QTimeZone zone(q.value(0).toString().toUtf8());
        if (zone.isValid())
            return zone;
    }
    return QTimeZone::utc();
}

Result<EodSummary> EodQuery::run(QDate day, const QTimeZone &zone)
{
    if (!day.isValid() || !zone.isValid())
        return fail(Reason::InvalidInput, QStringLiteral("A valid day and time zone are needed."));
    EodSummary s;
    s.day = day;
    s.timeZoneId = QString::fromUtf8(zone.id());
    std::tie(s.fromUtc, s.toUtc) = EodSummary::utcBounds(day, zone);
    s.generatedAt = QDateTime::currentDateTimeUtc();
    const QString from = isoUtc(s.fromUtc), to = isoUtc(s.toUtc);

    QMap<QString, EodFigures> users, areas;
    // Each query yields (user, area, value[, value2, value3]) rows grouped by user and area.
    auto collect = [&](const QString &sql, const std::function<void(EodFigures &, const QSqlQuery &)> &add)
        -> Result<void> {
        QSqlQuery q(m_db);
        q.setForwardOnly(true);
        if (!q.prepare(sql))
            return fail(Reason::DatabaseError, QStringLiteral("EOD query: %1").arg(q.lastError().text()));
        q.addBindValue(from);
        q.addBindValue(to);
        if (!q.exec())
            return fail(Reason::DatabaseError, QStringLiteral("EOD query: %1").arg(q.lastError().text()));
        while (q.next()) {
            add(s.total, q);
            add(users[q.value(0).toString()], q);
            add(areas[q.value(1).toString()], q);
        }
        return {};
    };
    const bool tx = m_db.transaction();
    Result<void> r = collect(QStringLiteral("SELECT username, %1, count(*) FROM scans WHERE at >= ? AND at < ? "
                                            "GROUP BY 1, 2").arg(areaOf("scans.username", "scans.station")),
                             [](EodFigures &f, const QSqlQuery &q) { f.scans += q.value(2).toLongLong(); });
    if (r)
        r = collect(QStringLiteral("SELECT l.linked_by, %1, count(*), sum(coalesce(c.measured_weight_g, "
                                   "c.nominal_weight_g)) FROM links l JOIN bags c ON c.id = l.child_id "
                                   "WHERE l.linked_at >= ? AND l.linked_at < ? GROUP BY 1, 2")
                        .arg(areaOf("l.linked_by", "l.station")),
                    [](EodFigures &f, const QSqlQuery &q) {
                        f.links += q.value(2).toLongLong();
                        f.linkedWeightG += q.value(3).toLongLong();
                    });
    if (r)
        r = collect(QStringLiteral("WITH last AS (SELECT l.parent_id, max(l.id) AS link_id FROM links l JOIN bags p "
                                   "ON p.id = l.parent_id WHERE l.ended_at IS NULL AND p.role = 'parent' AND "
                                   "p.child_count >= p.capacity GROUP BY l.parent_id) "
                                   "SELECT l.linked_by, %1, count(*) FROM last JOIN links l ON l.id = last.link_id "
                                   "WHERE l.linked_at >= ? AND l.linked_at < ? GROUP BY 1, 2")
                        .arg(areaOf("l.linked_by", "l.station")),
                    [](EodFigures &f, const QSqlQuery &q) { f.parentsFilled += q.value(2).toLongLong(); });
    if (r)
        r = collect(QStringLiteral("SELECT completed_by, %1, count(*), sum(actual_weight_g), sum(expected_weight_g) "
                                   "FROM bills WHERE status = 'completed' AND completed_at >= ? AND completed_at < ? "
                                   "GROUP BY 1, 2").arg(areaOf("bills.completed_by", "NULL")),
                    [](EodFigures &f, const QSqlQuery &q) {
                        f.billsCompleted += q.value(2).toLongLong();
                        f.billsActualG += q.value(3).toLongLong();
                        f.billsExpectedG += q.value(4).toLongLong();
                    });
    if (tx)
        m_db.commit();
    if (!r)
        return std::unexpected(r.error());
    for (auto it = users.cbegin(); it != users.cend(); ++it)
        s.perDispatcher.append(EodGroup{it.key(), it.value()});
    for (auto it = areas.cbegin(); it != areas.cend(); ++it)
        s.perArea.append(EodGroup{it.key(), it.value()});
    return s;
}

} // namespace tt
