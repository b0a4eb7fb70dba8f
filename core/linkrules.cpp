#include "core/linkrules.h"

namespace tt {

namespace {

QString timeOfDay(const QDateTime &t)
{
    return t.toLocalTime().toString(QStringLiteral("HH:mm"));
}

} // namespace

Result<LinkVerdict> decideLink(const LinkInput &in)
{
    if (!in.parent)
        return fail(Reason::NoParentSelected,
                    QStringLiteral("Scan a parent bag first, then its child bags (%1 was not linked).")
                        .arg(in.childCode));
    const ParentFacts &p = *in.parent;
    if (in.childCode == p.code)
        return fail(Reason::SelfLink, QStringLiteral("%1 cannot be linked to itself.").arg(p.code));
    if (in.childRole && *in.childRole == BagRole::Parent)
        return fail(Reason::WrongRole,
                    QStringLiteral("%1 is a parent bag and cannot be used as a child.").arg(in.childCode));
    if (in.childLink) {
        if (in.childLink->parentCode == p.code)
            return LinkVerdict::AlreadyLinked;
        return fail(Reason::LinkedElsewhere,
                    QStringLiteral("%1 is already in %2 (linked by %3 at %4).")
                        .arg(in.childCode, in.childLink->parentCode, in.childLink->linkedBy,
                             timeOfDay(in.childLink->linkedAt)));
    }
    if (p.billCompleted)
        return fail(Reason::BillCompleted,
                    QStringLiteral("%1 is on completed bill %2; reopen the bill to change it.")
                        .arg(p.code, p.billId));
    if (isFull(p))
        return fail(Reason::ParentFull,
                    QStringLiteral("%1 is full (%2/%3); scan the next parent bag.")
                        .arg(p.code)
                        .arg(p.childCount)
                        .arg(p.capacity));
    return LinkVerdict::Link;
}

Result<void> decideUndo(const UndoInput &in)
{
    if (!in.lastLink)
        return fail(Reason::NothingToUndo, QStringLiteral("There is no link of yours to undo."));
    if (in.lastLink->linkedAt.secsTo(in.now) > in.windowSeconds)
        return fail(Reason::UndoWindowExpired,
                    QStringLiteral("Your last link (%1 into %2 at %3) is older than %4 minutes and "
                                   "can no longer be undone; ask a biller to move the bag.")
                        .arg(in.childCode, in.lastLink->parentCode, timeOfDay(in.lastLink->linkedAt))
                        .arg(in.windowSeconds / 60));
    if (in.parentOnCompletedBill)
        return fail(Reason::BillCompleted,
                    QStringLiteral("%1 is on a completed bill; reopen the bill first.")
                        .arg(in.lastLink->parentCode));
    return {};
}

Result<MoveVerdict> decideMove(const MoveInput &in)
{
    if (!in.childRole)
        return fail(Reason::UnknownBag, QStringLiteral("There is no bag %1.").arg(in.childCode));
    if (*in.childRole != BagRole::Child)
        return fail(Reason::WrongRole,
                    QStringLiteral("%1 is a parent bag; only child bags move.").arg(in.childCode));
    if (!in.targetRole)
        return fail(Reason::UnknownBag, QStringLiteral("There is no parent bag to move into."));
    if (*in.targetRole != BagRole::Parent || !in.target)
        return fail(Reason::WrongRole, QStringLiteral("The target is not a parent bag."));
    const ParentFacts &t = *in.target;
    if (in.childLink && in.childLink->parentCode == t.code)
        return MoveVerdict::AlreadyThere;
    if (in.sourceOnCompletedBill)
        return fail(Reason::BillCompleted,
                    QStringLiteral("%1 is in %2, which is on a completed bill; reopen it first.")
                        .arg(in.childCode, in.childLink ? in.childLink->parentCode : QString()));
    if (t.billCompleted)
        return fail(Reason::BillCompleted,
                    QStringLiteral("%1 is on completed bill %2; reopen the bill first.").arg(t.code, t.billId));
    if (isFull(t))
        return fail(Reason::ParentFull,
                    QStringLiteral("%1 is full (%2/%3).").arg(t.code).arg(t.childCount).arg(t.capacity));
    return MoveVerdict::Move;
}

Result<void> decideDeleteBag(const DeleteBagInput &in)
{
    if (!in.exists)
        return fail(Reason::UnknownBag, QStringLiteral("There is no bag %1.").arg(in.code));
    if (in.linked)
        return fail(Reason::BagInUse,
                    QStringLiteral("%1 is linked to a parent; move or undo the link first.").arg(in.code));
    if (in.childCount > 0)
        return fail(Reason::BagInUse,
                    QStringLiteral("%1 still holds %2 child bag(s).").arg(in.code).arg(in.childCount));
    if (!in.billId.isEmpty())
        return fail(Reason::BagInUse,
                    QStringLiteral("%1 is on bill %2; remove it from the bill first.").arg(in.code, in.billId));
    return {};
}

} // namespace tt
