#include "reports/csvreader.h"

#include <QFileInfo>

#include "reports/formulaguard.h"

namespace tt {

namespace {
constexpr qint64 kChunk = 64 * 1024;
}

CsvReader::CsvReader(QIODevice *device, Options options) : m_device(device), m_options(options)
{
    if (!m_device->isSequential())
        m_totalBytes = m_device->size();
}

CsvReader::~CsvReader() = default;

Result<std::unique_ptr<CsvReader>> CsvReader::open(const QString &path, Options options)
{
    const QFileInfo info(path);
    if (!info.exists() || !info.isFile())
        return fail(Reason::InvalidInput, QStringLiteral("%1: no such file").arg(path));
    if (info.size() > options.limits.maxFileBytes)
        return fail(Reason::InvalidInput, QStringLiteral("%1 is %2 MB, more than the %3 MB limit")
                                              .arg(path).arg(info.size() / 1'000'000)
                                              .arg(options.limits.maxFileBytes / 1'000'000));
    auto file = std::make_unique<QFile>(path);
    if (!file->open(QIODevice::ReadOnly))
        return fail(Reason::InvalidInput, QStringLiteral("Cannot read %1: %2").arg(path, file->errorString()));
    auto r = std::make_unique<CsvReader>(file.get(), options);
    r->m_file = std::move(file);
    return r;
}

QString CsvReader::encodingName(Encoding e)
{
    switch (e) {
    case Encoding::Utf8: return QStringLiteral("UTF-8");
    case Encoding::Latin1: return QStringLiteral("Latin-1");
    case Encoding::Utf16LE: return QStringLiteral("UTF-16LE");
    case Encoding::Utf16BE: return QStringLiteral("UTF-16BE");
    }
    return {};
}

double CsvReader::progress() const
{
    if (m_done)
        return 1.0;
    if (m_totalBytes <= 0)
        return 0.0;
    return std::min(1.0, double(m_bytesRead) / double(m_totalBytes));
}

Result<bool> CsvReader::failWith(const QString &message)
{
    m_failed = true;
    return fail(Reason::InvalidInput, message);
}

Result<void> CsvReader::start()
{
    m_started = true;
    QByteArray head = m_device->read(kChunk);
    m_bytesRead += head.size();
    if (m_bytesRead > m_options.limits.maxFileBytes)
        return fail(Reason::InvalidInput, QStringLiteral("The file is larger than the limit"));
    m_eof = head.size() < kChunk && m_device->atEnd();

    auto bytes = [&](int i) { return static_cast<unsigned char>(head.at(i)); };
    qsizetype skip = 0;
    if (head.size() >= 4 && ((bytes(0) == 0xFF && bytes(1) == 0xFE && bytes(2) == 0 && bytes(3) == 0)
                             || (bytes(0) == 0 && bytes(1) == 0 && bytes(2) == 0xFE && bytes(3) == 0xFF)))
        return fail(Reason::InvalidInput, QStringLiteral("UTF-32 files are not supported; save as UTF-8"));
    if (head.size() >= 3 && bytes(0) == 0xEF && bytes(1) == 0xBB && bytes(2) == 0xBF) {
        m_encoding = Encoding::Utf8;
        m_bom = true;
        skip = 3;
    } else if (head.size() >= 2 && bytes(0) == 0xFF && bytes(1) == 0xFE) {
        m_encoding = Encoding::Utf16LE;
        m_bom = true;
        skip = 2;
    } else if (head.size() >= 2 && bytes(0) == 0xFE && bytes(1) == 0xFF) {
        m_encoding = Encoding::Utf16BE;
        m_bom = true;
        skip = 2;
    } else {
        // UTF-16 without BOM shows NUL bytes in every other position for Latin text.
        const qsizetype n = std::min<qsizetype>(head.size() & ~qsizetype(1), 4096);
        qsizetype evenNul = 0, oddNul = 0;
        for (qsizetype i = 0; i < n; i += 2) {
            evenNul += head.at(i) == 0;
            oddNul += head.at(i + 1) == 0;
        }
        const qsizetype pairs = n / 2;
        if (pairs > 0 && oddNul * 10 > pairs * 3 && evenNul * 10 < pairs)
            m_encoding = Encoding::Utf16LE;
        else if (pairs > 0 && evenNul * 10 > pairs * 3 && oddNul * 10 < pairs)
            m_encoding = Encoding::Utf16BE;
        else if (evenNul + oddNul > 0 || head.contains('\0'))
            return fail(Reason::InvalidInput, QStringLiteral("This is a binary file, not CSV text"));
        else {
            QStringDecoder probe(QStringConverter::Utf8);
            (void)QString(probe(head));
            m_encoding = probe.hasError() ? Encoding::Latin1 : Encoding::Utf8;
        }
    }
    switch (m_encoding) {
    case Encoding::Utf8: m_decoder = QStringDecoder(QStringConverter::Utf8); break;
    case Encoding::Latin1: m_decoder = QStringDecoder(QStringConverter::Latin1); break;
    case Encoding::Utf16LE: m_decoder = QStringDecoder(QStringConverter::Utf16LE); break;
    case Encoding::Utf16BE: m_decoder = QStringDecoder(QStringConverter::Utf16BE); break;
    }
    m_text = m_decoder(QByteArrayView(head).sliced(skip));
    if (m_decoder.hasError())
        return fail(Reason::InvalidInput, QStringLiteral("The file is not valid %1 text")
                                              .arg(encodingName(m_encoding)));
    if (m_text.contains(QChar(0)))
        return fail(Reason::InvalidInput, QStringLiteral("This is a binary file, not CSV text"));

    if (m_options.delimiter.isNull()) {
        qsizetype end = m_text.indexOf(u'\n');
        const QStringView first = QStringView(m_text).first(end < 0 ? m_text.size() : end);
        const qsizetype commas = first.count(u','), semis = first.count(u';'), tabs = first.count(u'\t');
        m_delimiter = (semis > commas && semis >= tabs) ? QChar(u';')
                      : (tabs > commas && tabs > semis) ? QChar(u'\t') : QChar(u',');
    } else {
        m_delimiter = m_options.delimiter;
    }
    return {};
}

Result<bool> CsvReader::readMore()
{
    if (m_eof)
        return false;
    const QByteArray chunk = m_device->read(kChunk);
    if (chunk.isEmpty()) {
        m_eof = true;
        return false;
    }
    m_bytesRead += chunk.size();
    if (m_bytesRead > m_options.limits.maxFileBytes)
        return failWith(QStringLiteral("The file is larger than the %1 MB limit")
                            .arg(m_options.limits.maxFileBytes / 1'000'000));
    if (m_pos > 0) {
        m_text.remove(0, m_pos);
        m_pos = 0;
    }
    const QString decoded = m_decoder(chunk);
    if (m_decoder.hasError())
        return failWith(QStringLiteral("Invalid %1 text near byte %2 (save the file as UTF-8)")
                            .arg(encodingName(m_encoding)).arg(m_bytesRead - chunk.size()));
    if (decoded.contains(QChar(0)))
        return failWith(QStringLiteral("This is a binary file, not CSV text"));
    m_text += decoded;
    return true;
}

Result<CsvReader::Parse> CsvReader::parseRecord(QStringList &row)
{
    row.clear();
    const QChar *text = m_text.constData();
    const qsizetype len = m_text.size();
    qsizetype pos = m_pos;
    if (pos >= len)
        return m_eof ? Parse::End : Parse::NeedMore;
    const qint64 recordNo = m_rowNumber + 1;
    auto tooLong = [&](qsizetype col) {
        return fail(Reason::InvalidInput,
                    QStringLiteral("Row %1, column %2: cell longer than %3 characters")
                        .arg(recordNo).arg(col + 1).arg(m_options.limits.maxCellChars));
    };
    const QChar delim = m_delimiter;
    while (true) {
        if (row.size() >= m_options.limits.maxColumns)
            return fail(Reason::InvalidInput, QStringLiteral("Row %1 has more than %2 columns")
                                                  .arg(recordNo).arg(m_options.limits.maxColumns));
        QString field;
        if (pos < len && text[pos] == u'"') {
            ++pos;
            while (true) {
                qsizetype q = pos;
                while (q < len && text[q] != u'"')
                    ++q;
                if (q >= len) {
                    if (!m_eof)
                        return Parse::NeedMore;
                    return fail(Reason::InvalidInput,
                                QStringLiteral("Row %1: a quoted field is not closed before the end of the file")
                                    .arg(recordNo));
                }
                field.append(text + pos, q - pos);
                if (q + 1 >= len && !m_eof)
                    return Parse::NeedMore; // cannot tell "" from a closing quote yet
                if (q + 1 < len && text[q + 1] == u'"') {
                    field.append(u'"');
                    pos = q + 2;
                    continue;
                }
                pos = q + 1;
                break;
            }
            if (pos < len && text[pos] != delim && text[pos] != u'\r' && text[pos] != u'\n')
                return fail(Reason::InvalidInput,
                            QStringLiteral("Row %1, column %2: unexpected text after a closing quote")
                                .arg(recordNo).arg(row.size() + 1));
        } else {
            qsizetype e = pos;
            while (e < len && text[e] != delim && text[e] != u'\n' && text[e] != u'\r')
                ++e;
            if (e >= len && !m_eof)
                return Parse::NeedMore;
            field = QString(text + pos, e - pos);
            pos = e;
        }
        if (field.size() > m_options.limits.maxCellChars)
            return tooLong(row.size());
        row.append(m_options.restoreFormulas ? restoreFormulaText(field) : field);
        if (pos >= len) // end of input ends the record
            break;
        if (text[pos] == delim) {
            ++pos;
            if (pos >= len && !m_eof)
                return Parse::NeedMore;
            if (pos >= len) { // trailing delimiter at the end of the file
                row.append(QString());
                break;
            }
            continue;
        }
        if (text[pos] == u'\r') {
            if (pos + 1 >= len && !m_eof)
                return Parse::NeedMore;
            ++pos;
            if (pos < len && text[pos] == u'\n')
                ++pos;
            break;
        }
        ++pos; // '\n'
        break;
    }
    m_pos = pos;
    return Parse::Record;
}

Result<bool> CsvReader::next(QStringList &row)
{
    if (m_failed || m_done)
        return m_failed ? fail(Reason::InvalidInput, QStringLiteral("The file could not be read"))
                        : Result<bool>(false);
    if (!m_started) {
        if (auto s = start(); !s) {
            m_failed = true;
            return std::unexpected(s.error());
        }
    }
    // Records a whole chunk cannot hold grow the buffer, up to a bound.
    const qsizetype maxPending = qsizetype(m_options.limits.maxCellChars) * 4 + 4 * kChunk;
    while (true) {
        auto parsed = parseRecord(row);
        if (!parsed) {
            m_failed = true;
            return std::unexpected(parsed.error());
        }
        if (*parsed == Parse::NeedMore) {
            if (m_text.size() - m_pos > maxPending)
                return failWith(QStringLiteral("Row %1 is too long (an unclosed quote?)").arg(m_rowNumber + 1));
            auto more = readMore();
            if (!more)
                return more;
            if (!*more && !m_eof)
                m_eof = true;
            continue;
        }
        if (*parsed == Parse::End) {
            m_done = true;
            return false;
        }
        ++m_rowNumber;
        if (row.size() == 1 && row.front().isEmpty())
            continue; // blank line
        if (!m_headerSeen)
            m_headerSeen = true;
        else if (++m_dataRows > m_options.limits.maxRows)
            return failWith(QStringLiteral("The file has more than %1 rows").arg(m_options.limits.maxRows));
        return true;
    }
}

} // namespace tt
