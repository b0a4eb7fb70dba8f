#include "reports/reportslog.h"

Q_LOGGING_CATEGORY(ttReports, "tt.reports")
