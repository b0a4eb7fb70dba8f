#pragma once

#include <QString>

#include "core/error.h"

namespace tt {

class SqliteStore;

// The demo users' shared password (demo databases only; printed in the README).
inline QString demoPassword() { return QStringLiteral("Demo-Pass-2026"); }

// Fills a database without users with a small, realistic site: admin "admin", biller "priya",
// dispatchers "ravi" (Lucknow) and "anita" (Jaipur), filled and partly filled parents, an open and
// a completed bill, all through the ordinary commands so history, audit and statistics are real.
Result<void> loadDemoData(SqliteStore &store);

} // namespace tt
