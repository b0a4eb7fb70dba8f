#include "database/outbox.h"

#include <QJsonDocument>

#include "database/statementcache.h"

namespace tt {

namespace {

QString compact(const QJsonObject &o)
{
    return QString::fromUtf8(QJsonDocument(o).toJson(QJsonDocument::Compact));
}

QJsonObject objectOf(const QString &text)
{
    return QJsonDocument::fromJson(text.toUtf8()).object();
}

const QString kColumns = QStringLiteral("SELECT seq, state, queued_at, command, local_outcome, "
                                        "coalesce(central_outcome, ''), attempts FROM outbox ");

} // namespace

Result<void> Outbox::append(const Command &command, const Outcome &localOutcome, const QDateTime &at)
{
    auto r = m_sql.run(QStringLiteral("INSERT INTO outbox(command_id, kind, command, queued_at, local_outcome) "
                                      "VALUES (?, ?, ?, ?, ?)"),
                       {command.meta.id.toString(QUuid::WithoutBraces), commandKind(command.body),
                        compact(commandToJson(command)), isoUtc(at), compact(localOutcome.toJson())},
                       QStringLiteral("queueing the command"));
    if (!r)
        return std::unexpected(r.error());
    return {};
}

Result<QList<OutboxEntry>> Outbox::entries(const QString &sql, int limit, const QString &what)
{
    auto r = m_sql.run(sql, {limit}, what);
    if (!r)
        return std::unexpected(r.error());
    QList<OutboxEntry> out;
    while (r->next()) {
        OutboxEntry e;
        e.seq = r->number(0);
        e.state = r->text(1);
        e.queuedAt = fromIsoUtc(r->text(2));
        e.command = objectOf(r->text(3));
        e.localOutcome = objectOf(r->text(4));
        e.centralOutcome = objectOf(r->text(5));
        e.attempts = int(r->number(6));
        out.append(e);
    }
    return out;
}

Result<QList<OutboxEntry>> Outbox::queued(int limit)
{
    return entries(kColumns + QStringLiteral("WHERE state = 'queued' ORDER BY seq LIMIT ?"), limit,
                   QStringLiteral("reading the outbox"));
}

Result<QList<OutboxEntry>> Outbox::conflicts(int limit)
{
    return entries(kColumns + QStringLiteral("WHERE state = 'conflict' ORDER BY seq DESC LIMIT ?"), limit,
                   QStringLiteral("reading the conflicts"));
}

Result<void> Outbox::markReplayed(qint64 seq, const Outcome &central, bool conflict, const QDateTime &at)
{
    auto r = m_sql.run(QStringLiteral("UPDATE outbox SET state = ?, replayed_at = ?, central_outcome = ?, "
                                      "attempts = attempts + 1 WHERE seq = ?"),
                       {conflict ? QStringLiteral("conflict") : QStringLiteral("applied"), isoUtc(at),
                        compact(central.toJson()), seq},
                       QStringLiteral("recording a replayed command"));
    if (!r)
        return std::unexpected(r.error());
    return {};
}

Result<void> Outbox::countAttempt(qint64 seq)
{
    auto r = m_sql.run(QStringLiteral("UPDATE outbox SET attempts = attempts + 1 WHERE seq = ?"), {seq},
                       QStringLiteral("recording a replay attempt"));
    if (!r)
        return std::unexpected(r.error());
    return {};
}

Result<int> Outbox::depth()
{
    auto r = m_sql.run(QStringLiteral("SELECT count(*) FROM outbox WHERE state = 'queued'"), {},
                       QStringLiteral("counting the outbox"));
    if (!r)
        return std::unexpected(r.error());
    return r->next() ? int(r->number(0)) : 0;
}

Result<int> Outbox::conflictCount()
{
    auto r = m_sql.run(QStringLiteral("SELECT count(*) FROM outbox WHERE state = 'conflict'"), {},
                       QStringLiteral("counting the conflicts"));
    if (!r)
        return std::unexpected(r.error());
    return r->next() ? int(r->number(0)) : 0;
}

Result<std::optional<QDateTime>> Outbox::oldestQueuedAt()
{
    auto r = m_sql.run(QStringLiteral("SELECT queued_at FROM outbox WHERE state = 'queued' ORDER BY seq LIMIT 1"), {},
                       QStringLiteral("reading the outbox"));
    if (!r)
        return std::unexpected(r.error());
    if (!r->next())
        return std::optional<QDateTime>();
    return std::optional<QDateTime>(fromIsoUtc(r->text(0)));
}

Result<void> Outbox::prune(const QDateTime &before)
{
    auto r = m_sql.run(QStringLiteral("DELETE FROM outbox WHERE state = 'applied' AND replayed_at < ?"),
                       {isoUtc(before)}, QStringLiteral("pruning the outbox"));
    if (!r)
        return std::unexpected(r.error());
    return {};
}

Result<std::optional<QString>> Outbox::state(const QString &key)
{
    auto r = m_sql.run(QStringLiteral("SELECT value FROM sync_state WHERE key = ?"), {key},
                       QStringLiteral("reading the sync state"));
    if (!r)
        return std::unexpected(r.error());
    if (!r->next())
        return std::optional<QString>();
    return std::optional<QString>(r->text(0));
}

Result<void> Outbox::setState(const QString &key, const QString &value)
{
    auto r = m_sql.run(QStringLiteral("INSERT INTO sync_state(key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE "
                                      "SET value = excluded.value"),
                       {key, value}, QStringLiteral("saving the sync state"));
    if (!r)
        return std::unexpected(r.error());
    return {};
}

} // namespace tt
