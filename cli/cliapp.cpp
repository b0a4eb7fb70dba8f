#include "cli/cliapp.h"

#include <QTextStream>

#include "cli/cliargs.h"
#include "cli/clicontext.h"
#include "cli/commandregistry.h"
#include "database/pgconnection.h"

#include <cstdio>

namespace tt {

namespace {

QString envOr(const std::optional<QString> &value, const char *env)
{
    if (value)
        return *value;
    return QString::fromLocal8Bit(qgetenv(env));
}

void printHelp(QTextStream &out, const CommandRegistry &registry)
{
    out << "tracetrack-cli — TraceTrack from the command line\n\n"
           "Usage: tracetrack-cli [--db sqlite:PATH] [--user NAME] [--password-stdin] [--json]\n"
           "                      [--station ID] [--cache PATH] COMMAND [ARGS]\n\n"
           "Password: TRACETRACK_PASSWORD or the first line of stdin with --password-stdin.\n"
           "One-time code of an account with a second factor: --totp CODE or TRACETRACK_TOTP.\n"
           "Environment: TRACETRACK_DB, TRACETRACK_USER, TRACETRACK_STATION, TRACETRACK_TOTP,\n"
           "TRACETRACK_CACHE.\n"
           "Exit codes: 0 ok, 1 rejected by a rule, 2 usage, 3 bad credentials, 4 account locked,\n"
           "            5 permission denied, 6 database unreachable.\n\nCommands:\n";
    for (const auto &e : registry.entries())
        out << "  " << e.name << (e.synopsis.isEmpty() ? QString() : QStringLiteral(" ") + e.synopsis) << '\n';
    out.flush();
}

} // namespace

int runCli(const QStringList &arguments)
{
    QTextStream out(stdout);
    QTextStream err(stderr);
    CommandRegistry registry;
    registerAdminCommands(registry);
    registerUserCommands(registry);
    registerAdminDataCommands(registry);
    registerStationCommands(registry);
    registerBagCommands(registry);
    registerBillCommands(registry);
    registerReturnCommands(registry);
    registerReportCommands(registry);
    registerScannerCommands(registry);
    registerBenchCommands(registry);
    registerSyncCommands(registry);

    CliArgs all(arguments);
    GlobalOptions options;
    options.db = envOr(all.takeOption(QStringLiteral("--db")), "TRACETRACK_DB");
    options.user = envOr(all.takeOption(QStringLiteral("--user")), "TRACETRACK_USER");
    options.station = envOr(all.takeOption(QStringLiteral("--station")), "TRACETRACK_STATION");
    options.totp = envOr(all.takeOption(QStringLiteral("--totp")), "TRACETRACK_TOTP");
    options.cache = envOr(all.takeOption(QStringLiteral("--cache")), "TRACETRACK_CACHE");
    options.passwordStdin = all.takeFlag(QStringLiteral("--password-stdin"));
    options.json = all.takeFlag(QStringLiteral("--json"));
    const bool help = all.takeFlag(QStringLiteral("--help")) || all.takeFlag(QStringLiteral("-h"));

    QStringList rest = all.takeRemainingRaw();
    QStringList words;
    for (int i = 0; i < 2 && i < rest.size() && !rest.at(i).startsWith(QLatin1Char('-')); ++i)
        words.append(rest.at(i));
    if (help || words.isEmpty() || words.first() == u"help") {
        printHelp(out, registry);
        return words.isEmpty() && !help ? ExitUsage : ExitOk;
    }
    int used = 0;
    CommandRegistry central; // central mode replaces a few commands (cli/centralcli.cpp)
    if (isPostgresUrl(options.db))
        registerCentralCommands(central);
    const CommandRegistry::Entry *entry = central.find(words, &used);
    if (!entry)
        entry = registry.find(words, &used);
    CliContext ctx(options, out, err);
    if (!entry)
        return ctx.usage(QStringLiteral("Unknown command \"%1\".").arg(words.join(QLatin1Char(' ')).left(60)));
    rest.remove(0, used);
    CliArgs args(rest);
    return entry->handler(ctx, args);
}

} // namespace tt
