#include "reports/xlsxtablewriter.h"

#include <QDir>
#include <QFile>

#include <xlsxwriter.h>

#include "reports/formulaguard.h"
#include "reports/reportslog.h"

namespace tt {

namespace {
constexpr qsizetype kMaxXlsxChars = 32767; // Excel cell text limit
}

struct XlsxTableWriter::Impl
{
    QString path;
    Options options;
    QByteArray pathBytes;
    QByteArray tmpDir;
    lxw_workbook *workbook = nullptr;
    lxw_worksheet *sheet = nullptr;
    lxw_format *bold = nullptr;
    lxw_row_t row = 0;
    std::vector<bool> integer;
};

XlsxTableWriter::~XlsxTableWriter()
{
    // Never finished: close to release the temporary files, and drop the partial output.
    if (d && d->workbook) {
        workbook_close(d->workbook);
        d->workbook = nullptr;
        QFile::remove(d->path);
    }
}

Result<std::unique_ptr<XlsxTableWriter>> XlsxTableWriter::create(const QString &path, Options options)
{
    std::unique_ptr<XlsxTableWriter> w(new XlsxTableWriter);
    w->d = std::make_unique<Impl>();
    Impl &d = *w->d;
    d.path = path;
    d.options = options;
    d.pathBytes = QFile::encodeName(path);
    d.tmpDir = QFile::encodeName(QDir::tempPath());
    lxw_workbook_options opts{};
    opts.constant_memory = LXW_TRUE;
    opts.tmpdir = d.tmpDir.data();
    opts.use_zip64 = LXW_TRUE;
    d.workbook = workbook_new_opt(d.pathBytes.constData(), &opts);
    if (!d.workbook)
        return fail(Reason::InvalidInput, QStringLiteral("Cannot create %1").arg(path));
    const QByteArray name = options.sheetName.left(31).toUtf8();
    d.sheet = workbook_add_worksheet(d.workbook, name.isEmpty() ? nullptr : name.constData());
    if (!d.sheet)
        return fail(Reason::InvalidInput, QStringLiteral("Invalid sheet name %1").arg(options.sheetName));
    d.bold = workbook_add_format(d.workbook);
    format_set_bold(d.bold);
    worksheet_freeze_panes(d.sheet, 1, 0);
    for (int c : options.integerColumns) {
        if (c >= 0 && c < 16384) {
            if (size_t(c) >= d.integer.size())
                d.integer.resize(size_t(c) + 1, false);
            d.integer[size_t(c)] = true;
        }
    }
    return w;
}

Result<void> XlsxTableWriter::write(const QStringList &row)
{
    Impl &x = *d;
    if (!x.workbook)
        return fail(Reason::InvalidInput, QStringLiteral("The workbook is already finished"));
    if (x.row >= LXW_ROW_MAX)
        return fail(Reason::InvalidInput,
                    QStringLiteral("XLSX holds at most %1 rows per sheet; use CSV").arg(LXW_ROW_MAX));
    if (row.size() > LXW_COL_MAX)
        return fail(Reason::InvalidInput, QStringLiteral("Too many columns for XLSX"));
    for (qsizetype c = 0; c < row.size(); ++c) {
        const QString &cell = row.at(c);
        if (cell.isEmpty())
            continue;
        const auto col = lxw_col_t(c);
        lxw_error err = LXW_NO_ERROR;
        bool numeric = false;
        if (x.row > 0 && size_t(c) < x.integer.size() && x.integer[size_t(c)] && cell.size() <= 16) {
            bool ok = false;
            const qint64 v = cell.toLongLong(&ok);
            // Only canonical integers, so the round trip gives back the same text.
            if (ok && std::llabs(v) < 1'000'000'000'000'000LL && QString::number(v) == cell) {
                err = worksheet_write_number(x.sheet, x.row, col, double(v), nullptr);
                numeric = true;
            }
        }
        if (!numeric) {
            const QString text = x.options.neutralizeFormulas ? neutralizeFormula(cell) : cell;
            if (text.size() > kMaxXlsxChars)
                return fail(Reason::InvalidInput, QStringLiteral("Row %1, column %2: a cell over %3 characters does not fit XLSX")
                                                      .arg(x.row + 1).arg(c + 1).arg(kMaxXlsxChars));
            const QByteArray utf8 = text.toUtf8();
            err = worksheet_write_string(x.sheet, x.row, col, utf8.constData(), x.row == 0 ? x.bold : nullptr);
        }
        if (err != LXW_NO_ERROR)
            return fail(Reason::InvalidInput, QStringLiteral("Row %1, column %2: %3")
                                                  .arg(x.row + 1).arg(c + 1)
                                                  .arg(QString::fromUtf8(lxw_strerror(err))));
    }
    ++x.row;
    return {};
}

Result<void> XlsxTableWriter::finish()
{
    if (!d->workbook)
        return {};
    const lxw_error err = workbook_close(d->workbook);
    d->workbook = nullptr;
    if (err != LXW_NO_ERROR) {
        qCWarning(ttReports) << "xlsx" << d->path << lxw_strerror(err);
        return fail(Reason::InvalidInput, QStringLiteral("Cannot write %1: %2")
                                              .arg(d->path, QString::fromUtf8(lxw_strerror(err))));
    }
    return {};
}

} // namespace tt
