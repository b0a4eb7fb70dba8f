#include "database/settingsrepository.h"

#include "database/historyrepository.h"
#include "database/statementcache.h"
#include "database/transactionguard.h"

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

Result<int> SettingsRepository::change(const Actor &actor, const QString &station, const QDateTime &at,
                                       const SettingsChange &change)
{
    if (!isAllowed(actor.role, Permission::Administer))
        return fail(Reason::PermissionDenied,
                    QStringLiteral("%1 (%2) may not change settings.").arg(actor.user, roleName(actor.role)));
    auto tx = TransactionGuard::begin(m_sql.database());
    if (!tx)
        return std::unexpected(tx.error());
    HistoryRepository history(m_sql);
    const auto record = [&](const QString &action, const QString &entity, const QString &id, const QString &before,
                            const QString &after) {
        return history.audit(AuditRecord{at, actor.user, station, action, entity, id,
                                         {{QStringLiteral("value"), before}}, {{QStringLiteral("value"), after}}});
    };
    int changed = 0;
    for (auto it = change.database.cbegin(); it != change.database.cend(); ++it) {
        const auto old = value(it.key());
        if (!old)
            return std::unexpected(old.error());
        if (*old == it.value())
            continue;
        if (auto r = setValue(it.key(), it.value()); !r)
            return std::unexpected(r.error());
        if (auto r = record(QStringLiteral("setting.update"), QStringLiteral("setting"), it.key(),
                            old->value_or(QString()), it.value());
            !r)
            return std::unexpected(r.error());
        ++changed;
    }
    for (auto it = change.station.cbegin(); it != change.station.cend(); ++it) {
        if (it->first == it->second)
            continue;
        if (auto r = record(QStringLiteral("station_setting.update"), QStringLiteral("station_setting"),
                            station + QLatin1Char('/') + it.key(), it->first, it->second);
            !r)
            return std::unexpected(r.error());
        ++changed;
    }
    if (auto r = tx->commit(); !r)
        return std::unexpected(r.error());
    return changed;
}

} // namespace tt
