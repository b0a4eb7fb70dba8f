#include "core/role.h"

namespace tt {

QString roleName(Role role)
{
    switch (role) {
    case Role::Dispatcher:
        return QStringLiteral("dispatcher");
    case Role::Biller:
        return QStringLiteral("biller");
    case Role::Admin:
        return QStringLiteral("admin");
    }
    Q_UNREACHABLE();
    return {};
}

std::optional<Role> roleFromName(QStringView name)
{
    if (name == u"dispatcher")
        return Role::Dispatcher;
    if (name == u"biller")
        return Role::Biller;
    if (name == u"admin")
        return Role::Admin;
    return std::nullopt;
}

QString permissionName(Permission permission)
{
    switch (permission) {
    case Permission::Scan:
        return QStringLiteral("scan");
    case Permission::View:
        return QStringLiteral("view");
    case Permission::MoveChild:
        return QStringLiteral("move_child");
    case Permission::ManageBills:
        return QStringLiteral("manage_bills");
    case Permission::Returns:
        return QStringLiteral("returns");
    case Permission::DeleteBill:
        return QStringLiteral("delete_bill");
    case Permission::Administer:
        return QStringLiteral("administer");
    }
    Q_UNREACHABLE();
    return {};
}

bool isAllowed(Role role, Permission permission)
{
    switch (permission) {
    case Permission::Scan:
    case Permission::View:
        return true;
    case Permission::MoveChild:
    case Permission::ManageBills:
    case Permission::Returns:
        return role == Role::Biller || role == Role::Admin;
    case Permission::DeleteBill:
    case Permission::Administer:
        return role == Role::Admin;
    }
    return false;
}

} // namespace tt
