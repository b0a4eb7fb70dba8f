#pragma once

#include <QList>

#include <optional>

#include "core/bagtype.h"
#include "core/command.h"
#include "core/outcome.h"
#include "core/readmodels.h"

namespace tt {

// What persistence offers the domain: commands decided and applied atomically, and the reads
// the station workflow needs. Implementations: SqliteStore (embedded, cache), PgStore
// (central), SyncedStore (both). Not thread-safe: use a store from the thread that created it.
class Store
{
public:
    virtual ~Store() = default;

    // Decides the command with the core rules and applies all its effects (links, counters,
    // bill totals, scan record, audit, command log) in one durable transaction, or nothing.
    // Never throws: a database failure is a rejected outcome with Reason::DatabaseError.
    virtual Outcome execute(const Command &command) = 0;

    // Many commands in one durable transaction (imports): each is decided and applied as if
    // alone, in order; a rejected one changes nothing and does not affect the others. Returns
    // one outcome per command.
    virtual QList<Outcome> executeBatch(const QList<Command> &commands) = 0;

    virtual Result<BagTypeSet> bagTypes() = 0;
    virtual Result<std::optional<BagDetails>> bag(const QString &code) = 0;
    virtual Result<std::optional<BillDetails>> bill(const QString &billId) = 0;
    // A return ticket with its lines (invalid_return_id for a malformed id), and the newest
    // tickets without lines.
    virtual Result<std::optional<ReturnView>> returnTicket(const QString &ticketId) = 0;
    virtual Result<QList<ReturnView>> returnTickets(const ReturnListFilter &filter) = 0;
};

} // namespace tt
