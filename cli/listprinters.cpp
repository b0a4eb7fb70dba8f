#include "cli/listprinters.h"

#include "cli/cliargs.h"
#include "cli/clicontext.h"
#include "core/weight.h"

namespace tt {

std::expected<std::pair<QString, int>, int> bagSearchArguments(CliContext &ctx, CliArgs &args)
{
    const auto limitText = args.takeOption(QStringLiteral("--limit"));
    const auto text = args.takePositional();
    bool ok = true;
    const int limit = limitText ? limitText->toInt(&ok) : 50;
    if (!text || args.hasError() || !ok || limit < 1 || limit > 10000)
        return std::unexpected(
            ctx.usage(QStringLiteral("Usage: bag search TEXT [--limit 1..10000]")));
    return std::pair{text->trimmed().toUpper(), limit};
}

std::expected<BillListFilter, int> billListArguments(CliContext &ctx, CliArgs &args)
{
    BillListFilter filter;
    const auto status = args.takeOption(QStringLiteral("--status"));
    filter.search = args.takeOption(QStringLiteral("--search")).value_or(QString());
    if (const auto limit = args.takeOption(QStringLiteral("--limit"))) {
        bool ok = false;
        const qint64 n = limit->toLongLong(&ok);
        if (!ok)
            return std::unexpected(ctx.usage(QStringLiteral("--limit takes a number.")));
        filter.limit = int(std::clamp<qint64>(n, 1, 10000));
    }
    if (status) {
        filter.status = billStatusFromName(*status);
        if (!filter.status)
            return std::unexpected(ctx.usage(QStringLiteral("--status takes open or completed.")));
    }
    if (args.hasError())
        return std::unexpected(ctx.usage(args.error()));
    return filter;
}

void printBagRows(CliContext &ctx, const QList<BagRow> &rows)
{
    for (const BagRow &b : rows) {
        ctx.print(
            {{QStringLiteral("code"), b.code},
             {QStringLiteral("role"), bagRoleName(b.role)},
             {QStringLiteral("children"), b.childCount},
             {QStringLiteral("capacity"), b.capacity}},
            b.role == BagRole::Parent
                ? QStringLiteral("%1 parent %2/%3").arg(b.code).arg(b.childCount).arg(b.capacity)
                : QStringLiteral("%1 child").arg(b.code));
    }
}

void printBillRows(CliContext &ctx, const QList<BillRow> &rows)
{
    for (const BillRow &b : rows)
        ctx.print({{QStringLiteral("bill"), b.code},
                   {QStringLiteral("status"), billStatusName(b.status)},
                   {QStringLiteral("parents"), b.parentCount},
                   {QStringLiteral("capacity"), b.capacity},
                   {QStringLiteral("actual_weight_g"), double(b.actualWeightG)},
                   {QStringLiteral("expected_weight_g"), double(b.expectedWeightG)}},
                  QStringLiteral("%1 %2 %3/%4 %5")
                      .arg(b.code, -20)
                      .arg(billStatusName(b.status), -10)
                      .arg(b.parentCount)
                      .arg(b.capacity)
                      .arg(formatKg(b.actualWeightG)));
}

void printStatistics(CliContext &ctx, const QMap<QString, qint64> &totals,
                     const QMap<QString, qint64> &today)
{
    QJsonObject t;
    QString text;
    for (auto it = totals.cbegin(); it != totals.cend(); ++it) {
        t.insert(it.key(), double(it.value()));
        text += QStringLiteral("%1: %2\n").arg(it.key(), -16).arg(it.value());
    }
    QJsonObject d;
    for (auto it = today.cbegin(); it != today.cend(); ++it) {
        d.insert(it.key(), double(it.value()));
        text += QStringLiteral("today %1: %2\n").arg(it.key(), -16).arg(it.value());
    }
    text.chop(1);
    ctx.print({{QStringLiteral("totals"), t}, {QStringLiteral("today"), d}}, text);
}

void printUsers(CliContext &ctx, const QList<UserInfo> &users, const QDateTime &now)
{
    for (const UserInfo &u : users) {
        const bool locked = u.lockedUntil && *u.lockedUntil > now;
        ctx.print({{QStringLiteral("user"), u.username},
                   {QStringLiteral("role"), roleName(u.role)},
                   {QStringLiteral("area"), u.area},
                   {QStringLiteral("enabled"), u.enabled},
                   {QStringLiteral("locked"), locked}},
                  QStringLiteral("%1 %2 %3 %4%5")
                      .arg(u.username, -20)
                      .arg(roleName(u.role), -10)
                      .arg(u.area, -16)
                      .arg(u.enabled ? QStringLiteral("enabled") : QStringLiteral("disabled"))
                      .arg(locked ? QStringLiteral(" locked") : QString()));
    }
}

} // namespace tt
