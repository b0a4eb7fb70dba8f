#pragma once

#include <QList>
#include <QString>

#include <memory>

#include "reports/rowsink.h"

namespace tt {

// One worksheet of rows as XLSX with libxlsxwriter in constant-memory mode: each row goes to a
// temporary file as it is written, so memory stays flat for a million rows. The first row is a
// bold, frozen header. Cells of integer columns are written as numbers when they hold an integer
// of at most 15 digits; everything else is a text cell, formula-neutralised (formulaguard.h).
struct XlsxTableWriterOptions
{
    QString sheetName = QStringLiteral("Sheet1");
    QList<int> integerColumns; // 0-based columns written as numbers
    bool neutralizeFormulas = true;
};

class XlsxTableWriter final : public RowSink
{
public:
    using Options = XlsxTableWriterOptions;

    ~XlsxTableWriter() override;

    // Starts the workbook at path (written by finish()).
    static Result<std::unique_ptr<XlsxTableWriter>> create(const QString &path, Options options = {});

    // Fails past 1 048 576 rows, 16 384 columns or on cells over 32 767 characters.
    Result<void> write(const QStringList &row) override;
    Result<void> finish() override;

private:
    XlsxTableWriter() = default;
    struct Impl;
    std::unique_ptr<Impl> d;
};

} // namespace tt
