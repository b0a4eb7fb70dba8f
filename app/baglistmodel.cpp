#include "app/baglistmodel.h"

#include "app/format.h"

namespace tt {

BagListModel::BagListModel(DbClient &db, QObject *parent)
    : PagedTableModel(
          db,
          [](DbSession &s, const BagListFilter &f, qint64 before, int limit) {
              return PagedQuery(s.store->statements()).bags(f, before, limit);
          },
          ColumnCount, parent)
{
}

QVariant BagListModel::cell(const BagListRow &b, int column, int role) const
{
    if (role == CodeRole)
        return b.code;
    if (role == Qt::TextAlignmentRole && (column == Contents || column == Weight))
        return int(Qt::AlignRight | Qt::AlignVCenter);
    if (role != Qt::DisplayRole)
        return {};
    const bool parent = b.role == BagRole::Parent;
    switch (Column(column)) {
    case Code:
        return b.code;
    case Role:
        return parent ? tr("parent") : tr("child");
    case Type:
        return b.typeName;
    case Contents:
        return parent ? QStringLiteral("%1/%2").arg(b.childCount).arg(b.capacity) : QString();
    case Weight:
        return formatKg(b.weightG);
    case Parent:
        return b.parentCode;
    case Bill:
        return b.billId;
    case Created:
        return formatTime(b.createdAt);
    case CreatedBy:
        return b.createdBy;
    case ColumnCount:
        break;
    }
    return {};
}

QString BagListModel::header(int column) const
{
    switch (Column(column)) {
    case Code:
        return tr("Code");
    case Role:
        return tr("Role");
    case Type:
        return tr("Type");
    case Contents:
        return tr("Children");
    case Weight:
        return tr("Weight");
    case Parent:
        return tr("Parent");
    case Bill:
        return tr("Bill");
    case Created:
        return tr("Created");
    case CreatedBy:
        return tr("By");
    case ColumnCount:
        break;
    }
    return {};
}

} // namespace tt
