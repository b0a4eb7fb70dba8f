#pragma once

#include <QDateTime>
#include <QJsonObject>
#include <QString>

#include <optional>

#include "core/command.h"
#include "core/error.h"
#include "core/outcome.h"

namespace tt {

class StatementCache;

struct ScanRecord
{
    QDateTime at;
    QString user;
    QString station;
    QString code;
    QString action; // select_parent, link, undo, move, bill_add, …
    QString parent;
    QString bill;
    QString commandId;
};

struct AuditRecord
{
    QDateTime at;
    QString actor;
    QString station;
    QString action; // e.g. "link.create", "bill.complete", "login.fail"
    QString entity; // "bag", "link", "bill", "user", "session", …
    QString entityId;
    QJsonObject before;
    QJsonObject after;
};

// Append-only history: scan records, the audit trail and the log of applied commands.
class HistoryRepository
{
public:
    explicit HistoryRepository(StatementCache &sql) : m_sql(sql) {}

    Result<void> recordScan(const ScanRecord &scan);
    Result<void> audit(const AuditRecord &record);
    // The stored outcome of a command applied before, if any.
    Result<std::optional<Outcome>> appliedOutcome(const QUuid &commandId);
    Result<void> logCommand(const Command &command, const Outcome &outcome, const QDateTime &appliedAt);

private:
    StatementCache &m_sql;
};

} // namespace tt
