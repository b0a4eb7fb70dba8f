#pragma once

#include <QDateTime>
#include <QMap>
#include <QString>

#include <optional>
#include <utility>

#include "core/command.h"
#include "core/error.h"

namespace tt {

class StatementCache;

// What an admin saves on the settings page in one go.
struct SettingsChange
{
    QMap<QString, QString> database;                    // key → new value, stored in table settings
    QMap<QString, std::pair<QString, QString>> station; // key → (before, after) of the station's own
                                                        // settings (QSettings), only recorded here
};

// Key/value settings stored in the database (undo window, business time zone, …).
class SettingsRepository
{
public:
    explicit SettingsRepository(StatementCache &sql) : m_sql(sql) {}

    Result<std::optional<QString>> value(const QString &key);
    Result<qint64> number(const QString &key, qint64 fallback);
    Result<void> setValue(const QString &key, const QString &value);

    // An admin's change (BRIEF §3.6), in one transaction of its own: stores the database values
    // that differ and writes one audit record with before and after for each changed key,
    // "setting.update" (entity "setting") or "station_setting.update" (entity "station_setting",
    // id STATION/KEY). Returns how many keys changed; PermissionDenied for a non-admin, and then
    // nothing is written. The caller stores the station's settings only after this succeeded.
    Result<int> change(const Actor &actor, const QString &station, const QDateTime &at, const SettingsChange &change);

private:
    StatementCache &m_sql;
};

} // namespace tt
