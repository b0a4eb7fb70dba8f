#include "database/cacherefresher.h"

#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSet>

#include "core/command.h"
#include "database/statementcache.h"

namespace tt {

namespace {

// A central time (timestamptz as JSON) in the cache's text form; NULL when absent.
QVariant timeOf(const QJsonValue &v)
{
    if (!v.isString())
        return {};
    const QDateTime t = QDateTime::fromString(v.toString(), Qt::ISODateWithMs);
    return t.isValid() ? QVariant(isoUtc(t.toUTC())) : QVariant();
}

QVariant textOf(const QJsonValue &v)
{
    return v.isString() ? QVariant(v.toString()) : QVariant();
}

QVariant gramsOf(const QJsonValue &v)
{
    return v.isDouble() ? QVariant(qint64(v.toDouble())) : QVariant();
}

QString jsonList(const QJsonArray &a)
{
    return QString::fromUtf8(QJsonDocument(a).toJson(QJsonDocument::Compact));
}

QString jsonList(const QSet<qint64> &ids)
{
    QJsonArray a;
    for (const qint64 id : ids)
        a.append(double(id));
    return jsonList(a);
}

const QString kParentsIn = QStringLiteral("(SELECT id FROM bags WHERE code IN (SELECT value FROM json_each(?)))");

} // namespace

Result<void> CacheRefresher::exec(const QString &sql, const QVariantList &values, const QString &what)
{
    auto r = m_sql.run(sql, values, what);
    if (!r)
        return std::unexpected(r.error());
    return {};
}

Result<QList<qint64>> CacheRefresher::ids(const QString &sql, const QVariantList &values, const QString &what)
{
    auto r = m_sql.run(sql, values, what);
    if (!r)
        return std::unexpected(r.error());
    QList<qint64> out;
    while (r->next())
        out.append(r->number(0));
    return out;
}

Result<void> CacheRefresher::applyBagTypes(const QList<BagType> &types)
{
    for (const BagType &t : types) {
        const QString role = t.role == BagRole::Parent ? QStringLiteral("parent") : QStringLiteral("child");
        if (auto r = exec(QStringLiteral("INSERT INTO bag_types(name, role, pattern, capacity, nominal_weight_g, "
                                         "expected_weight_g, active) VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT(name) DO "
                                         "UPDATE SET pattern = excluded.pattern, capacity = excluded.capacity, "
                                         "nominal_weight_g = excluded.nominal_weight_g, expected_weight_g = "
                                         "excluded.expected_weight_g, active = excluded.active WHERE bag_types.role = "
                                         "excluded.role"),
                          {t.name, role, t.pattern, t.capacity, t.nominalWeightG, t.expectedWeightG, t.active ? 1 : 0},
                          QStringLiteral("caching bag type %1").arg(t.name));
            !r)
            return r;
    }
    return {};
}

Result<int> CacheRefresher::applySnapshot(const QJsonObject &s)
{
    QHash<QString, qint64> typeIds;
    {
        auto r = m_sql.run(QStringLiteral("SELECT id, name FROM bag_types"), {}, QStringLiteral("reading bag types"));
        if (!r)
            return std::unexpected(r.error());
        while (r->next())
            typeIds.insert(r->text(1).toLower(), r->number(0));
    }
    const QJsonArray bags = s.value(QStringLiteral("bags")).toArray();
    const QJsonArray links = s.value(QStringLiteral("links")).toArray();
    const QJsonArray bills = s.value(QStringLiteral("bills")).toArray();
    const QJsonArray lines = s.value(QStringLiteral("bill_parents")).toArray();
    const QString parents = jsonList(s.value(QStringLiteral("parents")).toArray());

    // 1. Bags, by code. Capacity never drops below what the cache holds until the links are in.
    for (const QJsonValue &v : bags) {
        const QJsonObject b = v.toObject();
        const QString type = b.value(QStringLiteral("type")).toString();
        const auto typeId = typeIds.constFind(type.toLower());
        if (typeId == typeIds.cend())
            return fail(Reason::DatabaseError,
                        QStringLiteral("The central bag type %1 is not in the station cache; log in again to "
                                       "refresh bag types.")
                            .arg(type));
        if (auto r = exec(QStringLiteral("INSERT INTO bags(code, type_id, role, nominal_weight_g, measured_weight_g, "
                                         "capacity, expected_weight_g, created_at, created_by, station) VALUES (?, ?, "
                                         "?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT(code) DO UPDATE SET type_id = "
                                         "excluded.type_id, nominal_weight_g = excluded.nominal_weight_g, "
                                         "measured_weight_g = excluded.measured_weight_g, capacity = "
                                         "max(excluded.capacity, bags.child_count), expected_weight_g = "
                                         "excluded.expected_weight_g, created_at = excluded.created_at, created_by = "
                                         "excluded.created_by, station = excluded.station"),
                          {b.value(QStringLiteral("code")).toString(), *typeId,
                           b.value(QStringLiteral("role")).toString(), gramsOf(b.value(QStringLiteral("nominal_weight_g"))),
                           gramsOf(b.value(QStringLiteral("measured_weight_g"))),
                           b.value(QStringLiteral("capacity")).toInt(),
                           gramsOf(b.value(QStringLiteral("expected_weight_g"))),
                           timeOf(b.value(QStringLiteral("created_at"))),
                           b.value(QStringLiteral("created_by")).toString(), textOf(b.value(QStringLiteral("station")))},
                          QStringLiteral("caching a bag"));
            !r)
            return std::unexpected(r.error());
    }

    QSet<qint64> touchedParents;
    QSet<qint64> touchedBills;

    // 2. Bags and bills the central database no longer has.
    for (const QJsonValue &v : s.value(QStringLiteral("missing_bags")).toArray()) {
        auto found = ids(QStringLiteral("SELECT id FROM bags WHERE code = ?"), {v.toString()},
                         QStringLiteral("finding a removed bag"));
        if (!found)
            return std::unexpected(found.error());
        for (const qint64 id : *found) {
            auto owners = ids(QStringLiteral("SELECT parent_id FROM links WHERE child_id = ? AND ended_at IS NULL"),
                              {id}, QStringLiteral("finding a removed bag's parent"));
            auto onBills = ids(QStringLiteral("SELECT bill_id FROM bill_parents WHERE parent_id = ?"), {id},
                               QStringLiteral("finding a removed bag's bill"));
            if (!owners || !onBills)
                return std::unexpected(!owners ? owners.error() : onBills.error());
            touchedParents.unite(QSet<qint64>(owners->cbegin(), owners->cend()));
            touchedBills.unite(QSet<qint64>(onBills->cbegin(), onBills->cend()));
            for (const QString &sql : {QStringLiteral("DELETE FROM links WHERE child_id = ?1 OR parent_id = ?1"),
                                       QStringLiteral("DELETE FROM bill_parents WHERE parent_id = ?"),
                                       QStringLiteral("DELETE FROM bags WHERE id = ?")}) {
                if (auto r = exec(sql, {id}, QStringLiteral("removing a bag from the cache")); !r)
                    return std::unexpected(r.error());
            }
            touchedParents.remove(id);
        }
    }
    for (const QJsonValue &v : s.value(QStringLiteral("missing_bills")).toArray()) {
        for (const QString &sql :
             {QStringLiteral("DELETE FROM bill_parents WHERE bill_id IN (SELECT id FROM bills WHERE bill_code = ?)"),
              QStringLiteral("DELETE FROM bills WHERE bill_code = ?")}) {
            if (auto r = exec(sql, {v.toString()}, QStringLiteral("removing a bill from the cache")); !r)
                return std::unexpected(r.error());
        }
    }

    // 3. Links in force: those of the parents involved and of the children in the snapshot are
    // replaced by the central ones.
    QJsonArray childCodes;
    for (const QJsonValue &v : links)
        childCodes.append(v.toObject().value(QStringLiteral("child")));
    const QString children = jsonList(childCodes);
    const QString inForce = QStringLiteral(" FROM links WHERE ended_at IS NULL AND (parent_id IN ") + kParentsIn +
                            QStringLiteral(" OR child_id IN ") + kParentsIn + QStringLiteral(")");
    auto previous = ids(QStringLiteral("SELECT DISTINCT parent_id") + inForce, {parents, children},
                        QStringLiteral("reading cached links"));
    if (!previous)
        return std::unexpected(previous.error());
    touchedParents.unite(QSet<qint64>(previous->cbegin(), previous->cend()));
    if (auto r = exec(QStringLiteral("DELETE") + inForce, {parents, children}, QStringLiteral("replacing cached links"));
        !r)
        return std::unexpected(r.error());
    for (const QJsonValue &v : links) {
        const QJsonObject l = v.toObject();
        if (auto r = exec(QStringLiteral("INSERT INTO links(parent_id, child_id, linked_at, linked_by, station, "
                                         "command_id) SELECT p.id, c.id, ?, ?, ?, ? FROM bags p, bags c WHERE p.code "
                                         "= ? AND c.code = ?"),
                          {timeOf(l.value(QStringLiteral("linked_at"))), l.value(QStringLiteral("linked_by")).toString(),
                           textOf(l.value(QStringLiteral("station"))), textOf(l.value(QStringLiteral("command_id"))),
                           l.value(QStringLiteral("parent")).toString(), l.value(QStringLiteral("child")).toString()},
                          QStringLiteral("caching a link"));
            !r)
            return std::unexpected(r.error());
    }
    auto involved = ids(QStringLiteral("SELECT id FROM bags WHERE code IN (SELECT value FROM json_each(?))"), {parents},
                        QStringLiteral("reading cached parents"));
    if (!involved)
        return std::unexpected(involved.error());
    touchedParents.unite(QSet<qint64>(involved->cbegin(), involved->cend()));
    if (auto r = exec(QStringLiteral("UPDATE bags SET child_count = (SELECT count(*) FROM links l WHERE l.parent_id = "
                                     "bags.id AND l.ended_at IS NULL), contents_weight_g = (SELECT "
                                     "coalesce(sum(coalesce(c.measured_weight_g, c.nominal_weight_g)), 0) FROM links "
                                     "l JOIN bags c ON c.id = l.child_id WHERE l.parent_id = bags.id AND l.ended_at "
                                     "IS NULL) WHERE id IN (SELECT value FROM json_each(?))"),
                      {jsonList(touchedParents)}, QStringLiteral("recomputing cached parents"));
        !r)
        return std::unexpected(r.error());
    for (const QJsonValue &v : bags) {
        const QJsonObject b = v.toObject();
        if (auto r = exec(QStringLiteral("UPDATE bags SET capacity = ? WHERE code = ? AND capacity <> ?"),
                          {b.value(QStringLiteral("capacity")).toInt(), b.value(QStringLiteral("code")).toString(),
                           b.value(QStringLiteral("capacity")).toInt()},
                          QStringLiteral("caching a bag's capacity"));
            !r)
            return std::unexpected(r.error());
    }

    // 4. Bills (open with room while their lines change) and their lines.
    QJsonArray billCodes;
    for (const QJsonValue &v : bills) {
        const QJsonObject b = v.toObject();
        billCodes.append(b.value(QStringLiteral("bill_code")));
        if (auto r = exec(QStringLiteral("INSERT INTO bills(bill_code, capacity, status, measured_weight_g, created_at, "
                                         "created_by) VALUES (?, 500, 'open', ?, ?, ?) ON CONFLICT(bill_code) DO "
                                         "UPDATE SET capacity = 500, status = 'open', measured_weight_g = "
                                         "excluded.measured_weight_g, created_at = excluded.created_at, created_by = "
                                         "excluded.created_by, completed_at = NULL, completed_by = NULL"),
                          {b.value(QStringLiteral("bill_code")).toString(),
                           gramsOf(b.value(QStringLiteral("measured_weight_g"))),
                           timeOf(b.value(QStringLiteral("created_at"))), b.value(QStringLiteral("created_by")).toString()},
                          QStringLiteral("caching a bill"));
            !r)
            return std::unexpected(r.error());
    }
    const QString billList = jsonList(billCodes);
    const QString linesOf = QStringLiteral(" FROM bill_parents WHERE bill_id IN (SELECT id FROM bills WHERE bill_code IN "
                                           "(SELECT value FROM json_each(?))) OR parent_id IN ") +
                            kParentsIn;
    auto previousBills = ids(QStringLiteral("SELECT DISTINCT bill_id") + linesOf, {billList, parents},
                             QStringLiteral("reading cached bill lines"));
    if (!previousBills)
        return std::unexpected(previousBills.error());
    touchedBills.unite(QSet<qint64>(previousBills->cbegin(), previousBills->cend()));
    if (auto r = exec(QStringLiteral("DELETE") + linesOf, {billList, parents}, QStringLiteral("replacing bill lines"));
        !r)
        return std::unexpected(r.error());
    for (const QJsonValue &v : lines) {
        const QJsonObject l = v.toObject();
        if (auto r = exec(QStringLiteral("INSERT INTO bill_parents(bill_id, parent_id, added_at, added_by) SELECT b.id, "
                                         "p.id, ?, ? FROM bills b, bags p WHERE b.bill_code = ? AND p.code = ?"),
                          {timeOf(l.value(QStringLiteral("added_at"))), l.value(QStringLiteral("added_by")).toString(),
                           l.value(QStringLiteral("bill")).toString(), l.value(QStringLiteral("parent")).toString()},
                          QStringLiteral("caching a bill line"));
            !r)
            return std::unexpected(r.error());
    }
    auto snapshotBills = ids(QStringLiteral("SELECT id FROM bills WHERE bill_code IN (SELECT value FROM json_each(?))"),
                             {billList}, QStringLiteral("reading cached bills"));
    if (!snapshotBills)
        return std::unexpected(snapshotBills.error());
    touchedBills.unite(QSet<qint64>(snapshotBills->cbegin(), snapshotBills->cend()));
    const QString touched = jsonList(touchedBills);
    if (auto r = exec(QStringLiteral("UPDATE bills SET parent_count = (SELECT count(*) FROM bill_parents bp WHERE "
                                     "bp.bill_id = bills.id), actual_weight_g = (SELECT coalesce(sum(p.contents_weight_g), "
                                     "0) FROM bill_parents bp JOIN bags p ON p.id = bp.parent_id WHERE bp.bill_id = "
                                     "bills.id), expected_weight_g = (SELECT coalesce(sum(t.expected_weight_g), 0) FROM "
                                     "bill_parents bp JOIN bags p ON p.id = bp.parent_id JOIN bag_types t ON t.id = "
                                     "p.type_id WHERE bp.bill_id = bills.id) WHERE id IN (SELECT value FROM "
                                     "json_each(?))"),
                      {touched}, QStringLiteral("recomputing cached bills"));
        !r)
        return std::unexpected(r.error());
    // A completed bill that lost a line here lost it centrally too (it was reopened there).
    if (auto r = exec(QStringLiteral("UPDATE bills SET status = 'open', completed_at = NULL, completed_by = NULL WHERE "
                                     "status = 'completed' AND parent_count <> capacity AND id IN (SELECT value FROM "
                                     "json_each(?))"),
                      {touched}, QStringLiteral("reopening cached bills"));
        !r)
        return std::unexpected(r.error());
    for (const QJsonValue &v : bills) {
        const QJsonObject b = v.toObject();
        if (auto r = exec(QStringLiteral("UPDATE bills SET capacity = ?, status = ?, completed_at = ?, completed_by = ? "
                                         "WHERE bill_code = ?"),
                          {b.value(QStringLiteral("capacity")).toInt(), b.value(QStringLiteral("status")).toString(),
                           timeOf(b.value(QStringLiteral("completed_at"))), textOf(b.value(QStringLiteral("completed_by"))),
                           b.value(QStringLiteral("bill_code")).toString()},
                          QStringLiteral("caching a bill's status"));
            !r)
            return std::unexpected(r.error());
    }

    // 5. The cache's own totals follow its rows.
    if (auto r = exec(QStringLiteral(
                          "UPDATE stat_totals SET value = CASE metric "
                          "WHEN 'parents' THEN (SELECT count(*) FROM bags WHERE role = 'parent') "
                          "WHEN 'children' THEN (SELECT count(*) FROM bags WHERE role = 'child') "
                          "WHEN 'links' THEN (SELECT count(*) FROM links WHERE ended_at IS NULL) "
                          "WHEN 'bills_open' THEN (SELECT count(*) FROM bills WHERE status = 'open') "
                          "WHEN 'bills_completed' THEN (SELECT count(*) FROM bills WHERE status = 'completed') END "
                          "WHERE metric IN ('parents', 'children', 'links', 'bills_open', 'bills_completed')"),
                      {}, QStringLiteral("recounting the cache"));
        !r)
        return std::unexpected(r.error());
    return int(bags.size() + bills.size());
}

} // namespace tt
