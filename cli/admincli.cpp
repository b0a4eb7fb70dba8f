#include <QDate>
#include <QJsonArray>

#include "cli/cliargs.h"
#include "cli/clicontext.h"
#include "cli/commandregistry.h"
#include "cli/listprinters.h"
#include "core/clock.h"
#include "database/accountservice.h"
#include "database/migrator.h"
#include "database/repositories.h"
#include "database/seeder.h"
#include "database/sqlitestore.h"
#include "database/verifier.h"

namespace tt {

namespace {

int init(CliContext &ctx, CliArgs &args)
{
    const auto admin = args.takeOption(QStringLiteral("--admin"));
    if (args.hasError() || !admin)
        return ctx.usage(args.hasError() ? args.error() : QStringLiteral("init needs --admin NAME."));
    auto store = ctx.store(true);
    if (!store)
        return ctx.fail(store.error());
    QString password;
    if (ctx.options().passwordStdin) {
        const auto line = ctx.readInputLine();
        password = line ? QString::fromUtf8(*line) : QString();
    } else {
        password = QString::fromUtf8(qgetenv("TRACETRACK_PASSWORD"));
    }
    if (password.isEmpty())
        return ctx.fail(Error{Reason::WeakPassword,
                              QStringLiteral("init needs the admin's password in TRACETRACK_PASSWORD or on stdin "
                                             "(--password-stdin).")});
    AccountService accounts((*store)->statements(), (*store)->clock());
    if (auto r = accounts.initAdmin(*admin, password, ctx.station()); !r)
        return ctx.fail(r.error());
    ctx.print({{QStringLiteral("result"), QStringLiteral("ok")},
               {QStringLiteral("admin"), admin->trimmed().toLower()},
               {QStringLiteral("database"), (*store)->path()}},
              QStringLiteral("Database %1 is ready; admin %2 created.").arg((*store)->path(), admin->trimmed().toLower()));
    return ExitOk;
}

int migrate(CliContext &ctx, CliArgs &args)
{
    if (args.hasError())
        return ctx.usage(args.error());
    auto store = ctx.store(true);
    if (!store)
        return ctx.fail(store.error());
    Migrator m((*store)->database());
    const auto version = m.currentVersion();
    if (!version)
        return ctx.fail(version.error());
    ctx.print({{QStringLiteral("result"), QStringLiteral("ok")}, {QStringLiteral("schema_version"), *version}},
              QStringLiteral("Schema version %1 (up to date).").arg(*version));
    return ExitOk;
}

int login(CliContext &ctx, CliArgs &args)
{
    if (args.hasError())
        return ctx.usage(args.error());
    const auto actor = ctx.login();
    if (!actor)
        return ctx.fail(actor.error());
    ctx.print({{QStringLiteral("result"), QStringLiteral("ok")},
               {QStringLiteral("user"), actor->user},
               {QStringLiteral("role"), roleName(actor->role)}},
              QStringLiteral("Logged in as %1 (%2).").arg(actor->user, roleName(actor->role)));
    return ExitOk;
}

int stats(CliContext &ctx, CliArgs &args)
{
    if (args.hasError())
        return ctx.usage(args.error());
    const auto actor = ctx.login();
    if (!actor)
        return ctx.fail(actor.error());
    auto store = ctx.store();
    auto &statistics = (*store)->repositories().statistics;
    const auto totals = statistics.totals();
    const auto today = statistics.daily((*store)->clock().now().date());
    if (!totals || !today)
        return ctx.fail(!totals ? totals.error() : today.error());
    printStatistics(ctx, *totals, *today);
    return ExitOk;
}

int verify(CliContext &ctx, CliArgs &args)
{
    if (args.hasError())
        return ctx.usage(args.error());
    auto store = ctx.store();
    if (!store)
        return ctx.fail(store.error());
    Verifier verifier((*store)->statements());
    const auto mismatches = verifier.run();
    if (!mismatches)
        return ctx.fail(mismatches.error());
    QJsonArray list;
    QString text;
    for (const Mismatch &m : *mismatches) {
        list.append(QJsonObject{{QStringLiteral("check"), m.check},
                                {QStringLiteral("key"), m.key},
                                {QStringLiteral("stored"), m.stored},
                                {QStringLiteral("computed"), m.computed}});
        text += QStringLiteral("MISMATCH %1 %2: stored %3, computed %4\n").arg(m.check, m.key, m.stored, m.computed);
    }
    text += mismatches->isEmpty() ? QStringLiteral("verify: every derived value matches its recomputation.")
                                  : QStringLiteral("verify: %1 mismatch(es).").arg(mismatches->size());
    ctx.print({{QStringLiteral("result"), mismatches->isEmpty() ? QStringLiteral("ok") : QStringLiteral("mismatch")},
               {QStringLiteral("mismatches"), list}},
              text);
    return mismatches->isEmpty() ? ExitOk : ExitRejected;
}

std::optional<int> intOption(CliArgs &args, const QString &name, int fallback)
{
    const auto v = args.takeOption(name);
    if (!v)
        return fallback;
    bool ok = false;
    const int n = v->toInt(&ok);
    return ok ? std::optional<int>(n) : std::nullopt;
}

int seed(CliContext &ctx, CliArgs &args)
{
    SeedPlan plan;
    const auto bags = args.takeOption(QStringLiteral("--bags"));
    const auto parents = intOption(args, QStringLiteral("--parents"), plan.parents);
    const auto children = intOption(args, QStringLiteral("--children-per-parent"), plan.childrenPerParent);
    const auto bills = intOption(args, QStringLiteral("--bills"), 0);
    const auto billCapacity = intOption(args, QStringLiteral("--bill-capacity"), plan.billCapacity);
    if (args.hasError() || !parents || !children || !bills || !billCapacity)
        return ctx.usage(args.hasError() ? args.error() : QStringLiteral("seed: numbers expected."));
    plan.parents = *parents;
    plan.childrenPerParent = *children;
    plan.bills = *bills;
    plan.billCapacity = *billCapacity;
    if (bags) {
        bool ok = false;
        const qint64 n = bags->toLongLong(&ok);
        if (!ok || n < 1)
            return ctx.usage(QStringLiteral("--bags takes a positive number."));
        plan.parents = int(std::min<qint64>(100000, (n + plan.childrenPerParent) / (plan.childrenPerParent + 1)));
    }
    const auto actor = ctx.login();
    if (!actor)
        return ctx.fail(actor.error());
    if (!isAllowed(actor->role, Permission::Administer))
        return ctx.fail(Error{Reason::PermissionDenied, QStringLiteral("Only an admin seeds data.")});
    plan.actor = actor->user;
    auto store = ctx.store();
    Seeder seeder((*store)->statements());
    const auto report = seeder.run(plan);
    if (!report)
        return ctx.fail(report.error());
    ctx.print({{QStringLiteral("result"), QStringLiteral("ok")},
               {QStringLiteral("bags"), double(report->bags)},
               {QStringLiteral("links"), double(report->links)},
               {QStringLiteral("bills"), double(report->bills)},
               {QStringLiteral("seconds"), report->seconds}},
              QStringLiteral("Seeded %1 bags, %2 links, %3 bills in %4 s (%5 bags/s).")
                  .arg(report->bags)
                  .arg(report->links)
                  .arg(report->bills)
                  .arg(report->seconds, 0, 'f', 2)
                  .arg(qint64(double(report->bags) / std::max(report->seconds, 1e-9))));
    return ExitOk;
}

} // namespace

void registerAdminCommands(CommandRegistry &r)
{
    r.add(QStringLiteral("init"), QStringLiteral("--admin NAME"), init);
    r.add(QStringLiteral("migrate"), {}, migrate);
    r.add(QStringLiteral("login"), {}, login);
    r.add(QStringLiteral("stats"), {}, stats);
    r.add(QStringLiteral("verify"), {}, verify);
    r.add(QStringLiteral("seed"), QStringLiteral("[--bags N | --parents N] [--children-per-parent K] [--bills B "
                                                 "--bill-capacity C]"),
          seed);
}

} // namespace tt
