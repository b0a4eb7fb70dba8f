#pragma once

#include "core/bagtype.h"

#include <QAbstractTableModel>

namespace tt {

// The bag types, active or not (admin screen).
class BagTypeListModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column {
        Name,
        Role,
        Pattern,
        Capacity,
        NominalWeight,
        ExpectedWeight,
        State,
        ColumnCount
    };

    using QAbstractTableModel::QAbstractTableModel;

    void setTypes(QList<BagType> types);
    const BagType *typeAt(int row) const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

private:
    QList<BagType> m_types;
};

} // namespace tt
