#pragma once

#include <QString>

namespace tt {

class SqliteStore;

// `tracetrack --screenshot-all DIR`: renders every main screen of a demo database to DIR as PNG
// (first-run, login, station as a dispatcher, bills, search, bag detail, dashboard, admin, lock
// screen) at 1366×768. The store is the start-up connection (GUI thread, dialogs only); the
// screens themselves read through their own DbClient. Returns the process exit code.
int writeScreenshots(SqliteStore &store, const QString &dir, const QString &stationId);

} // namespace tt
