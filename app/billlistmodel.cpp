#include "app/billlistmodel.h"

#include <QBrush>

#include "app/format.h"

namespace tt {

BillListModel::BillListModel(DbClient &db, QObject *parent)
    : PagedTableModel(
          db,
          [](DbSession &s, const BillPageFilter &f, qint64 before, int limit) {
              return PagedQuery(s.store->statements()).bills(f, before, limit);
          },
          ColumnCount, parent)
{
}

QVariant BillListModel::cell(const BillRow &b, int column, int role) const
{
    if (role == BillIdRole)
        return b.code;
    if (role == Qt::TextAlignmentRole && column >= Parents && column <= Variance)
        return int(Qt::AlignRight | Qt::AlignVCenter);
    if (role == Qt::ForegroundRole && column == Status)
        return QBrush(b.status == BillStatus::Completed ? QColor(0x1b, 0x7f, 0x3b) : QColor(0x1f, 0x5f, 0xa8));
    if (role != Qt::DisplayRole)
        return {};
    switch (Column(column)) {
    case Id:
        return b.code;
    case Status:
        return b.status == BillStatus::Completed ? tr("completed") : tr("open");
    case Parents:
        return QStringLiteral("%1/%2").arg(b.parentCount).arg(b.capacity);
    case Actual:
        return formatKg(b.actualWeightG);
    case Expected:
        return formatKg(b.expectedWeightG);
    case Variance:
        return formatVariance(b.actualWeightG, b.expectedWeightG);
    case Created:
        return formatTime(b.createdAt);
    case CreatedBy:
        return b.createdBy;
    case ColumnCount:
        break;
    }
    return {};
}

QString BillListModel::header(int column) const
{
    switch (Column(column)) {
    case Id:
        return tr("Bill");
    case Status:
        return tr("Status");
    case Parents:
        return tr("Parents");
    case Actual:
        return tr("Actual");
    case Expected:
        return tr("Expected");
    case Variance:
        return tr("Variance");
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
