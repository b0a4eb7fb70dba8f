// The commands that differ in central mode (--db postgresql://…): migrate and init connect as
// the owner role, station and verify work on PgStore. The rest of the CLI reaches the central
// database through CliContext::login() and execute().

#include <QJsonArray>
#include <QSqlError>
#include <QSqlQuery>

#include "cli/cliargs.h"
#include "cli/clicontext.h"
#include "cli/commandregistry.h"
#include "core/station.h"
#include "database/migrator.h"
#include "database/pgconnection.h"
#include "database/pgstore.h"
#include "database/sqlitestore.h"
#include "database/syncedstore.h"

namespace tt {

namespace {

const QString kOwnerConnection = QStringLiteral("tt-central-owner");

// migrate: applies the PostgreSQL migrations as the user of the URL (the owner role).
int migrate(CliContext &ctx, CliArgs &args)
{
    if (args.hasError())
        return ctx.usage(args.error());
    const auto info = parsePostgresUrl(ctx.options().db);
    if (!info)
        return ctx.fail(info.error());
    Result<int> version = 0;
    {
        auto db = openPostgres(*info, kOwnerConnection);
        if (!db)
            return ctx.fail(db.error());
        version = Migrator(*db, QStringLiteral("postgresql")).migrate();
    }
    closePostgres(kOwnerConnection);
    if (!version)
        return ctx.fail(version.error());
    ctx.print({{QStringLiteral("result"), QStringLiteral("ok")}, {QStringLiteral("schema_version"), *version}},
              QStringLiteral("Central schema version %1 (up to date).").arg(*version));
    return ExitOk;
}

// init --admin NAME: the first admin of an empty central database (owner credentials).
int init(CliContext &ctx, CliArgs &args)
{
    const auto admin = args.takeOption(QStringLiteral("--admin"));
    if (args.hasError() || !admin)
        return ctx.usage(args.hasError() ? args.error() : QStringLiteral("init needs --admin NAME."));
    const auto info = parsePostgresUrl(ctx.options().db);
    if (!info)
        return ctx.fail(info.error());
    const auto password = ctx.options().passwordStdin ? ctx.readInputLine().value_or(QByteArray())
                                                      : qgetenv("TRACETRACK_PASSWORD");
    QString error;
    {
        auto db = openPostgres(*info, kOwnerConnection);
        if (!db)
            return ctx.fail(db.error());
        if (auto v = Migrator(*db, QStringLiteral("postgresql")).migrate(); !v) {
            error = v.error().message;
        } else {
            QSqlQuery q(*db);
            q.prepare(QStringLiteral("SELECT tt_init_admin(?, ?)"));
            q.addBindValue(*admin);
            q.addBindValue(QString::fromUtf8(password));
            if (!q.exec())
                error = q.lastError().databaseText();
        }
    }
    closePostgres(kOwnerConnection);
    if (!error.isEmpty()) {
        const Reason reason = error.startsWith(QLatin1String("weak_password"))  ? Reason::WeakPassword
                              : error.startsWith(QLatin1String("user_exists")) ? Reason::UserExists
                                                                               : Reason::DatabaseError;
        return ctx.fail(Error{reason, error.section(QStringLiteral(": "), 1)});
    }
    const QString name = admin->trimmed().toLower();
    ctx.print({{QStringLiteral("result"), QStringLiteral("ok")}, {QStringLiteral("admin"), name}},
              QStringLiteral("Central database ready; admin %1 created.").arg(name));
    return ExitOk;
}

int verify(CliContext &ctx, CliArgs &args)
{
    if (args.hasError())
        return ctx.usage(args.error());
    auto store = ctx.central();
    if (!store)
        return ctx.fail(store.error());
    if (!ctx.options().user.isEmpty()) {
        if (auto actor = ctx.login(); !actor)
            return ctx.fail(actor.error());
    }
    const auto mismatches = (*store)->verify();
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
    return mismatches->isEmpty() ? int(ExitOk) : int(ExitRejected);
}

// station: lines of stdin through the Station workflow on the central store.
int station(CliContext &ctx, CliArgs &args)
{
    const auto bill = args.takeOption(QStringLiteral("--bill"));
    if (args.hasError())
        return ctx.usage(args.error());
    const auto actor = ctx.login();
    if (!actor)
        return ctx.fail(actor.error());
    // With --cache the station keeps working when the central database cannot be reached.
    Store *store = nullptr;
    const Clock *clock = nullptr;
    if (ctx.isSynced()) {
        SyncedStore *synced = *ctx.synced();
        store = synced;
        clock = &synced->cache().clock();
    } else {
        PgStore *central = *ctx.central();
        store = central;
        clock = &central->clock();
    }
    Station station(*store, *clock, *actor, ctx.station());
    if (bill) {
        const Outcome selected = station.selectBill(*bill);
        if (!selected.ok()) {
            ctx.printOutcome(selected);
            return exitCodeFor(selected.reason);
        }
    }
    while (const auto line = ctx.readInputLine())
        ctx.printOutcome(station.scan(QString::fromUtf8(*line)));
    return ExitOk;
}

QJsonValue optionalText(const QString &s)
{
    return s.isEmpty() ? QJsonValue() : QJsonValue(s);
}

int bagShow(CliContext &ctx, CliArgs &args)
{
    const auto code = args.takePositional();
    if (!code || args.hasError())
        return ctx.usage(QStringLiteral("Usage: bag show CODE"));
    const auto actor = ctx.login();
    if (!actor)
        return ctx.fail(actor.error());
    const auto bag = (*ctx.central())->bag(*code);
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
                  {QStringLiteral("weight_g"), double(b.weightG)}};
    if (b.role == BagRole::Parent) {
        o.insert(QStringLiteral("children"), b.childCount);
        o.insert(QStringLiteral("capacity"), b.capacity);
        o.insert(QStringLiteral("expected_weight_g"), double(b.expectedWeightG));
        o.insert(QStringLiteral("bill"), optionalText(b.billId));
        o.insert(QStringLiteral("child_codes"), QJsonArray::fromStringList(b.children));
    } else {
        o.insert(QStringLiteral("parent"), optionalText(b.parentCode));
        o.insert(QStringLiteral("linked_by"), optionalText(b.linkedBy));
    }
    ctx.print(o, b.role == BagRole::Parent
                     ? QStringLiteral("%1 (parent, %2): %3/%4 children, contents %5 g%6")
                           .arg(b.code, b.typeName)
                           .arg(b.childCount)
                           .arg(b.capacity)
                           .arg(b.contentsWeightG)
                           .arg(b.billId.isEmpty() ? QString() : QStringLiteral(", on bill ") + b.billId)
                     : QStringLiteral("%1 (child, %2)%3").arg(b.code, b.typeName,
                                                              b.parentCode.isEmpty() ? QStringLiteral(", not linked")
                                                                                     : QStringLiteral(" in ") + b.parentCode));
    return ExitOk;
}

int billShow(CliContext &ctx, CliArgs &args)
{
    const auto id = args.takePositional();
    if (!id || args.hasError())
        return ctx.usage(QStringLiteral("Usage: bill show ID"));
    const auto actor = ctx.login();
    if (!actor)
        return ctx.fail(actor.error());
    const auto bill = (*ctx.central())->bill(*id);
    if (!bill)
        return ctx.fail(bill.error());
    if (!*bill)
        return ctx.fail(Error{Reason::UnknownBill, QStringLiteral("There is no bill %1.").arg(id->left(60))});
    const BillDetails &b = **bill;
    QJsonArray lines;
    for (const BillLine &l : b.lines)
        lines.append(QJsonObject{{QStringLiteral("parent"), l.parentCode},
                                 {QStringLiteral("children"), l.childCount},
                                 {QStringLiteral("actual_weight_g"), double(l.actualWeightG)},
                                 {QStringLiteral("expected_weight_g"), double(l.expectedWeightG)}});
    ctx.print({{QStringLiteral("bill"), b.id},
               {QStringLiteral("status"), billStatusName(b.status)},
               {QStringLiteral("parents"), b.parentCount},
               {QStringLiteral("capacity"), b.capacity},
               {QStringLiteral("actual_weight_g"), double(b.weights.actualG)},
               {QStringLiteral("expected_weight_g"), double(b.weights.expectedG)},
               {QStringLiteral("lines"), lines}},
              QStringLiteral("Bill %1 (%2), %3/%4 parent bags, actual %5 g, expected %6 g")
                  .arg(b.id, billStatusName(b.status))
                  .arg(b.parentCount)
                  .arg(b.capacity)
                  .arg(b.weights.actualG)
                  .arg(b.weights.expectedG));
    return ExitOk;
}

// Commands not yet available on PostgreSQL: a clear message instead of the SQLite handler.
int notYet(CliContext &ctx, CliArgs &)
{
    return ctx.fail(Error{Reason::InvalidInput,
                          QStringLiteral("This command is not available with a central (PostgreSQL) database yet; "
                                         "see docs/central.md.")});
}

} // namespace

void registerCentralReadCommands(CommandRegistry &r); // cli/centralreadcli.cpp

void registerCentralCommands(CommandRegistry &r)
{
    r.add(QStringLiteral("migrate"), QString(), migrate);
    r.add(QStringLiteral("init"), QStringLiteral("--admin NAME"), init);
    r.add(QStringLiteral("verify"), QString(), verify);
    r.add(QStringLiteral("station"), QStringLiteral("[--station ID] [--bill ID]"), station);
    r.add(QStringLiteral("bag show"), QStringLiteral("CODE"), bagShow);
    r.add(QStringLiteral("bill show"), QStringLiteral("ID"), billShow);
    registerCentralReadCommands(r);
    for (const char *name : {"user", "seed", "report", "export", "bench",
                             "scan-image"})
        r.add(QString::fromLatin1(name), QString(), notYet);
}

} // namespace tt
