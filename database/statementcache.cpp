#include "database/statementcache.h"

#include "database/sqlerror.h"

namespace tt {

StatementCache::StatementCache(QSqlDatabase db)
    : m_db(std::move(db))
{
}

StatementCache::~StatementCache() = default;

QSqlQuery *StatementCache::prepared(const QString &sql, const QString &what, Error *error)
{
    auto it = m_queries.find(sql);
    if (it != m_queries.end())
        return it->get();
    auto query = std::make_shared<QSqlQuery>(m_db);
    query->setForwardOnly(true);
    if (!query->prepare(sql)) {
        *error = databaseError(what, *query);
        return nullptr;
    }
    m_queries.insert(sql, query);
    return query.get();
}

Result<Rows> StatementCache::run(const QString &sql, std::initializer_list<QVariant> values,
                                 const QString &what)
{
    return run(sql, QVariantList(values), what);
}

Result<Rows> StatementCache::run(const QString &sql, const QVariantList &values, const QString &what)
{
    Error error;
    QSqlQuery *q = prepared(sql, what, &error);
    if (!q)
        return std::unexpected(error);
    for (qsizetype i = 0; i < values.size(); ++i)
        q->bindValue(int(i), values.at(i));
    if (!q->exec()) {
        const Error e = databaseError(what, *q);
        q->finish();
        return std::unexpected(e);
    }
    return Rows(q);
}

} // namespace tt
