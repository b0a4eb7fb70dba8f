#pragma once

#include <QString>

#include <optional>

#include "core/bagtype.h"
#include "core/error.h"

namespace tt {

enum class BillStatus { Open, Completed };

QString billStatusName(BillStatus status); // "open" / "completed"
std::optional<BillStatus> billStatusFromName(QStringView name);

struct BillFacts
{
    QString id;
    BillStatus status = BillStatus::Open;
    int capacity = 0;
    int parentCount = 0;
};

struct AddParentInput
{
    std::optional<BillFacts> bill; // absent: unknown bill
    QString parentCode;
    std::optional<BagRole> parentRole; // absent: unknown bag
    QString parentBillId;              // the bill the parent is on, empty when none
};

enum class AddParentVerdict { Add, AlreadyOnBill };

// BRIEF §3.3: unknown_bill, unknown_bag, wrong_role, duplicate (AlreadyOnBill), on_other_bill,
// bill_completed, bill_full.
Result<AddParentVerdict> decideAddParent(const AddParentInput &input);

// Complete needs parentCount == capacity and an open bill.
Result<void> decideComplete(const std::optional<BillFacts> &bill);
Result<void> decideReopen(const std::optional<BillFacts> &bill);
// Removing a parent from a completed bill reopens it (the caller sets it open).
Result<void> decideRemoveParent(const std::optional<BillFacts> &bill, const QString &parentCode,
                                const QString &parentBillId);
Result<void> decideSetCapacity(const std::optional<BillFacts> &bill, qint64 newCapacity);

} // namespace tt
