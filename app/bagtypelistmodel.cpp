#include "app/bagtypelistmodel.h"

#include "app/format.h"

#include <QBrush>

namespace tt {

void BagTypeListModel::setTypes(QList<BagType> types)
{
    beginResetModel();
    m_types = std::move(types);
    endResetModel();
}

const BagType *BagTypeListModel::typeAt(int row) const
{
    return row >= 0 && row < m_types.size() ? &m_types[row] : nullptr;
}

int BagTypeListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_types.size());
}

int BagTypeListModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant BagTypeListModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const BagType &t = m_types[index.row()];
    if (role == Qt::ForegroundRole && !t.active)
        return QBrush(QColor(0x75, 0x75, 0x75));
    if (role != Qt::DisplayRole)
        return {};
    const bool parent = t.role == BagRole::Parent;
    switch (Column(index.column())) {
    case Name:
        return t.name;
    case Role:
        return parent ? tr("parent") : tr("child");
    case Pattern:
        return t.pattern;
    case Capacity:
        return parent ? QVariant(t.capacity) : QVariant();
    case NominalWeight:
        return parent ? QVariant() : QVariant(formatKg(t.nominalWeightG));
    case ExpectedWeight:
        return parent ? QVariant(formatKg(t.expectedWeightG)) : QVariant();
    case State:
        return t.active ? tr("active") : tr("inactive");
    case ColumnCount:
        break;
    }
    return {};
}

QVariant BagTypeListModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (Column(section)) {
    case Name:
        return tr("Name");
    case Role:
        return tr("Role");
    case Pattern:
        return tr("Code pattern");
    case Capacity:
        return tr("Capacity");
    case NominalWeight:
        return tr("Nominal weight");
    case ExpectedWeight:
        return tr("Expected weight");
    case State:
        return tr("State");
    case ColumnCount:
        break;
    }
    return {};
}

} // namespace tt
