#pragma once

#include <QStringList>

#include "core/error.h"

namespace tt {

// Where table rows go (CSV, XLSX, result files), in bounded memory. The first row written is
// the header. finish() must be called to complete the file; a sink destroyed unfinished
// leaves an incomplete file.
class RowSink
{
public:
    virtual ~RowSink() = default;
    virtual Result<void> write(const QStringList &row) = 0;
    virtual Result<void> finish() = 0;
};

} // namespace tt
