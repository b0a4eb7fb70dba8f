#include "database/billcommands.h"

#include <QJsonArray>

#include "core/billid.h"
#include "core/billrules.h"
#include "core/codenormalizer.h"
#include "core/weight.h"
#include "database/commandcontext.h"

namespace tt {

namespace {

// The bill named by a command: the normalised id and its row (absent when unknown).
struct BillLookup
{
    QString id;
    std::optional<BillRow> row;
    std::optional<BillFacts> facts() const
    {
        return row ? std::optional<BillFacts>(row->facts()) : std::nullopt;
    }
};

Result<BillLookup> lookupBill(CommandContext &ctx, const QString &raw)
{
    const auto id = normalizeBillId(raw);
    if (!id)
        return std::unexpected(id.error());
    auto row = ctx.repo.bills.find(*id);
    if (!row)
        return std::unexpected(row.error());
    return BillLookup{*id, *row};
}

// A parent code named by a bill command, normalised; invalid_code for what can never be a bag
// code (empty, too long, look-alikes), so that hostile input is not echoed back in full.
// The parent bag a bill command names: its normalised code, its row (absent when unknown) and
// the bill it is on (empty when none).
struct ParentOnBill
{
    QString code;
    std::optional<BagRow> bag;
    QString billId;
};

Result<ParentOnBill> lookupParent(CommandContext &ctx, const QString &raw)
{
    const auto code = bagCodeFrom(raw);
    if (!code)
        return std::unexpected(code.error());
    auto bag = ctx.repo.bags.find(*code);
    if (!bag)
        return std::unexpected(bag.error());
    ParentOnBill p{*code, *bag, {}};
    if (p.bag) {
        const auto current = ctx.repo.bills.findOfParent(p.bag->id);
        if (!current)
            return std::unexpected(current.error());
        if (*current)
            p.billId = (*current)->code;
    }
    return p;
}

Error unknownBill(const QString &id)
{
    return Error{Reason::UnknownBill, QStringLiteral("There is no bill %1.").arg(id)};
}

// The bill named by a command, which must exist (unknown_bill otherwise): row is set.
Result<BillLookup> existingBill(CommandContext &ctx, const QString &raw)
{
    auto bill = lookupBill(ctx, raw);
    if (bill && !bill->row)
        return std::unexpected(unknownBill(bill->id));
    return bill;
}

Result<Outcome> describeBillOutcome(CommandContext &ctx, const QString &billId, const QString &code)
{
    auto row = ctx.repo.bills.find(billId);
    if (!row)
        return std::unexpected(row.error());
    Outcome o;
    o.result = ResultKind::Ok;
    o.code = code;
    if (*row)
        describeBill(o, **row);
    return o;
}

QString weights(const Outcome &o)
{
    const BillWeights w{o.actualWeightG, o.expectedWeightG};
    return QStringLiteral("actual %1, expected %2, variance %3")
        .arg(formatKg(w.actualG), formatKg(w.expectedG), formatVariance(w));
}

QJsonObject billState(const BillRow &b)
{
    return {{QStringLiteral("bill"), b.code},
            {QStringLiteral("status"), billStatusName(b.status)},
            {QStringLiteral("capacity"), b.capacity},
            {QStringLiteral("parents"), b.parentCount},
            {QStringLiteral("actual_weight_g"), double(b.actualWeightG)},
            {QStringLiteral("expected_weight_g"), double(b.expectedWeightG)}};
}

Result<void> countStatus(CommandContext &ctx, BillStatus from, BillStatus to)
{
    const auto metric = [](BillStatus s) {
        return s == BillStatus::Open ? QStringLiteral("bills_open") : QStringLiteral("bills_completed");
    };
    if (auto r = ctx.repo.statistics.addToTotal(metric(from), -1); !r)
        return r;
    return ctx.repo.statistics.addToTotal(metric(to), 1);
}

} // namespace

Result<Outcome> applyCreateBill(CommandContext &ctx, const cmd::CreateBill &c)
{
    const auto id = normalizeBillId(c.billId);
    if (!id)
        return std::unexpected(id.error());
    if (auto ok = checkBillCapacity(c.capacity); !ok)
        return std::unexpected(ok.error());
    auto existing = ctx.repo.bills.find(*id);
    if (!existing)
        return std::unexpected(existing.error());
    if (*existing)
        return fail(Reason::BillExists, QStringLiteral("Bill %1 exists already.").arg(*id));
    auto bill = ctx.repo.bills.insert(*id, int(c.capacity), ctx.at(), ctx.user());
    if (!bill)
        return std::unexpected(bill.error());
    if (auto r = ctx.repo.statistics.addToTotal(QStringLiteral("bills_open"), 1); !r)
        return std::unexpected(r.error());
    if (auto r = ctx.audit(QStringLiteral("bill.create"), QStringLiteral("bill"), *id, {}, billState(*bill)); !r)
        return std::unexpected(r.error());
    Outcome o;
    o.result = ResultKind::Ok;
    o.code = *id;
    describeBill(o, *bill);
    o.message = QStringLiteral("Bill %1 created for %2 parent bags.").arg(*id).arg(c.capacity);
    return o;
}

Result<Outcome> applyAddParentToBill(CommandContext &ctx, const cmd::AddParentToBill &c)
{
    const auto bill = lookupBill(ctx, c.billId);
    if (!bill)
        return std::unexpected(bill.error());
    const auto parentLookup = lookupParent(ctx, c.parentCode);
    if (!parentLookup)
        return std::unexpected(parentLookup.error());
    const QString &code = parentLookup->code;
    const std::optional<BagRow> &parent = parentLookup->bag;
    AddParentInput in;
    in.bill = bill->facts();
    in.parentCode = code;
    if (parent)
        in.parentRole = parent->role;
    in.parentBillId = parentLookup->billId;
    const auto verdict = decideAddParent(in);
    if (!verdict) {
        Error e = verdict.error();
        if (e.reason == Reason::UnknownBill)
            e = unknownBill(bill->id);
        return std::unexpected(e);
    }
    Outcome o;
    o.code = code;
    if (*verdict == AddParentVerdict::AlreadyOnBill) {
        describeBill(o, *bill->row);
        describeParent(o, *parent);
        o.result = ResultKind::Duplicate;
        o.reason = Reason::Duplicate;
        o.message = QStringLiteral("%1 is already on bill %2 (%3/%4); nothing changed.")
                        .arg(code, bill->id)
                        .arg(bill->row->parentCount)
                        .arg(bill->row->capacity);
        return o;
    }
    const BagRow &p = *parent;
    if (auto r = ctx.repo.bills.addParent(bill->row->id, p.id, ctx.at(), ctx.user()); !r)
        return std::unexpected(r.error());
    if (auto r = ctx.repo.bills.adjustTotals(bill->row->id, 1, p.contentsWeightG, p.expectedWeightG); !r)
        return std::unexpected(r.error());
    if (auto r = ctx.recordScan(code, QStringLiteral("bill_add"), code, bill->id); !r)
        return std::unexpected(r.error());
    if (auto r = ctx.audit(QStringLiteral("bill.add_parent"), QStringLiteral("bill"), bill->id, {},
                           {{QStringLiteral("parent"), code},
                            {QStringLiteral("children"), p.childCount},
                            {QStringLiteral("weight_g"), double(p.contentsWeightG)}});
        !r)
        return std::unexpected(r.error());
    auto described = describeBillOutcome(ctx, bill->id, code);
    if (!described)
        return described;
    o = *described;
    describeParent(o, p);
    if (o.billParents == o.billCapacity)
        o.message = QStringLiteral("%1 added to bill %2; the bill is full (%3/%4): complete it (TT:COMPLETE). %5.")
                        .arg(code, bill->id)
                        .arg(o.billParents)
                        .arg(o.billCapacity)
                        .arg(weights(o));
    else
        o.message = QStringLiteral("%1 added to bill %2 (%3/%4); %5.")
                        .arg(code, bill->id)
                        .arg(o.billParents)
                        .arg(o.billCapacity)
                        .arg(weights(o));
    return o;
}

Result<Outcome> applyRemoveParentFromBill(CommandContext &ctx, const cmd::RemoveParentFromBill &c)
{
    const auto bill = existingBill(ctx, c.billId);
    if (!bill)
        return std::unexpected(bill.error());
    const auto parentLookup = lookupParent(ctx, c.parentCode);
    if (!parentLookup)
        return std::unexpected(parentLookup.error());
    const QString &code = parentLookup->code;
    const std::optional<BagRow> &parent = parentLookup->bag;
    const QString &onBill = parentLookup->billId;
    if (auto ok = decideRemoveParent(bill->facts(), code, onBill); !ok)
        return std::unexpected(ok.error());
    const BagRow &p = *parent;
    const auto reopened = takeParentOffBill(ctx, *bill->row, p, {});
    if (!reopened)
        return std::unexpected(reopened.error());
    auto o = describeBillOutcome(ctx, bill->id, code);
    if (!o)
        return o;
    describeParent(*o, p);
    o->message = QStringLiteral("%1 removed from bill %2 (%3/%4)%5.")
                     .arg(code, bill->id)
                     .arg(o->billParents)
                     .arg(o->billCapacity)
                     .arg(*reopened ? QStringLiteral("; the bill is open again") : QString());
    return o;
}

Result<bool> takeParentOffBill(CommandContext &ctx, const BillRow &bill, const BagRow &parent, const QString &ticket)
{
    // Reopen first: a completed bill must stay full (CHECK status = 'open' OR parent_count = capacity).
    const bool reopened = bill.status == BillStatus::Completed;
    if (reopened) {
        if (auto r = ctx.repo.bills.setStatus(bill.id, BillStatus::Open, ctx.at(), ctx.user()); !r)
            return std::unexpected(r.error());
        if (auto r = countStatus(ctx, BillStatus::Completed, BillStatus::Open); !r)
            return std::unexpected(r.error());
    }
    if (auto r = ctx.repo.bills.removeParent(bill.id, parent.id); !r)
        return std::unexpected(r.error());
    if (auto r = ctx.repo.bills.adjustTotals(bill.id, -1, -parent.contentsWeightG, -parent.expectedWeightG); !r)
        return std::unexpected(r.error());
    QJsonObject after{{QStringLiteral("status"), QStringLiteral("open")}};
    if (!ticket.isEmpty())
        after.insert(QStringLiteral("return"), ticket);
    if (auto r = ctx.audit(QStringLiteral("bill.remove_parent"), QStringLiteral("bill"), bill.code,
                           {{QStringLiteral("parent"), parent.code}, {QStringLiteral("status"), billStatusName(bill.status)}},
                           after);
        !r)
        return std::unexpected(r.error());
    return reopened;
}

Result<Outcome> applyCompleteBill(CommandContext &ctx, const cmd::CompleteBill &c)
{
    const auto bill = existingBill(ctx, c.billId);
    if (!bill)
        return std::unexpected(bill.error());
    if (auto ok = decideComplete(bill->facts()); !ok)
        return std::unexpected(ok.error());
    if (auto r = ctx.repo.bills.setStatus(bill->row->id, BillStatus::Completed, ctx.at(), ctx.user()); !r)
        return std::unexpected(r.error());
    if (auto r = countStatus(ctx, BillStatus::Open, BillStatus::Completed); !r)
        return std::unexpected(r.error());
    if (auto r = ctx.repo.statistics.addToDaily(ctx.at().date(), ctx.station(), QStringLiteral("bills_completed"), 1);
        !r)
        return std::unexpected(r.error());
    if (auto r = ctx.audit(QStringLiteral("bill.complete"), QStringLiteral("bill"), bill->id,
                           {{QStringLiteral("status"), QStringLiteral("open")}}, billState(*bill->row));
        !r)
        return std::unexpected(r.error());
    auto o = describeBillOutcome(ctx, bill->id, bill->id);
    if (!o)
        return o;
    o->message = QStringLiteral("Bill %1 completed with %2 parent bags; %3.")
                     .arg(bill->id)
                     .arg(o->billParents)
                     .arg(weights(*o));
    return o;
}

Result<Outcome> applyReopenBill(CommandContext &ctx, const cmd::ReopenBill &c)
{
    const auto bill = existingBill(ctx, c.billId);
    if (!bill)
        return std::unexpected(bill.error());
    if (auto ok = decideReopen(bill->facts()); !ok)
        return std::unexpected(ok.error());
    if (auto r = ctx.repo.bills.setStatus(bill->row->id, BillStatus::Open, ctx.at(), ctx.user()); !r)
        return std::unexpected(r.error());
    if (auto r = countStatus(ctx, BillStatus::Completed, BillStatus::Open); !r)
        return std::unexpected(r.error());
    if (auto r = ctx.audit(QStringLiteral("bill.reopen"), QStringLiteral("bill"), bill->id,
                           {{QStringLiteral("status"), QStringLiteral("completed")}},
                           {{QStringLiteral("status"), QStringLiteral("open")}});
        !r)
        return std::unexpected(r.error());
    auto o = describeBillOutcome(ctx, bill->id, bill->id);
    if (o)
        o->message = QStringLiteral("Bill %1 is open again.").arg(bill->id);
    return o;
}

Result<Outcome> applySetBillCapacity(CommandContext &ctx, const cmd::SetBillCapacity &c)
{
    const auto bill = existingBill(ctx, c.billId);
    if (!bill)
        return std::unexpected(bill.error());
    if (auto ok = decideSetCapacity(bill->facts(), c.capacity); !ok)
        return std::unexpected(ok.error());
    if (c.capacity == bill->row->capacity) {
        Outcome o;
        o.result = ResultKind::Duplicate;
        o.reason = Reason::Duplicate;
        o.code = bill->id;
        describeBill(o, *bill->row);
        o.message = QStringLiteral("Bill %1 already holds %2 parent bags; nothing changed.").arg(bill->id).arg(c.capacity);
        return o;
    }
    if (auto r = ctx.repo.bills.setCapacity(bill->row->id, int(c.capacity)); !r)
        return std::unexpected(r.error());
    if (auto r = ctx.audit(QStringLiteral("bill.capacity"), QStringLiteral("bill"), bill->id,
                           {{QStringLiteral("capacity"), bill->row->capacity}},
                           {{QStringLiteral("capacity"), double(c.capacity)}});
        !r)
        return std::unexpected(r.error());
    auto o = describeBillOutcome(ctx, bill->id, bill->id);
    if (o)
        o->message = QStringLiteral("Bill %1 now holds %2 parent bags (%3 on it).")
                         .arg(bill->id)
                         .arg(c.capacity)
                         .arg(o->billParents);
    return o;
}

Result<Outcome> applyDeleteBill(CommandContext &ctx, const cmd::DeleteBill &c)
{
    const auto bill = existingBill(ctx, c.billId);
    if (!bill)
        return std::unexpected(bill.error());
    const auto lines = ctx.repo.bills.lines(bill->row->id);
    if (!lines)
        return std::unexpected(lines.error());
    QJsonArray parents;
    for (const BillLine &l : *lines)
        parents.append(l.parentCode);
    QJsonObject before = billState(*bill->row);
    before.insert(QStringLiteral("parent_codes"), parents);
    if (auto r = ctx.repo.bills.remove(bill->row->id); !r)
        return std::unexpected(r.error());
    if (auto r = ctx.repo.statistics.addToTotal(bill->row->status == BillStatus::Open ? QStringLiteral("bills_open")
                                                                                       : QStringLiteral("bills_completed"),
                                                -1);
        !r)
        return std::unexpected(r.error());
    if (auto r = ctx.audit(QStringLiteral("bill.delete"), QStringLiteral("bill"), bill->id, before,
                           {{QStringLiteral("deleted"), true}});
        !r)
        return std::unexpected(r.error());
    Outcome o;
    o.result = ResultKind::Ok;
    o.code = bill->id;
    o.message = QStringLiteral("Bill %1 deleted; its %2 parent bags are free.").arg(bill->id).arg(lines->size());
    return o;
}

} // namespace tt
