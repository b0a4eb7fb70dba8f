// Central mode's station commands (BRIEF §5, §7, §9): sync, conflicts and health, on the
// station's cache (--cache PATH) and the central database of --db postgresql://….

#include <QJsonArray>

#include <variant>

#include "cli/cliargs.h"
#include "cli/clicontext.h"
#include "cli/commandregistry.h"
#include "database/centralsync.h"
#include "database/pgstore.h"
#include "database/syncedstore.h"

namespace tt {

namespace {

QJsonValue timeOrNull(const std::optional<QDateTime> &t)
{
    return t ? QJsonValue(isoUtc(*t)) : QJsonValue();
}

QString timeText(const std::optional<QDateTime> &t)
{
    return t ? t->toLocalTime().toString(QStringLiteral("yyyy-MM-dd HH:mm:ss")) : QStringLiteral("never");
}

// The station's synced store, or the exit code of why there is none.
std::variant<SyncedStore *, int> syncedStore(CliContext &ctx, const QString &command)
{
    if (!ctx.isCentral() || ctx.options().cache.isEmpty())
        return ctx.usage(QStringLiteral("%1 needs --db postgresql://… and --cache PATH (the station's local "
                                        "database).")
                             .arg(command));
    auto store = ctx.synced();
    if (!store)
        return ctx.fail(store.error());
    return *store;
}

QJsonObject statusJson(const SyncStatus &s)
{
    return {{QStringLiteral("online"), s.online},
            {QStringLiteral("queued"), s.queued},
            {QStringLiteral("conflicts"), s.conflicts},
            {QStringLiteral("oldest_queued_at"), timeOrNull(s.oldestQueuedAt)},
            {QStringLiteral("last_sync_at"), timeOrNull(s.lastSyncAt)},
            {QStringLiteral("last_contact_at"), timeOrNull(s.lastContactAt)},
            {QStringLiteral("change_seq"), double(s.lastSeq)},
            {QStringLiteral("last_error"), s.lastError.isEmpty() ? QJsonValue() : QJsonValue(s.lastError)}};
}

QString statusText(const SyncStatus &s)
{
    return QStringLiteral("%1; %2 queued (oldest %3), %4 conflict(s); last sync %5, last contact %6%7")
        .arg(s.online ? QStringLiteral("online") : QStringLiteral("offline"))
        .arg(s.queued)
        .arg(timeText(s.oldestQueuedAt))
        .arg(s.conflicts)
        .arg(timeText(s.lastSyncAt), timeText(s.lastContactAt),
             s.lastError.isEmpty() ? QString() : QStringLiteral("\nlast error: ") + s.lastError);
}

// sync [--status]: replays the outbox and refreshes the cache (needs a login), or shows where
// the station stands.
int sync(CliContext &ctx, CliArgs &args)
{
    const bool statusOnly = args.takeFlag(QStringLiteral("--status"));
    const auto batch = args.takeOption(QStringLiteral("--batch"));
    if (args.hasError())
        return ctx.usage(args.error());
    bool batchOk = true;
    const int batchSize = batch ? batch->toInt(&batchOk) : 0;
    if (!batchOk || (batch && (batchSize < 1 || batchSize > 10000)))
        return ctx.usage(QStringLiteral("--batch takes a number of commands per round trip (1-10000)."));
    auto store = syncedStore(ctx, QStringLiteral("sync"));
    if (const int *code = std::get_if<int>(&store))
        return *code;
    SyncedStore *synced = std::get<SyncedStore *>(store);
    if (statusOnly) {
        // A new process has not talked to the server yet: whether it answers now is the news.
        SyncStatus s = synced->status();
        auto central = ctx.central();
        s.online = central && CentralSync(**central).ping().has_value();
        if (!central)
            s.lastError = central.error().message;
        QJsonObject o = statusJson(s);
        o.insert(QStringLiteral("result"), QStringLiteral("ok"));
        ctx.print(o, statusText(s));
        return ExitOk;
    }
    const auto actor = ctx.login();
    if (!actor)
        return ctx.fail(actor.error());
    if (batch)
        synced->setReplayBatch(batchSize);
    auto result = synced->sync();
    const SyncStatus s = synced->status();
    if (!result)
        return ctx.fail(result.error());
    QJsonObject o = statusJson(s);
    o.insert(QStringLiteral("result"), QStringLiteral("ok"));
    o.insert(QStringLiteral("replayed"), result->replayed);
    o.insert(QStringLiteral("new_conflicts"), result->conflicts);
    o.insert(QStringLiteral("refreshed"), result->refreshed);
    ctx.print(o, QStringLiteral("Replayed %1 queued command(s), %2 new conflict(s); refreshed %3 cached bag(s)/bill(s).\n%4")
                     .arg(result->replayed)
                     .arg(result->conflicts)
                     .arg(result->refreshed)
                     .arg(statusText(s)));
    return result->conflicts > 0 ? int(ExitRejected) : int(ExitOk);
}

// conflicts --all: every station's conflicts from the central database (admins).
int centralConflicts(CliContext &ctx)
{
    if (!ctx.isCentral())
        return ctx.usage(QStringLiteral("conflicts --all reads the central database: use --db postgresql://…"));
    const auto actor = ctx.login();
    if (!actor)
        return ctx.fail(actor.error());
    auto central = ctx.central();
    if (!central)
        return ctx.fail(central.error());
    auto list = CentralSync(**central).conflicts(500);
    if (!list)
        return ctx.fail(list.error());
    QString text;
    for (const QJsonValue &v : *list) {
        const QJsonObject c = v.toObject();
        text += QStringLiteral("%1 %2 %3 by %4 (uploaded by %5): %6 (%7)\n")
                    .arg(c.value(QStringLiteral("detected_at")).toString(), c.value(QStringLiteral("station")).toString(),
                         c.value(QStringLiteral("kind")).toString(), c.value(QStringLiteral("author")).toString(),
                         c.value(QStringLiteral("uploaded_by")).toString(), c.value(QStringLiteral("message")).toString(),
                         c.value(QStringLiteral("reason")).toString());
    }
    text += QStringLiteral("%1 conflict(s) on the central database.").arg(list->size());
    ctx.print({{QStringLiteral("result"), QStringLiteral("ok")}, {QStringLiteral("conflicts"), *list}}, text);
    return ExitOk;
}

// conflicts: the station's queued commands the central rules rejected, newest first.
int conflicts(CliContext &ctx, CliArgs &args)
{
    const bool all = args.takeFlag(QStringLiteral("--all"));
    if (args.hasError())
        return ctx.usage(args.error());
    if (all)
        return centralConflicts(ctx);
    auto store = syncedStore(ctx, QStringLiteral("conflicts"));
    if (const int *code = std::get_if<int>(&store))
        return *code;
    auto list = std::get<SyncedStore *>(store)->conflicts();
    if (!list)
        return ctx.fail(list.error());
    QJsonArray items;
    QString text;
    for (const OutboxEntry &e : *list) {
        const Outcome central = Outcome::fromJson(e.centralOutcome);
        const Outcome local = Outcome::fromJson(e.localOutcome);
        items.append(QJsonObject{{QStringLiteral("command"), e.command},
                                 {QStringLiteral("queued_at"), isoUtc(e.queuedAt)},
                                 {QStringLiteral("local"), e.localOutcome},
                                 {QStringLiteral("central"), e.centralOutcome}});
        text += QStringLiteral("%1 %2 %3 by %4: queued as \"%5\"; central: %6 (%7)\n")
                    .arg(isoUtc(e.queuedAt), e.command.value(QStringLiteral("kind")).toString(), local.code,
                         e.command.value(QStringLiteral("actor")).toString(),
                         local.message, central.message, reasonName(central.reason));
    }
    text += QStringLiteral("%1 conflict(s).").arg(list->size());
    ctx.print({{QStringLiteral("result"), QStringLiteral("ok")}, {QStringLiteral("conflicts"), items}}, text);
    return ExitOk;
}

// health: central reachability and latency; with --cache also the station's queue and lag.
// Exit code 6 when the central database cannot be reached.
int health(CliContext &ctx, CliArgs &args)
{
    if (args.hasError())
        return ctx.usage(args.error());
    if (!ctx.isCentral())
        return ctx.usage(QStringLiteral("health checks a central database: use --db postgresql://…"));
    QJsonObject o;
    QString text;
    bool reachable = false;
    if (auto central = ctx.central()) {
        auto latency = CentralSync(**central).ping();
        reachable = latency.has_value();
        if (latency) {
            o.insert(QStringLiteral("latency_ms"), *latency);
            text = QStringLiteral("central database reachable, round trip %1 ms").arg(*latency, 0, 'f', 2);
        } else {
            text = QStringLiteral("central database unreachable: %1").arg(latency.error().message);
        }
    } else {
        o.insert(QStringLiteral("error"), central.error().message);
        text = QStringLiteral("central database unreachable: %1").arg(central.error().message);
    }
    o.insert(QStringLiteral("reachable"), reachable);
    if (!ctx.options().cache.isEmpty()) {
        auto synced = ctx.synced();
        if (!synced)
            return ctx.fail(synced.error());
        const SyncStatus s = (*synced)->status();
        o.insert(QStringLiteral("queued"), s.queued);
        o.insert(QStringLiteral("conflicts"), s.conflicts);
        o.insert(QStringLiteral("oldest_queued_at"), timeOrNull(s.oldestQueuedAt));
        o.insert(QStringLiteral("last_sync_at"), timeOrNull(s.lastSyncAt));
        const qint64 lag = s.oldestQueuedAt ? s.oldestQueuedAt->secsTo(QDateTime::currentDateTimeUtc()) : 0;
        o.insert(QStringLiteral("lag_s"), double(lag));
        text += QStringLiteral("\nqueue: %1 command(s), lag %2 s, %3 conflict(s), last sync %4")
                    .arg(s.queued)
                    .arg(lag)
                    .arg(s.conflicts)
                    .arg(timeText(s.lastSyncAt));
    }
    if (reachable && !ctx.options().user.isEmpty()) {
        // An admin also sees every station's last report (BRIEF §7).
        auto actor = ctx.login();
        if (!actor)
            return ctx.fail(actor.error());
        if (auto stations = CentralSync(**ctx.central()).stations()) {
            o.insert(QStringLiteral("stations"), *stations);
            for (const QJsonValue &v : *stations) {
                const QJsonObject st = v.toObject();
                text += QStringLiteral("\nstation %1 (%2): last contact %3, %4 queued, %5 conflict(s), last sync %6")
                            .arg(st.value(QStringLiteral("station")).toString(),
                                 st.value(QStringLiteral("username")).toString(),
                                 st.value(QStringLiteral("last_contact")).toString())
                            .arg(st.value(QStringLiteral("queue_depth")).toInt())
                            .arg(st.value(QStringLiteral("conflicts")).toInt())
                            .arg(st.value(QStringLiteral("last_sync_at")).toString());
            }
        } else {
            o.insert(QStringLiteral("stations_error"), stations.error().message);
            text += QStringLiteral("\nstations: %1").arg(stations.error().message);
        }
    }
    o.insert(QStringLiteral("result"), reachable ? QStringLiteral("ok") : QStringLiteral("unreachable"));
    ctx.print(o, text);
    return reachable ? int(ExitOk) : int(ExitUnreachable);
}

} // namespace

void registerSyncCommands(CommandRegistry &r)
{
    r.add(QStringLiteral("sync"), QStringLiteral("[--status] [--batch N]   (central mode, with --cache PATH)"), sync);
    r.add(QStringLiteral("conflicts"), QStringLiteral("[--all]   (central mode: this station's, with --cache PATH; --all: every station's, admins)"), conflicts);
    r.add(QStringLiteral("health"), QStringLiteral("(central mode; --cache PATH: the station's queue; --user admin: every station)"),
          health);
}

} // namespace tt
