#include "reports/csvwriter.h"

#include "reports/formulaguard.h"

namespace tt {

namespace {
constexpr qsizetype kFlushBytes = 64 * 1024;
}

CsvWriter::CsvWriter(QIODevice *device, Options options) : m_device(device), m_options(options)
{
    m_buffer.reserve(kFlushBytes + 4096);
}

CsvWriter::~CsvWriter() = default;

Result<std::unique_ptr<CsvWriter>> CsvWriter::create(const QString &path, Options options)
{
    auto file = std::make_unique<QFile>(path);
    if (!file->open(QIODevice::WriteOnly | QIODevice::Truncate))
        return fail(Reason::InvalidInput,
                    QStringLiteral("Cannot write %1: %2").arg(path, file->errorString()));
    auto w = std::make_unique<CsvWriter>(file.get(), options);
    w->m_file = std::move(file);
    return w;
}

QString CsvWriter::escapeField(const QString &field)
{
    bool quote = false;
    for (const QChar c : field) {
        if (c == u',' || c == u'"' || c == u'\n' || c == u'\r') {
            quote = true;
            break;
        }
    }
    if (!field.isEmpty() && (field.front() == u' ' || field.back() == u' '))
        quote = true;
    if (!quote)
        return field;
    QString out;
    out.reserve(field.size() + 2);
    out += u'"';
    for (const QChar c : field) {
        if (c == u'"')
            out += u'"';
        out += c;
    }
    out += u'"';
    return out;
}

Result<void> CsvWriter::write(const QStringList &row)
{
    if (!m_started) {
        m_started = true;
        if (m_options.byteOrderMark)
            m_buffer.append("\xEF\xBB\xBF");
    }
    for (qsizetype i = 0; i < row.size(); ++i) {
        if (i > 0)
            m_buffer.append(',');
        const QString &cell = row.at(i);
        m_buffer.append(escapeField(m_options.neutralizeFormulas ? neutralizeFormula(cell) : cell).toUtf8());
    }
    m_buffer.append("\r\n");
    if (m_buffer.size() >= kFlushBytes)
        return flush();
    return {};
}

Result<void> CsvWriter::flush()
{
    if (m_buffer.isEmpty())
        return {};
    if (m_device->write(m_buffer) != m_buffer.size())
        return fail(Reason::InvalidInput, QStringLiteral("Cannot write the CSV file: %1")
                                              .arg(m_device->errorString()));
    m_buffer.clear();
    return {};
}

Result<void> CsvWriter::finish()
{
    if (!m_started && m_options.byteOrderMark) {
        m_started = true;
        m_buffer.append("\xEF\xBB\xBF");
    }
    if (auto r = flush(); !r)
        return r;
    if (m_file) {
        if (!m_file->flush())
            return fail(Reason::InvalidInput, QStringLiteral("Cannot write %1: %2")
                                                  .arg(m_file->fileName(), m_file->errorString()));
        m_file->close();
    }
    return {};
}

} // namespace tt
