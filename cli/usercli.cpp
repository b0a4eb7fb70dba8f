#include <QJsonArray>

#include "cli/cliargs.h"
#include "cli/clicontext.h"
#include "cli/commandregistry.h"
#include "cli/listprinters.h"
#include "core/clock.h"
#include "database/accountservice.h"
#include "database/centraladmin.h"
#include "database/sqlitestore.h"

namespace tt {

namespace {

// Logs in and hands the account service to the action; prints "ok" with the message.
int withAccounts(CliContext &ctx, CliArgs &args, const QString &usageText,
                 const std::function<Result<QString>(AccountService &, const Actor &)> &action)
{
    if (args.hasError())
        return ctx.usage(args.error() + QLatin1Char(' ') + usageText);
    const auto actor = ctx.login();
    if (!actor)
        return ctx.fail(actor.error());
    auto store = ctx.store();
    AccountService accounts((*store)->statements(), (*store)->clock());
    const auto message = action(accounts, *actor);
    if (!message)
        return ctx.fail(message.error());
    ctx.print({{QStringLiteral("result"), QStringLiteral("ok")}, {QStringLiteral("message"), *message}}, *message);
    return ExitOk;
}

int add(CliContext &ctx, CliArgs &args)
{
    const auto role = args.takeOption(QStringLiteral("--role"));
    const QString area = args.takeOption(QStringLiteral("--area")).value_or(QString());
    const auto name = args.takePositional();
    const QString usageText = QStringLiteral("Usage: user add NAME --role dispatcher|biller|admin [--area AREA]");
    if (!name || !role)
        return ctx.usage(usageText);
    const auto parsedRole = roleFromName(*role);
    if (!parsedRole)
        return ctx.usage(QStringLiteral("Unknown role \"%1\". ").arg(role->left(20)) + usageText);
    return withAccounts(ctx, args, usageText, [&](AccountService &accounts, const Actor &actor) -> Result<QString> {
        if (!isAllowed(actor.role, Permission::Administer))
            return fail(Reason::PermissionDenied, QStringLiteral("Only an admin adds users."));
        const auto password = ctx.secret("TRACETRACK_NEW_PASSWORD");
        if (!password)
            return fail(Reason::WeakPassword, QStringLiteral("The new user's password: set TRACETRACK_NEW_PASSWORD "
                                                             "or give it on the next line of stdin."));
        if (auto r = accounts.addUser(actor, ctx.station(), *name, *password, *parsedRole, area); !r)
            return std::unexpected(r.error());
        return QStringLiteral("User %1 (%2) created.").arg(name->trimmed().toLower(), *role);
    });
}

int list(CliContext &ctx, CliArgs &args)
{
    if (args.hasError())
        return ctx.usage(args.error());
    const auto actor = ctx.login();
    if (!actor)
        return ctx.fail(actor.error());
    if (!isAllowed(actor->role, Permission::Administer))
        return ctx.fail(Error{Reason::PermissionDenied, QStringLiteral("Only an admin lists users.")});
    auto store = ctx.store();
    AccountService accounts((*store)->statements(), (*store)->clock());
    const auto users = accounts.list();
    if (!users)
        return ctx.fail(users.error());
    printUsers(ctx, *users, (*store)->clock().now());
    return ExitOk;
}

int setRole(CliContext &ctx, CliArgs &args)
{
    const auto name = args.takePositional();
    const auto role = args.takePositional();
    const QString usageText = QStringLiteral("Usage: user set-role NAME dispatcher|biller|admin");
    if (!name || !role || !roleFromName(*role))
        return ctx.usage(usageText);
    return withAccounts(ctx, args, usageText, [&](AccountService &accounts, const Actor &actor) -> Result<QString> {
        if (auto r = accounts.setRole(actor, ctx.station(), *name, *roleFromName(*role)); !r)
            return std::unexpected(r.error());
        return QStringLiteral("%1 is now %2.").arg(name->trimmed().toLower(), *role);
    });
}

int setEnabled(CliContext &ctx, CliArgs &args, bool enabled)
{
    const auto name = args.takePositional();
    const QString usageText = enabled ? QStringLiteral("Usage: user enable NAME") : QStringLiteral("Usage: user disable NAME");
    if (!name)
        return ctx.usage(usageText);
    return withAccounts(ctx, args, usageText, [&](AccountService &accounts, const Actor &actor) -> Result<QString> {
        if (auto r = accounts.setEnabled(actor, ctx.station(), *name, enabled); !r)
            return std::unexpected(r.error());
        return QStringLiteral("%1 %2.").arg(name->trimmed().toLower(),
                                            enabled ? QStringLiteral("enabled") : QStringLiteral("disabled"));
    });
}

int unlock(CliContext &ctx, CliArgs &args)
{
    const auto name = args.takePositional();
    const QString usageText = QStringLiteral("Usage: user unlock NAME");
    if (!name)
        return ctx.usage(usageText);
    return withAccounts(ctx, args, usageText, [&](AccountService &accounts, const Actor &actor) -> Result<QString> {
        if (auto r = accounts.unlock(actor, ctx.station(), *name); !r)
            return std::unexpected(r.error());
        return QStringLiteral("%1 unlocked.").arg(name->trimmed().toLower());
    });
}

int passwd(CliContext &ctx, CliArgs &args)
{
    const auto name = args.takePositional();
    const QString usageText = QStringLiteral("Usage: user passwd NAME (new password in TRACETRACK_NEW_PASSWORD or on stdin)");
    if (!name)
        return ctx.usage(usageText);
    return withAccounts(ctx, args, usageText, [&](AccountService &accounts, const Actor &actor) -> Result<QString> {
        const auto password = ctx.secret("TRACETRACK_NEW_PASSWORD");
        if (!password)
            return fail(Reason::WeakPassword, QStringLiteral("No new password given."));
        if (auto r = accounts.setPassword(actor, ctx.station(), *name, *password); !r)
            return std::unexpected(r.error());
        return QStringLiteral("Password of %1 changed.").arg(name->trimmed().toLower());
    });
}

int printEnrolment(CliContext &ctx, const Result<TotpEnrolment> &enrolment)
{
    if (!enrolment)
        return ctx.fail(enrolment.error());
    ctx.print({{QStringLiteral("result"), QStringLiteral("pending")},
               {QStringLiteral("secret"), enrolment->secretBase32},
               {QStringLiteral("uri"), enrolment->uri}},
              QStringLiteral("Add this key to an authenticator app (or open the URI as a QR code):\n  %1\n  %2\n"
                             "Then confirm with the code it shows: user totp confirm CODE")
                  .arg(enrolment->secretBase32, enrolment->uri));
    return ExitOk;
}

// user totp with --db postgresql://…: the central database keeps the secret (migration 008).
int centralTotp(CliContext &ctx, const Actor &actor, const QString &action, const std::optional<QString> &argument)
{
    auto central = ctx.centralSession();
    if (!central)
        return ctx.fail(central.error());
    CentralAdmin admin(**central);
    if (action == u"enable")
        return printEnrolment(ctx, admin.beginTotp(actor.user));
    const auto message = action == u"confirm" ? admin.confirmTotp(*argument)
                                              : admin.disableTotp(argument.value_or(actor.user));
    if (!message)
        return ctx.fail(message.error());
    ctx.print({{QStringLiteral("result"), QStringLiteral("ok")}, {QStringLiteral("message"), *message}}, *message);
    return ExitOk;
}

} // namespace

// user totp enable | confirm CODE | disable [NAME]: the actor's own second factor; an admin also
// turns off another user's. Also registered for central mode (cli/centralreadcli.cpp).
int userTotpCommand(CliContext &ctx, CliArgs &args)
{
    const auto action = args.takePositional();
    const auto argument = args.takePositional();
    const QString usageText = QStringLiteral("Usage: user totp enable | user totp confirm CODE | user totp disable [NAME]");
    if (!action || (*action != u"enable" && *action != u"confirm" && *action != u"disable")
        || (*action == u"confirm" && !argument) || (*action == u"enable" && argument))
        return ctx.usage(usageText);
    if (args.hasError())
        return ctx.usage(args.error() + QLatin1Char(' ') + usageText);
    const auto actor = ctx.login();
    if (!actor)
        return ctx.fail(actor.error());
    if (ctx.isCentral())
        return centralTotp(ctx, *actor, *action, argument);
    auto store = ctx.store();
    AccountService accounts((*store)->statements(), (*store)->clock());
    if (*action == u"enable") {
        return printEnrolment(ctx, accounts.beginTotp(*actor, ctx.station()));
    }
    const auto done = *action == u"confirm" ? accounts.confirmTotp(*actor, ctx.station(), *argument)
                                            : accounts.disableTotp(*actor, ctx.station(), argument.value_or(actor->user));
    if (!done)
        return ctx.fail(done.error());
    const QString message = *action == u"confirm"
        ? QStringLiteral("One-time code on: %1 logs in with password and code.").arg(actor->user)
        : QStringLiteral("One-time code of %1 off.").arg(argument.value_or(actor->user).trimmed().toLower());
    ctx.print({{QStringLiteral("result"), QStringLiteral("ok")}, {QStringLiteral("message"), message}}, message);
    return ExitOk;
}

void registerUserCommands(CommandRegistry &r)
{
    r.add(QStringLiteral("user add"), QStringLiteral("NAME --role ROLE [--area AREA]"), add);
    r.add(QStringLiteral("user list"), {}, list);
    r.add(QStringLiteral("user set-role"), QStringLiteral("NAME ROLE"), setRole);
    r.add(QStringLiteral("user disable"), QStringLiteral("NAME"), [](CliContext &c, CliArgs &a) { return setEnabled(c, a, false); });
    r.add(QStringLiteral("user enable"), QStringLiteral("NAME"), [](CliContext &c, CliArgs &a) { return setEnabled(c, a, true); });
    r.add(QStringLiteral("user unlock"), QStringLiteral("NAME"), unlock);
    r.add(QStringLiteral("user passwd"), QStringLiteral("NAME"), passwd);
    r.add(QStringLiteral("user totp"), QStringLiteral("enable | confirm CODE | disable [NAME]"), userTotpCommand);
}

} // namespace tt
