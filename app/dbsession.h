#pragma once

#include <QString>

#include <memory>

#include "core/command.h"
#include "core/station.h"
#include "database/sqlitestore.h"

namespace tt {

// What a database job sees: the lane's own store (its own named connection) and, on the command
// lane, the stations of the logged-in user. Created, used and destroyed in the lane's thread
// only; jobs must not keep references to it or touch widgets.
struct DbSession
{
    std::unique_ptr<SqliteStore> store;
    std::unique_ptr<Station> station;     // dispatch mode (command lane, after setActor)
    std::unique_ptr<Station> billStation; // bill editor: bill mode (command lane, after setActor)
    Actor actor;
    QString stationId;
};

} // namespace tt
