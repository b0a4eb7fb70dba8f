#pragma once

#include <QCoreApplication>

#include "app/pagedmodel.h"

namespace tt {

// The audit trail, newest first, paged (admins).
class AuditListModel : public PagedTableModel<AuditListRow, AuditFilter>
{
    // A template base cannot have Q_OBJECT: tr() gets this class's own context for lupdate.
    Q_DECLARE_TR_FUNCTIONS(tt::AuditListModel)

public:
    enum Column { Time, Actor, Station, Action, Entity, EntityId, Change, ColumnCount };

    explicit AuditListModel(DbClient &db, QObject *parent = nullptr);

protected:
    QVariant cell(const AuditListRow &row, int column, int role) const override;
    QString header(int column) const override;
};

} // namespace tt
