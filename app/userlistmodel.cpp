#include "app/userlistmodel.h"

#include <QBrush>

#include "app/feedbacktext.h"
#include "app/format.h"

namespace tt {

void UserListModel::setUsers(QList<UserInfo> users)
{
    beginResetModel();
    m_users = std::move(users);
    endResetModel();
}

const UserInfo *UserListModel::userAt(int row) const
{
    return row >= 0 && row < m_users.size() ? &m_users[row] : nullptr;
}

int UserListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_users.size());
}

int UserListModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant UserListModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const UserInfo &u = m_users[index.row()];
    const bool locked = u.lockedUntil && *u.lockedUntil > QDateTime::currentDateTimeUtc();
    if (role == UserNameRole)
        return u.username;
    if (role == Qt::ForegroundRole && index.column() == State && (!u.enabled || locked))
        return QBrush(QColor(0xb0, 0x00, 0x20));
    if (role != Qt::DisplayRole)
        return {};
    switch (Column(index.column())) {
    case Name:
        return u.username;
    case Role:
        return localizedMessage(roleName(u.role));
    case Area:
        return u.area;
    case State:
        if (!u.enabled)
            return tr("disabled");
        if (locked)
            return tr("locked until %1").arg(formatClock(*u.lockedUntil));
        return u.totpEnabled ? tr("active, one-time code") : tr("active");
    case FailedLogins:
        return u.failedLogins;
    case Created:
        return formatTime(u.createdAt);
    case ColumnCount:
        break;
    }
    return {};
}

QVariant UserListModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (Column(section)) {
    case Name:
        return tr("User");
    case Role:
        return tr("Role");
    case Area:
        return tr("Area");
    case State:
        return tr("State");
    case FailedLogins:
        return tr("Failed logins");
    case Created:
        return tr("Created");
    case ColumnCount:
        break;
    }
    return {};
}

} // namespace tt
