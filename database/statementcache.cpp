#include "database/statementcache.h"

#include <QLoggingCategory>
#include <QSqlDriver>

#include <sqlite3.h>

namespace tt {

Q_DECLARE_LOGGING_CATEGORY(lcDb)

namespace {

Error sqliteError(sqlite3 *db, const QString &what)
{
    const QString detail = QString::fromUtf8(sqlite3_errmsg(db));
    qCWarning(lcDb) << what << "failed:" << detail << sqlite3_extended_errcode(db);
    return Error{Reason::DatabaseError, QStringLiteral("Database error while %1: %2").arg(what, detail)};
}

int bind(sqlite3_stmt *stmt, int index, const QVariant &v)
{
    if (v.isNull())
        return sqlite3_bind_null(stmt, index);
    switch (v.typeId()) {
    case QMetaType::Bool:
    case QMetaType::Int:
    case QMetaType::UInt:
    case QMetaType::LongLong:
    case QMetaType::ULongLong:
    case QMetaType::Long:
        return sqlite3_bind_int64(stmt, index, v.toLongLong());
    case QMetaType::Double:
    case QMetaType::Float:
        return sqlite3_bind_double(stmt, index, v.toDouble());
    case QMetaType::QByteArray: {
        const QByteArray b = v.toByteArray();
        return sqlite3_bind_blob64(stmt, index, b.constData(), sqlite3_uint64(b.size()), SQLITE_TRANSIENT);
    }
    default: {
        const QByteArray utf8 = v.toString().toUtf8();
        return sqlite3_bind_text64(stmt, index, utf8.constData(), sqlite3_uint64(utf8.size()), SQLITE_TRANSIENT,
                                   SQLITE_UTF8);
    }
    }
}

} // namespace

Rows::Rows(Rows &&other) noexcept
    : m_db(other.m_db)
    , m_stmt(std::exchange(other.m_stmt, nullptr))
    , m_pending(other.m_pending)
    , m_started(other.m_started)
{
}

Rows::~Rows()
{
    if (m_stmt) {
        sqlite3_reset(m_stmt);
        sqlite3_clear_bindings(m_stmt);
    }
}

bool Rows::next()
{
    if (!m_stmt)
        return false;
    if (!m_started) {
        m_started = true;
        return m_pending;
    }
    if (!m_pending)
        return false;
    const int rc = sqlite3_step(m_stmt);
    if (rc == SQLITE_ROW)
        return true;
    m_pending = false;
    if (rc != SQLITE_DONE)
        qCWarning(lcDb) << "reading rows failed:" << sqlite3_errmsg(m_db);
    return false;
}

QVariant Rows::value(int column) const
{
    switch (sqlite3_column_type(m_stmt, column)) {
    case SQLITE_INTEGER:
        return QVariant(qint64(sqlite3_column_int64(m_stmt, column)));
    case SQLITE_FLOAT:
        return QVariant(sqlite3_column_double(m_stmt, column));
    case SQLITE_NULL:
        return QVariant();
    case SQLITE_BLOB:
        return QVariant(QByteArray(static_cast<const char *>(sqlite3_column_blob(m_stmt, column)),
                                   sqlite3_column_bytes(m_stmt, column)));
    default:
        return QVariant(text(column));
    }
}

QString Rows::text(int column) const
{
    const auto *p = reinterpret_cast<const char *>(sqlite3_column_text(m_stmt, column));
    return p ? QString::fromUtf8(p, sqlite3_column_bytes(m_stmt, column)) : QString();
}

qint64 Rows::number(int column) const
{
    return sqlite3_column_int64(m_stmt, column);
}

bool Rows::isNull(int column) const
{
    return sqlite3_column_type(m_stmt, column) == SQLITE_NULL;
}

int Rows::affected() const
{
    return sqlite3_changes(m_db);
}

QVariant Rows::lastInsertId() const
{
    return QVariant(qint64(sqlite3_last_insert_rowid(m_db)));
}

StatementCache::StatementCache(QSqlDatabase db)
    : m_db(std::move(db))
{
    const QVariant h = m_db.driver() ? m_db.driver()->handle() : QVariant();
    if (h.isValid() && qstrcmp(h.typeName(), "sqlite3*") == 0)
        m_handle = *static_cast<sqlite3 *const *>(h.constData());
}

StatementCache::~StatementCache()
{
    for (sqlite3_stmt *s : std::as_const(m_statements))
        sqlite3_finalize(s);
}

Result<Rows> StatementCache::run(const QString &sql, std::initializer_list<QVariant> values, const QString &what)
{
    return execute(sql, values.begin(), qsizetype(values.size()), what);
}

Result<Rows> StatementCache::run(const QString &sql, const QVariantList &values, const QString &what)
{
    return execute(sql, values.constData(), values.size(), what);
}

Result<Rows> StatementCache::execute(const QString &sql, const QVariant *values, qsizetype count, const QString &what)
{
    if (!m_handle)
        return fail(Reason::DatabaseError, QStringLiteral("Database error while %1: not an open SQLite connection.").arg(what));
    sqlite3_stmt *stmt = m_statements.value(sql, nullptr);
    if (!stmt) {
        const QByteArray utf8 = sql.toUtf8();
        if (sqlite3_prepare_v3(m_handle, utf8.constData(), int(utf8.size()), SQLITE_PREPARE_PERSISTENT, &stmt, nullptr)
            != SQLITE_OK)
            return std::unexpected(sqliteError(m_handle, what));
        m_statements.insert(sql, stmt);
    }
    if (sqlite3_bind_parameter_count(stmt) != count)
        return fail(Reason::DatabaseError, QStringLiteral("Database error while %1: %2 values for %3 parameters.")
                                               .arg(what)
                                               .arg(count)
                                               .arg(sqlite3_bind_parameter_count(stmt)));
    for (qsizetype i = 0; i < count; ++i) {
        if (bind(stmt, int(i + 1), values[i]) != SQLITE_OK) {
            const Error e = sqliteError(m_handle, what);
            sqlite3_clear_bindings(stmt);
            return std::unexpected(e);
        }
    }
    const int rc = sqlite3_step(stmt);
    if (rc != SQLITE_ROW && rc != SQLITE_DONE) {
        const Error e = sqliteError(m_handle, what);
        sqlite3_reset(stmt);
        sqlite3_clear_bindings(stmt);
        return std::unexpected(e);
    }
    return Rows(m_handle, stmt, rc == SQLITE_ROW);
}

} // namespace tt
