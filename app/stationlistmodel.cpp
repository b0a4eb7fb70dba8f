#include "app/stationlistmodel.h"

#include "app/format.h"

#include <QBrush>

namespace tt {

void StationListModel::setStations(QList<StationRow> stations)
{
    beginResetModel();
    m_stations = std::move(stations);
    endResetModel();
}

const StationRow *StationListModel::stationAt(int row) const
{
    return row >= 0 && row < m_stations.size() ? &m_stations[row] : nullptr;
}

int StationListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_stations.size());
}

int StationListModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant StationListModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const StationRow &s = m_stations[index.row()];
    if (role == Qt::ForegroundRole && !s.active)
        return QBrush(QColor(0x75, 0x75, 0x75));
    if (role != Qt::DisplayRole)
        return {};
    switch (Column(index.column())) {
    case Station:
        return s.id;
    case Area:
        return s.area;
    case State:
        return s.active ? tr("active") : tr("inactive");
    case Created:
        return formatTime(s.createdAt);
    case LastSeen:
        return s.lastSeen ? formatTime(*s.lastSeen) : tr("never");
    case ColumnCount:
        break;
    }
    return {};
}

QVariant StationListModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (Column(section)) {
    case Station:
        return tr("Station");
    case Area:
        return tr("Area");
    case State:
        return tr("State");
    case Created:
        return tr("Registered");
    case LastSeen:
        return tr("Last seen");
    case ColumnCount:
        break;
    }
    return {};
}

} // namespace tt
