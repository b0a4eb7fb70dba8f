#pragma once

#include <QSqlDatabase>

#include "core/error.h"

namespace tt {

// RAII transaction: rolls back in the destructor unless commit() succeeded. SQLite
// transactions start with BEGIN IMMEDIATE so that writers queue on the busy timeout instead of
// failing on lock upgrade.
class TransactionGuard
{
public:
    enum class Mode { Deferred, Immediate };

    static Result<TransactionGuard> begin(QSqlDatabase db, Mode mode = Mode::Immediate);

    TransactionGuard(TransactionGuard &&other) noexcept;
    TransactionGuard &operator=(TransactionGuard &&) = delete;
    TransactionGuard(const TransactionGuard &) = delete;
    ~TransactionGuard();

    Result<void> commit();
    void rollback();

private:
    explicit TransactionGuard(QSqlDatabase db);
    QSqlDatabase m_db;
    bool m_open = false;
};

} // namespace tt
