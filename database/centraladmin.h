#pragma once

#include "core/error.h"
#include "database/adminrepository.h"

#include <QList>
#include <QString>

namespace tt {

class PgStore;

// The admin data of the central database as the CLI and the admin tabs list it (migration
// 007: tt_area_list, tt_station_list), and a user's dispatch area (tt_set_user_area). Changes
// to bag types, areas and stations are commands (PgStore::execute).
class CentralAdmin
{
public:
    explicit CentralAdmin(PgStore &central)
        : m_central(central)
    {}

    Result<QList<AreaRow>> areas();
    Result<QList<StationRow>> stations();
    // An empty area clears it. Returns the server's message.
    Result<QString> setUserArea(const QString &user, const QString &area);

private:
    PgStore &m_central;
};

} // namespace tt
