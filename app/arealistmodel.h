#pragma once

#include "database/adminrepository.h"

#include <QAbstractTableModel>

namespace tt {

// The dispatch areas with how many users and stations each has (admin screen).
class AreaListModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column { Name, State, Users, Stations, ColumnCount };

    using QAbstractTableModel::QAbstractTableModel;

    void setAreas(QList<AreaRow> areas);
    const AreaRow *areaAt(int row) const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

private:
    QList<AreaRow> m_areas;
};

} // namespace tt
