#include "database/sqlitestore.h"

#include <QSqlQuery>

#include "core/billid.h"
#include "core/clock.h"
#include "core/codenormalizer.h"
#include "database/admincommands.h"
#include "database/bagcommands.h"
#include "database/billcommands.h"
#include "database/commandcontext.h"
#include "database/migrator.h"
#include "database/repositories.h"
#include "database/returncommands.h"
#include "database/sqlerror.h"
#include "database/sqliteconnection.h"
#include "database/statementcache.h"
#include "database/transactionguard.h"

namespace tt {

namespace {

template<class... Ts>
struct Overloaded : Ts...
{
    using Ts::operator()...;
};

} // namespace

SqliteStore::SqliteStore(QString path, QString connectionName, const Clock &clock)
    : m_path(std::move(path))
    , m_connectionName(std::move(connectionName))
    , m_clock(&clock)
{
}

Result<std::unique_ptr<SqliteStore>> SqliteStore::open(const QString &path, const SqliteStoreOptions &options)
{
    auto db = openSqlite(path, options.connectionName, SqliteOpenOptions{options.create, false});
    if (!db)
        return std::unexpected(db.error());
    Result<void> migrated;
    {
        // Scoped: the migrator's handle must be gone before a refused connection is removed.
        Migrator migrator(*db);
        if (options.migrate) {
            if (auto v = migrator.migrate(); !v)
                migrated = std::unexpected(v.error());
        } else {
            migrated = migrator.checkSchema();
        }
    }
    if (!migrated) {
        *db = QSqlDatabase();
        closeDatabase(options.connectionName);
        return std::unexpected(migrated.error());
    }
    const Clock &clock = options.clock ? *options.clock : static_cast<const Clock &>(SystemClock::instance());
    std::unique_ptr<SqliteStore> store(new SqliteStore(path, options.connectionName, clock));
    store->m_sql = std::make_unique<StatementCache>(*db);
    store->m_repo = std::make_unique<Repositories>(*store->m_sql);
    return store;
}

SqliteStore::~SqliteStore()
{
    m_repo.reset();
    m_sql.reset();
    closeDatabase(m_connectionName);
}

QSqlDatabase SqliteStore::database() const
{
    return m_sql->database();
}

StatementCache &SqliteStore::statements()
{
    return *m_sql;
}

Repositories &SqliteStore::repositories()
{
    return *m_repo;
}

Result<BagTypeSet> SqliteStore::bagTypes()
{
    if (m_typesLoaded)
        return m_types;
    auto types = m_repo->admin.bagTypes();
    if (!types)
        return std::unexpected(types.error());
    m_types = BagTypeSet(*types);
    m_typesLoaded = true;
    return m_types;
}

std::optional<Outcome> SqliteStore::refuse(const Command &command)
{
    if (!isAllowed(command.meta.actor.role, requiredPermission(command.body))) {
        Outcome o = Outcome::rejected(
            Error{Reason::PermissionDenied,
                  QStringLiteral("%1 (%2) may not %3.")
                      .arg(command.meta.actor.user, roleName(command.meta.actor.role),
                           commandKind(command.body).replace(QLatin1Char('_'), QLatin1Char(' ')))});
        o.commandId = command.meta.id;
        return o;
    }
    auto applied = m_repo->history.appliedOutcome(command.meta.id);
    if (applied && *applied)
        return **applied;
    return std::nullopt;
}

Outcome SqliteStore::execute(const Command &command)
{
    return execute(command, {});
}

Outcome SqliteStore::execute(const Command &command, const BeforeCommit &beforeCommit)
{
    if (auto refused = refuse(command))
        return *refused;
    const auto finish = [&](const Result<Outcome> &r) {
        Outcome o = r ? *r : Outcome::rejected(r.error());
        o.commandId = command.meta.id;
        return o;
    };
    auto types = bagTypes();
    if (!types)
        return finish(std::unexpected(types.error()));
    auto tx = TransactionGuard::begin(database());
    if (!tx)
        return finish(std::unexpected(tx.error()));
    auto window = m_repo->settings.number(QStringLiteral("undo_window_seconds"), 3600);
    if (!window)
        return finish(std::unexpected(window.error()));
    auto outcome = applyInTransaction(command, *types, *window);
    if (outcome && outcome->ok() && beforeCommit) {
        if (auto r = beforeCommit(*outcome); !r)
            return finish(std::unexpected(r.error()));
    }
    if (outcome && outcome->ok()) {
        if (auto r = tx->commit(); !r)
            return finish(std::unexpected(r.error()));
    }
    return finish(outcome); // a rejection or a duplicate is rolled back by the guard
}

QList<Outcome> SqliteStore::executeBatch(const QList<Command> &commands)
{
    QList<Outcome> outcomes;
    outcomes.reserve(commands.size());
    const auto failAll = [&](const Error &e) {
        outcomes.clear();
        for (const Command &c : commands) {
            Outcome o = Outcome::rejected(e);
            o.commandId = c.meta.id;
            outcomes.append(o);
        }
        return outcomes;
    };
    auto types = bagTypes();
    if (!types)
        return failAll(types.error());
    auto tx = TransactionGuard::begin(database());
    if (!tx)
        return failAll(tx.error());
    auto window = m_repo->settings.number(QStringLiteral("undo_window_seconds"), 3600);
    if (!window)
        return failAll(window.error());
    QSqlQuery sp(database());
    for (const Command &c : commands) {
        if (auto refused = refuse(c)) {
            outcomes.append(*refused);
            continue;
        }
        if (!sp.exec(QStringLiteral("SAVEPOINT tt_command")))
            return failAll(databaseError(QStringLiteral("starting a savepoint"), sp));
        auto outcome = applyInTransaction(c, *types, *window);
        if (!outcome || !outcome->ok())
            sp.exec(QStringLiteral("ROLLBACK TO tt_command"));
        sp.exec(QStringLiteral("RELEASE tt_command"));
        Outcome o = outcome ? *outcome : Outcome::rejected(outcome.error());
        o.commandId = c.meta.id;
        outcomes.append(o);
    }
    if (auto r = tx->commit(); !r)
        return failAll(r.error());
    return outcomes;
}

Result<Outcome> SqliteStore::applyInTransaction(const Command &command, const BagTypeSet &types,
                                                qint64 undoWindow)
{
    CommandContext ctx{*m_repo, command, types, undoWindow};
    Result<Outcome> outcome = std::visit(
        Overloaded{
            [&](const cmd::SelectParent &c) { return applySelectParent(ctx, c); },
            [&](const cmd::LinkChild &c) { return applyLinkChild(ctx, c); },
            [&](const cmd::UndoLastLink &c) { return applyUndoLastLink(ctx, c); },
            [&](const cmd::MoveChild &c) { return applyMoveChild(ctx, c); },
            [&](const cmd::DeleteBag &c) { return applyDeleteBag(ctx, c); },
            [&](const cmd::RegisterBag &c) { return applyRegisterBag(ctx, c); },
            [&](const cmd::RecordWeight &c) { return applyRecordWeight(ctx, c); },
            [&](const cmd::CreateBill &c) { return applyCreateBill(ctx, c); },
            [&](const cmd::AddParentToBill &c) { return applyAddParentToBill(ctx, c); },
            [&](const cmd::RemoveParentFromBill &c) { return applyRemoveParentFromBill(ctx, c); },
            [&](const cmd::CompleteBill &c) { return applyCompleteBill(ctx, c); },
            [&](const cmd::ReopenBill &c) { return applyReopenBill(ctx, c); },
            [&](const cmd::SetBillCapacity &c) { return applySetBillCapacity(ctx, c); },
            [&](const cmd::DeleteBill &c) { return applyDeleteBill(ctx, c); },
            [&](const cmd::OpenReturn &c) { return applyOpenReturn(ctx, c); },
            [&](const cmd::ReturnParent &c) { return applyReturnParent(ctx, c); },
            [&](const cmd::FinaliseReturn &c) { return applyFinaliseReturn(ctx, c); },
            [&](const cmd::CancelReturn &c) { return applyCancelReturn(ctx, c); },
            [&](const cmd::AddBagType &c) { return applyAddBagType(ctx, c); },
            [&](const cmd::SetBagType &c) { return applySetBagType(ctx, c); },
            [&](const cmd::DeleteBagType &c) { return applyDeleteBagType(ctx, c); },
            [&](const cmd::AddArea &c) { return applyAddArea(ctx, c); },
            [&](const cmd::SetArea &c) { return applySetArea(ctx, c); },
            [&](const cmd::DeleteArea &c) { return applyDeleteArea(ctx, c); },
            [&](const cmd::AddStation &c) { return applyAddStation(ctx, c); },
            [&](const cmd::SetStation &c) { return applySetStation(ctx, c); },
        },
        command.body);
    if (!outcome || outcome->result != ResultKind::Ok)
        return outcome;
    outcome->commandId = command.meta.id;
    if (auto r = m_repo->history.logCommand(command, *outcome, m_clock->now()); !r)
        return std::unexpected(r.error());
    if (changesBagTypes(command.body))
        invalidateBagTypes(); // reloaded by the next command, also when this one rolls back
    return outcome;
}

Result<std::optional<BagDetails>> SqliteStore::bag(const QString &rawCode)
{
    const QString code = normalizeBagCode(rawCode);
    auto row = m_repo->bags.find(code);
    if (!row)
        return std::unexpected(row.error());
    if (!*row)
        return std::optional<BagDetails>();
    const BagRow &b = **row;
    BagDetails d;
    d.id = b.id;
    d.code = b.code;
    d.role = b.role;
    d.createdAt = b.createdAt;
    d.createdBy = b.createdBy;
    d.measuredWeightG = b.measuredWeightG;
    d.capacity = b.capacity;
    d.childCount = b.childCount;
    d.contentsWeightG = b.contentsWeightG;
    d.expectedWeightG = b.expectedWeightG;
    auto types = bagTypes();
    if (types) {
        if (const auto t = types->byId(b.typeId))
            d.typeName = t->name;
    }
    if (b.role == BagRole::Child) {
        d.weightG = b.effectiveWeightG();
        auto link = m_repo->links.activeLinkOfChild(b.id);
        if (!link)
            return std::unexpected(link.error());
        if (*link) {
            d.parentCode = (*link)->parentCode;
            d.linkedBy = (*link)->linkedBy;
            d.linkedAt = (*link)->linkedAt;
        }
    } else {
        d.weightG = b.contentsWeightG;
        auto children = m_repo->links.childrenOf(b.id);
        auto bill = m_repo->bills.findOfParent(b.id);
        if (!children || !bill)
            return std::unexpected(!children ? children.error() : bill.error());
        d.children = *children;
        if (*bill)
            d.billId = (*bill)->code;
    }
    return std::optional<BagDetails>(d);
}

Result<std::optional<BillDetails>> SqliteStore::bill(const QString &rawId)
{
    const auto id = normalizeBillId(rawId);
    if (!id)
        return std::unexpected(id.error());
    auto row = m_repo->bills.find(*id);
    if (!row)
        return std::unexpected(row.error());
    if (!*row)
        return std::optional<BillDetails>();
    const BillRow &b = **row;
    auto lines = m_repo->bills.lines(b.id);
    if (!lines)
        return std::unexpected(lines.error());
    BillDetails d;
    d.id = b.code;
    d.status = b.status;
    d.capacity = b.capacity;
    d.parentCount = b.parentCount;
    d.weights = BillWeights{b.actualWeightG, b.expectedWeightG};
    d.createdBy = b.createdBy;
    d.createdAt = b.createdAt;
    d.completedBy = b.completedBy;
    d.completedAt = b.completedAt;
    d.lines = *lines;
    return std::optional<BillDetails>(d);
}

Result<std::optional<ReturnView>> SqliteStore::returnTicket(const QString &rawId)
{
    const auto id = normalizeReturnId(rawId);
    if (!id)
        return std::unexpected(id.error());
    auto row = m_repo->returns.find(*id);
    if (!row)
        return std::unexpected(row.error());
    if (!*row)
        return std::optional<ReturnView>();
    auto lines = m_repo->returns.lines((*row)->id);
    if (!lines)
        return std::unexpected(lines.error());
    ReturnView v = (*row)->view();
    v.lines = *lines;
    return std::optional<ReturnView>(v);
}

Result<QList<ReturnView>> SqliteStore::returnTickets(const ReturnListFilter &filter)
{
    auto rows = m_repo->returns.list(filter);
    if (!rows)
        return std::unexpected(rows.error());
    QList<ReturnView> out;
    out.reserve(rows->size());
    for (const ReturnRow &r : *rows)
        out.append(r.view());
    return out;
}

} // namespace tt
