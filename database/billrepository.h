#pragma once

#include <QDateTime>
#include <QList>
#include <QString>

#include <optional>

#include "core/billrules.h"
#include "core/error.h"
#include "core/readmodels.h"

namespace tt {

class StatementCache;

// A row of table bills.
struct BillRow
{
    qint64 id = 0;
    QString code;
    int capacity = 0;
    BillStatus status = BillStatus::Open;
    int parentCount = 0;
    qint64 actualWeightG = 0;
    qint64 expectedWeightG = 0;
    std::optional<qint64> measuredWeightG;
    QDateTime createdAt;
    QString createdBy;
    QDateTime completedAt;
    QString completedBy;

    BillFacts facts() const { return BillFacts{code, status, capacity, parentCount}; }
};

struct BillListFilter
{
    std::optional<BillStatus> status;
    QString search; // substring of the bill id
    int limit = 200;
};

// The bills aggregate: bills, their parent lines and their always-current totals.
class BillRepository
{
public:
    explicit BillRepository(StatementCache &sql) : m_sql(sql) {}

    Result<std::optional<BillRow>> find(const QString &code);
    Result<std::optional<BillRow>> findOfParent(qint64 parentId);
    Result<BillRow> insert(const QString &code, int capacity, const QDateTime &at, const QString &by);
    Result<void> addParent(qint64 billId, qint64 parentId, const QDateTime &at, const QString &by);
    Result<void> removeParent(qint64 billId, qint64 parentId);
    Result<void> adjustTotals(qint64 billId, int deltaParents, qint64 deltaActualG, qint64 deltaExpectedG);
    Result<void> setStatus(qint64 billId, BillStatus status, const QDateTime &at, const QString &by);
    Result<void> setCapacity(qint64 billId, int capacity);
    Result<void> setMeasuredWeight(qint64 billId, qint64 grams);
    // Removes the bill and its lines; the parents become free.
    Result<void> remove(qint64 billId);
    Result<QList<BillLine>> lines(qint64 billId);
    Result<QList<BillRow>> list(const BillListFilter &filter);

private:
    StatementCache &m_sql;
};

} // namespace tt
