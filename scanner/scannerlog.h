#pragma once

#include <QLoggingCategory>

namespace tt {

// Logging category of the scanner module: "tt.scanner".
Q_DECLARE_LOGGING_CATEGORY(lcScanner)

} // namespace tt
