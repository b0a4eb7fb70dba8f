#pragma once

#include "app/pagedmodel.h"

namespace tt {

// The audit trail, newest first, paged (admins).
class AuditListModel : public PagedTableModel<AuditListRow, AuditFilter>
{
public:
    enum Column { Time, Actor, Station, Action, Entity, EntityId, Change, ColumnCount };

    explicit AuditListModel(DbClient &db, QObject *parent = nullptr);

protected:
    QVariant cell(const AuditListRow &row, int column, int role) const override;
    QString header(int column) const override;
};

} // namespace tt
