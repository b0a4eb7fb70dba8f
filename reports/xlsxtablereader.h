#pragma once

#include <QString>

#include <memory>

#include "reports/rowsource.h"
#include "reports/tablelimits.h"

namespace tt {

// Streams the rows of the first worksheet of an XLSX file: the zip is read with QuaZip and the
// sheet XML with QXmlStreamReader as it inflates, so memory holds one row plus the shared
// strings. Shared strings, inline strings, numbers (integers printed without ".0"), booleans
// (TRUE/FALSE) and formula results are read; missing cells are empty; rows are padded to the
// header's width. Guards (TableLimits): file size, entry count, declared and actual
// decompressed size, compression ratio (zip bombs), rows, columns, cell length; damaged,
// truncated or foreign zips and DTDs are refused with a clear Error.
struct XlsxTableReaderOptions
{
    TableLimits limits;
    bool restoreFormulas = true; // undo XlsxTableWriter's formula neutralising on text cells
};

class XlsxTableReader final : public RowSource
{
public:
    using Options = XlsxTableReaderOptions;

    ~XlsxTableReader() override;

    static Result<std::unique_ptr<XlsxTableReader>> open(const QString &path, Options options = {});

    Result<bool> next(QStringList &row) override;
    qint64 rowNumber() const override;
    double progress() const override;

    QString sheetName() const;

private:
    XlsxTableReader();
    struct Impl;
    std::unique_ptr<Impl> d;
};

} // namespace tt
