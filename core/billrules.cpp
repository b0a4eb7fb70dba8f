#include "core/billrules.h"

#include "core/billid.h"

namespace tt {

QString billStatusName(BillStatus status)
{
    return status == BillStatus::Open ? QStringLiteral("open") : QStringLiteral("completed");
}

std::optional<BillStatus> billStatusFromName(QStringView name)
{
    if (name == u"open")
        return BillStatus::Open;
    if (name == u"completed")
        return BillStatus::Completed;
    return std::nullopt;
}

namespace {

Error unknownBill()
{
    return Error{Reason::UnknownBill, QStringLiteral("There is no such bill.")};
}

} // namespace

Result<AddParentVerdict> decideAddParent(const AddParentInput &in)
{
    if (!in.bill)
        return std::unexpected(unknownBill());
    const BillFacts &b = *in.bill;
    if (!in.parentRole)
        return fail(Reason::UnknownBag,
                    QStringLiteral("There is no parent bag %1; fill it at a dispatch station first.")
                        .arg(in.parentCode));
    if (*in.parentRole != BagRole::Parent)
        return fail(Reason::WrongRole,
                    QStringLiteral("%1 is a child bag; only parent bags go on a bill.").arg(in.parentCode));
    if (in.parentBillId == b.id)
        return AddParentVerdict::AlreadyOnBill;
    if (!in.parentBillId.isEmpty())
        return fail(Reason::OnOtherBill,
                    QStringLiteral("%1 is already on bill %2.").arg(in.parentCode, in.parentBillId));
    if (b.status == BillStatus::Completed)
        return fail(Reason::BillCompleted,
                    QStringLiteral("Bill %1 is completed; reopen it to add bags.").arg(b.id));
    if (b.parentCount >= b.capacity)
        return fail(Reason::BillFull,
                    QStringLiteral("Bill %1 is full (%2/%3).").arg(b.id).arg(b.parentCount).arg(b.capacity));
    return AddParentVerdict::Add;
}

Result<void> decideComplete(const std::optional<BillFacts> &bill)
{
    if (!bill)
        return std::unexpected(unknownBill());
    if (bill->status == BillStatus::Completed)
        return fail(Reason::BillCompleted, QStringLiteral("Bill %1 is already completed.").arg(bill->id));
    if (bill->parentCount != bill->capacity)
        return fail(Reason::BillNotFull,
                    QStringLiteral("Bill %1 has %2 of %3 parent bags; it stays open until it is full.")
                        .arg(bill->id)
                        .arg(bill->parentCount)
                        .arg(bill->capacity));
    return {};
}

Result<void> decideReopen(const std::optional<BillFacts> &bill)
{
    if (!bill)
        return std::unexpected(unknownBill());
    if (bill->status == BillStatus::Open)
        return fail(Reason::InvalidInput, QStringLiteral("Bill %1 is already open.").arg(bill->id));
    return {};
}

Result<void> decideRemoveParent(const std::optional<BillFacts> &bill, const QString &parentCode,
                                const QString &parentBillId)
{
    if (!bill)
        return std::unexpected(unknownBill());
    if (parentBillId != bill->id)
        return fail(Reason::NotOnBill, QStringLiteral("%1 is not on bill %2.").arg(parentCode, bill->id));
    return {};
}

Result<void> decideSetCapacity(const std::optional<BillFacts> &bill, qint64 newCapacity)
{
    if (!bill)
        return std::unexpected(unknownBill());
    if (auto ok = checkBillCapacity(newCapacity); !ok)
        return ok;
    if (newCapacity < bill->parentCount)
        return fail(Reason::CapacityBelowLinked,
                    QStringLiteral("Bill %1 already has %2 parent bags; the capacity cannot be %3.")
                        .arg(bill->id)
                        .arg(bill->parentCount)
                        .arg(newCapacity));
    if (bill->status == BillStatus::Completed && newCapacity != bill->capacity)
        return fail(Reason::BillCompleted,
                    QStringLiteral("Bill %1 is completed; reopen it to change its capacity.").arg(bill->id));
    return {};
}

} // namespace tt
