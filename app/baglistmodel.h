#pragma once

#include <QCoreApplication>

#include "app/pagedmodel.h"

namespace tt {

// Bags, newest first, paged from the query lane (2M rows stay smooth: only loaded pages are held).
class BagListModel : public PagedTableModel<BagListRow, BagListFilter>
{
    // A template base cannot have Q_OBJECT: tr() gets this class's own context for lupdate.
    Q_DECLARE_TR_FUNCTIONS(tt::BagListModel)

public:
    enum Column { Code, Role, Type, Contents, Weight, Parent, Bill, Created, CreatedBy, ColumnCount };
    enum DataRole { CodeRole = Qt::UserRole + 1 };

    explicit BagListModel(DbClient &db, QObject *parent = nullptr);

protected:
    QVariant cell(const BagListRow &row, int column, int role) const override;
    QString header(int column) const override;
};

} // namespace tt
