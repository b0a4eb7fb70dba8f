#include "database/adminrepository.h"

#include "core/command.h"
#include "database/statementcache.h"

namespace tt {

Result<QList<BagType>> AdminRepository::bagTypes()
{
    auto r = m_sql.run(
        QStringLiteral(
            "SELECT id, name, role, pattern, capacity, nominal_weight_g, expected_weight_g, "
            "active FROM bag_types ORDER BY id"),
        {}, QStringLiteral("reading bag types"));
    if (!r)
        return std::unexpected(r.error());
    QList<BagType> types;
    while (r->next()) {
        BagType t;
        t.id = r->number(0);
        t.name = r->text(1);
        t.role = r->text(2) == u"parent" ? BagRole::Parent : BagRole::Child;
        t.pattern = r->text(3);
        t.capacity = int(r->number(4));
        t.nominalWeightG = r->number(5);
        t.expectedWeightG = r->number(6);
        t.active = r->number(7) != 0;
        types.append(t);
    }
    return types;
}

Result<qint64> AdminRepository::insertBagType(const BagType &t)
{
    auto r = m_sql.run(
        QStringLiteral("INSERT INTO bag_types(name, role, pattern, capacity, nominal_weight_g, "
                       "expected_weight_g, active) VALUES (?, ?, ?, ?, ?, ?, ?)"),
        {t.name, bagRoleName(t.role), t.pattern, t.capacity, t.nominalWeightG, t.expectedWeightG,
         t.active ? 1 : 0},
        QStringLiteral("adding a bag type"));
    if (!r)
        return std::unexpected(r.error());
    return r->lastInsertId().toLongLong();
}

Result<void> AdminRepository::updateBagType(const BagType &t)
{
    auto r = m_sql.run(
        QStringLiteral("UPDATE bag_types SET pattern = ?, capacity = ?, nominal_weight_g = ?, "
                       "expected_weight_g = ?, active = ? WHERE id = ?"),
        {t.pattern, t.capacity, t.nominalWeightG, t.expectedWeightG, t.active ? 1 : 0, t.id},
        QStringLiteral("changing a bag type"));
    if (!r)
        return std::unexpected(r.error());
    return {};
}

Result<void> AdminRepository::removeBagType(qint64 id)
{
    auto r = m_sql.run(QStringLiteral("DELETE FROM bag_types WHERE id = ?"), {id},
                       QStringLiteral("deleting a bag type"));
    if (!r)
        return std::unexpected(r.error());
    return {};
}

Result<qint64> AdminRepository::bagsOfType(qint64 id)
{
    auto r = m_sql.run(QStringLiteral("SELECT count(*) FROM bags WHERE type_id = ?"), {id},
                       QStringLiteral("counting the bags of a type"));
    if (!r)
        return std::unexpected(r.error());
    return r->next() ? r->number(0) : 0;
}

Result<QList<AreaRow>> AdminRepository::readAreas(const QString &where, const QVariantList &values)
{
    auto r = m_sql.run(
        QStringLiteral(
            "SELECT a.id, a.name, a.active, (SELECT count(*) FROM users u WHERE u.area_id = "
            "a.id), (SELECT count(*) FROM stations s WHERE s.area_id = a.id) FROM areas a ") +
            where,
        values, QStringLiteral("reading areas"));
    if (!r)
        return std::unexpected(r.error());
    QList<AreaRow> areas;
    while (r->next())
        areas.append(AreaRow{r->number(0), r->text(1), r->number(2) != 0, int(r->number(3)),
                             int(r->number(4))});
    return areas;
}

Result<QList<AreaRow>> AdminRepository::areas()
{
    return readAreas(QStringLiteral("ORDER BY a.name"), {});
}

Result<std::optional<AreaRow>> AdminRepository::findArea(const QString &name)
{
    auto rows = readAreas(QStringLiteral("WHERE a.name = ?"), {name.trimmed()});
    if (!rows)
        return std::unexpected(rows.error());
    return rows->isEmpty() ? std::optional<AreaRow>() : std::optional<AreaRow>(rows->first());
}

Result<qint64> AdminRepository::insertArea(const QString &name)
{
    auto r = m_sql.run(QStringLiteral("INSERT INTO areas(name) VALUES (?)"), {name},
                       QStringLiteral("adding an area"));
    if (!r)
        return std::unexpected(r.error());
    return r->lastInsertId().toLongLong();
}

Result<void> AdminRepository::updateArea(const AreaRow &a)
{
    auto r = m_sql.run(QStringLiteral("UPDATE areas SET name = ?, active = ? WHERE id = ?"),
                       {a.name, a.active ? 1 : 0, a.id}, QStringLiteral("changing an area"));
    if (!r)
        return std::unexpected(r.error());
    return {};
}

Result<void> AdminRepository::removeArea(qint64 id)
{
    auto r = m_sql.run(QStringLiteral("DELETE FROM areas WHERE id = ?"), {id},
                       QStringLiteral("deleting an area"));
    if (!r)
        return std::unexpected(r.error());
    return {};
}

Result<QList<StationRow>> AdminRepository::readStations(const QString &where,
                                                        const QVariantList &values)
{
    auto r =
        m_sql.run(QStringLiteral(
                      "SELECT s.id, coalesce(a.name, ''), s.active, s.created_at, s.last_seen FROM "
                      "stations s LEFT JOIN areas a ON a.id = s.area_id ") +
                      where,
                  values, QStringLiteral("reading stations"));
    if (!r)
        return std::unexpected(r.error());
    QList<StationRow> stations;
    while (r->next()) {
        StationRow s{r->text(0), r->text(1), r->number(2) != 0, fromIsoUtc(r->text(3)),
                     std::nullopt};
        if (!r->isNull(4))
            s.lastSeen = fromIsoUtc(r->text(4));
        stations.append(s);
    }
    return stations;
}

Result<QList<StationRow>> AdminRepository::stations()
{
    return readStations(QStringLiteral("ORDER BY s.id"), {});
}

Result<std::optional<StationRow>> AdminRepository::findStation(const QString &id)
{
    auto rows = readStations(QStringLiteral("WHERE s.id = ?"), {id});
    if (!rows)
        return std::unexpected(rows.error());
    return rows->isEmpty() ? std::optional<StationRow>() : std::optional<StationRow>(rows->first());
}

Result<void> AdminRepository::insertStation(const QString &id, qint64 areaId, const QDateTime &at)
{
    auto r =
        m_sql.run(QStringLiteral("INSERT INTO stations(id, area_id, created_at) VALUES (?, ?, ?)"),
                  {id, areaId, isoUtc(at)}, QStringLiteral("adding a station"));
    if (!r)
        return std::unexpected(r.error());
    return {};
}

Result<void> AdminRepository::updateStation(const QString &id, qint64 areaId, bool active)
{
    auto r = m_sql.run(QStringLiteral("UPDATE stations SET area_id = ?, active = ? WHERE id = ?"),
                       {areaId, active ? 1 : 0, id}, QStringLiteral("changing a station"));
    if (!r)
        return std::unexpected(r.error());
    return {};
}

} // namespace tt
