#pragma once

#include "database/adminrepository.h"

#include <QAbstractTableModel>

namespace tt {

// The registered stations and their areas (admin screen).
class StationListModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column { Station, Area, State, Created, LastSeen, ColumnCount };

    using QAbstractTableModel::QAbstractTableModel;

    void setStations(QList<StationRow> stations);
    const StationRow *stationAt(int row) const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

private:
    QList<StationRow> m_stations;
};

} // namespace tt
