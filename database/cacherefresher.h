#pragma once

#include <QJsonObject>
#include <QList>

#include "core/bagtype.h"
#include "core/error.h"

namespace tt {

class StatementCache;

// Writes central truth into a station's SQLite cache (central mode, BRIEF §5): bag types, and
// snapshots of bags, links, bills and bill lines (tt_snapshot, resources/sql/postgresql/
// 003_sync.sql). Rows are matched by code; the derived values (child counts, contents and bill
// weights, statistics totals) are recomputed from the cache's own rows, so `verify` stays
// clean on the cache. Runs inside the caller's transaction.
class CacheRefresher
{
public:
    explicit CacheRefresher(StatementCache &sql) : m_sql(sql) {}

    // Adds missing bag types and updates the others by name.
    Result<void> applyBagTypes(const QList<BagType> &types);
    // Applies one tt_snapshot answer; returns the number of bags and bills written.
    Result<int> applySnapshot(const QJsonObject &snapshot);

private:
    Result<void> exec(const QString &sql, const QVariantList &values, const QString &what);
    Result<QList<qint64>> ids(const QString &sql, const QVariantList &values, const QString &what);

    StatementCache &m_sql;
};

} // namespace tt
