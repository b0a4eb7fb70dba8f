#pragma once

#include <QStringList>

#include "core/error.h"

namespace tt {

// A stream of table rows (CSV records, spreadsheet rows) read in bounded memory. The first row
// a file yields is its header. Not thread-safe; use from one thread.
class RowSource
{
public:
    virtual ~RowSource() = default;

    // Reads the next row into row. Returns false at the end; an Error when the input is
    // malformed or breaks a TableLimits guard, after which the source stays finished.
    virtual Result<bool> next(QStringList &row) = 0;

    // 1-based number of the row last returned as the user sees it (spreadsheet row, CSV record
    // counted from the header = 1).
    virtual qint64 rowNumber() const = 0;

    // Fraction of the input consumed, 0..1.
    virtual double progress() const = 0;
};

} // namespace tt
