#include <QJsonArray>

#include "cli/cliargs.h"
#include "cli/clicontext.h"
#include "cli/commandregistry.h"
#include "cli/listprinters.h"
#include "core/weight.h"
#include "database/repositories.h"
#include "database/sqlitestore.h"

namespace tt {

namespace {

std::optional<qint64> number(const std::optional<QString> &text)
{
    if (!text)
        return std::nullopt;
    bool ok = false;
    const qint64 n = text->toLongLong(&ok);
    return ok ? std::optional<qint64>(n) : std::nullopt;
}

int create(CliContext &ctx, CliArgs &args)
{
    const auto capacityText = args.takeOption(QStringLiteral("--capacity"));
    const auto id = args.takePositional();
    const auto capacity = number(capacityText);
    if (!id || !capacity || args.hasError())
        return ctx.usage(QStringLiteral("Usage: bill create ID --capacity 1..500"));
    return ctx.execute(cmd::CreateBill{*id, *capacity});
}

int add(CliContext &ctx, CliArgs &args)
{
    const auto id = args.takePositional();
    const QStringList parents = args.takeRemaining();
    if (!id || parents.isEmpty() || args.hasError())
        return ctx.usage(QStringLiteral("Usage: bill add ID PARENT [PARENT…]"));
    int worst = ExitOk;
    for (const QString &p : parents) {
        const int code = ctx.execute(cmd::AddParentToBill{*id, p});
        if (code > ExitRejected)
            return code;
        worst = std::max(worst, code);
    }
    return worst;
}

int removeParent(CliContext &ctx, CliArgs &args)
{
    const auto id = args.takePositional();
    const auto parent = args.takePositional();
    if (!id || !parent || args.hasError())
        return ctx.usage(QStringLiteral("Usage: bill remove ID PARENT"));
    return ctx.execute(cmd::RemoveParentFromBill{*id, *parent});
}

template<typename Body>
int simple(CliContext &ctx, CliArgs &args, const char *usage)
{
    const auto id = args.takePositional();
    if (!id || args.hasError())
        return ctx.usage(QString::fromUtf8(usage));
    return ctx.execute(Body{*id});
}

int capacity(CliContext &ctx, CliArgs &args)
{
    const auto id = args.takePositional();
    const auto n = number(args.takePositional());
    if (!id || !n || args.hasError())
        return ctx.usage(QStringLiteral("Usage: bill capacity ID N"));
    return ctx.execute(cmd::SetBillCapacity{*id, *n});
}

QJsonObject billJson(const BillDetails &b)
{
    QJsonArray lines;
    for (const BillLine &l : b.lines)
        lines.append(QJsonObject{{QStringLiteral("parent"), l.parentCode},
                                 {QStringLiteral("children"), l.childCount},
                                 {QStringLiteral("capacity"), l.capacity},
                                 {QStringLiteral("actual_weight_g"), double(l.actualWeightG)},
                                 {QStringLiteral("expected_weight_g"), double(l.expectedWeightG)}});
    return {{QStringLiteral("bill"), b.id},
            {QStringLiteral("status"), billStatusName(b.status)},
            {QStringLiteral("capacity"), b.capacity},
            {QStringLiteral("parents"), b.parentCount},
            {QStringLiteral("actual_weight_g"), double(b.weights.actualG)},
            {QStringLiteral("expected_weight_g"), double(b.weights.expectedG)},
            {QStringLiteral("variance_g"), double(b.weights.varianceG())},
            {QStringLiteral("variance_percent"), b.weights.variancePercent()},
            {QStringLiteral("created_by"), b.createdBy},
            {QStringLiteral("created_at"), isoUtc(b.createdAt)},
            {QStringLiteral("lines"), lines}};
}

int show(CliContext &ctx, CliArgs &args)
{
    const auto id = args.takePositional();
    if (!id || args.hasError())
        return ctx.usage(QStringLiteral("Usage: bill show ID"));
    const auto actor = ctx.login();
    if (!actor)
        return ctx.fail(actor.error());
    auto store = ctx.store();
    const auto bill = (*store)->bill(*id);
    if (!bill)
        return ctx.fail(bill.error());
    if (!*bill)
        return ctx.fail(Error{Reason::UnknownBill, QStringLiteral("There is no bill %1.").arg(id->left(60))});
    const BillDetails &b = **bill;
    QString text = QStringLiteral("Bill %1 (%2), %3/%4 parent bags\n  actual %5, expected %6, variance %7")
                       .arg(b.id, billStatusName(b.status))
                       .arg(b.parentCount)
                       .arg(b.capacity)
                       .arg(formatKg(b.weights.actualG), formatKg(b.weights.expectedG), formatVariance(b.weights));
    for (const BillLine &l : b.lines)
        text += QStringLiteral("\n  %1  %2/%3 children  %4").arg(l.parentCode).arg(l.childCount).arg(l.capacity).arg(formatKg(l.actualWeightG));
    ctx.print(billJson(b), text);
    return ExitOk;
}

int list(CliContext &ctx, CliArgs &args)
{
    const auto filter = billListArguments(ctx, args);
    if (!filter)
        return filter.error();
    const auto actor = ctx.login();
    if (!actor)
        return ctx.fail(actor.error());
    auto store = ctx.store();
    const auto rows = (*store)->repositories().bills.list(*filter);
    if (!rows)
        return ctx.fail(rows.error());
    printBillRows(ctx, *rows);
    return ExitOk;
}

} // namespace

void registerBillCommands(CommandRegistry &r)
{
    r.add(QStringLiteral("bill create"), QStringLiteral("ID --capacity N"), create);
    r.add(QStringLiteral("bill add"), QStringLiteral("ID PARENT [PARENT…]"), add);
    r.add(QStringLiteral("bill remove"), QStringLiteral("ID PARENT"), removeParent);
    r.add(QStringLiteral("bill complete"), QStringLiteral("ID"),
          [](CliContext &c, CliArgs &a) { return simple<cmd::CompleteBill>(c, a, "Usage: bill complete ID"); });
    r.add(QStringLiteral("bill reopen"), QStringLiteral("ID"),
          [](CliContext &c, CliArgs &a) { return simple<cmd::ReopenBill>(c, a, "Usage: bill reopen ID"); });
    r.add(QStringLiteral("bill delete"), QStringLiteral("ID"),
          [](CliContext &c, CliArgs &a) { return simple<cmd::DeleteBill>(c, a, "Usage: bill delete ID"); });
    r.add(QStringLiteral("bill capacity"), QStringLiteral("ID N"), capacity);
    r.add(QStringLiteral("bill show"), QStringLiteral("ID"), show);
    r.add(QStringLiteral("bill list"), QStringLiteral("[--status open|completed] [--search TEXT] [--limit N]"), list);
}

} // namespace tt
