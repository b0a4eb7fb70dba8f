#include "database/returncommands.h"

#include "core/returnrules.h"
#include "core/weight.h"
#include "database/billcommands.h"
#include "database/commandcontext.h"

#include <QTimeZone>

namespace tt {

namespace {

// The ticket named by a command: the normalised id and its row (absent when unknown).
struct TicketLookup
{
    QString id;
    std::optional<ReturnRow> row;
    std::optional<ReturnFacts> facts() const
    {
        return row ? std::optional<ReturnFacts>(row->facts()) : std::nullopt;
    }
};

Result<TicketLookup> lookupTicket(CommandContext &ctx, const QString &raw)
{
    const auto id = normalizeReturnId(raw);
    if (!id)
        return std::unexpected(id.error());
    auto row = ctx.repo.returns.find(*id);
    if (!row)
        return std::unexpected(row.error());
    return TicketLookup{*id, *row};
}

// The rules know no ids; the stores name the ticket in unknown_return.
Error named(Error e, const QString &ticketId)
{
    if (e.reason == Reason::UnknownReturn)
        e.message = QStringLiteral("There is no return ticket %1.").arg(ticketId);
    return e;
}

QJsonObject ticketState(const ReturnRow &t, ReturnStatus status)
{
    return {{QStringLiteral("ticket"), t.code},
            {QStringLiteral("status"), returnStatusName(status)},
            {QStringLiteral("parents"), t.parentCount},
            {QStringLiteral("weight_g"), double(t.weightG)}};
}

Outcome ticketOutcome(const QString &ticketId)
{
    Outcome o;
    o.result = ResultKind::Ok;
    o.code = ticketId;
    o.ticket = ticketId;
    return o;
}

// Finalise and cancel: the ticket leaves the open state with its lines as they are.
Result<Outcome> closeTicket(CommandContext &ctx, const TicketLookup &t, ReturnStatus status)
{
    if (auto r = ctx.repo.returns.close(t.row->id, status, ctx.at(), ctx.user()); !r)
        return std::unexpected(r.error());
    const QString action = status == ReturnStatus::Finalised ? QStringLiteral("return.finalise")
                                                             : QStringLiteral("return.cancel");
    if (auto r = ctx.audit(action, QStringLiteral("return"), t.id,
                           ticketState(*t.row, ReturnStatus::Open), ticketState(*t.row, status));
        !r)
        return std::unexpected(r.error());
    return ticketOutcome(t.id);
}

} // namespace

Result<Outcome> applyOpenReturn(CommandContext &ctx, const cmd::OpenReturn &)
{
    auto zone = ctx.repo.settings.value(QStringLiteral("business_time_zone"));
    if (!zone)
        return std::unexpected(zone.error());
    const QDate day =
        businessDay(ctx.at(), QTimeZone(zone->value_or(QStringLiteral("UTC")).toUtf8()));
    const auto sequence = ctx.repo.returns.nextSequence(day);
    if (!sequence)
        return std::unexpected(sequence.error());
    const auto id = returnTicketId(day, *sequence);
    if (!id)
        return std::unexpected(id.error());
    auto ticket = ctx.repo.returns.insert(*id, day, *sequence, ctx.at(), ctx.user(), ctx.station());
    if (!ticket)
        return std::unexpected(ticket.error());
    if (auto r = ctx.audit(QStringLiteral("return.open"), QStringLiteral("return"), *id, {},
                           ticketState(*ticket, ReturnStatus::Open));
        !r)
        return std::unexpected(r.error());
    Outcome o = ticketOutcome(*id);
    o.message =
        QStringLiteral("Return ticket %1 opened; scan the parent bags coming back.").arg(*id);
    return o;
}

Result<Outcome> applyReturnParent(CommandContext &ctx, const cmd::ReturnParent &c)
{
    const auto ticket = lookupTicket(ctx, c.ticketId);
    if (!ticket)
        return std::unexpected(ticket.error());
    const auto code = bagCodeFrom(c.parentCode);
    if (!code)
        return std::unexpected(code.error());
    const auto parent = ctx.repo.bags.find(*code);
    if (!parent)
        return std::unexpected(parent.error());
    ReturnParentInput in;
    in.ticket = ticket->facts();
    in.parentCode = *code;
    std::optional<BillRow> bill;
    if (*parent) {
        in.parentRole = (*parent)->role;
        auto current = ctx.repo.bills.findOfParent((*parent)->id);
        if (!current)
            return std::unexpected(current.error());
        bill = *current;
        if (bill)
            in.parentBillId = bill->code;
    }
    if (ticket->row) {
        const auto onTicket = ctx.repo.returns.hasLine(ticket->row->id, *code);
        if (!onTicket)
            return std::unexpected(onTicket.error());
        in.onThisTicket = *onTicket;
    }
    if (auto ok = decideReturnParent(in); !ok)
        return std::unexpected(named(ok.error(), ticket->id));

    const BagRow &p = **parent;
    const auto reopened = takeParentOffBill(ctx, *bill, p, ticket->id);
    if (!reopened)
        return std::unexpected(reopened.error());
    const ReturnLine line{p.code,   bill->code, p.childCount, p.contentsWeightG,
                          ctx.at(), ctx.user()};
    if (auto r = ctx.repo.returns.addLine(ticket->row->id, line); !r)
        return std::unexpected(r.error());
    if (auto r = ctx.recordScan(p.code, QStringLiteral("return"), p.code, bill->code); !r)
        return std::unexpected(r.error());
    if (auto r =
            ctx.audit(QStringLiteral("return.add_parent"), QStringLiteral("return"), ticket->id, {},
                      {{QStringLiteral("parent"), p.code},
                       {QStringLiteral("bill"), bill->code},
                       {QStringLiteral("children"), p.childCount},
                       {QStringLiteral("weight_g"), double(p.contentsWeightG)}});
        !r)
        return std::unexpected(r.error());
    const auto after = ctx.repo.bills.find(bill->code);
    if (!after)
        return std::unexpected(after.error());
    Outcome o = ticketOutcome(ticket->id);
    o.code = p.code;
    describeParent(o, p);
    if (*after)
        describeBill(o, **after);
    o.message =
        QStringLiteral(
            "%1 returned from bill %2 with %3 children (%4); the bill has %5/%6 parent bags%7. "
            "Ticket %8: %9 returned.")
            .arg(p.code, bill->code)
            .arg(p.childCount)
            .arg(formatKg(p.contentsWeightG))
            .arg(o.billParents)
            .arg(o.billCapacity)
            .arg(*reopened ? QStringLiteral(" and is open again") : QString())
            .arg(ticket->id)
            .arg(ticket->row->parentCount + 1);
    return o;
}

Result<Outcome> applyFinaliseReturn(CommandContext &ctx, const cmd::FinaliseReturn &c)
{
    const auto ticket = lookupTicket(ctx, c.ticketId);
    if (!ticket)
        return std::unexpected(ticket.error());
    if (auto ok = decideFinaliseReturn(ticket->facts()); !ok)
        return std::unexpected(named(ok.error(), ticket->id));
    auto o = closeTicket(ctx, *ticket, ReturnStatus::Finalised);
    if (o)
        o->message = QStringLiteral("Return ticket %1 finalised with %2 parent bags (%3).")
                         .arg(ticket->id)
                         .arg(ticket->row->parentCount)
                         .arg(formatKg(ticket->row->weightG));
    return o;
}

Result<Outcome> applyCancelReturn(CommandContext &ctx, const cmd::CancelReturn &c)
{
    const auto ticket = lookupTicket(ctx, c.ticketId);
    if (!ticket)
        return std::unexpected(ticket.error());
    if (auto ok = decideCancelReturn(ticket->facts()); !ok)
        return std::unexpected(named(ok.error(), ticket->id));
    auto o = closeTicket(ctx, *ticket, ReturnStatus::Cancelled);
    if (o)
        o->message =
            QStringLiteral(
                "Return ticket %1 cancelled; the %2 parent bags already returned stay off their "
                "bills.")
                .arg(ticket->id)
                .arg(ticket->row->parentCount);
    return o;
}

} // namespace tt
