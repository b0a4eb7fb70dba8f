#include <QJsonArray>

#include "cli/cliargs.h"
#include "cli/clicontext.h"
#include "cli/commandregistry.h"
#include "cli/listprinters.h"
#include "database/repositories.h"
#include "database/sqlitestore.h"

namespace tt {

namespace {

QJsonValue optionalText(const QString &s)
{
    return s.isEmpty() ? QJsonValue() : QJsonValue(s);
}

int show(CliContext &ctx, CliArgs &args)
{
    const auto code = args.takePositional();
    if (!code || args.hasError())
        return ctx.usage(QStringLiteral("Usage: bag show CODE"));
    const auto actor = ctx.login();
    if (!actor)
        return ctx.fail(actor.error());
    auto store = ctx.store();
    const auto bag = (*store)->bag(*code);
    if (!bag)
        return ctx.fail(bag.error());
    if (!*bag)
        return ctx.fail(Error{Reason::UnknownBag, QStringLiteral("There is no bag %1.").arg(code->left(60))});
    const BagDetails &b = **bag;
    QJsonObject o{{QStringLiteral("code"), b.code},
                  {QStringLiteral("role"), bagRoleName(b.role)},
                  {QStringLiteral("type"), b.typeName},
                  {QStringLiteral("created_at"), isoUtc(b.createdAt)},
                  {QStringLiteral("created_by"), b.createdBy},
                  {QStringLiteral("weight_g"), double(b.weightG)},
                  {QStringLiteral("measured_weight_g"), b.measuredWeightG ? QJsonValue(double(*b.measuredWeightG)) : QJsonValue()}};
    QString text = QStringLiteral("%1 (%2 bag, type %3)\n").arg(b.code, bagRoleName(b.role), b.typeName);
    if (b.role == BagRole::Parent) {
        o.insert(QStringLiteral("children"), b.childCount);
        o.insert(QStringLiteral("capacity"), b.capacity);
        o.insert(QStringLiteral("expected_weight_g"), double(b.expectedWeightG));
        o.insert(QStringLiteral("bill"), optionalText(b.billId));
        o.insert(QStringLiteral("child_codes"), QJsonArray::fromStringList(b.children));
        text += QStringLiteral("  %1/%2 children, contents %3 g, expected %4 g%5\n  children: %6")
                    .arg(b.childCount)
                    .arg(b.capacity)
                    .arg(b.contentsWeightG)
                    .arg(b.expectedWeightG)
                    .arg(b.billId.isEmpty() ? QString() : QStringLiteral(", on bill ") + b.billId)
                    .arg(b.children.join(QStringLiteral(", ")));
    } else {
        o.insert(QStringLiteral("parent"), optionalText(b.parentCode));
        o.insert(QStringLiteral("linked_by"), optionalText(b.linkedBy));
        o.insert(QStringLiteral("linked_at"), b.linkedAt.isValid() ? QJsonValue(isoUtc(b.linkedAt)) : QJsonValue());
        text += b.parentCode.isEmpty() ? QStringLiteral("  not linked")
                                       : QStringLiteral("  in %1 (linked by %2 at %3)")
                                             .arg(b.parentCode, b.linkedBy, isoUtc(b.linkedAt));
        text += QStringLiteral(", weight %1 g").arg(b.weightG);
    }
    ctx.print(o, text);
    return ExitOk;
}

int search(CliContext &ctx, CliArgs &args)
{
    const auto query = bagSearchArguments(ctx, args);
    if (!query)
        return query.error();
    const auto actor = ctx.login();
    if (!actor)
        return ctx.fail(actor.error());
    auto store = ctx.store();
    const auto rows = (*store)->repositories().bags.search(query->first, query->second);
    if (!rows)
        return ctx.fail(rows.error());
    printBagRows(ctx, *rows);
    return ExitOk;
}

int move(CliContext &ctx, CliArgs &args)
{
    const auto child = args.takePositional();
    const auto parent = args.takePositional();
    if (!child || !parent || args.hasError())
        return ctx.usage(QStringLiteral("Usage: bag move CHILD PARENT"));
    return ctx.execute(cmd::MoveChild{*child, *parent});
}

int remove(CliContext &ctx, CliArgs &args)
{
    const auto code = args.takePositional();
    if (!code || args.hasError())
        return ctx.usage(QStringLiteral("Usage: bag delete CODE"));
    return ctx.execute(cmd::DeleteBag{*code});
}

} // namespace

void registerBagCommands(CommandRegistry &r)
{
    r.add(QStringLiteral("bag show"), QStringLiteral("CODE"), show);
    r.add(QStringLiteral("bag search"), QStringLiteral("TEXT [--limit N]"), search);
    r.add(QStringLiteral("bag move"), QStringLiteral("CHILD PARENT"), move);
    r.add(QStringLiteral("bag delete"), QStringLiteral("CODE"), remove);
}

} // namespace tt
