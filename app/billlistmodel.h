#pragma once

#include "app/pagedmodel.h"

namespace tt {

// Bills, newest first, paged, with status and weights (BRIEF §3.3).
class BillListModel : public PagedTableModel<BillRow, BillPageFilter>
{
public:
    enum Column { Id, Status, Parents, Actual, Expected, Variance, Created, CreatedBy, ColumnCount };
    enum DataRole { BillIdRole = Qt::UserRole + 1 };

    explicit BillListModel(DbClient &db, QObject *parent = nullptr);

protected:
    QVariant cell(const BillRow &row, int column, int role) const override;
    QString header(int column) const override;
};

} // namespace tt
