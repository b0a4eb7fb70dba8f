#include "database/seeder.h"

#include <QElapsedTimer>

#include "core/command.h"
#include "database/bulkinsert.h"
#include "database/statementcache.h"
#include "database/transactionguard.h"

namespace tt {

Result<SeedReport> Seeder::run(const SeedPlan &plan, const std::function<void(qint64)> &progress)
{
    if (plan.parents < 0 || plan.parents > 100000 || plan.childrenPerParent < 0 || plan.childrenPerParent > 30
        || plan.bills < 0 || plan.billCapacity < 1 || plan.billCapacity > 500
        || qint64(plan.bills) * plan.billCapacity > plan.parents)
        return fail(Reason::InvalidInput,
                    QStringLiteral("Seed needs 0–100 000 parents, 0–30 children each, and bills × capacity ≤ "
                                   "parents."));
    QElapsedTimer timer;
    timer.start();
    QSqlDatabase db = m_sql.database();
    {
        auto r = m_sql.run(QStringLiteral("SELECT EXISTS(SELECT 1 FROM bags)"), {}, QStringLiteral("checking bags"));
        if (!r)
            return std::unexpected(r.error());
        if (r->next() && r->number(0) != 0)
            return fail(Reason::InvalidInput, QStringLiteral("Seed works on a database without bags."));
    }
    auto tx = TransactionGuard::begin(db);
    if (!tx)
        return std::unexpected(tx.error());
    const QString at = isoUtc(QDateTime::currentDateTimeUtc());
    const qint64 childWeight = 1000;
    const int k = plan.childrenPerParent;
    BulkInsert bags(m_sql,
                    QStringLiteral("INSERT INTO bags(id, code, type_id, role, nominal_weight_g, capacity, "
                                   "expected_weight_g, child_count, contents_weight_g, created_at, created_by)"),
                    11);
    BulkInsert links(m_sql, QStringLiteral("INSERT INTO links(parent_id, child_id, linked_at, linked_by)"), 4);
    links.flushFirst(&bags);
    SeedReport report;
    qint64 nextChildId = qint64(plan.parents) + 1;
    for (int p = 0; p < plan.parents; ++p) {
        const qint64 pid = p + 1;
        auto r = bags.add({pid, QStringLiteral("SB%1").arg(p, 5, 10, QLatin1Char('0')), 1, QStringLiteral("parent"), 0,
                           30, 30000, k, k * childWeight, at, plan.actor});
        if (!r)
            return std::unexpected(r.error());
        for (int c = 0; c < k; ++c) {
            const qint64 cid = nextChildId++;
            if (auto rc = bags.add({cid, QStringLiteral("C%1").arg(cid, 10, 10, QLatin1Char('0')), 3,
                                    QStringLiteral("child"), childWeight, 0, 0, 0, 0, at, plan.actor});
                !rc)
                return std::unexpected(rc.error());
            if (auto rl = links.add({pid, cid, at, plan.actor}); !rl)
                return std::unexpected(rl.error());
        }
        report.bags += 1 + k;
        report.links += k;
        if (progress && p % 1000 == 999)
            progress(report.bags);
    }
    if (auto r = bags.flush(); !r)
        return std::unexpected(r.error());
    if (auto r = links.flush(); !r)
        return std::unexpected(r.error());

    BulkInsert lines(m_sql, QStringLiteral("INSERT INTO bill_parents(bill_id, parent_id, added_at, added_by)"), 4);
    // Bills are inserted one by one before their lines, parents already exist.
    for (int b = 0; b < plan.bills; ++b) {
        const qint64 bid = b + 1;
        auto r = m_sql.run(QStringLiteral("INSERT INTO bills(id, bill_code, capacity, status, parent_count, "
                                          "actual_weight_g, expected_weight_g, created_at, created_by, completed_at, "
                                          "completed_by) VALUES (?, ?, ?, 'completed', ?, ?, ?, ?, ?, ?, ?)"),
                           {bid, QStringLiteral("SEED-%1").arg(bid, 6, 10, QLatin1Char('0')), plan.billCapacity,
                            plan.billCapacity, qint64(plan.billCapacity) * k * childWeight,
                            qint64(plan.billCapacity) * 30000, at, plan.actor, at, plan.actor},
                           QStringLiteral("seeding bills"));
        if (!r)
            return std::unexpected(r.error());
        for (int i = 0; i < plan.billCapacity; ++i) {
            if (auto rl = lines.add({bid, qint64(b) * plan.billCapacity + i + 1, at, plan.actor}); !rl)
                return std::unexpected(rl.error());
        }
        ++report.bills;
    }
    if (auto r = lines.flush(); !r)
        return std::unexpected(r.error());
    const QList<std::pair<QString, qint64>> totals{
        {QStringLiteral("parents"), plan.parents},
        {QStringLiteral("children"), qint64(plan.parents) * k},
        {QStringLiteral("links"), qint64(plan.parents) * k},
        {QStringLiteral("bills_completed"), plan.bills},
    };
    for (const auto &[metric, value] : totals) {
        auto r = m_sql.run(QStringLiteral("UPDATE stat_totals SET value = value + ? WHERE metric = ?"), {value, metric},
                           QStringLiteral("seeding statistics"));
        if (!r)
            return std::unexpected(r.error());
    }
    auto audit = m_sql.run(QStringLiteral("INSERT INTO audit_log(at, actor, action, entity, after) VALUES (?, ?, "
                                          "'seed', 'database', ?)"),
                           {at, plan.actor,
                            QStringLiteral("{\"parents\":%1,\"children_per_parent\":%2,\"bills\":%3}")
                                .arg(plan.parents)
                                .arg(k)
                                .arg(plan.bills)},
                           QStringLiteral("auditing the seed"));
    if (!audit)
        return std::unexpected(audit.error());
    if (auto r = tx->commit(); !r)
        return std::unexpected(r.error());
    report.seconds = double(timer.nsecsElapsed()) / 1e9;
    return report;
}

} // namespace tt
