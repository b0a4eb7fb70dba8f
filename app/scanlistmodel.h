#pragma once

#include <QCoreApplication>

#include "app/pagedmodel.h"

namespace tt {

// Scan records, newest first, paged.
class ScanListModel : public PagedTableModel<ScanListRow, ScanFilter>
{
    // A template base cannot have Q_OBJECT: tr() gets this class's own context for lupdate.
    Q_DECLARE_TR_FUNCTIONS(tt::ScanListModel)

public:
    enum Column { Time, User, Station, Action, Code, Parent, Bill, ColumnCount };
    enum DataRole { CodeRole = Qt::UserRole + 1 };

    explicit ScanListModel(DbClient &db, QObject *parent = nullptr);

    // "linked to parent", "selected as parent", ... for an action name.
    static QString actionText(const QString &action);

protected:
    QVariant cell(const ScanListRow &row, int column, int role) const override;
    QString header(int column) const override;
};

} // namespace tt
