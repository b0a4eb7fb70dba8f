#pragma once

#include <QHash>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QVariant>

#include <initializer_list>
#include <memory>

#include "core/error.h"

namespace tt {

// The rows of an executed cached query; finishes the query when it goes out of scope so that no
// statement stays open across a commit.
class Rows
{
public:
    explicit Rows(QSqlQuery *query) : m_query(query) {}
    Rows(Rows &&other) noexcept : m_query(std::exchange(other.m_query, nullptr)) {}
    Rows(const Rows &) = delete;
    Rows &operator=(const Rows &) = delete;
    Rows &operator=(Rows &&) = delete;
    ~Rows()
    {
        if (m_query)
            m_query->finish();
    }

    bool next() { return m_query->next(); }
    QVariant value(int column) const { return m_query->value(column); }
    QString text(int column) const { return m_query->value(column).toString(); }
    qint64 number(int column) const { return m_query->value(column).toLongLong(); }
    bool isNull(int column) const { return m_query->isNull(column); }
    int affected() const { return m_query->numRowsAffected(); }
    QVariant lastInsertId() const { return m_query->lastInsertId(); }

private:
    QSqlQuery *m_query;
};

// Prepared, forward-only statements of one connection, prepared once and reused (the SQL text is
// the key). Lives in the thread of its connection.
class StatementCache
{
public:
    explicit StatementCache(QSqlDatabase db);
    ~StatementCache();

    // Binds the values positionally (QVariant() is NULL), executes and returns the rows.
    Result<Rows> run(const QString &sql, std::initializer_list<QVariant> values, const QString &what);
    // The same with a list built at run time.
    Result<Rows> run(const QString &sql, const QVariantList &values, const QString &what);

    QSqlDatabase database() const { return m_db; }

private:
    QSqlQuery *prepared(const QString &sql, const QString &what, Error *error);

    QSqlDatabase m_db;
    QHash<QString, std::shared_ptr<QSqlQuery>> m_queries;
};

} // namespace tt
