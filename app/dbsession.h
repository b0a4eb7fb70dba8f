#pragma once

#include "core/command.h"
#include "core/station.h"
#include "database/pgstore.h"
#include "database/sqlitestore.h"
#include "database/syncedstore.h"

#include <QString>

#include <memory>

namespace tt {

// What a database job sees: the lane's SQLite store (its own named connection), the store
// commands go to and, on the command lane, the stations of the logged-in user. Embedded, both
// are the SQLite database; in central mode the command lane holds a SyncedStore (commands) whose
// cache is `store`, and the query lane reads the cache through a connection of its own. Created,
// used and destroyed in the lane's thread only; jobs must not keep references to it or touch
// widgets.
struct DbSession
{
    SqliteStore *store = nullptr;          // reads (the embedded database or the cache)
    Store *commands = nullptr;             // commands: `store`, or `synced` in central mode
    std::unique_ptr<SqliteStore> ownStore; // owns `store` unless the SyncedStore does
    std::unique_ptr<SyncedStore> synced;   // central mode, command lane only
    std::unique_ptr<Station> station;      // dispatch mode (command lane, after setActor)
    std::unique_ptr<Station> billStation;  // bill editor: bill mode (command lane, after setActor)
    Actor actor;
    QString stationId;

    // Logs in on this lane: centrally (offline: the cache's verifier) in central mode, else
    // through the account service (lockout, audit, one-time code).
    Result<Actor> login(const QString &user, const QString &password, const QString &onStation,
                        const QString &code = {});

    // Central mode, command lane: work(PgStore &) on the central database (the logged-in
    // session) for what only it can do (users, one-time codes, the central lists). While it is
    // unreachable, or when the connection fails during work, a DatabaseError that says so and
    // nothing is changed. Embedded or on the query lane: that error too (never called there).
    template<typename Work> auto onCentral(Work work) -> decltype(work(std::declval<PgStore &>()));

private:
    static Error centralUnreachable(const QString &detail);
};

template<typename Work>
auto DbSession::onCentral(Work work) -> decltype(work(std::declval<PgStore &>()))
{
    PgStore *central = synced && synced->online() ? synced->central() : nullptr;
    if (!central)
        return std::unexpected(centralUnreachable({}));
    auto r = work(*central);
    if (!r && r.error().reason == Reason::DatabaseError)
        return std::unexpected(centralUnreachable(r.error().message));
    return r;
}

} // namespace tt
