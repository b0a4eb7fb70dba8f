#include "cli/cliargs.h"
#include "cli/clicontext.h"
#include "cli/commandregistry.h"
#include "database/centraladmin.h"
#include "database/pgstore.h"
#include "database/repositories.h"
#include "database/sqlitestore.h"

namespace tt {

namespace {

// --name N as a whole number: absent when not given; a usage error when not a number.
std::optional<std::optional<qint64>> numberOption(CliArgs &args, const QString &name)
{
    const auto v = args.takeOption(name);
    if (!v)
        return std::optional<qint64>();
    bool ok = false;
    const qint64 n = v->toLongLong(&ok);
    if (!ok)
        return std::nullopt;
    return std::optional<qint64>(n);
}

// --active / --inactive: absent when neither is given.
std::optional<bool> activeFlag(CliArgs &args)
{
    const bool on = args.takeFlag(QStringLiteral("--active"));
    const bool off = args.takeFlag(QStringLiteral("--inactive"));
    if (on == off)
        return std::nullopt;
    return on;
}

// Logs in and reads admin data, which every user may see: from the embedded database, or with
// --db postgresql://… from the central one (session-checked list functions, migration 007).
template<class T>
Result<T> readAdminData(CliContext &ctx, const std::function<Result<T>(AdminRepository &)> &local,
                        const std::function<Result<T>(PgStore &)> &central)
{
    const auto actor = ctx.login();
    if (!actor)
        return std::unexpected(actor.error());
    if (ctx.isCentral()) {
        auto pg = ctx.centralSession();
        if (!pg)
            return std::unexpected(pg.error());
        return central(**pg);
    }
    auto store = ctx.store();
    if (!store)
        return std::unexpected(store.error());
    return local((*store)->repositories().admin);
}

QString yesNo(bool active)
{
    return active ? QStringLiteral("active") : QStringLiteral("inactive");
}

int bagTypeList(CliContext &ctx, CliArgs &args)
{
    if (args.hasError())
        return ctx.usage(args.error());
    const auto types = readAdminData<QList<BagType>>(
        ctx, [](AdminRepository &a) { return a.bagTypes(); },
        [](PgStore &c) -> Result<QList<BagType>> {
            auto set = c.bagTypes();
            if (!set)
                return std::unexpected(set.error());
            return set->types();
        });
    if (!types)
        return ctx.fail(types.error());
    for (const BagType &t : *types)
        ctx.print({{QStringLiteral("name"), t.name},
                   {QStringLiteral("role"), bagRoleName(t.role)},
                   {QStringLiteral("pattern"), t.pattern},
                   {QStringLiteral("capacity"), t.capacity},
                   {QStringLiteral("nominal_weight_g"), double(t.nominalWeightG)},
                   {QStringLiteral("expected_weight_g"), double(t.expectedWeightG)},
                   {QStringLiteral("active"), t.active}},
                  QStringLiteral("%1 %2 %3 capacity %4 nominal %5 g expected %6 g %7")
                      .arg(t.name, -10)
                      .arg(bagRoleName(t.role), -6)
                      .arg(t.pattern, -26)
                      .arg(t.capacity)
                      .arg(t.nominalWeightG)
                      .arg(t.expectedWeightG)
                      .arg(yesNo(t.active)));
    return int(ExitOk);
}

int bagTypeAdd(CliContext &ctx, CliArgs &args)
{
    const QString usageText =
        QStringLiteral("Usage: bagtype add NAME --role parent|child --pattern REGEX "
                       "[--capacity N] [--nominal-g G] [--expected-g G]");
    const auto role = args.takeOption(QStringLiteral("--role"));
    const auto pattern = args.takeOption(QStringLiteral("--pattern"));
    const auto capacity = numberOption(args, QStringLiteral("--capacity"));
    const auto nominal = numberOption(args, QStringLiteral("--nominal-g"));
    const auto expected = numberOption(args, QStringLiteral("--expected-g"));
    const auto name = args.takePositional();
    if (!name || !role || !pattern || !capacity || !nominal || !expected || args.hasError())
        return ctx.usage(args.hasError() ? args.error() + QLatin1Char(' ') + usageText : usageText);
    return ctx.execute(cmd::AddBagType{*name, *role, *pattern, capacity->value_or(0),
                                       nominal->value_or(0), expected->value_or(0)});
}

int bagTypeSet(CliContext &ctx, CliArgs &args)
{
    const QString usageText =
        QStringLiteral("Usage: bagtype set NAME [--pattern REGEX] [--capacity N] [--nominal-g G] "
                       "[--expected-g G] [--active | --inactive]");
    const auto pattern = args.takeOption(QStringLiteral("--pattern"));
    const auto capacity = numberOption(args, QStringLiteral("--capacity"));
    const auto nominal = numberOption(args, QStringLiteral("--nominal-g"));
    const auto expected = numberOption(args, QStringLiteral("--expected-g"));
    const auto active = activeFlag(args);
    const auto name = args.takePositional();
    if (!name || !capacity || !nominal || !expected || args.hasError())
        return ctx.usage(args.hasError() ? args.error() + QLatin1Char(' ') + usageText : usageText);
    return ctx.execute(cmd::SetBagType{*name, pattern, *capacity, *nominal, *expected, active});
}

// A command on one named thing: NAME is the one positional.
int onName(CliContext &ctx, CliArgs &args, const QString &usageText,
           const std::function<CommandBody(QString)> &make)
{
    const auto name = args.takePositional();
    if (!name || args.hasError())
        return ctx.usage(args.hasError() ? args.error() + QLatin1Char(' ') + usageText : usageText);
    return ctx.execute(make(*name));
}

int areaList(CliContext &ctx, CliArgs &args)
{
    if (args.hasError())
        return ctx.usage(args.error());
    const auto areas = readAdminData<QList<AreaRow>>(
        ctx, [](AdminRepository &a) { return a.areas(); },
        [](PgStore &c) { return CentralAdmin(c).areas(); });
    if (!areas)
        return ctx.fail(areas.error());
    for (const AreaRow &a : *areas)
        ctx.print({{QStringLiteral("name"), a.name},
                   {QStringLiteral("active"), a.active},
                   {QStringLiteral("users"), a.users},
                   {QStringLiteral("stations"), a.stations}},
                  QStringLiteral("%1 %2 %3 users %4 stations")
                      .arg(a.name, -20)
                      .arg(yesNo(a.active), -8)
                      .arg(a.users)
                      .arg(a.stations));
    return int(ExitOk);
}

int areaRename(CliContext &ctx, CliArgs &args)
{
    const auto name = args.takePositional();
    const auto newName = args.takePositional();
    if (!name || !newName || args.hasError())
        return ctx.usage(QStringLiteral("Usage: area rename NAME NEW-NAME"));
    return ctx.execute(cmd::SetArea{*name, *newName, std::nullopt});
}

int stationList(CliContext &ctx, CliArgs &args)
{
    if (args.hasError())
        return ctx.usage(args.error());
    const auto stations = readAdminData<QList<StationRow>>(
        ctx, [](AdminRepository &a) { return a.stations(); },
        [](PgStore &c) { return CentralAdmin(c).stations(); });
    if (!stations)
        return ctx.fail(stations.error());
    for (const StationRow &s : *stations)
        ctx.print(
            {{QStringLiteral("station"), s.id},
             {QStringLiteral("area"), s.area},
             {QStringLiteral("active"), s.active},
             {QStringLiteral("created_at"), isoUtc(s.createdAt)},
             {QStringLiteral("last_seen"), s.lastSeen ? isoUtc(*s.lastSeen) : QString()}},
            QStringLiteral("%1 %2 %3").arg(s.id, -16).arg(s.area, -20).arg(yesNo(s.active)));
    return int(ExitOk);
}

int stationAdd(CliContext &ctx, CliArgs &args)
{
    const auto area = args.takeOption(QStringLiteral("--area"));
    const auto id = args.takePositional();
    if (!id || !area || args.hasError())
        return ctx.usage(QStringLiteral("Usage: station-admin add ID --area AREA"));
    return ctx.execute(cmd::AddStation{*id, *area});
}

int stationSet(CliContext &ctx, CliArgs &args)
{
    const auto area = args.takeOption(QStringLiteral("--area"));
    const auto active = activeFlag(args);
    const auto id = args.takePositional();
    if (!id || args.hasError())
        return ctx.usage(
            QStringLiteral("Usage: station-admin set ID [--area AREA] [--active | --inactive]"));
    return ctx.execute(cmd::SetStation{*id, area, active});
}

} // namespace

void registerAdminDataCommands(CommandRegistry &r)
{
    r.add(QStringLiteral("bagtype list"), {}, bagTypeList);
    r.add(QStringLiteral("bagtype add"),
          QStringLiteral("NAME --role parent|child --pattern REGEX [--capacity N] [--nominal-g G] "
                         "[--expected-g G]"),
          bagTypeAdd);
    r.add(QStringLiteral("bagtype set"),
          QStringLiteral("NAME [--pattern REGEX] [--capacity N] [--nominal-g G] [--expected-g G] "
                         "[--active|--inactive]"),
          bagTypeSet);
    r.add(QStringLiteral("bagtype delete"), QStringLiteral("NAME (only a type no bag has)"),
          [](CliContext &c, CliArgs &a) {
              return onName(c, a, QStringLiteral("Usage: bagtype delete NAME"),
                            [](QString n) { return CommandBody(cmd::DeleteBagType{n}); });
          });
    r.add(QStringLiteral("area list"), {}, areaList);
    r.add(QStringLiteral("area add"), QStringLiteral("NAME"), [](CliContext &c, CliArgs &a) {
        return onName(c, a, QStringLiteral("Usage: area add NAME"),
                      [](QString n) { return CommandBody(cmd::AddArea{n}); });
    });
    r.add(QStringLiteral("area rename"), QStringLiteral("NAME NEW-NAME"), areaRename);
    r.add(QStringLiteral("area disable"), QStringLiteral("NAME"), [](CliContext &c, CliArgs &a) {
        return onName(c, a, QStringLiteral("Usage: area disable NAME"), [](QString n) {
            return CommandBody(cmd::SetArea{n, std::nullopt, false});
        });
    });
    r.add(QStringLiteral("area enable"), QStringLiteral("NAME"), [](CliContext &c, CliArgs &a) {
        return onName(c, a, QStringLiteral("Usage: area enable NAME"), [](QString n) {
            return CommandBody(cmd::SetArea{n, std::nullopt, true});
        });
    });
    r.add(QStringLiteral("area delete"),
          QStringLiteral("NAME (only an area no user or station has)"),
          [](CliContext &c, CliArgs &a) {
              return onName(c, a, QStringLiteral("Usage: area delete NAME"),
                            [](QString n) { return CommandBody(cmd::DeleteArea{n}); });
          });
    r.add(QStringLiteral("station-admin list"), {}, stationList);
    r.add(QStringLiteral("station-admin add"), QStringLiteral("ID --area AREA"), stationAdd);
    r.add(QStringLiteral("station-admin set"),
          QStringLiteral("ID [--area AREA] [--active|--inactive]"), stationSet);
}

} // namespace tt
