#pragma once

#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QString>

#include <optional>

#include "core/command.h"
#include "core/error.h"
#include "core/outcome.h"

namespace tt {

class StatementCache;

// One command of the outbox (resources/sql/sqlite/005_sync.sql).
struct OutboxEntry
{
    qint64 seq = 0;
    QString state; // queued | applied | conflict
    QDateTime queuedAt;
    QJsonObject command;      // the command's JSON form
    QJsonObject localOutcome; // what the station showed
    QJsonObject centralOutcome; // the central answer on replay (applied / conflict)
    int attempts = 0;
};

// The station's outbox and sync state in central mode: commands decided locally while the
// central database was unreachable, replayed in order by SyncedStore.
class Outbox
{
public:
    explicit Outbox(StatementCache &sql) : m_sql(sql) {}

    // Inside the transaction of the command's local effects.
    Result<void> append(const Command &command, const Outcome &localOutcome, const QDateTime &at);
    // The oldest queued commands, in order.
    Result<QList<OutboxEntry>> queued(int limit);
    Result<void> markReplayed(qint64 seq, const Outcome &central, bool conflict, const QDateTime &at);
    Result<void> countAttempt(qint64 seq);
    Result<int> depth();
    Result<std::optional<QDateTime>> oldestQueuedAt();
    // Conflicts, newest first.
    Result<QList<OutboxEntry>> conflicts(int limit);
    Result<int> conflictCount();
    // Applied entries older than the cut-off are removed (conflicts stay).
    Result<void> prune(const QDateTime &before);

    Result<std::optional<QString>> state(const QString &key);
    Result<void> setState(const QString &key, const QString &value);

private:
    Result<QList<OutboxEntry>> entries(const QString &sql, int limit, const QString &what);
    StatementCache &m_sql;
};

} // namespace tt
