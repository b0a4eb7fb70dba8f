#include "database/verifier.h"

#include "database/statementcache.h"

namespace tt {

namespace {

// Each query returns (key, stored, computed) for the rows that differ.
const QString kChildWeights = QStringLiteral(
    "WITH pc AS (SELECT l.parent_id AS pid, count(*) AS n, "
    "sum(coalesce(c.measured_weight_g, c.nominal_weight_g)) AS w FROM links l JOIN bags c ON c.id = l.child_id "
    "WHERE l.ended_at IS NULL GROUP BY l.parent_id) ");

struct Check
{
    const char *name;
    QString sql;
};

} // namespace

Result<void> Verifier::collect(const QString &check, const QString &sql, QList<Mismatch> &out)
{
    auto r = m_sql.run(sql, {}, QStringLiteral("verifying %1").arg(check));
    if (!r)
        return std::unexpected(r.error());
    while (r->next())
        out.append(Mismatch{check, r->text(0), r->text(1), r->text(2)});
    return {};
}

Result<QList<Mismatch>> Verifier::run()
{
    const QList<Check> checks{
        {"parent.child_count",
         kChildWeights + QStringLiteral("SELECT p.code, p.child_count, coalesce(pc.n, 0) FROM bags p LEFT JOIN pc ON "
                                        "pc.pid = p.id WHERE p.role = 'parent' AND p.child_count <> coalesce(pc.n, 0)")},
        {"parent.contents_weight_g",
         kChildWeights + QStringLiteral("SELECT p.code, p.contents_weight_g, coalesce(pc.w, 0) FROM bags p LEFT JOIN pc "
                                        "ON pc.pid = p.id WHERE p.role = 'parent' AND p.contents_weight_g <> "
                                        "coalesce(pc.w, 0)")},
        {"parent.over_capacity",
         QStringLiteral("SELECT code, child_count, capacity FROM bags WHERE role = 'parent' AND child_count > capacity")},
        {"child.has_children",
         QStringLiteral("SELECT code, child_count, 0 FROM bags WHERE role = 'child' AND (child_count <> 0 OR "
                        "contents_weight_g <> 0)")},
        {"bag.role_of_type",
         QStringLiteral("SELECT b.code, b.role, t.role FROM bags b JOIN bag_types t ON t.id = b.type_id WHERE b.role "
                        "<> t.role")},
        {"link.roles",
         QStringLiteral("SELECT c.code, p.role || '/' || c.role, 'parent/child' FROM links l JOIN bags p ON p.id = "
                        "l.parent_id JOIN bags c ON c.id = l.child_id WHERE l.ended_at IS NULL AND (p.role <> 'parent' "
                        "OR c.role <> 'child')")},
        {"bill.parent_count",
         QStringLiteral("SELECT b.bill_code, b.parent_count, (SELECT count(*) FROM bill_parents bp WHERE bp.bill_id = "
                        "b.id) AS n FROM bills b WHERE b.parent_count <> n")},
        {"bill.actual_weight_g",
         kChildWeights + QStringLiteral("SELECT b.bill_code, b.actual_weight_g, (SELECT coalesce(sum(pc.w), 0) FROM "
                                        "bill_parents bp JOIN pc ON pc.pid = bp.parent_id WHERE bp.bill_id = b.id) AS w "
                                        "FROM bills b WHERE b.actual_weight_g <> w")},
        {"bill.expected_weight_g",
         QStringLiteral("SELECT b.bill_code, b.expected_weight_g, (SELECT coalesce(sum(t.expected_weight_g), 0) FROM "
                        "bill_parents bp JOIN bags p ON p.id = bp.parent_id JOIN bag_types t ON t.id = p.type_id "
                        "WHERE bp.bill_id = b.id) AS w FROM bills b WHERE b.expected_weight_g <> w")},
        {"bill.status",
         QStringLiteral("SELECT bill_code, status, 'open' FROM bills WHERE status = 'completed' AND parent_count <> "
                        "capacity")},
        {"bill.parent_role",
         QStringLiteral("SELECT p.code, p.role, 'parent' FROM bill_parents bp JOIN bags p ON p.id = bp.parent_id "
                        "WHERE p.role <> 'parent'")},
        {"return.parent_count",
         QStringLiteral("SELECT t.ticket_code, t.parent_count, (SELECT count(*) FROM return_lines l WHERE l.ticket_id = "
                        "t.id) AS n FROM return_tickets t WHERE t.parent_count <> n")},
        {"return.weight_g",
         QStringLiteral("SELECT t.ticket_code, t.weight_g, (SELECT coalesce(sum(l.weight_g), 0) FROM return_lines l "
                        "WHERE l.ticket_id = t.id) AS w FROM return_tickets t WHERE t.weight_g <> w")},
        {"return.still_billed",
         QStringLiteral("SELECT l.parent_code, b.bill_code, '' FROM return_lines l JOIN return_tickets t ON t.id = "
                        "l.ticket_id JOIN bags p ON p.code = l.parent_code JOIN bill_parents bp ON bp.parent_id = p.id "
                        "JOIN bills b ON b.id = bp.bill_id WHERE bp.added_at < l.returned_at")},
        {"total",
         QStringLiteral("WITH c(metric, n) AS (VALUES "
                        "('parents', (SELECT count(*) FROM bags WHERE role = 'parent')), "
                        "('children', (SELECT count(*) FROM bags WHERE role = 'child')), "
                        "('links', (SELECT count(*) FROM links WHERE ended_at IS NULL)), "
                        "('bills_open', (SELECT count(*) FROM bills WHERE status = 'open')), "
                        "('bills_completed', (SELECT count(*) FROM bills WHERE status = 'completed')), "
                        "('scans', (SELECT count(*) FROM scans))) "
                        "SELECT c.metric, coalesce(t.value, 0), c.n FROM c LEFT JOIN stat_totals t ON t.metric = "
                        "c.metric WHERE coalesce(t.value, 0) <> c.n")},
        {"daily.scans",
         QStringLiteral("WITH s AS (SELECT substr(at, 1, 10) AS day, coalesce(station, '') AS station, count(*) AS n "
                        "FROM scans GROUP BY 1, 2) "
                        "SELECT coalesce(s.day, d.day) || ' ' || coalesce(s.station, d.station), coalesce(d.value, 0), "
                        "coalesce(s.n, 0) FROM s FULL OUTER JOIN (SELECT * FROM stat_daily WHERE metric = 'scans') d "
                        "ON d.day = s.day AND d.station = s.station WHERE coalesce(d.value, 0) <> coalesce(s.n, 0)")},
    };
    QList<Mismatch> out;
    for (const Check &c : checks) {
        if (auto r = collect(QString::fromLatin1(c.name), c.sql, out); !r)
            return std::unexpected(r.error());
    }
    return out;
}

} // namespace tt
