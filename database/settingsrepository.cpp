#include "database/settingsrepository.h"

#include "database/statementcache.h"

namespace tt {

Result<std::optional<QString>> SettingsRepository::value(const QString &key)
{
    auto r = m_sql.run(QStringLiteral("SELECT value FROM settings WHERE key = ?"), {key},
                       QStringLiteral("reading setting %1").arg(key));
    if (!r)
        return std::unexpected(r.error());
    if (!r->next())
        return std::optional<QString>();
    return std::optional<QString>(r->text(0));
}

Result<qint64> SettingsRepository::number(const QString &key, qint64 fallback)
{
    const auto v = value(key);
    if (!v)
        return std::unexpected(v.error());
    bool ok = false;
    const qint64 n = v->value_or(QString()).toLongLong(&ok);
    return ok ? n : fallback;
}

Result<void> SettingsRepository::setValue(const QString &key, const QString &value)
{
    auto r = m_sql.run(QStringLiteral("INSERT INTO settings(key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE "
                                      "SET value = excluded.value"),
                       {key, value}, QStringLiteral("saving setting %1").arg(key));
    if (!r)
        return std::unexpected(r.error());
    return {};
}

} // namespace tt
