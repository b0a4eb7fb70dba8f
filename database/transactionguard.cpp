#include "database/transactionguard.h"

#include <QSqlDriver>
#include <QSqlQuery>

#include "database/sqlerror.h"

namespace tt {

TransactionGuard::TransactionGuard(QSqlDatabase db)
    : m_db(std::move(db))
    , m_open(true)
{
}

TransactionGuard::TransactionGuard(TransactionGuard &&other) noexcept
    : m_db(other.m_db)
    , m_open(std::exchange(other.m_open, false))
{
}

Result<TransactionGuard> TransactionGuard::begin(QSqlDatabase db, Mode mode)
{
    const bool sqlite = db.driverName() == u"QSQLITE";
    QSqlQuery q(db);
    const QString sql = sqlite && mode == Mode::Immediate ? QStringLiteral("BEGIN IMMEDIATE")
                                                           : QStringLiteral("BEGIN");
    if (!q.exec(sql))
        return std::unexpected(databaseError(QStringLiteral("starting a transaction"), q));
    return TransactionGuard(std::move(db));
}

TransactionGuard::~TransactionGuard()
{
    rollback();
}

Result<void> TransactionGuard::commit()
{
    if (!m_open)
        return fail(Reason::DatabaseError, QStringLiteral("Commit without an open transaction."));
    QSqlQuery q(m_db);
    if (!q.exec(QStringLiteral("COMMIT"))) {
        const Error e = databaseError(QStringLiteral("committing"), q);
        rollback();
        return std::unexpected(e);
    }
    m_open = false;
    return {};
}

void TransactionGuard::rollback()
{
    if (!m_open)
        return;
    m_open = false;
    QSqlQuery q(m_db);
    q.exec(QStringLiteral("ROLLBACK"));
}

} // namespace tt
