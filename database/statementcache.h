#pragma once

#include <QByteArray>
#include <QHash>
#include <QSqlDatabase>
#include <QVariant>

#include <initializer_list>

#include "core/error.h"

struct sqlite3;
struct sqlite3_stmt;

namespace tt {

// The rows of an executed cached statement. Resets the statement when it goes out of scope, so
// no statement stays open across a commit. Valid while its StatementCache lives.
class Rows
{
public:
    Rows(sqlite3 *db, sqlite3_stmt *statement, bool hasRow) : m_db(db), m_stmt(statement), m_pending(hasRow) {}
    Rows(Rows &&other) noexcept;
    Rows(const Rows &) = delete;
    Rows &operator=(const Rows &) = delete;
    Rows &operator=(Rows &&) = delete;
    ~Rows();

    // Advances to the next row; false at the end (or on an error, which is logged).
    bool next();
    QVariant value(int column) const;
    QString text(int column) const;
    qint64 number(int column) const;
    bool isNull(int column) const;
    // Rows changed by the last INSERT/UPDATE/DELETE, and the rowid of the last INSERT.
    int affected() const;
    QVariant lastInsertId() const;

private:
    sqlite3 *m_db;
    sqlite3_stmt *m_stmt;
    bool m_pending; // the first row was fetched by exec and not yet consumed
    bool m_started = false;
};

// Prepared statements of one SQLite connection, prepared once (keyed by SQL text) and reused,
// on the native SQLite API of the QSqlDatabase's own handle (QSqlQuery costs several times
// more per bound value). Lives in the thread of its connection.
class StatementCache
{
public:
    explicit StatementCache(QSqlDatabase db);
    ~StatementCache();
    StatementCache(const StatementCache &) = delete;
    StatementCache &operator=(const StatementCache &) = delete;

    // Binds the values positionally (QVariant() is NULL), executes and returns the rows.
    Result<Rows> run(const QString &sql, std::initializer_list<QVariant> values, const QString &what);
    // The same with a list built at run time.
    Result<Rows> run(const QString &sql, const QVariantList &values, const QString &what);

    QSqlDatabase database() const { return m_db; }
    sqlite3 *handle() const { return m_handle; }

private:
    Result<Rows> execute(const QString &sql, const QVariant *values, qsizetype count, const QString &what);

    QSqlDatabase m_db;
    sqlite3 *m_handle = nullptr;
    QHash<QString, sqlite3_stmt *> m_statements;
};

} // namespace tt
