#pragma once

#include "core/error.h"
#include "core/readmodels.h"
#include "core/returnrules.h"

#include <QDate>
#include <QDateTime>
#include <QList>
#include <QString>

#include <optional>

namespace tt {

class StatementCache;

// A row of table return_tickets.
struct ReturnRow
{
    qint64 id = 0;
    QString code;
    ReturnStatus status = ReturnStatus::Open;
    int parentCount = 0;
    qint64 weightG = 0;
    QDateTime openedAt;
    QString openedBy;
    QString station;
    QDateTime closedAt;
    QString closedBy;

    ReturnFacts facts() const { return ReturnFacts{code, status, parentCount}; }
    ReturnView view() const;
};

// The returns aggregate (BRIEF §3.4): tickets, their lines and their always-current totals.
class ReturnRepository
{
public:
    explicit ReturnRepository(StatementCache &sql)
        : m_sql(sql)
    {}

    Result<std::optional<ReturnRow>> find(const QString &code);
    // The number the next ticket of that business day gets (1 for the first).
    Result<int> nextSequence(QDate businessDay);
    Result<ReturnRow> insert(const QString &code, QDate businessDay, int sequence,
                             const QDateTime &at, const QString &by, const QString &station);
    Result<bool> hasLine(qint64 ticketId, const QString &parentCode);
    // Adds the line and its weight to the ticket's totals.
    Result<void> addLine(qint64 ticketId, const ReturnLine &line);
    Result<void> close(qint64 ticketId, ReturnStatus status, const QDateTime &at,
                       const QString &by);
    Result<QList<ReturnLine>> lines(qint64 ticketId);
    Result<QList<ReturnRow>> list(const ReturnListFilter &filter);

private:
    StatementCache &m_sql;
};

} // namespace tt
