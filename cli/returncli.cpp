// return open|add|finalise|cancel|show|list (BRIEF §3.4, §9): the commands go through
// CliContext::execute (SQLite or the central database); show and list read the same store.

#include "cli/cliargs.h"
#include "cli/clicontext.h"
#include "cli/commandregistry.h"
#include "core/weight.h"
#include "database/pgstore.h"
#include "database/sqlitestore.h"

#include <QJsonArray>

namespace tt {

namespace {

// The store the reads go to: the central database with --db postgresql://…, else SQLite.
Result<Store *> readStore(CliContext &ctx)
{
    if (ctx.isCentral()) {
        auto c = ctx.central();
        if (!c)
            return std::unexpected(c.error());
        return static_cast<Store *>(*c);
    }
    auto s = ctx.store();
    if (!s)
        return std::unexpected(s.error());
    return static_cast<Store *>(*s);
}

int add(CliContext &ctx, CliArgs &args)
{
    const auto ticket = args.takePositional();
    const QStringList parents = args.takeRemaining();
    if (!ticket || parents.isEmpty() || args.hasError())
        return ctx.usage(QStringLiteral("Usage: return add TICKET PARENT [PARENT…]"));
    int worst = ExitOk;
    for (const QString &p : parents) {
        const int code = ctx.execute(cmd::ReturnParent{*ticket, p});
        if (code > ExitRejected)
            return code;
        worst = std::max(worst, code);
    }
    return worst;
}

template<typename Body> int onTicket(CliContext &ctx, CliArgs &args, const char *usage)
{
    const auto ticket = args.takePositional();
    if (!ticket || args.hasError())
        return ctx.usage(QString::fromUtf8(usage));
    return ctx.execute(Body{*ticket});
}

QJsonObject ticketJson(const ReturnView &t)
{
    return {
        {QStringLiteral("ticket"), t.id},
        {QStringLiteral("status"), returnStatusName(t.status)},
        {QStringLiteral("parents"), t.parentCount},
        {QStringLiteral("weight_g"), double(t.weightG)},
        {QStringLiteral("opened_by"), t.openedBy},
        {QStringLiteral("opened_at"), isoUtc(t.openedAt)},
        {QStringLiteral("closed_by"), t.closedBy.isEmpty() ? QJsonValue() : QJsonValue(t.closedBy)},
        {QStringLiteral("closed_at"),
         t.closedAt.isValid() ? QJsonValue(isoUtc(t.closedAt)) : QJsonValue()}};
}

QString ticketLine(const ReturnView &t)
{
    return QStringLiteral("%1 %2 %3 parent bags %4")
        .arg(t.id, -17)
        .arg(returnStatusName(t.status), -9)
        .arg(t.parentCount, 3)
        .arg(formatKg(t.weightG));
}

int show(CliContext &ctx, CliArgs &args)
{
    const auto id = args.takePositional();
    if (!id || args.hasError())
        return ctx.usage(QStringLiteral("Usage: return show TICKET"));
    const auto actor = ctx.login();
    if (!actor)
        return ctx.fail(actor.error());
    const auto store = readStore(ctx);
    if (!store)
        return ctx.fail(store.error());
    const auto ticket = (*store)->returnTicket(*id);
    if (!ticket)
        return ctx.fail(ticket.error());
    if (!*ticket)
        return ctx.fail(Error{Reason::UnknownReturn,
                              QStringLiteral("There is no return ticket %1.").arg(id->left(60))});
    const ReturnView &t = **ticket;
    QJsonArray lines;
    QString text = ticketLine(t);
    for (const ReturnLine &l : t.lines) {
        lines.append(QJsonObject{{QStringLiteral("parent"), l.parentCode},
                                 {QStringLiteral("bill"), l.billId},
                                 {QStringLiteral("children"), l.childCount},
                                 {QStringLiteral("weight_g"), double(l.weightG)},
                                 {QStringLiteral("returned_by"), l.returnedBy},
                                 {QStringLiteral("returned_at"), isoUtc(l.returnedAt)}});
        text += QStringLiteral("\n  %1 from bill %2, %3 children, %4")
                    .arg(l.parentCode, l.billId)
                    .arg(l.childCount)
                    .arg(formatKg(l.weightG));
    }
    QJsonObject json = ticketJson(t);
    json.insert(QStringLiteral("lines"), lines);
    ctx.print(json, text);
    return ExitOk;
}

int list(CliContext &ctx, CliArgs &args)
{
    ReturnListFilter filter;
    const auto status = args.takeOption(QStringLiteral("--status"));
    const auto limit = args.takeOption(QStringLiteral("--limit"));
    if (status) {
        filter.status = returnStatusFromName(*status);
        if (!filter.status)
            return ctx.usage(QStringLiteral("--status takes open, finalised or cancelled."));
    }
    if (limit) {
        bool ok = false;
        filter.limit = limit->toInt(&ok);
        if (!ok || filter.limit < 1 || filter.limit > 10000)
            return ctx.usage(QStringLiteral("--limit takes 1–10000."));
    }
    if (args.hasError())
        return ctx.usage(args.error());
    const auto actor = ctx.login();
    if (!actor)
        return ctx.fail(actor.error());
    const auto store = readStore(ctx);
    if (!store)
        return ctx.fail(store.error());
    const auto tickets = (*store)->returnTickets(filter);
    if (!tickets)
        return ctx.fail(tickets.error());
    for (const ReturnView &t : *tickets)
        ctx.print(ticketJson(t), ticketLine(t));
    return ExitOk;
}

} // namespace

void registerReturnCommands(CommandRegistry &r)
{
    r.add(QStringLiteral("return open"), QString(), [](CliContext &c, CliArgs &a) {
        if (a.hasError() || !a.takeRemaining().isEmpty())
            return c.usage(QStringLiteral("Usage: return open"));
        return c.execute(cmd::OpenReturn{});
    });
    r.add(QStringLiteral("return add"), QStringLiteral("TICKET PARENT [PARENT…]"), add);
    r.add(QStringLiteral("return finalise"), QStringLiteral("TICKET"),
          [](CliContext &c, CliArgs &a) {
              return onTicket<cmd::FinaliseReturn>(c, a, "Usage: return finalise TICKET");
          });
    r.add(QStringLiteral("return cancel"), QStringLiteral("TICKET"), [](CliContext &c, CliArgs &a) {
        return onTicket<cmd::CancelReturn>(c, a, "Usage: return cancel TICKET");
    });
    r.add(QStringLiteral("return show"), QStringLiteral("TICKET"), show);
    r.add(QStringLiteral("return list"),
          QStringLiteral("[--status open|finalised|cancelled] [--limit N]"), list);
}

} // namespace tt
