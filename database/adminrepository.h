#pragma once

#include "core/bagtype.h"
#include "core/error.h"

#include <QDateTime>
#include <QList>
#include <QString>

#include <optional>

namespace tt {

class StatementCache;

// A row of table areas with how many users and stations refer to it.
struct AreaRow
{
    qint64 id = 0;
    QString name;
    bool active = true;
    int users = 0;
    int stations = 0;
};

// A row of table stations.
struct StationRow
{
    QString id;
    QString area; // empty when none
    bool active = true;
    QDateTime createdAt;
    std::optional<QDateTime> lastSeen;
};

// The data admins edit (BRIEF §3.5): bag types, dispatch areas and stations. Plain reads and
// writes; the rules and the audit are the command handlers' (database/admincommands).
class AdminRepository
{
public:
    explicit AdminRepository(StatementCache &sql)
        : m_sql(sql)
    {}

    // Every type, active or not, in id order.
    Result<QList<BagType>> bagTypes();
    Result<qint64> insertBagType(const BagType &type);
    Result<void> updateBagType(const BagType &type);
    Result<void> removeBagType(qint64 id);
    Result<qint64> bagsOfType(qint64 id);

    // Every area in name order.
    Result<QList<AreaRow>> areas();
    Result<std::optional<AreaRow>> findArea(const QString &name);
    Result<qint64> insertArea(const QString &name);
    Result<void> updateArea(const AreaRow &area);
    Result<void> removeArea(qint64 id);

    // Every registered station in id order.
    Result<QList<StationRow>> stations();
    Result<std::optional<StationRow>> findStation(const QString &id);
    Result<void> insertStation(const QString &id, qint64 areaId, const QDateTime &at);
    Result<void> updateStation(const QString &id, qint64 areaId, bool active);

private:
    Result<QList<AreaRow>> readAreas(const QString &where, const QVariantList &values);
    Result<QList<StationRow>> readStations(const QString &where, const QVariantList &values);

    StatementCache &m_sql;
};

} // namespace tt
