// Read commands and user administration with --db postgresql://… : each goes through one
// session-checked function of the central database (migration 004), so the database decides
// what the logged-in user may see or change. Output is the same as in embedded mode.

#include "cli/cliargs.h"
#include "cli/clicontext.h"
#include "cli/commandregistry.h"
#include "cli/listprinters.h"
#include "core/clock.h"
#include "database/centraladmin.h"
#include "database/pgstore.h"

#include <QJsonArray>

namespace tt {

namespace {

// Logs in --user and returns the central store.
Result<PgStore *> loggedIn(CliContext &ctx)
{
    const auto actor = ctx.login();
    if (!actor)
        return std::unexpected(actor.error());
    return ctx.centralSession();
}

int stats(CliContext &ctx, CliArgs &args)
{
    if (args.hasError())
        return ctx.usage(args.error());
    auto store = loggedIn(ctx);
    if (!store)
        return ctx.fail(store.error());
    const auto figures = (*store)->statistics((*store)->clock().now().toUTC().date());
    if (!figures)
        return ctx.fail(figures.error());
    printStatistics(ctx, figures->totals, figures->today);
    return ExitOk;
}

int bagSearch(CliContext &ctx, CliArgs &args)
{
    const auto query = bagSearchArguments(ctx, args);
    if (!query)
        return query.error();
    auto store = loggedIn(ctx);
    if (!store)
        return ctx.fail(store.error());
    const auto rows = (*store)->searchBags(query->first, query->second);
    if (!rows)
        return ctx.fail(rows.error());
    printBagRows(ctx, *rows);
    return ExitOk;
}

int billList(CliContext &ctx, CliArgs &args)
{
    const auto filter = billListArguments(ctx, args);
    if (!filter)
        return filter.error();
    auto store = loggedIn(ctx);
    if (!store)
        return ctx.fail(store.error());
    const auto rows = (*store)->bills(*filter);
    if (!rows)
        return ctx.fail(rows.error());
    printBillRows(ctx, *rows);
    return ExitOk;
}

int userList(CliContext &ctx, CliArgs &args)
{
    if (args.hasError())
        return ctx.usage(args.error());
    auto store = loggedIn(ctx);
    if (!store)
        return ctx.fail(store.error());
    const auto users = (*store)->users();
    if (!users)
        return ctx.fail(users.error());
    printUsers(ctx, *users, QDateTime::currentDateTimeUtc());
    return ExitOk;
}

// Prints the server's message, or fails with its reason.
int done(CliContext &ctx, const Result<QString> &message)
{
    if (!message)
        return ctx.fail(message.error());
    ctx.print(
        {{QStringLiteral("result"), QStringLiteral("ok")}, {QStringLiteral("message"), *message}},
        *message);
    return ExitOk;
}

int userAdd(CliContext &ctx, CliArgs &args)
{
    const auto role = args.takeOption(QStringLiteral("--role"));
    const auto area = args.takeOption(QStringLiteral("--area"));
    const auto name = args.takePositional();
    const QString usageText = QStringLiteral("Usage: user add NAME --role dispatcher|biller|admin [--area AREA]");
    if (!name || !role || !roleFromName(*role) || args.hasError())
        return ctx.usage(usageText);
    auto store = loggedIn(ctx);
    if (!store)
        return ctx.fail(store.error());
    const auto password = ctx.secret("TRACETRACK_NEW_PASSWORD");
    if (!password)
        return ctx.fail(Error{Reason::WeakPassword,
                              QStringLiteral("The new user's password: set "
                                             "TRACETRACK_NEW_PASSWORD or give it on the next "
                                             "line of stdin.")});
    const auto added = (*store)->addUser(*name, *password, *roleFromName(*role));
    if (!added || !area)
        return done(ctx, added);
    const auto placed = CentralAdmin(**store).setUserArea(*name, *area);
    return done(ctx, placed ? Result<QString>(*added + QLatin1Char(' ') + *placed) : placed);
}

// user set-role|enable|disable|unlock|passwd NAME [ROLE]
int userChange(CliContext &ctx, CliArgs &args, PgStore::UserChange change)
{
    const auto name = args.takePositional();
    const auto role = change == PgStore::UserChange::Role ? args.takePositional() : std::nullopt;
    if (!name || args.hasError() ||
        (change == PgStore::UserChange::Role && (!role || !roleFromName(*role))))
        return ctx.usage(change == PgStore::UserChange::Role
                             ? QStringLiteral("Usage: user set-role NAME ROLE")
                             : QStringLiteral("Usage: user enable|disable|unlock|passwd NAME"));
    auto store = loggedIn(ctx);
    if (!store)
        return ctx.fail(store.error());
    QString value = role.value_or(QString());
    if (change == PgStore::UserChange::Password) {
        const auto password = ctx.secret("TRACETRACK_NEW_PASSWORD");
        if (!password)
            return ctx.fail(Error{Reason::WeakPassword, QStringLiteral("No new password given.")});
        value = *password;
    }
    return done(ctx, (*store)->changeUser(change, *name, value));
}

} // namespace

int userTotpCommand(CliContext &ctx, CliArgs &args); // cli/usercli.cpp

void registerCentralReadCommands(CommandRegistry &r)
{
    using C = PgStore::UserChange;
    r.add(QStringLiteral("stats"), {}, stats);
    r.add(QStringLiteral("bag search"), QStringLiteral("TEXT [--limit N]"), bagSearch);
    r.add(QStringLiteral("bill list"),
          QStringLiteral("[--status open|completed] [--search TEXT] [--limit N]"), billList);
    r.add(QStringLiteral("user list"), {}, userList);
    r.add(QStringLiteral("user add"), QStringLiteral("NAME --role ROLE [--area AREA]"), userAdd);
    r.add(QStringLiteral("user set-role"), QStringLiteral("NAME ROLE"),
          [](CliContext &c, CliArgs &a) { return userChange(c, a, C::Role); });
    r.add(QStringLiteral("user enable"), QStringLiteral("NAME"),
          [](CliContext &c, CliArgs &a) { return userChange(c, a, C::Enable); });
    r.add(QStringLiteral("user disable"), QStringLiteral("NAME"),
          [](CliContext &c, CliArgs &a) { return userChange(c, a, C::Disable); });
    r.add(QStringLiteral("user unlock"), QStringLiteral("NAME"),
          [](CliContext &c, CliArgs &a) { return userChange(c, a, C::Unlock); });
    r.add(QStringLiteral("user passwd"), QStringLiteral("NAME"),
          [](CliContext &c, CliArgs &a) { return userChange(c, a, C::Password); });
    r.add(QStringLiteral("user totp"), QStringLiteral("enable | confirm CODE | disable [NAME]"), userTotpCommand);
}

} // namespace tt
