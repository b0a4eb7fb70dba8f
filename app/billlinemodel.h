#pragma once

#include <QAbstractTableModel>

#include "core/readmodels.h"

namespace tt {

// The parent bags on one bill, in the order they were added.
class BillLineModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column { Parent, Children, Actual, Expected, Variance, Added, AddedBy, ColumnCount };
    enum DataRole { ParentCodeRole = Qt::UserRole + 1 };

    using QAbstractTableModel::QAbstractTableModel;

    void setLines(QList<BillLine> lines);
    const QList<BillLine> &lines() const { return m_lines; }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

private:
    QList<BillLine> m_lines;
};

} // namespace tt
