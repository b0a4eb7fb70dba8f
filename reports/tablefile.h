#pragma once

#include <QList>
#include <QString>

#include <memory>

#include "reports/rowsink.h"
#include "reports/rowsource.h"
#include "reports/tablelimits.h"

namespace tt {

// Opens table files by content and creates them by name: XLSX when the file starts with a zip
// signature (reading) or the name ends in ".xlsx" (writing), CSV otherwise.
class TableFile
{
public:
    enum class Format { Csv, Xlsx };

    static Format formatForName(const QString &path);

    static Result<std::unique_ptr<RowSource>> open(const QString &path, const TableLimits &limits = {});

    // integerColumns: XLSX columns written as numbers (ignored for CSV).
    static Result<std::unique_ptr<RowSink>> create(const QString &path, const QList<int> &integerColumns = {},
                                                   const QString &sheetName = QStringLiteral("Sheet1"));
};

} // namespace tt
