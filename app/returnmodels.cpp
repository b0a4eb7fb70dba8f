#include "app/returnmodels.h"

#include <QCoreApplication>

#include "app/format.h"

namespace tt {

QString returnStatusText(ReturnStatus status)
{
    switch (status) {
    case ReturnStatus::Open:
        return QCoreApplication::translate("tt::ReturnListModel", "Open");
    case ReturnStatus::Finalised:
        return QCoreApplication::translate("tt::ReturnListModel", "Finalised");
    case ReturnStatus::Cancelled:
        return QCoreApplication::translate("tt::ReturnListModel", "Cancelled");
    }
    return {};
}

void ReturnListModel::setTickets(QList<ReturnView> tickets)
{
    beginResetModel();
    m_tickets = std::move(tickets);
    endResetModel();
}

int ReturnListModel::rowOf(const QString &ticketId) const
{
    for (qsizetype i = 0; i < m_tickets.size(); ++i) {
        if (m_tickets.at(i).id == ticketId)
            return int(i);
    }
    return -1;
}

int ReturnListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_tickets.size());
}

int ReturnListModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant ReturnListModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const ReturnView &t = m_tickets[index.row()];
    if (role == TicketIdRole)
        return t.id;
    if (role == Qt::TextAlignmentRole && (index.column() == Parents || index.column() == Weight))
        return int(Qt::AlignRight | Qt::AlignVCenter);
    if (role != Qt::DisplayRole)
        return {};
    switch (Column(index.column())) {
    case Ticket:
        return t.id;
    case Status:
        return returnStatusText(t.status);
    case Parents:
        return t.parentCount;
    case Weight:
        return formatKg(t.weightG);
    case Opened:
        return formatTime(t.openedAt);
    case OpenedBy:
        return t.openedBy;
    case ColumnCount:
        break;
    }
    return {};
}

QVariant ReturnListModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (Column(section)) {
    case Ticket:
        return tr("Ticket");
    case Status:
        return tr("Status");
    case Parents:
        return tr("Bags");
    case Weight:
        return tr("Weight");
    case Opened:
        return tr("Opened");
    case OpenedBy:
        return tr("By");
    case ColumnCount:
        break;
    }
    return {};
}

void ReturnLineModel::setLines(QList<ReturnLine> lines)
{
    beginResetModel();
    m_lines = std::move(lines);
    endResetModel();
}

int ReturnLineModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_lines.size());
}

int ReturnLineModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant ReturnLineModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const ReturnLine &l = m_lines[index.row()];
    if (role == Qt::TextAlignmentRole && (index.column() == Children || index.column() == Weight))
        return int(Qt::AlignRight | Qt::AlignVCenter);
    if (role != Qt::DisplayRole)
        return {};
    switch (Column(index.column())) {
    case Parent:
        return l.parentCode;
    case Bill:
        return l.billId;
    case Children:
        return l.childCount;
    case Weight:
        return formatKg(l.weightG);
    case Returned:
        return formatTime(l.returnedAt);
    case ReturnedBy:
        return l.returnedBy;
    case ColumnCount:
        break;
    }
    return {};
}

QVariant ReturnLineModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (Column(section)) {
    case Parent:
        return tr("Parent bag");
    case Bill:
        return tr("Original bill");
    case Children:
        return tr("Children");
    case Weight:
        return tr("Weight");
    case Returned:
        return tr("Returned");
    case ReturnedBy:
        return tr("By");
    case ColumnCount:
        break;
    }
    return {};
}

} // namespace tt
