#include "database/bagcommands.h"

#include "core/codenormalizer.h"
#include "core/linkrules.h"
#include "database/commandcontext.h"

namespace tt {

namespace {

constexpr qint64 kMaxWeightG = 10'000'000;

Result<void> checkWeight(std::optional<qint64> grams)
{
    if (grams && (*grams < 0 || *grams > kMaxWeightG))
        return fail(Reason::InvalidInput,
                    QStringLiteral("A weight of %1 g is outside 0–10 000 kg.").arg(*grams));
    return {};
}

// The parent's facts for the link rules, with its bill.
Result<ParentFacts> parentFacts(CommandContext &ctx, const BagRow &parent, std::optional<BillRow> *billOut)
{
    auto bill = ctx.repo.bills.findOfParent(parent.id);
    if (!bill)
        return std::unexpected(bill.error());
    ParentFacts f{parent.code, parent.capacity, parent.childCount, {}, false};
    if (*bill) {
        f.billId = (*bill)->code;
        f.billCompleted = (*bill)->status == BillStatus::Completed;
    }
    if (billOut)
        *billOut = *bill;
    return f;
}

std::optional<LinkFacts> linkFacts(const std::optional<LinkRow> &link)
{
    if (!link)
        return std::nullopt;
    return LinkFacts{link->parentCode, link->linkedBy, link->linkedAt};
}

// The outcome's parent and bill figures after a change, from the rows changeContents() left.
Outcome described(Outcome o, const BagRow &parent, const std::optional<BillRow> &bill)
{
    describeParent(o, parent);
    if (bill)
        describeBill(o, *bill);
    return o;
}

QString counter(const BagRow &p)
{
    return QStringLiteral("%1/%2").arg(p.childCount).arg(p.capacity);
}

} // namespace

Result<Outcome> applySelectParent(CommandContext &ctx, const cmd::SelectParent &c)
{
    const auto code = bagCodeFrom(c.code);
    if (!code)
        return std::unexpected(code.error());
    if (auto ok = checkWeight(c.measuredWeightG); !ok)
        return std::unexpected(ok.error());
    auto existing = ctx.repo.bags.find(*code);
    if (!existing)
        return std::unexpected(existing.error());
    BagRow parent;
    bool created = false;
    if (*existing) {
        parent = **existing;
        if (parent.role != BagRole::Parent)
            return fail(Reason::WrongRole,
                        QStringLiteral("%1 is a child bag and cannot be used as a parent.").arg(*code));
        if (c.measuredWeightG) {
            if (auto r = ctx.repo.bags.setMeasuredWeight(parent.id, c.measuredWeightG); !r)
                return std::unexpected(r.error());
        }
    } else {
        const auto type = classifyNewBag(ctx.types, *code, BagRole::Parent);
        if (!type)
            return std::unexpected(type.error());
        auto bag = createBag(ctx, *code, *type, c.measuredWeightG);
        if (!bag)
            return std::unexpected(bag.error());
        parent = *bag;
        created = true;
    }
    std::optional<BillRow> bill;
    const auto facts = parentFacts(ctx, parent, &bill);
    if (!facts)
        return std::unexpected(facts.error());
    if (auto r = ctx.recordScan(*code, QStringLiteral("select_parent"), *code, facts->billId); !r)
        return std::unexpected(r.error());

    Outcome o;
    o.result = ResultKind::Ok;
    o.code = *code;
    describeParent(o, parent);
    if (bill)
        describeBill(o, *bill);
    if (facts->billCompleted)
        o.message = QStringLiteral("%1 selected (%2), but it is on completed bill %3: children cannot be added.")
                        .arg(*code, counter(parent), facts->billId);
    else if (isFull(*facts))
        o.message = QStringLiteral("%1 is already full (%2); scan the next parent bag.").arg(*code, counter(parent));
    else if (created)
        o.message = QStringLiteral("New parent %1 (%2); scan its child bags.").arg(*code, counter(parent));
    else
        o.message = QStringLiteral("Parent %1 selected (%2).").arg(*code, counter(parent));
    return o;
}

Result<Outcome> applyLinkChild(CommandContext &ctx, const cmd::LinkChild &c)
{
    const auto childCode = bagCodeFrom(c.childCode);
    if (!childCode)
        return std::unexpected(childCode.error());
    if (auto ok = checkWeight(c.measuredWeightG); !ok)
        return std::unexpected(ok.error());

    LinkInput in;
    in.childCode = *childCode;
    std::optional<BagRow> parent;
    std::optional<BillRow> bill;
    const QString parentCode = normalizeBagCode(c.parentCode);
    if (!parentCode.isEmpty()) {
        auto p = ctx.repo.bags.find(parentCode);
        if (!p)
            return std::unexpected(p.error());
        if (!*p)
            return fail(Reason::UnknownBag, QStringLiteral("There is no parent bag %1.").arg(parentCode));
        if ((*p)->role != BagRole::Parent)
            return fail(Reason::WrongRole, QStringLiteral("%1 is a child bag, not a parent.").arg(parentCode));
        parent = *p;
        auto facts = parentFacts(ctx, *parent, &bill);
        if (!facts)
            return std::unexpected(facts.error());
        in.parent = *facts;
    }
    auto child = ctx.repo.bags.find(*childCode);
    if (!child)
        return std::unexpected(child.error());
    std::optional<LinkRow> link;
    if (*child) {
        in.childRole = (*child)->role;
        if ((*child)->role == BagRole::Child) {
            auto l = ctx.repo.links.activeLinkOfChild((*child)->id);
            if (!l)
                return std::unexpected(l.error());
            link = *l;
            in.childLink = linkFacts(link);
        }
    }
    const auto verdict = decideLink(in);
    if (!verdict)
        return std::unexpected(verdict.error());

    Outcome o;
    o.code = *childCode;
    if (*verdict == LinkVerdict::AlreadyLinked) {
        o.result = ResultKind::Duplicate;
        o.reason = Reason::Duplicate;
        describeParent(o, *parent);
        if (bill)
            describeBill(o, *bill);
        o.message = QStringLiteral("%1 is already in %2 (%3); nothing changed.")
                        .arg(*childCode, parent->code, counter(*parent));
        return o;
    }

    BagRow childRow;
    if (*child) {
        childRow = **child;
        if (c.measuredWeightG && c.measuredWeightG != childRow.measuredWeightG) {
            if (auto r = ctx.repo.bags.setMeasuredWeight(childRow.id, c.measuredWeightG); !r)
                return std::unexpected(r.error());
            childRow.measuredWeightG = c.measuredWeightG;
        }
    } else {
        const auto type = classifyNewBag(ctx.types, *childCode, BagRole::Child);
        if (!type)
            return std::unexpected(type.error());
        auto created = createBag(ctx, *childCode, *type, c.measuredWeightG);
        if (!created)
            return std::unexpected(created.error());
        childRow = *created;
    }
    if (auto r = ctx.repo.links.insert(parent->id, childRow.id, ctx.at(), ctx.user(), ctx.station(), ctx.commandId());
        !r)
        return std::unexpected(r.error());
    const auto contents = changeContents(ctx, *parent, 1, childRow.effectiveWeightG());
    if (!contents)
        return std::unexpected(contents.error());
    if (auto r = ctx.repo.statistics.addToTotal(QStringLiteral("links"), 1); !r)
        return std::unexpected(r.error());
    if (parent->childCount == parent->capacity) {
        if (auto r = ctx.repo.statistics.addToDaily(ctx.at().date(), ctx.station(), QStringLiteral("parents_filled"), 1);
            !r)
            return std::unexpected(r.error());
    }
    if (auto r = ctx.recordScan(*childCode, QStringLiteral("link"), parent->code, bill ? bill->code : QString()); !r)
        return std::unexpected(r.error());
    if (auto r = ctx.audit(QStringLiteral("link.create"), QStringLiteral("link"), *childCode, {},
                           {{QStringLiteral("parent"), parent->code}, {QStringLiteral("child"), *childCode},
                            {QStringLiteral("weight_g"), double(childRow.effectiveWeightG())}});
        !r)
        return std::unexpected(r.error());

    o.result = ResultKind::Ok;
    o = described(o, *parent, *contents);
    if (o.parentFull())
        o.message = QStringLiteral("%1 added to %2; %2 is now full (%3/%4): scan the next parent bag.")
                        .arg(*childCode, parent->code)
                        .arg(o.children)
                        .arg(o.capacity);
    else
        o.message = QStringLiteral("%1 added to %2 (%3/%4).").arg(*childCode, parent->code).arg(o.children).arg(o.capacity);
    return o;
}

Result<Outcome> applyUndoLastLink(CommandContext &ctx, const cmd::UndoLastLink &)
{
    const auto last = ctx.repo.links.lastActiveLinkBy(ctx.user());
    if (!last)
        return std::unexpected(last.error());
    UndoInput in;
    in.now = ctx.at();
    in.windowSeconds = ctx.undoWindowSeconds;
    std::optional<BagRow> parent;
    std::optional<BagRow> child;
    if (*last) {
        in.lastLink = linkFacts(*last);
        in.childCode = (*last)->childCode;
        auto p = ctx.repo.bags.findById((*last)->parentId);
        auto ch = ctx.repo.bags.findById((*last)->childId);
        if (!p || !ch)
            return std::unexpected(!p ? p.error() : ch.error());
        parent = *p;
        child = *ch;
        auto bill = ctx.repo.bills.findOfParent((*last)->parentId);
        if (!bill)
            return std::unexpected(bill.error());
        in.parentOnCompletedBill = *bill && (*bill)->status == BillStatus::Completed;
    }
    if (auto ok = decideUndo(in); !ok)
        return std::unexpected(ok.error());

    if (auto r = ctx.repo.links.end((*last)->id, ctx.at(), ctx.user(), LinkEndReason::Undo); !r)
        return std::unexpected(r.error());
    const auto contents = changeContents(ctx, *parent, -1, -child->effectiveWeightG());
    if (!contents)
        return std::unexpected(contents.error());
    if (auto r = ctx.repo.statistics.addToTotal(QStringLiteral("links"), -1); !r)
        return std::unexpected(r.error());
    if (auto r = ctx.recordScan(child->code, QStringLiteral("undo"), parent->code); !r)
        return std::unexpected(r.error());
    if (auto r = ctx.audit(QStringLiteral("link.undo"), QStringLiteral("link"), child->code,
                           {{QStringLiteral("parent"), parent->code}, {QStringLiteral("child"), child->code}},
                           {{QStringLiteral("ended"), QStringLiteral("undo")}});
        !r)
        return std::unexpected(r.error());
    Outcome o;
    o.result = ResultKind::Ok;
    o.code = child->code;
    o = described(o, *parent, *contents);
    o.message = QStringLiteral("Undone: %1 taken out of %2 (%3/%4). The bag and its history stay.")
                    .arg(child->code, parent->code)
                    .arg(o.children)
                    .arg(o.capacity);
    return o;
}

Result<Outcome> applyMoveChild(CommandContext &ctx, const cmd::MoveChild &c)
{
    const auto childCode = bagCodeFrom(c.childCode);
    const auto targetCode = bagCodeFrom(c.toParentCode);
    if (!childCode)
        return std::unexpected(childCode.error());
    if (!targetCode)
        return std::unexpected(targetCode.error());
    MoveInput in;
    in.childCode = *childCode;
    auto child = ctx.repo.bags.find(*childCode);
    auto target = ctx.repo.bags.find(*targetCode);
    if (!child || !target)
        return std::unexpected(!child ? child.error() : target.error());
    std::optional<LinkRow> link;
    std::optional<BagRow> source;
    if (*child) {
        in.childRole = (*child)->role;
        auto l = ctx.repo.links.activeLinkOfChild((*child)->id);
        if (!l)
            return std::unexpected(l.error());
        link = *l;
        in.childLink = linkFacts(link);
        if (link) {
            auto s = ctx.repo.bags.findById(link->parentId);
            if (!s)
                return std::unexpected(s.error());
            source = *s;
            auto facts = parentFacts(ctx, *source, nullptr);
            if (!facts)
                return std::unexpected(facts.error());
            in.sourceOnCompletedBill = facts->billCompleted;
        }
    }
    if (*target) {
        in.targetRole = (*target)->role;
        if ((*target)->role == BagRole::Parent) {
            auto facts = parentFacts(ctx, **target, nullptr);
            if (!facts)
                return std::unexpected(facts.error());
            in.target = *facts;
        }
    }
    const auto verdict = decideMove(in);
    if (!verdict)
        return std::unexpected(verdict.error());
    BagRow targetRow = **target;
    Outcome o;
    o.code = *childCode;
    if (*verdict == MoveVerdict::AlreadyThere) {
        o.result = ResultKind::Duplicate;
        o.reason = Reason::Duplicate;
        describeParent(o, targetRow);
        o.message = QStringLiteral("%1 is already in %2; nothing changed.").arg(*childCode, targetRow.code);
        return o;
    }
    const qint64 weight = (*child)->effectiveWeightG();
    if (link) {
        if (auto r = ctx.repo.links.end(link->id, ctx.at(), ctx.user(), LinkEndReason::Move); !r)
            return std::unexpected(r.error());
        if (auto r = changeContents(ctx, *source, -1, -weight); !r)
            return std::unexpected(r.error());
    } else if (auto r = ctx.repo.statistics.addToTotal(QStringLiteral("links"), 1); !r) {
        return std::unexpected(r.error());
    }
    if (auto r = ctx.repo.links.insert(targetRow.id, (*child)->id, ctx.at(), ctx.user(), ctx.station(),
                                       ctx.commandId());
        !r)
        return std::unexpected(r.error());
    const auto contents = changeContents(ctx, targetRow, 1, weight);
    if (!contents)
        return std::unexpected(contents.error());
    if (auto r = ctx.recordScan(*childCode, QStringLiteral("move"), targetRow.code); !r)
        return std::unexpected(r.error());
    const QString from = source ? source->code : QString();
    if (auto r = ctx.audit(QStringLiteral("link.move"), QStringLiteral("link"), *childCode,
                           {{QStringLiteral("parent"), from.isEmpty() ? QJsonValue() : QJsonValue(from)}},
                           {{QStringLiteral("parent"), targetRow.code}});
        !r)
        return std::unexpected(r.error());
    o.result = ResultKind::Ok;
    o = described(o, targetRow, *contents);
    o.message = from.isEmpty() ? QStringLiteral("%1 put into %2 (%3/%4).")
                                     .arg(*childCode, targetRow.code)
                                     .arg(o.children)
                                     .arg(o.capacity)
                               : QStringLiteral("%1 moved from %2 to %3 (%4/%5).")
                                     .arg(*childCode, from, targetRow.code)
                                     .arg(o.children)
                                     .arg(o.capacity);
    return o;
}

Result<Outcome> applyDeleteBag(CommandContext &ctx, const cmd::DeleteBag &c)
{
    const auto code = bagCodeFrom(c.code);
    if (!code)
        return std::unexpected(code.error());
    auto bag = ctx.repo.bags.find(*code);
    if (!bag)
        return std::unexpected(bag.error());
    DeleteBagInput in;
    in.code = *code;
    in.exists = bag->has_value();
    if (*bag) {
        auto link = ctx.repo.links.activeLinkOfChild((*bag)->id);
        auto bill = ctx.repo.bills.findOfParent((*bag)->id);
        if (!link || !bill)
            return std::unexpected(!link ? link.error() : bill.error());
        in.linked = link->has_value();
        in.childCount = (*bag)->childCount;
        in.billId = *bill ? (*bill)->code : QString();
    }
    if (auto ok = decideDeleteBag(in); !ok)
        return std::unexpected(ok.error());
    const auto history = ctx.repo.bags.hasHistory((*bag)->id);
    if (!history)
        return std::unexpected(history.error());
    if (*history)
        return fail(Reason::BagInUse,
                    QStringLiteral("%1 has link or bill history, which is kept; it cannot be deleted.").arg(*code));
    if (auto r = ctx.repo.bags.remove((*bag)->id); !r)
        return std::unexpected(r.error());
    const bool parent = (*bag)->role == BagRole::Parent;
    if (auto r = ctx.repo.statistics.addToTotal(parent ? QStringLiteral("parents") : QStringLiteral("children"), -1);
        !r)
        return std::unexpected(r.error());
    if (auto r = ctx.audit(QStringLiteral("bag.delete"), QStringLiteral("bag"), *code,
                           {{QStringLiteral("code"), *code}, {QStringLiteral("role"), bagRoleName((*bag)->role)}},
                           {});
        !r)
        return std::unexpected(r.error());
    Outcome o;
    o.result = ResultKind::Ok;
    o.code = *code;
    o.message = QStringLiteral("Bag %1 deleted.").arg(*code);
    return o;
}

Result<Outcome> applyRegisterBag(CommandContext &ctx, const cmd::RegisterBag &c)
{
    const auto code = bagCodeFrom(c.code);
    if (!code)
        return std::unexpected(code.error());
    if (auto ok = checkWeight(c.measuredWeightG); !ok)
        return std::unexpected(ok.error());
    auto bag = ctx.repo.bags.find(*code);
    if (!bag)
        return std::unexpected(bag.error());
    Outcome o;
    o.code = *code;
    if (*bag) {
        o.result = ResultKind::Duplicate;
        o.reason = Reason::Duplicate;
        o.message = QStringLiteral("%1 exists already; nothing changed.").arg(*code);
        return o;
    }
    const auto type = ctx.types.classify(*code);
    if (!type)
        return fail(Reason::InvalidCode, QStringLiteral("%1 matches no bag type.").arg(*code));
    auto created = createBag(ctx, *code, *type, c.measuredWeightG);
    if (!created)
        return std::unexpected(created.error());
    o.result = ResultKind::Ok;
    if (created->role == BagRole::Parent)
        describeParent(o, *created);
    o.message = QStringLiteral("%1 %2 registered (%3).").arg(bagRoleName(type->role), *code, type->name);
    return o;
}

Result<Outcome> applyRecordWeight(CommandContext &ctx, const cmd::RecordWeight &c)
{
    if (auto ok = checkWeight(c.grams); !ok)
        return std::unexpected(ok.error());
    if (c.parentCode.isEmpty() == c.billId.isEmpty())
        return fail(Reason::InvalidInput, QStringLiteral("A weight belongs to one parent bag or one bill."));
    Outcome o;
    o.result = ResultKind::Ok;
    if (!c.billId.isEmpty()) {
        auto bill = ctx.repo.bills.find(c.billId.toUpper());
        if (!bill)
            return std::unexpected(bill.error());
        if (!*bill)
            return fail(Reason::UnknownBill, QStringLiteral("There is no bill %1.").arg(c.billId));
        if (auto r = ctx.repo.bills.setMeasuredWeight((*bill)->id, c.grams); !r)
            return std::unexpected(r.error());
        if (auto r = ctx.audit(QStringLiteral("bill.weigh"), QStringLiteral("bill"), (*bill)->code, {},
                               {{QStringLiteral("measured_weight_g"), double(c.grams)}});
            !r)
            return std::unexpected(r.error());
        describeBill(o, **bill);
        o.code = (*bill)->code;
        o.message = QStringLiteral("Bill %1 weighed: %2 g.").arg((*bill)->code).arg(c.grams);
        return o;
    }
    const auto code = bagCodeFrom(c.parentCode);
    if (!code)
        return std::unexpected(code.error());
    auto parent = ctx.repo.bags.find(*code);
    if (!parent)
        return std::unexpected(parent.error());
    if (!*parent)
        return fail(Reason::UnknownBag, QStringLiteral("There is no bag %1.").arg(*code));
    if ((*parent)->role != BagRole::Parent)
        return fail(Reason::WrongRole, QStringLiteral("%1 is a child bag.").arg(*code));
    if (auto r = ctx.repo.bags.setMeasuredWeight((*parent)->id, c.grams); !r)
        return std::unexpected(r.error());
    if (auto r = ctx.audit(QStringLiteral("bag.weigh"), QStringLiteral("bag"), *code, {},
                           {{QStringLiteral("measured_weight_g"), double(c.grams)}});
        !r)
        return std::unexpected(r.error());
    describeParent(o, **parent);
    o.code = *code;
    o.message = QStringLiteral("%1 weighed: %2 g (contents computed: %3 g).")
                    .arg(*code)
                    .arg(c.grams)
                    .arg((*parent)->contentsWeightG);
    return o;
}

} // namespace tt
