#pragma once

#include <QString>
#include <QTextStream>

#include "database/pgconnection.h"

namespace tt::bench {

// Passwords of the benchmark roles and the first admin ("admin").
inline const QString kBenchOwnerPassword = QStringLiteral("Bench-Owner-2024");
inline const QString kBenchStationPassword = QStringLiteral("Bench-Station-2024");
inline const QString kBenchAdminPassword = QStringLiteral("Bench-User-2024");

// A fresh central database `name` on the server of super (a superuser URL): the tt_owner and
// tt_station roles (created or given the bench passwords), the database dropped and created,
// migrated as the owner, and the first admin. Fills owner and station; false after printing
// why to out.
bool createCentralDatabase(const PgConnectionInfo &super, const QString &name, PgConnectionInfo &owner,
                           PgConnectionInfo &station, QTextStream &out);
// The owner's and the station's connections to the central database `name` created by
// createCentralDatabase (for a run that reuses it).
void centralConnections(const PgConnectionInfo &super, const QString &name, PgConnectionInfo &owner,
                        PgConnectionInfo &station);

} // namespace tt::bench
