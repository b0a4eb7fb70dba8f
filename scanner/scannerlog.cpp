#include "scanner/scannerlog.h"

namespace tt {

Q_LOGGING_CATEGORY(lcScanner, "tt.scanner")

} // namespace tt
