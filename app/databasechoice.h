#pragma once

#include "core/error.h"
#include "database/pgconnection.h"

#include <QString>

class QSettings;

namespace tt {

// Which database this station works on, kept in the app's settings (QSettings: "database/…",
// "central/…", "station/…"): the embedded SQLite file, or a central PostgreSQL reached as the
// station role with a local SQLite cache. The first-run dialog writes it; --db overrides it for
// one run.
struct DatabaseChoice
{
    bool central = false;
    QString sqlitePath;      // embedded; empty: defaultDatabasePath()
    PgConnectionInfo server; // central, as the station role (password included)
    QString cachePath;       // central; empty: defaultCachePath()
    QString station;         // the station's name; empty: "desktop@HOST"
    QString area;            // the station's area (shown at the station)

    static DatabaseChoice load(const QSettings &settings);
    // Also makes a settings file readable by its owner only (it holds the role's password).
    void save(QSettings &settings) const;
    QString effectiveSqlitePath() const;
    QString effectiveCachePath() const;
    QString effectiveStation() const;
    // One line for people: "Embedded: PATH" or "Central: ROLE@HOST:PORT/DB, cache PATH".
    QString describe() const;
    // Whether commands queued under `current` (a central choice) still reach their server from
    // this choice: the same server, database and cache.
    bool keepsQueueOf(const DatabaseChoice &current) const;
};

// Whether two paths name the same file, existing or not (QFileInfo's == holds for any two
// missing files).
bool samePath(const QString &a, const QString &b);

// The central mode cache's default: cache.db next to the embedded database in the app's data
// directory.
QString defaultCachePath();

// Creates (or migrates) the central mode cache at path, and its directory; local disk only.
Result<void> prepareCache(const QString &path);

// What "Test connection" found.
struct ConnectionCheck
{
    int schemaVersion = 0;
    double latencyMs = 0;
};

// Connects as the given role, checks that the database is a migrated TraceTrack database of the
// schema this program needs and measures a round trip. Blocks for up to the connect timeout
// (5 s): call it off the GUI thread. The error's message says why in plain words (see
// explainConnectionError()).
Result<ConnectionCheck> checkCentralConnection(const PgConnectionInfo &info);

// The reason behind a connection failure in plain words: refused (nothing listens there),
// wrong user or password, no such database, not migrated, no answer; the server's text
// otherwise.
QString explainConnectionError(const PgConnectionInfo &info, const QString &detail);

} // namespace tt
