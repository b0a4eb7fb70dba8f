#pragma once

#include <QAbstractTableModel>

#include "core/readmodels.h"

namespace tt {

// Return tickets, newest first (BRIEF §3.4).
class ReturnListModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column { Ticket, Status, Parents, Weight, Opened, OpenedBy, ColumnCount };
    enum DataRole { TicketIdRole = Qt::UserRole + 1 };

    using QAbstractTableModel::QAbstractTableModel;

    void setTickets(QList<ReturnView> tickets);
    const QList<ReturnView> &tickets() const { return m_tickets; }
    // The row of a ticket, -1 when it is not listed.
    int rowOf(const QString &ticketId) const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

private:
    QList<ReturnView> m_tickets;
};

// The parent bags on one return ticket, with the bill each came off.
class ReturnLineModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column { Parent, Bill, Children, Weight, Returned, ReturnedBy, ColumnCount };

    using QAbstractTableModel::QAbstractTableModel;

    void setLines(QList<ReturnLine> lines);
    const QList<ReturnLine> &lines() const { return m_lines; }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

private:
    QList<ReturnLine> m_lines;
};

// "Open", "Finalised", "Cancelled" in the user's language.
QString returnStatusText(ReturnStatus status);

} // namespace tt
