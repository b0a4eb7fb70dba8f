#pragma once

#include <QDateTime>
#include <QList>
#include <QString>

#include <optional>

#include "core/bagtype.h"
#include "core/error.h"

namespace tt {

class StatementCache;

// A row of table bags.
struct BagRow
{
    qint64 id = 0;
    QString code;
    qint64 typeId = 0;
    BagRole role = BagRole::Child;
    qint64 nominalWeightG = 0;
    std::optional<qint64> measuredWeightG; // children: scale/GS1 weight; parents: measured gross
    int capacity = 0;
    qint64 expectedWeightG = 0;
    int childCount = 0;
    qint64 contentsWeightG = 0;
    QDateTime createdAt;
    QString createdBy;

    // A child's weight on its parent and bill: measured when recorded, else nominal.
    qint64 effectiveWeightG() const { return measuredWeightG.value_or(nominalWeightG); }
};

struct NewBag
{
    QString code;
    BagType type;
    std::optional<qint64> measuredWeightG;
    QDateTime at;
    QString by;
    QString station;
};

// The bags aggregate: lookups by code, creation from a bag type, the parents' derived counters.
class BagRepository
{
public:
    explicit BagRepository(StatementCache &sql) : m_sql(sql) {}

    Result<std::optional<BagRow>> find(const QString &code);
    Result<std::optional<BagRow>> findById(qint64 id);
    Result<BagRow> insert(const NewBag &bag);
    // Adds to a parent's child count and contents weight.
    Result<void> adjustContents(qint64 parentId, int deltaCount, qint64 deltaWeightG);
    Result<void> setMeasuredWeight(qint64 id, std::optional<qint64> grams);
    // True when links or bill lines refer to the bag (its history must stay).
    Result<bool> hasHistory(qint64 id);
    Result<void> remove(qint64 id);
    // Bags whose code contains text (normalised), at most limit, in code order. With three
    // characters or more these are the first matches by creation order.
    Result<QList<BagRow>> search(const QString &text, int limit);

private:
    StatementCache &m_sql;
};

// text as one FTS5 phrase (quoted, inner quotes doubled): never parsed as query syntax.
QString ftsPhrase(const QString &text);

} // namespace tt
