#pragma once

#include <QString>

#include <optional>

namespace tt {

enum class Role { Dispatcher, Biller, Admin };

QString roleName(Role role); // "dispatcher", "biller", "admin"
std::optional<Role> roleFromName(QStringView name);

// BRIEF §3.5's permission table, one entry per row.
enum class Permission {
    Scan,            // scan, link, undo own last link
    View,            // search, view bags, bills, scans
    MoveChild,       // move a child, delete an unlinked bag
    ManageBills,     // create, scan parents, complete, reopen, remove parent
    Returns,
    DeleteBill,      // also: edit bag types, areas, stations
    Administer,      // users, import, EOD report, audit log, health, settings
};

QString permissionName(Permission permission);
bool isAllowed(Role role, Permission permission);

} // namespace tt
