#include "reports/tablefile.h"

#include <QFile>

#include "reports/csvreader.h"
#include "reports/csvwriter.h"
#include "reports/xlsxtablereader.h"
#include "reports/xlsxtablewriter.h"

namespace tt {

TableFile::Format TableFile::formatForName(const QString &path)
{
    return path.endsWith(QLatin1String(".xlsx"), Qt::CaseInsensitive) ? Format::Xlsx : Format::Csv;
}

Result<std::unique_ptr<RowSource>> TableFile::open(const QString &path, const TableLimits &limits)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return fail(Reason::InvalidInput, QStringLiteral("Cannot read %1: %2").arg(path, f.errorString()));
    const QByteArray magic = f.read(4);
    f.close();
    if (magic.startsWith("PK") || formatForName(path) == Format::Xlsx) {
        auto r = XlsxTableReader::open(path, {limits, true});
        if (!r)
            return std::unexpected(r.error());
        return std::unique_ptr<RowSource>(std::move(*r));
    }
    auto r = CsvReader::open(path, {limits, true, QChar()});
    if (!r)
        return std::unexpected(r.error());
    return std::unique_ptr<RowSource>(std::move(*r));
}

Result<std::unique_ptr<RowSink>> TableFile::create(const QString &path, const QList<int> &integerColumns,
                                                   const QString &sheetName)
{
    if (formatForName(path) == Format::Xlsx) {
        XlsxTableWriter::Options o;
        o.integerColumns = integerColumns;
        o.sheetName = sheetName;
        auto w = XlsxTableWriter::create(path, o);
        if (!w)
            return std::unexpected(w.error());
        return std::unique_ptr<RowSink>(std::move(*w));
    }
    auto w = CsvWriter::create(path);
    if (!w)
        return std::unexpected(w.error());
    return std::unique_ptr<RowSink>(std::move(*w));
}

} // namespace tt
