#pragma once

#include "core/error.h"

#include <QString>
#include <QVariant>

#include <initializer_list>

namespace tt {

class StatementCache;

// Collects rows and writes them as multi-row INSERT statements through the statement cache
// (seed and set-based import). Call flush() before the rows are needed.
class BulkInsert
{
public:
    // head: "INSERT INTO t(a, b, …)" with `columns` columns.
    BulkInsert(StatementCache &sql, QString head, int columns, int rowsPerStatement = 100);

    // A table whose rows refer to another's flushes that one first.
    void flushFirst(BulkInsert *other) { m_before = other; }

    Result<void> add(std::initializer_list<QVariant> row);
    Result<void> flush();

private:
    QString sqlFor(int rows) const;

    StatementCache &m_sql;
    QString m_head;
    int m_columns;
    int m_rowsPerStatement;
    QString m_fullSql;
    QVariantList m_pending;
    BulkInsert *m_before = nullptr;
};

} // namespace tt
