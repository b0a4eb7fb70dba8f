#include "app/arealistmodel.h"

#include <QBrush>

namespace tt {

void AreaListModel::setAreas(QList<AreaRow> areas)
{
    beginResetModel();
    m_areas = std::move(areas);
    endResetModel();
}

const AreaRow *AreaListModel::areaAt(int row) const
{
    return row >= 0 && row < m_areas.size() ? &m_areas[row] : nullptr;
}

int AreaListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_areas.size());
}

int AreaListModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant AreaListModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const AreaRow &a = m_areas[index.row()];
    if (role == Qt::ForegroundRole && !a.active)
        return QBrush(QColor(0x75, 0x75, 0x75));
    if (role != Qt::DisplayRole)
        return {};
    switch (Column(index.column())) {
    case Name:
        return a.name;
    case State:
        return a.active ? tr("active") : tr("inactive");
    case Users:
        return a.users;
    case Stations:
        return a.stations;
    case ColumnCount:
        break;
    }
    return {};
}

QVariant AreaListModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (Column(section)) {
    case Name:
        return tr("Area");
    case State:
        return tr("State");
    case Users:
        return tr("Users");
    case Stations:
        return tr("Stations");
    case ColumnCount:
        break;
    }
    return {};
}

} // namespace tt
