#include "core/reason.h"

#include <array>
#include <utility>

namespace tt {

namespace {

constexpr std::array kNames{
    std::pair{Reason::None, u""},
    std::pair{Reason::InvalidCode, u"invalid_code"},
    std::pair{Reason::WrongRole, u"wrong_role"},
    std::pair{Reason::NoParentSelected, u"no_parent_selected"},
    std::pair{Reason::SelfLink, u"self_link"},
    std::pair{Reason::LinkedElsewhere, u"linked_elsewhere"},
    std::pair{Reason::ParentFull, u"parent_full"},
    std::pair{Reason::BillCompleted, u"bill_completed"},
    std::pair{Reason::Duplicate, u"duplicate"},
    std::pair{Reason::UndoWindowExpired, u"undo_window_expired"},
    std::pair{Reason::NothingToUndo, u"nothing_to_undo"},
    std::pair{Reason::UnknownBag, u"unknown_bag"},
    std::pair{Reason::OnOtherBill, u"on_other_bill"},
    std::pair{Reason::BillFull, u"bill_full"},
    std::pair{Reason::BillNotFull, u"bill_not_full"},
    std::pair{Reason::UnknownBill, u"unknown_bill"},
    std::pair{Reason::BillExists, u"bill_exists"},
    std::pair{Reason::InvalidBillId, u"invalid_bill_id"},
    std::pair{Reason::InvalidCapacity, u"invalid_capacity"},
    std::pair{Reason::CapacityBelowLinked, u"capacity_below_linked"},
    std::pair{Reason::NotOnBill, u"not_on_bill"},
    std::pair{Reason::NoBillSelected, u"no_bill_selected"},
    std::pair{Reason::BagInUse, u"bag_in_use"},
    std::pair{Reason::InvalidReturnId, u"invalid_return_id"},
    std::pair{Reason::UnknownReturn, u"unknown_return"},
    std::pair{Reason::ReturnNotOpen, u"return_not_open"},
    std::pair{Reason::ReturnEmpty, u"return_empty"},
    std::pair{Reason::AlreadyReturned, u"already_returned"},
    std::pair{Reason::NotOnAnyBill, u"not_on_any_bill"},
    std::pair{Reason::PermissionDenied, u"permission_denied"},
    std::pair{Reason::BadCredentials, u"bad_credentials"},
    std::pair{Reason::AccountLocked, u"account_locked"},
    std::pair{Reason::AccountDisabled, u"account_disabled"},
    std::pair{Reason::SessionExpired, u"session_expired"},
    std::pair{Reason::WeakPassword, u"weak_password"},
    std::pair{Reason::InvalidUserName, u"invalid_user_name"},
    std::pair{Reason::UserExists, u"user_exists"},
    std::pair{Reason::UnknownUser, u"unknown_user"},
    std::pair{Reason::LastAdmin, u"last_admin"},
    std::pair{Reason::OwnRole, u"own_role"},
    std::pair{Reason::InvalidArea, u"invalid_area"},
    std::pair{Reason::InvalidInput, u"invalid_input"},
    std::pair{Reason::DatabaseError, u"database_error"},
};

} // namespace

QString reasonName(Reason reason)
{
    for (const auto &[r, name] : kNames) {
        if (r == reason)
            return QString::fromUtf16(name);
    }
    Q_UNREACHABLE();
    return {};
}

std::optional<Reason> reasonFromName(QStringView name)
{
    for (const auto &[r, n] : kNames) {
        if (name == QStringView(n))
            return r;
    }
    return std::nullopt;
}

} // namespace tt
