#include "database/linkrepository.h"

#include "core/command.h"
#include "database/statementcache.h"

namespace tt {

namespace {

const QString kSelect = QStringLiteral(
    "SELECT l.id, l.parent_id, p.code, l.child_id, c.code, l.linked_by, l.linked_at FROM links l "
    "JOIN bags p ON p.id = l.parent_id JOIN bags c ON c.id = l.child_id ");

Result<std::optional<LinkRow>> readOne(Result<Rows> r)
{
    if (!r)
        return std::unexpected(r.error());
    if (!r->next())
        return std::optional<LinkRow>();
    LinkRow l;
    l.id = r->number(0);
    l.parentId = r->number(1);
    l.parentCode = r->text(2);
    l.childId = r->number(3);
    l.childCode = r->text(4);
    l.linkedBy = r->text(5);
    l.linkedAt = fromIsoUtc(r->text(6));
    return std::optional<LinkRow>(l);
}

} // namespace

Result<std::optional<LinkRow>> LinkRepository::activeLinkOfChild(qint64 childId)
{
    return readOne(m_sql.run(kSelect + QStringLiteral("WHERE l.child_id = ? AND l.ended_at IS NULL"), {childId},
                             QStringLiteral("looking up a child's link")));
}

Result<std::optional<LinkRow>> LinkRepository::lastActiveLinkBy(const QString &user)
{
    return readOne(m_sql.run(kSelect + QStringLiteral("WHERE l.linked_by = ? AND l.ended_at IS NULL "
                                                       "ORDER BY l.id DESC LIMIT 1"),
                             {user}, QStringLiteral("looking up your last link")));
}

Result<qint64> LinkRepository::insert(qint64 parentId, qint64 childId, const QDateTime &at, const QString &by,
                                      const QString &station, const QString &commandId)
{
    auto r = m_sql.run(QStringLiteral("INSERT INTO links(parent_id, child_id, linked_at, linked_by, station, "
                                      "command_id) VALUES (?, ?, ?, ?, ?, ?)"),
                       {parentId, childId, isoUtc(at), by, station, commandId}, QStringLiteral("linking"));
    if (!r)
        return std::unexpected(r.error());
    return r->lastInsertId().toLongLong();
}

Result<void> LinkRepository::end(qint64 linkId, const QDateTime &at, const QString &by, LinkEndReason reason)
{
    const QString why = reason == LinkEndReason::Undo   ? QStringLiteral("undo")
                        : reason == LinkEndReason::Move ? QStringLiteral("move")
                                                        : QStringLiteral("return");
    auto r = m_sql.run(QStringLiteral("UPDATE links SET ended_at = ?, ended_by = ?, end_reason = ? WHERE id = ? "
                                      "AND ended_at IS NULL"),
                       {isoUtc(at), by, why, linkId}, QStringLiteral("ending a link"));
    if (!r)
        return std::unexpected(r.error());
    if (r->affected() != 1)
        return fail(Reason::DatabaseError, QStringLiteral("The link to end was no longer in force."));
    return {};
}

Result<QStringList> LinkRepository::childrenOf(qint64 parentId)
{
    auto r = m_sql.run(QStringLiteral("SELECT c.code FROM links l JOIN bags c ON c.id = l.child_id WHERE "
                                      "l.parent_id = ? AND l.ended_at IS NULL ORDER BY l.id"),
                       {parentId}, QStringLiteral("listing a parent's children"));
    if (!r)
        return std::unexpected(r.error());
    QStringList codes;
    while (r->next())
        codes.append(r->text(0));
    return codes;
}

} // namespace tt
