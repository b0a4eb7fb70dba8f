#pragma once

#include <QSize>
#include <QString>

namespace tt {

class SqliteStore;

// `tracetrack --screenshot-all DIR`: renders every main screen of a demo database to DIR as PNG
// (first-run, login, station as a dispatcher, bills, search, bag detail, dashboard, admin, lock
// screen, and the station in large type) at `size` (1366×768 unless --screenshot-size WxH), in
// the current language: file names get "-hi" in Hindi (station-hi.png). The store is the start-up
// connection (GUI thread, dialogs only); the screens themselves read through their own DbClient.
// Returns the process exit code.
int writeScreenshots(SqliteStore &store, const QString &dir, const QString &stationId, QSize size = {1366, 768});

} // namespace tt
