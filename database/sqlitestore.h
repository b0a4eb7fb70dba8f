#pragma once

#include <QSqlDatabase>
#include <QString>

#include <functional>
#include <memory>

#include "core/store.h"

namespace tt {

class Clock;
class StatementCache;
struct Repositories;

struct SqliteStoreOptions
{
    QString connectionName = QStringLiteral("tt-main");
    bool create = true;                // create the file when it does not exist
    bool migrate = true;               // apply pending migrations (else refuse an old schema)
    const Clock *clock = nullptr;      // nullptr: the system clock
};

// The embedded store (BRIEF §2.1) and, in central mode, the station's cache. Every command is
// one BEGIN IMMEDIATE transaction committed with synchronous=FULL before execute() returns.
// Lives in the thread that opened it.
class SqliteStore final : public Store
{
public:
    // Opens path (see openSqlite() for the checks) and brings its schema up to date.
    static Result<std::unique_ptr<SqliteStore>> open(const QString &path, const SqliteStoreOptions &options = {});
    ~SqliteStore() override;

    Outcome execute(const Command &command) override;
    // The same, with more work in the command's transaction: beforeCommit runs after the
    // command was applied (ok outcomes only) and its failure rolls everything back (the
    // central mode's outbox is appended this way).
    using BeforeCommit = std::function<Result<void>(const Outcome &)>;
    Outcome execute(const Command &command, const BeforeCommit &beforeCommit);
    QList<Outcome> executeBatch(const QList<Command> &commands) override;
    Result<BagTypeSet> bagTypes() override;
    Result<std::optional<BagDetails>> bag(const QString &code) override;
    Result<std::optional<BillDetails>> bill(const QString &billId) override;
    Result<std::optional<ReturnView>> returnTicket(const QString &ticketId) override;
    Result<QList<ReturnView>> returnTickets(const ReturnListFilter &filter) override;

    QSqlDatabase database() const;
    StatementCache &statements();
    Repositories &repositories();
    const Clock &clock() const { return *m_clock; }
    QString path() const { return m_path; }

    // Drops cached bag types after an admin changed them.
    void invalidateBagTypes() { m_typesLoaded = false; }

private:
    SqliteStore(QString path, QString connectionName, const Clock &clock);
    std::optional<Outcome> refuse(const Command &command);
    Result<Outcome> applyInTransaction(const Command &command, const BagTypeSet &types, qint64 undoWindow);

    QString m_path;
    QString m_connectionName;
    const Clock *m_clock;
    std::unique_ptr<StatementCache> m_sql;
    std::unique_ptr<Repositories> m_repo;
    BagTypeSet m_types;
    bool m_typesLoaded = false;
};

} // namespace tt
