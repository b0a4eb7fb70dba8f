#include "app/billlinemodel.h"

#include "app/format.h"

namespace tt {

void BillLineModel::setLines(QList<BillLine> lines)
{
    beginResetModel();
    m_lines = std::move(lines);
    endResetModel();
}

int BillLineModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_lines.size());
}

int BillLineModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant BillLineModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const BillLine &l = m_lines[index.row()];
    if (role == ParentCodeRole)
        return l.parentCode;
    if (role == Qt::TextAlignmentRole && index.column() >= Children && index.column() <= Variance)
        return int(Qt::AlignRight | Qt::AlignVCenter);
    if (role != Qt::DisplayRole)
        return {};
    switch (Column(index.column())) {
    case Parent:
        return l.parentCode;
    case Children:
        return QStringLiteral("%1/%2").arg(l.childCount).arg(l.capacity);
    case Actual:
        return formatKg(l.actualWeightG);
    case Expected:
        return formatKg(l.expectedWeightG);
    case Variance:
        return formatVariance(l.actualWeightG, l.expectedWeightG);
    case Added:
        return formatTime(l.addedAt);
    case AddedBy:
        return l.addedBy;
    case ColumnCount:
        break;
    }
    return {};
}

QVariant BillLineModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (Column(section)) {
    case Parent:
        return tr("Parent bag");
    case Children:
        return tr("Children");
    case Actual:
        return tr("Actual");
    case Expected:
        return tr("Expected");
    case Variance:
        return tr("Variance");
    case Added:
        return tr("Added");
    case AddedBy:
        return tr("By");
    case ColumnCount:
        break;
    }
    return {};
}

} // namespace tt
