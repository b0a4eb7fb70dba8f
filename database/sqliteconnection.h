#pragma once

#include <QSqlDatabase>
#include <QString>

#include "core/error.h"

namespace tt {

// PRAGMA application_id of a TraceTrack database ("TTtr").
constexpr quint32 kSqliteApplicationId = 0x54547472;

struct SqliteOpenOptions
{
    bool create = true;   // create the file when it does not exist
    bool readOnly = false;
};

// Opens a TraceTrack SQLite database as the named connection of the calling thread, after
// checking the file without writing to it: a file that is not SQLite, is damaged, or belongs to
// another program is refused with Reason::DatabaseError and left untouched. Then sets WAL,
// synchronous=FULL, foreign keys and a busy timeout. ":memory:" opens a private in-memory
// database.
Result<QSqlDatabase> openSqlite(const QString &path, const QString &connectionName,
                                const SqliteOpenOptions &options = {});

// Closes and removes the named connection (all QSqlQuery objects on it must be gone).
void closeDatabase(const QString &connectionName);

// The default embedded database of the desktop app: <AppDataLocation>/tracetrack.db.
QString defaultDatabasePath();

} // namespace tt
