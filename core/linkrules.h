#pragma once

#include <QDateTime>
#include <QString>

#include <optional>

#include "core/bagtype.h"
#include "core/error.h"

namespace tt {

// The state of a parent bag that the linking rules look at.
struct ParentFacts
{
    QString code;
    int capacity = 0;
    int childCount = 0;
    QString billId;          // empty: not on a bill
    bool billCompleted = false;
};

// The current link of a child, when it has one.
struct LinkFacts
{
    QString parentCode;
    QString linkedBy;
    QDateTime linkedAt;
};

struct LinkInput
{
    std::optional<ParentFacts> parent;   // absent: no current parent
    QString childCode;                   // normalised
    std::optional<BagRole> childRole;    // absent: the child bag does not exist yet
    std::optional<LinkFacts> childLink;  // absent: not linked
};

enum class LinkVerdict { Link, AlreadyLinked };

// BRIEF §3.2, in this order: no_parent_selected, self_link, wrong_role, duplicate
// (AlreadyLinked), linked_elsewhere, bill_completed, parent_full.
Result<LinkVerdict> decideLink(const LinkInput &input);

// A parent is full when its child count reached its capacity.
inline bool isFull(const ParentFacts &p) { return p.capacity > 0 && p.childCount >= p.capacity; }

// Undo of the actor's last link (BRIEF §3.2).
struct UndoInput
{
    std::optional<LinkFacts> lastLink; // the actor's most recent link that is still in force
    QString childCode;
    QDateTime now;
    qint64 windowSeconds = 3600;
    bool parentOnCompletedBill = false;
};

Result<void> decideUndo(const UndoInput &input);

// Move of a child to another parent (biller, admin): the target must exist, be a parent, not
// be full nor on a completed bill; the child must exist and be a child.
struct MoveInput
{
    QString childCode;
    std::optional<BagRole> childRole;
    std::optional<LinkFacts> childLink;
    bool sourceOnCompletedBill = false;
    std::optional<ParentFacts> target;
    std::optional<BagRole> targetRole; // role of the target code if it exists
};

enum class MoveVerdict { Move, AlreadyThere };

Result<MoveVerdict> decideMove(const MoveInput &input);

// Delete a bag (biller, admin): only a bag with no link in force, no children and not on a bill.
struct DeleteBagInput
{
    QString code;
    bool exists = false;
    bool linked = false;
    int childCount = 0;
    QString billId;
};

Result<void> decideDeleteBag(const DeleteBagInput &input);

} // namespace tt
