#include "database/exportquery.h"

#include <QSqlError>
#include <QSqlQuery>
#include <QTimeZone>

#include "core/command.h"

namespace tt {

namespace {

Error dbError(const QString &what, const QSqlQuery &q)
{
    return Error{Reason::DatabaseError, QStringLiteral("Export failed %1: %2").arg(what, q.lastError().text())};
}

} // namespace

QString exportEntityName(ExportEntity e)
{
    switch (e) {
    case ExportEntity::Bags: return QStringLiteral("bags");
    case ExportEntity::Links: return QStringLiteral("links");
    case ExportEntity::Bills: return QStringLiteral("bills");
    case ExportEntity::Scans: return QStringLiteral("scans");
    case ExportEntity::Users: return QStringLiteral("users");
    case ExportEntity::Audit: return QStringLiteral("audit");
    }
    return {};
}

std::optional<ExportEntity> exportEntityFromName(QStringView name)
{
    for (ExportEntity e : {ExportEntity::Bags, ExportEntity::Links, ExportEntity::Bills, ExportEntity::Scans,
                           ExportEntity::Users, ExportEntity::Audit})
        if (name.compare(exportEntityName(e), Qt::CaseInsensitive) == 0)
            return e;
    return std::nullopt;
}

ExportQuery::ExportQuery(QSqlDatabase db) : m_db(std::move(db)) {}

QStringList ExportQuery::header(ExportEntity e)
{
    auto list = [](std::initializer_list<const char *> names) {
        QStringList l;
        for (const char *n : names)
            l << QString::fromLatin1(n);
        return l;
    };
    switch (e) {
    case ExportEntity::Bags:
        return list({"code", "role", "type", "parent_code", "measured_weight_g", "weight_g", "capacity", "child_count",
                     "expected_weight_g", "bill_id", "created_at", "created_by"});
    case ExportEntity::Links:
        return list({"parent_code", "child_code", "child_weight_g", "linked_at", "linked_by", "station"});
    case ExportEntity::Bills:
        return list({"bill_id", "status", "capacity", "parent_code", "child_count", "actual_weight_g",
                     "expected_weight_g", "bill_actual_weight_g", "bill_expected_weight_g", "created_at", "created_by",
                     "completed_at", "completed_by"});
    case ExportEntity::Scans:
        return list({"at", "username", "station", "code", "action", "parent", "bill", "command_id"});
    case ExportEntity::Users:
        return list({"username", "role", "area", "enabled", "created_at", "created_by"});
    case ExportEntity::Audit:
        return list({"at", "actor", "station", "action", "entity", "entity_id", "before", "after"});
    }
    return {};
}

QList<int> ExportQuery::integerColumns(ExportEntity e)
{
    switch (e) {
    case ExportEntity::Bags: return {4, 5, 6, 7, 8};
    case ExportEntity::Links: return {2};
    case ExportEntity::Bills: return {2, 4, 5, 6, 7, 8};
    case ExportEntity::Users: return {3};
    default: return {};
    }
}

QString ExportQuery::sql(ExportEntity e, bool count, bool ranged) const
{
    const QString range = ranged ? QStringLiteral(" WHERE at >= ? AND at < ?") : QString();
    switch (e) {
    case ExportEntity::Bags:
        if (count)
            return QStringLiteral("SELECT count(*) FROM bags");
        return QStringLiteral(
            "SELECT b.code, b.role, t.name, p.code, b.measured_weight_g, "
            "CASE WHEN b.role = 'child' THEN coalesce(b.measured_weight_g, b.nominal_weight_g) "
            "ELSE b.contents_weight_g END, "
            "b.capacity, b.child_count, b.expected_weight_g, bl.bill_code, b.created_at, b.created_by "
            "FROM bags b JOIN bag_types t ON t.id = b.type_id "
            "LEFT JOIN links l ON l.child_id = b.id AND l.ended_at IS NULL "
            "LEFT JOIN bags p ON p.id = l.parent_id "
            "LEFT JOIN bill_parents bp ON bp.parent_id = b.id LEFT JOIN bills bl ON bl.id = bp.bill_id "
            "ORDER BY b.role DESC, b.id"); // parents first, so an import creates them before children
    case ExportEntity::Links:
        if (count)
            return QStringLiteral("SELECT count(*) FROM links WHERE ended_at IS NULL");
        return QStringLiteral(
            "SELECT p.code, c.code, c.measured_weight_g, l.linked_at, l.linked_by, l.station FROM links l "
            "JOIN bags p ON p.id = l.parent_id JOIN bags c ON c.id = l.child_id WHERE l.ended_at IS NULL ORDER BY l.id");
    case ExportEntity::Bills:
        if (count)
            return QStringLiteral("SELECT (SELECT count(*) FROM bill_parents) + "
                                  "(SELECT count(*) FROM bills WHERE parent_count = 0)");
        return QStringLiteral(
            "SELECT b.bill_code, b.status, b.capacity, p.code, p.child_count, p.contents_weight_g, "
            "p.expected_weight_g, b.actual_weight_g, b.expected_weight_g, b.created_at, b.created_by, "
            "b.completed_at, b.completed_by FROM bills b LEFT JOIN bill_parents bp ON bp.bill_id = b.id "
            "LEFT JOIN bags p ON p.id = bp.parent_id ORDER BY b.id, bp.id");
    case ExportEntity::Scans:
        if (count)
            return QStringLiteral("SELECT count(*) FROM scans") + range;
        return QStringLiteral("SELECT at, username, station, code, action, parent, bill, command_id FROM scans")
               + range + QStringLiteral(" ORDER BY id");
    case ExportEntity::Users:
        if (count)
            return QStringLiteral("SELECT count(*) FROM users");
        return QStringLiteral("SELECT u.username, u.role, a.name, u.enabled, u.created_at, u.created_by FROM users u "
                              "LEFT JOIN areas a ON a.id = u.area_id ORDER BY u.id");
    case ExportEntity::Audit:
        if (count)
            return QStringLiteral("SELECT count(*) FROM audit_log") + range;
        return QStringLiteral("SELECT at, actor, station, action, entity, entity_id, before, after FROM audit_log")
               + range + QStringLiteral(" ORDER BY id");
    }
    return {};
}

Result<qint64> ExportQuery::count(ExportEntity entity)
{
    QSqlQuery q(m_db);
    const bool ranged = entity == ExportEntity::Scans || entity == ExportEntity::Audit;
    q.prepare(sql(entity, true, ranged));
    if (ranged) {
        q.addBindValue(isoUtc(QDateTime::fromSecsSinceEpoch(0, QTimeZone::utc())));
        q.addBindValue(QStringLiteral("9999"));
    }
    if (!q.exec() || !q.next())
        return std::unexpected(dbError(QStringLiteral("counting rows"), q));
    return q.value(0).toLongLong();
}

Result<qint64> ExportQuery::run(ExportEntity entity, const RowCallback &row, const Progress &progress,
                                const QDateTime &fromUtc, const QDateTime &toUtc)
{
    const bool ranged = (entity == ExportEntity::Scans || entity == ExportEntity::Audit)
                        && (fromUtc.isValid() || toUtc.isValid());
    // A read transaction: the export is one consistent snapshot even while stations write (WAL).
    const bool ownTransaction = m_db.transaction();
    qint64 n = 0;
    Result<qint64> result = [&]() -> Result<qint64> {
        QSqlQuery q(m_db);
        q.setForwardOnly(true);
        if (!q.prepare(sql(entity, false, ranged)))
            return std::unexpected(dbError(QStringLiteral("preparing"), q));
        if (ranged) {
            q.addBindValue(fromUtc.isValid() ? isoUtc(fromUtc) : QStringLiteral("0"));
            q.addBindValue(toUtc.isValid() ? isoUtc(toUtc) : QStringLiteral("9999"));
        }
        if (!q.exec())
            return std::unexpected(dbError(QStringLiteral("reading"), q));
        const int columns = int(header(entity).size());
        QStringList cells;
        while (q.next()) {
            cells.clear();
            for (int c = 0; c < columns; ++c)
                cells << (q.isNull(c) ? QString() : q.value(c).toString());
            if (auto r = row(cells); !r)
                return std::unexpected(r.error());
            ++n;
            if (progress && n % 10'000 == 0 && !progress(n))
                break;
        }
        if (q.lastError().isValid())
            return std::unexpected(dbError(QStringLiteral("reading"), q));
        return n;
    }();
    if (ownTransaction)
        m_db.commit();
    if (result && progress)
        progress(n);
    return result;
}

} // namespace tt
