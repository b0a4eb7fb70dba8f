#pragma once

#include <QFile>
#include <QString>
#include <QStringDecoder>

#include <memory>

#include "reports/rowsource.h"
#include "reports/tablelimits.h"

class QIODevice;

namespace tt {

// Streams CSV records (RFC 4180, plus what spreadsheets write): quoted fields with doubled
// quotes and embedded CR/LF, CRLF/LF/CR line ends, a comma, semicolon or tab delimiter (detected
// from the header line). The encoding is detected once: a UTF-8 or UTF-16 byte order mark,
// UTF-16 without BOM (NUL byte pattern), else UTF-8 when the first 64 KiB are valid UTF-8, else
// Latin-1. Blank lines are skipped. Memory stays bounded by one record and a 64 KiB buffer.
struct CsvReaderOptions
{
    TableLimits limits;
    bool restoreFormulas = true; // undo CsvWriter's formula neutralising
    QChar delimiter;             // null: detect
};

class CsvReader final : public RowSource
{
public:
    enum class Encoding { Utf8, Latin1, Utf16LE, Utf16BE };

    using Options = CsvReaderOptions;

    // Reads from device, which the caller keeps open and owns.
    CsvReader(QIODevice *device, Options options);
    explicit CsvReader(QIODevice *device) : CsvReader(device, Options{}) {}
    ~CsvReader() override;

    // Opens path; fails when it cannot be read or is larger than limits.maxFileBytes.
    static Result<std::unique_ptr<CsvReader>> open(const QString &path, Options options = {});

    Result<bool> next(QStringList &row) override;
    qint64 rowNumber() const override { return m_rowNumber; }
    double progress() const override;

    // Valid after the first next().
    Encoding encoding() const { return m_encoding; }
    bool hadByteOrderMark() const { return m_bom; }
    QChar delimiter() const { return m_delimiter; }

    static QString encodingName(Encoding encoding);

private:
    enum class Parse { Record, NeedMore, End };
    Result<void> start();
    Result<bool> readMore(); // false at end of input
    Result<Parse> parseRecord(QStringList &row);
    Result<bool> failWith(const QString &message);

    std::unique_ptr<QFile> m_file;
    QIODevice *m_device = nullptr;
    Options m_options;
    QStringDecoder m_decoder;
    QString m_text;
    qsizetype m_pos = 0;
    qint64 m_bytesRead = 0;
    qint64 m_totalBytes = -1;
    qint64 m_rowNumber = 0;
    qint64 m_dataRows = 0;
    Encoding m_encoding = Encoding::Utf8;
    QChar m_delimiter;
    bool m_bom = false;
    bool m_started = false;
    bool m_headerSeen = false;
    bool m_eof = false;
    bool m_failed = false;
    bool m_done = false;
};

} // namespace tt
