#include <QFile>

#include "cli/cliargs.h"
#include "cli/clicontext.h"
#include "cli/commandregistry.h"
#include "cli/scannercli.h"
#include "core/clock.h"
#include "core/station.h"
#include "database/sqlitestore.h"

namespace tt {

namespace {

// Feeds lines (stdin or --input FILE) through the same Station workflow as the GUI, one
// outcome line per scan. A bad line never stops the stream.
int station(CliContext &ctx, CliArgs &args)
{
    if (const auto serial = args.takeOption(QStringLiteral("--serial")))
        return serialStation(ctx, args, *serial); // cli/serialstation.cpp
    const auto bill = args.takeOption(QStringLiteral("--bill"));
    const auto input = args.takeOption(QStringLiteral("--input"));
    if (args.hasError())
        return ctx.usage(args.error() + QStringLiteral(" Usage: station [--station ID] [--bill ID] [--input FILE]"));
    QFile file;
    if (input) {
        file.setFileName(*input);
        if (!file.open(QIODevice::ReadOnly))
            return ctx.fail(Error{Reason::InvalidInput,
                                  QStringLiteral("Cannot read %1: %2").arg(*input, file.errorString())});
    }
    const auto actor = ctx.login();
    if (!actor)
        return ctx.fail(actor.error());
    auto store = ctx.store();
    Station station(**store, (*store)->clock(), *actor, ctx.station());
    if (bill) {
        const Outcome selected = station.selectBill(*bill);
        if (!selected.ok()) {
            ctx.printOutcome(selected);
            return exitCodeFor(selected.reason);
        }
    }
    const auto nextLine = [&]() -> std::optional<QByteArray> {
        if (!input)
            return ctx.readInputLine();
        if (file.atEnd())
            return std::nullopt;
        QByteArray line = file.readLine();
        if (line.endsWith('\n'))
            line.chop(1);
        if (line.endsWith('\r'))
            line.chop(1);
        return line;
    };
    while (const auto line = nextLine())
        ctx.printOutcome(station.scan(QString::fromUtf8(*line)));
    return ExitOk;
}

} // namespace

void registerStationCommands(CommandRegistry &r)
{
    r.add(QStringLiteral("station"),
          QStringLiteral("[--station ID] [--bill ID] [--input FILE | --serial PORT [--baud N] "
                         "[--terminator cr|lf|crlf|none] [--count N]]"),
          station);
}

} // namespace tt
