#include "database/bulkinsert.h"

#include "database/statementcache.h"

namespace tt {

BulkInsert::BulkInsert(StatementCache &sql, QString head, int columns, int rowsPerStatement)
    : m_sql(sql)
    , m_head(std::move(head))
    , m_columns(columns)
    , m_rowsPerStatement(rowsPerStatement)
    , m_fullSql(sqlFor(rowsPerStatement))
{
    m_pending.reserve(qsizetype(columns) * rowsPerStatement);
}

Result<void> BulkInsert::add(std::initializer_list<QVariant> row)
{
    m_pending.append(row);
    if (m_pending.size() == qsizetype(m_columns) * m_rowsPerStatement)
        return flush();
    return {};
}

Result<void> BulkInsert::flush()
{
    if (m_pending.isEmpty())
        return {};
    if (m_before) {
        if (auto r = m_before->flush(); !r)
            return r;
    }
    const int rows = int(m_pending.size() / m_columns);
    auto r = m_sql.run(rows == m_rowsPerStatement ? m_fullSql : sqlFor(rows), m_pending, m_head);
    m_pending.clear();
    if (!r)
        return std::unexpected(r.error());
    return {};
}

QString BulkInsert::sqlFor(int rows) const
{
    QString one = QStringLiteral("(") + QStringLiteral("?,").repeated(m_columns);
    one.chop(1);
    one += QStringLiteral(")");
    QString s = m_head + QStringLiteral(" VALUES ");
    for (int i = 0; i < rows; ++i)
        s += (i ? QStringLiteral(",") : QString()) + one;
    return s;
}

} // namespace tt
