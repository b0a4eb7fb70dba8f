#pragma once

#include <QByteArray>
#include <QFile>
#include <QString>

#include <memory>

#include "reports/rowsink.h"

class QIODevice;

namespace tt {

// RFC 4180 CSV in UTF-8: comma separated, CRLF line ends, fields quoted when they hold a comma,
// quote, CR, LF or edge spaces, quotes doubled. Cells are formula-neutralised (formulaguard.h)
// unless disabled. Writes through a 64 KiB buffer.
struct CsvWriterOptions
{
    bool neutralizeFormulas = true;
    bool byteOrderMark = false; // some spreadsheet programs need it to see UTF-8
};

class CsvWriter final : public RowSink
{
public:
    using Options = CsvWriterOptions;

    // Writes to device, which the caller keeps open and owns.
    CsvWriter(QIODevice *device, Options options);
    explicit CsvWriter(QIODevice *device) : CsvWriter(device, Options{}) {}
    ~CsvWriter() override;

    // Creates (truncates) the file at path.
    static Result<std::unique_ptr<CsvWriter>> create(const QString &path, Options options = {});

    Result<void> write(const QStringList &row) override;
    Result<void> finish() override; // flushes; closes the file if create() opened it

    static QString escapeField(const QString &field); // quoting only, no neutralising

private:
    Result<void> flush();

    std::unique_ptr<QFile> m_file;
    QIODevice *m_device = nullptr;
    Options m_options;
    QByteArray m_buffer;
    bool m_started = false;
};

} // namespace tt
