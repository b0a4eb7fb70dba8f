#pragma once

#include <QLoggingCategory>

// The logging category of the reports module: "tt.reports".
Q_DECLARE_LOGGING_CATEGORY(ttReports)
