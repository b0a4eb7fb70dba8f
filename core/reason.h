#pragma once

#include <QString>

#include <optional>

namespace tt {

// Why a command was refused (or, for Duplicate, why it changed nothing). The snake_case names
// are the contract of BRIEF §3 and §9: they appear in JSON, logs, audit records and tests.
enum class Reason {
    None,
    InvalidCode,
    WrongRole,
    NoParentSelected,
    SelfLink,
    LinkedElsewhere,
    ParentFull,
    BillCompleted,
    Duplicate,
    UndoWindowExpired,
    NothingToUndo,
    UnknownBag,
    OnOtherBill,
    BillFull,
    BillNotFull,
    UnknownBill,
    BillExists,
    InvalidBillId,
    InvalidCapacity,
    CapacityBelowLinked,
    NotOnBill,
    NoBillSelected,
    BagInUse,
    InvalidReturnId,
    UnknownReturn,
    ReturnNotOpen,
    ReturnEmpty,
    AlreadyReturned,
    NotOnAnyBill,
    PermissionDenied,
    BadCredentials,
    AccountLocked,
    AccountDisabled,
    SessionExpired,
    WeakPassword,
    InvalidUserName,
    UserExists,
    UnknownUser,
    LastAdmin,
    OwnRole,
    InvalidArea,
    InvalidInput,
    DatabaseError,
};

// "linked_elsewhere" for Reason::LinkedElsewhere; "" for Reason::None.
QString reasonName(Reason reason);
std::optional<Reason> reasonFromName(QStringView name);

} // namespace tt
