#include "database/billrepository.h"

#include "core/command.h"
#include "database/statementcache.h"

namespace tt {

namespace {

const QString kColumns = QStringLiteral(
    "b.id, b.bill_code, b.capacity, b.status, b.parent_count, b.actual_weight_g, b.expected_weight_g, "
    "b.measured_weight_g, b.created_at, b.created_by, b.completed_at, b.completed_by");

BillRow readBill(const Rows &r)
{
    BillRow b;
    b.id = r.number(0);
    b.code = r.text(1);
    b.capacity = int(r.number(2));
    b.status = r.text(3) == u"completed" ? BillStatus::Completed : BillStatus::Open;
    b.parentCount = int(r.number(4));
    b.actualWeightG = r.number(5);
    b.expectedWeightG = r.number(6);
    if (!r.isNull(7))
        b.measuredWeightG = r.number(7);
    b.createdAt = fromIsoUtc(r.text(8));
    b.createdBy = r.text(9);
    if (!r.isNull(10))
        b.completedAt = fromIsoUtc(r.text(10));
    b.completedBy = r.text(11);
    return b;
}

Result<std::optional<BillRow>> readOne(Result<Rows> r)
{
    if (!r)
        return std::unexpected(r.error());
    if (!r->next())
        return std::optional<BillRow>();
    return std::optional<BillRow>(readBill(*r));
}

Result<void> done(const Result<Rows> &r)
{
    if (!r)
        return std::unexpected(r.error());
    return {};
}

} // namespace

Result<std::optional<BillRow>> BillRepository::find(const QString &code)
{
    return readOne(m_sql.run(QStringLiteral("SELECT ") + kColumns + QStringLiteral(" FROM bills b WHERE b.bill_code = ?"),
                             {code}, QStringLiteral("looking up bill %1").arg(code)));
}

Result<std::optional<BillRow>> BillRepository::findOfParent(qint64 parentId)
{
    return readOne(m_sql.run(QStringLiteral("SELECT ") + kColumns
                                 + QStringLiteral(" FROM bill_parents bp JOIN bills b ON b.id = bp.bill_id WHERE "
                                                  "bp.parent_id = ?"),
                             {parentId}, QStringLiteral("looking up a parent's bill")));
}

Result<BillRow> BillRepository::insert(const QString &code, int capacity, const QDateTime &at, const QString &by)
{
    auto r = m_sql.run(QStringLiteral("INSERT INTO bills(bill_code, capacity, created_at, created_by) VALUES (?, ?, "
                                      "?, ?)"),
                       {code, capacity, isoUtc(at), by}, QStringLiteral("creating bill %1").arg(code));
    if (!r)
        return std::unexpected(r.error());
    BillRow b;
    b.id = r->lastInsertId().toLongLong();
    b.code = code;
    b.capacity = capacity;
    b.createdAt = at;
    b.createdBy = by;
    return b;
}

Result<void> BillRepository::addParent(qint64 billId, qint64 parentId, const QDateTime &at, const QString &by)
{
    return done(m_sql.run(QStringLiteral("INSERT INTO bill_parents(bill_id, parent_id, added_at, added_by) VALUES "
                                         "(?, ?, ?, ?)"),
                          {billId, parentId, isoUtc(at), by}, QStringLiteral("adding a parent to a bill")));
}

Result<void> BillRepository::removeParent(qint64 billId, qint64 parentId)
{
    return done(m_sql.run(QStringLiteral("DELETE FROM bill_parents WHERE bill_id = ? AND parent_id = ?"),
                          {billId, parentId}, QStringLiteral("removing a parent from a bill")));
}

Result<void> BillRepository::adjustTotals(qint64 billId, int deltaParents, qint64 deltaActualG,
                                          qint64 deltaExpectedG)
{
    return done(m_sql.run(QStringLiteral("UPDATE bills SET parent_count = parent_count + ?, actual_weight_g = "
                                         "actual_weight_g + ?, expected_weight_g = expected_weight_g + ? WHERE id = ?"),
                          {deltaParents, deltaActualG, deltaExpectedG, billId},
                          QStringLiteral("updating a bill's totals")));
}

Result<void> BillRepository::setStatus(qint64 billId, BillStatus status, const QDateTime &at, const QString &by)
{
    const bool completed = status == BillStatus::Completed;
    return done(m_sql.run(QStringLiteral("UPDATE bills SET status = ?, completed_at = ?, completed_by = ? WHERE id = ?"),
                          {billStatusName(status), completed ? QVariant(isoUtc(at)) : QVariant(),
                           completed ? QVariant(by) : QVariant(), billId},
                          QStringLiteral("changing a bill's status")));
}

Result<void> BillRepository::setCapacity(qint64 billId, int capacity)
{
    return done(m_sql.run(QStringLiteral("UPDATE bills SET capacity = ? WHERE id = ?"), {capacity, billId},
                          QStringLiteral("changing a bill's capacity")));
}

Result<void> BillRepository::setMeasuredWeight(qint64 billId, qint64 grams)
{
    return done(m_sql.run(QStringLiteral("UPDATE bills SET measured_weight_g = ? WHERE id = ?"), {grams, billId},
                          QStringLiteral("recording a bill's weight")));
}

Result<void> BillRepository::remove(qint64 billId)
{
    if (auto r = done(m_sql.run(QStringLiteral("DELETE FROM bill_parents WHERE bill_id = ?"), {billId},
                                QStringLiteral("freeing a bill's parents")));
        !r)
        return r;
    return done(m_sql.run(QStringLiteral("DELETE FROM bills WHERE id = ?"), {billId},
                          QStringLiteral("deleting a bill")));
}

Result<QList<BillLine>> BillRepository::lines(qint64 billId)
{
    auto r = m_sql.run(QStringLiteral("SELECT p.code, p.child_count, p.capacity, p.contents_weight_g, "
                                      "p.expected_weight_g, bp.added_at, bp.added_by FROM bill_parents bp JOIN bags p "
                                      "ON p.id = bp.parent_id WHERE bp.bill_id = ? ORDER BY bp.id"),
                       {billId}, QStringLiteral("listing a bill's parents"));
    if (!r)
        return std::unexpected(r.error());
    QList<BillLine> out;
    while (r->next()) {
        BillLine l;
        l.parentCode = r->text(0);
        l.childCount = int(r->number(1));
        l.capacity = int(r->number(2));
        l.actualWeightG = r->number(3);
        l.expectedWeightG = r->number(4);
        l.addedAt = fromIsoUtc(r->text(5));
        l.addedBy = r->text(6);
        out.append(l);
    }
    return out;
}

Result<QList<BillRow>> BillRepository::list(const BillListFilter &f)
{
    const QString status = f.status ? billStatusName(*f.status) : QString();
    auto r = m_sql.run(QStringLiteral("SELECT ") + kColumns
                           + QStringLiteral(" FROM bills b WHERE (? = '' OR b.status = ?) AND (? = '' OR "
                                            "instr(b.bill_code, ?) > 0) ORDER BY b.id DESC LIMIT ?"),
                       {status, status, f.search.toUpper(), f.search.toUpper(), f.limit}, QStringLiteral("listing bills"));
    if (!r)
        return std::unexpected(r.error());
    QList<BillRow> out;
    while (r->next())
        out.append(readBill(*r));
    return out;
}

} // namespace tt
