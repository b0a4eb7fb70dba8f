#pragma once

#include <QDateTime>
#include <QString>
#include <QStringList>

#include <optional>

#include "core/error.h"

namespace tt {

class StatementCache;

// A link in force (ended_at IS NULL).
struct LinkRow
{
    qint64 id = 0;
    qint64 parentId = 0;
    QString parentCode;
    qint64 childId = 0;
    QString childCode;
    QString linkedBy;
    QDateTime linkedAt;
};

enum class LinkEndReason { Undo, Move, Return };

// The links aggregate: history of child→parent links; ending a link never deletes it.
class LinkRepository
{
public:
    explicit LinkRepository(StatementCache &sql) : m_sql(sql) {}

    Result<std::optional<LinkRow>> activeLinkOfChild(qint64 childId);
    // The user's most recent link still in force.
    Result<std::optional<LinkRow>> lastActiveLinkBy(const QString &user);
    Result<qint64> insert(qint64 parentId, qint64 childId, const QDateTime &at, const QString &by,
                          const QString &station, const QString &commandId);
    Result<void> end(qint64 linkId, const QDateTime &at, const QString &by, LinkEndReason reason);
    Result<QStringList> childrenOf(qint64 parentId);

private:
    StatementCache &m_sql;
};

} // namespace tt
