#pragma once

#include <QAbstractTableModel>

#include "database/accountservice.h"

namespace tt {

// The station's users (admin screen).
class UserListModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column { Name, Role, Area, State, FailedLogins, Created, ColumnCount };
    enum DataRole { UserNameRole = Qt::UserRole + 1 };

    using QAbstractTableModel::QAbstractTableModel;

    void setUsers(QList<UserInfo> users);
    const UserInfo *userAt(int row) const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

private:
    QList<UserInfo> m_users;
};

} // namespace tt
