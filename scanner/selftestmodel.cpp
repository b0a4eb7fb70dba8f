#include "scanner/selftestmodel.h"

#include "core/scaninterpreter.h"
#include "core/reason.h"

namespace tt {

namespace {

QString eventName(TraceEntry::Kind kind)
{
    switch (kind) {
    case TraceEntry::Kind::Bytes: return QStringLiteral("bytes");
    case TraceEntry::Kind::Key: return QStringLiteral("key");
    case TraceEntry::Kind::Frame: return QStringLiteral("frame");
    case TraceEntry::Kind::Scan: return QStringLiteral("scan");
    case TraceEntry::Kind::Rejected: return QStringLiteral("rejected");
    case TraceEntry::Kind::Debounced: return QStringLiteral("debounced");
    case TraceEntry::Kind::Status: return QStringLiteral("status");
    }
    return {};
}

} // namespace

SelfTestModel::SelfTestModel(QObject *parent)
    : QAbstractTableModel(parent)
{
}

QString SelfTestModel::printableBytes(const QByteArray &bytes)
{
    QString out;
    for (const char ch : bytes) {
        const auto c = static_cast<unsigned char>(ch);
        if (c == '\r')
            out += QStringLiteral("<CR>");
        else if (c == '\n')
            out += QStringLiteral("<LF>");
        else if (c == '\t')
            out += QStringLiteral("<TAB>");
        else if (c == 0x1D)
            out += QStringLiteral("<GS>");
        else if (c >= 0x20 && c < 0x7F)
            out += QChar(char16_t(c));
        else
            out += QStringLiteral("<0x%1>").arg(int(c), 2, 16, QLatin1Char('0'));
    }
    return out;
}

QString SelfTestModel::interpretationOf(const QString &text)
{
    const InterpretedScan s = interpretScan(text);
    QString out;
    switch (s.kind) {
    case InterpretedScan::Kind::Invalid:
        return QStringLiteral("invalid_code: ") + s.error.message;
    case InterpretedScan::Kind::Command:
        out = QStringLiteral("command %1").arg(s.shown);
        break;
    case InterpretedScan::Kind::BagCode:
        out = QStringLiteral("bag code %1").arg(s.code);
        break;
    }
    if (!s.symbology.isEmpty())
        out += QStringLiteral(", symbology %1").arg(s.symbology);
    if (s.gs1)
        out += QStringLiteral(", GS1 %1").arg(s.gs1Text);
    if (s.measuredWeightG)
        out += QStringLiteral(", weight %1 g").arg(*s.measuredWeightG);
    return out;
}

void SelfTestModel::append(const TraceEntry &entry)
{
    SelfTestRow row;
    row.steadyMs = entry.steadyMs;
    if (m_firstMs < 0)
        m_firstMs = entry.steadyMs;
    row.sinceStartMs = entry.steadyMs - m_firstMs;
    row.sincePreviousMs = m_previousMs < 0 ? 0 : entry.steadyMs - m_previousMs;
    m_previousMs = entry.steadyMs;
    row.source = entry.source;
    row.event = eventName(entry.kind);
    row.data = printableBytes(entry.bytes);
    row.hex = QString::fromLatin1(entry.bytes.toHex(' '));
    row.interpretation = entry.kind == TraceEntry::Kind::Scan ? interpretationOf(QString::fromUtf8(entry.bytes))
                                                              : entry.note;

    if (int(m_rows.size()) >= m_maxRows) {
        const int excess = int(m_rows.size()) - m_maxRows + 1;
        beginRemoveRows({}, 0, excess - 1);
        m_rows.erase(m_rows.begin(), m_rows.begin() + excess);
        endRemoveRows();
    }
    const int at = int(m_rows.size());
    beginInsertRows({}, at, at);
    m_rows.push_back(std::move(row));
    endInsertRows();
}

void SelfTestModel::clear()
{
    beginResetModel();
    m_rows.clear();
    m_firstMs = -1;
    m_previousMs = -1;
    endResetModel();
}

void SelfTestModel::setMaxRows(int rows)
{
    m_maxRows = qMax(1, rows);
    if (int(m_rows.size()) > m_maxRows) {
        const int excess = int(m_rows.size()) - m_maxRows;
        beginRemoveRows({}, 0, excess - 1);
        m_rows.erase(m_rows.begin(), m_rows.begin() + excess);
        endRemoveRows();
    }
}

int SelfTestModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int SelfTestModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant SelfTestModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const SelfTestRow &row = m_rows[size_t(index.row())];
    if (role == HexRole)
        return row.hex;
    if (role == SteadyMsRole)
        return row.steadyMs;
    if (role == Qt::ToolTipRole && index.column() == DataColumn)
        return row.hex;
    if (role != Qt::DisplayRole)
        return {};
    switch (index.column()) {
    case TimeColumn: return QStringLiteral("%1.%2 s").arg(row.sinceStartMs / 1000).arg(row.sinceStartMs % 1000, 3, 10, QLatin1Char('0'));
    case DeltaColumn: return QStringLiteral("+%1 ms").arg(row.sincePreviousMs);
    case SourceColumn: return row.source;
    case EventColumn: return row.event;
    case DataColumn: return row.data;
    case InterpretationColumn: return row.interpretation;
    default: return {};
    }
}

QVariant SelfTestModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case TimeColumn: return tr("Time");
    case DeltaColumn: return tr("Δ");
    case SourceColumn: return tr("Source");
    case EventColumn: return tr("Event");
    case DataColumn: return tr("Data");
    case InterpretationColumn: return tr("Interpretation");
    default: return {};
    }
}

} // namespace tt
