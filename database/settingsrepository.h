#pragma once

#include <QString>

#include <optional>

#include "core/error.h"

namespace tt {

class StatementCache;

// Key/value settings stored in the database (undo window, business time zone, …).
class SettingsRepository
{
public:
    explicit SettingsRepository(StatementCache &sql) : m_sql(sql) {}

    Result<std::optional<QString>> value(const QString &key);
    Result<qint64> number(const QString &key, qint64 fallback);
    Result<void> setValue(const QString &key, const QString &value);

private:
    StatementCache &m_sql;
};

} // namespace tt
