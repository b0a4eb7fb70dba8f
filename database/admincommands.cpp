#include "database/admincommands.h"

#include "database/commandcontext.h"

#include <QJsonObject>

namespace tt {

namespace {

QJsonObject bagTypeJson(const BagType &t)
{
    return {{QStringLiteral("name"), t.name},
            {QStringLiteral("role"), bagRoleName(t.role)},
            {QStringLiteral("pattern"), t.pattern},
            {QStringLiteral("capacity"), t.capacity},
            {QStringLiteral("nominal_weight_g"), double(t.nominalWeightG)},
            {QStringLiteral("expected_weight_g"), double(t.expectedWeightG)},
            {QStringLiteral("active"), t.active}};
}

QJsonObject areaJson(const AreaRow &a)
{
    return {{QStringLiteral("name"), a.name}, {QStringLiteral("active"), a.active}};
}

QJsonObject stationJson(const StationRow &s)
{
    return {{QStringLiteral("area"), s.area}, {QStringLiteral("active"), s.active}};
}

Outcome done(const QString &subject, const QString &message)
{
    Outcome o;
    o.result = ResultKind::Ok;
    o.code = subject;
    o.message = message;
    return o;
}

Result<BagType> existingType(CommandContext &ctx, const QString &name, QList<BagType> *all)
{
    auto types = ctx.repo.admin.bagTypes();
    if (!types)
        return std::unexpected(types.error());
    *all = *types;
    for (const BagType &t : std::as_const(*types)) {
        if (t.name.compare(name.trimmed(), Qt::CaseInsensitive) == 0)
            return t;
    }
    return fail(Reason::InvalidInput,
                QStringLiteral("There is no bag type \"%1\".").arg(name.trimmed().left(40)));
}

// A capacity or weight from a command, checked to fit an int before validateBagType sees it.
Result<int> capacityFrom(qint64 value)
{
    if (value < 0 || value > 10000)
        return fail(
            Reason::InvalidCapacity,
            QStringLiteral("A parent bag type holds 1–10 000 children, not %1.").arg(value));
    return int(value);
}

Result<void> checkType(const BagType &type, const QList<BagType> &all)
{
    if (auto ok = validateBagType(type); !ok)
        return ok;
    return checkBagTypeAmong(type, all);
}

Result<QString> areaName(const QString &raw)
{
    const QString name = raw.simplified();
    if (name.isEmpty() || name.size() > 60)
        return fail(Reason::InvalidArea,
                    QStringLiteral("An area needs a name of 1–60 characters."));
    return name;
}

Result<AreaRow> existingArea(CommandContext &ctx, const QString &name)
{
    auto area = ctx.repo.admin.findArea(name);
    if (!area)
        return std::unexpected(area.error());
    if (!*area)
        return fail(
            Reason::InvalidArea,
            QStringLiteral("There is no dispatch area \"%1\".").arg(name.trimmed().left(60)));
    return **area;
}

// An active area to put something in.
Result<AreaRow> activeArea(CommandContext &ctx, const QString &name)
{
    const auto area = existingArea(ctx, name);
    if (area && !area->active)
        return fail(Reason::InvalidArea,
                    QStringLiteral("Area %1 is inactive; activate it first.").arg(area->name));
    return area;
}

Result<StationRow> existingStation(CommandContext &ctx, const QString &id)
{
    auto station = ctx.repo.admin.findStation(id.trimmed());
    if (!station)
        return std::unexpected(station.error());
    if (!*station)
        return fail(Reason::InvalidInput,
                    QStringLiteral("There is no station \"%1\".").arg(id.trimmed().left(60)));
    return **station;
}

QString activeWord(bool active)
{
    return active ? QStringLiteral("active") : QStringLiteral("inactive");
}

} // namespace

bool changesBagTypes(const CommandBody &body)
{
    return std::holds_alternative<cmd::AddBagType>(body) ||
           std::holds_alternative<cmd::SetBagType>(body) ||
           std::holds_alternative<cmd::DeleteBagType>(body);
}

Result<Outcome> applyAddBagType(CommandContext &ctx, const cmd::AddBagType &c)
{
    const auto role = bagRoleFromName(c.role.trimmed().toLower());
    if (!role)
        return fail(Reason::InvalidInput,
                    QStringLiteral("A bag type's role is parent or child, not \"%1\".")
                        .arg(c.role.left(20)));
    const auto capacity = capacityFrom(*role == BagRole::Parent ? c.capacity : 0);
    if (!capacity)
        return std::unexpected(capacity.error());
    auto all = ctx.repo.admin.bagTypes();
    if (!all)
        return std::unexpected(all.error());
    BagType type{0,
                 c.name.trimmed(),
                 *role,
                 c.pattern.trimmed(),
                 *capacity,
                 c.nominalWeightG,
                 c.expectedWeightG,
                 true};
    if (auto ok = checkType(type, *all); !ok)
        return std::unexpected(ok.error());
    const auto id = ctx.repo.admin.insertBagType(type);
    if (!id)
        return std::unexpected(id.error());
    if (auto r = ctx.audit(QStringLiteral("bag_type.create"), QStringLiteral("bag_type"), type.name,
                           {}, bagTypeJson(type));
        !r)
        return std::unexpected(r.error());
    return done(type.name, QStringLiteral("Bag type %1 (%2, %3) added.")
                               .arg(type.name, c.role.trimmed().toLower(), type.pattern));
}

Result<Outcome> applySetBagType(CommandContext &ctx, const cmd::SetBagType &c)
{
    QList<BagType> all;
    const auto before = existingType(ctx, c.name, &all);
    if (!before)
        return std::unexpected(before.error());
    BagType after = *before;
    if (c.pattern)
        after.pattern = c.pattern->trimmed();
    if (c.capacity) {
        if (before->role == BagRole::Child && *c.capacity != 0)
            return fail(Reason::InvalidCapacity,
                        QStringLiteral("Child bag types have no capacity."));
        const auto capacity = capacityFrom(*c.capacity);
        if (!capacity)
            return std::unexpected(capacity.error());
        after.capacity = *capacity;
    }
    if (c.nominalWeightG)
        after.nominalWeightG = *c.nominalWeightG;
    if (c.expectedWeightG)
        after.expectedWeightG = *c.expectedWeightG;
    if (c.active)
        after.active = *c.active;
    if (auto ok = checkType(after, all); !ok)
        return std::unexpected(ok.error());
    if (after == *before)
        return done(before->name, QStringLiteral("Bag type %1 is unchanged.").arg(before->name));
    if (auto r = ctx.repo.admin.updateBagType(after); !r)
        return std::unexpected(r.error());
    if (auto r = ctx.audit(QStringLiteral("bag_type.update"), QStringLiteral("bag_type"),
                           before->name, bagTypeJson(*before), bagTypeJson(after));
        !r)
        return std::unexpected(r.error());
    return done(
        before->name,
        QStringLiteral("Bag type %1 changed (%2); bags created before keep their capacity and "
                       "weights.")
            .arg(before->name, activeWord(after.active)));
}

Result<Outcome> applyDeleteBagType(CommandContext &ctx, const cmd::DeleteBagType &c)
{
    QList<BagType> all;
    const auto type = existingType(ctx, c.name, &all);
    if (!type)
        return std::unexpected(type.error());
    const auto bags = ctx.repo.admin.bagsOfType(type->id);
    if (!bags)
        return std::unexpected(bags.error());
    if (*bags > 0)
        return fail(Reason::BagInUse,
                    QStringLiteral("Bag type %1 has %2 bags; deactivate it instead.")
                        .arg(type->name)
                        .arg(*bags));
    if (auto r = ctx.repo.admin.removeBagType(type->id); !r)
        return std::unexpected(r.error());
    if (auto r = ctx.audit(QStringLiteral("bag_type.delete"), QStringLiteral("bag_type"),
                           type->name, bagTypeJson(*type), {{QStringLiteral("deleted"), true}});
        !r)
        return std::unexpected(r.error());
    return done(type->name, QStringLiteral("Bag type %1 deleted.").arg(type->name));
}

Result<Outcome> applyAddArea(CommandContext &ctx, const cmd::AddArea &c)
{
    const auto name = areaName(c.name);
    if (!name)
        return std::unexpected(name.error());
    const auto existing = ctx.repo.admin.findArea(*name);
    if (!existing)
        return std::unexpected(existing.error());
    if (*existing)
        return fail(Reason::InvalidArea,
                    QStringLiteral("There is an area %1 already.").arg((*existing)->name));
    const auto id = ctx.repo.admin.insertArea(*name);
    if (!id)
        return std::unexpected(id.error());
    const AreaRow area{*id, *name, true, 0, 0};
    if (auto r = ctx.audit(QStringLiteral("area.create"), QStringLiteral("area"), *name, {},
                           areaJson(area));
        !r)
        return std::unexpected(r.error());
    return done(*name, QStringLiteral("Area %1 added.").arg(*name));
}

Result<Outcome> applySetArea(CommandContext &ctx, const cmd::SetArea &c)
{
    const auto before = existingArea(ctx, c.name);
    if (!before)
        return std::unexpected(before.error());
    AreaRow after = *before;
    if (c.newName) {
        const auto name = areaName(*c.newName);
        if (!name)
            return std::unexpected(name.error());
        const auto clash = ctx.repo.admin.findArea(*name);
        if (!clash)
            return std::unexpected(clash.error());
        if (*clash && (*clash)->id != before->id)
            return fail(Reason::InvalidArea,
                        QStringLiteral("There is an area %1 already.").arg((*clash)->name));
        after.name = *name;
    }
    if (c.active)
        after.active = *c.active;
    if (after.name == before->name && after.active == before->active)
        return done(before->name, QStringLiteral("Area %1 is unchanged.").arg(before->name));
    if (auto r = ctx.repo.admin.updateArea(after); !r)
        return std::unexpected(r.error());
    if (auto r = ctx.audit(QStringLiteral("area.update"), QStringLiteral("area"), before->name,
                           areaJson(*before), areaJson(after));
        !r)
        return std::unexpected(r.error());
    return done(after.name,
                after.name == before->name
                    ? QStringLiteral("Area %1 is now %2.").arg(after.name, activeWord(after.active))
                    : QStringLiteral("Area %1 renamed to %2.").arg(before->name, after.name));
}

Result<Outcome> applyDeleteArea(CommandContext &ctx, const cmd::DeleteArea &c)
{
    const auto area = existingArea(ctx, c.name);
    if (!area)
        return std::unexpected(area.error());
    if (area->users > 0 || area->stations > 0)
        return fail(Reason::InvalidArea,
                    QStringLiteral("Area %1 has %2 users and %3 stations; deactivate it instead.")
                        .arg(area->name)
                        .arg(area->users)
                        .arg(area->stations));
    if (auto r = ctx.repo.admin.removeArea(area->id); !r)
        return std::unexpected(r.error());
    if (auto r = ctx.audit(QStringLiteral("area.delete"), QStringLiteral("area"), area->name,
                           areaJson(*area), {{QStringLiteral("deleted"), true}});
        !r)
        return std::unexpected(r.error());
    return done(area->name, QStringLiteral("Area %1 deleted.").arg(area->name));
}

Result<Outcome> applyAddStation(CommandContext &ctx, const cmd::AddStation &c)
{
    const QString id = c.stationId.trimmed();
    if (id.isEmpty() || id.size() > 60 || id.contains(QLatin1Char(' ')))
        return fail(Reason::InvalidInput,
                    QStringLiteral("A station id is 1–60 characters without spaces."));
    const auto existing = ctx.repo.admin.findStation(id);
    if (!existing)
        return std::unexpected(existing.error());
    if (*existing)
        return fail(Reason::InvalidInput, QStringLiteral("Station %1 exists already.").arg(id));
    const auto area = activeArea(ctx, c.area);
    if (!area)
        return std::unexpected(area.error());
    if (auto r = ctx.repo.admin.insertStation(id, area->id, ctx.at()); !r)
        return std::unexpected(r.error());
    if (auto r = ctx.audit(QStringLiteral("station.create"), QStringLiteral("station"), id, {},
                           stationJson(StationRow{id, area->name, true, ctx.at(), std::nullopt}));
        !r)
        return std::unexpected(r.error());
    return done(id, QStringLiteral("Station %1 added to area %2.").arg(id, area->name));
}

Result<Outcome> applySetStation(CommandContext &ctx, const cmd::SetStation &c)
{
    const auto before = existingStation(ctx, c.stationId);
    if (!before)
        return std::unexpected(before.error());
    StationRow after = *before;
    qint64 areaId = 0;
    const auto area = c.area ? activeArea(ctx, *c.area) : existingArea(ctx, before->area);
    if (!area)
        return std::unexpected(area.error());
    areaId = area->id;
    after.area = area->name;
    if (c.active)
        after.active = *c.active;
    if (after.area == before->area && after.active == before->active)
        return done(before->id, QStringLiteral("Station %1 is unchanged.").arg(before->id));
    if (auto r = ctx.repo.admin.updateStation(before->id, areaId, after.active); !r)
        return std::unexpected(r.error());
    if (auto r = ctx.audit(QStringLiteral("station.update"), QStringLiteral("station"), before->id,
                           stationJson(*before), stationJson(after));
        !r)
        return std::unexpected(r.error());
    return done(before->id, QStringLiteral("Station %1: area %2, %3.")
                                .arg(before->id, after.area, activeWord(after.active)));
}

} // namespace tt
