#include "scanner/scansource.h"

namespace tt {

ScanSource::~ScanSource() = default;

} // namespace tt
