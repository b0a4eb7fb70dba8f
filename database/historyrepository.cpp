#include "database/historyrepository.h"

#include <QJsonDocument>

#include "database/statementcache.h"

namespace tt {

namespace {

QVariant jsonOrNull(const QJsonObject &o)
{
    if (o.isEmpty())
        return QVariant();
    return QString::fromUtf8(QJsonDocument(o).toJson(QJsonDocument::Compact));
}

QVariant textOrNull(const QString &s)
{
    return s.isEmpty() ? QVariant() : QVariant(s);
}

} // namespace

Result<void> HistoryRepository::recordScan(const ScanRecord &s)
{
    auto r = m_sql.run(QStringLiteral("INSERT INTO scans(at, username, station, code, action, parent, bill, "
                                      "command_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?)"),
                       {isoUtc(s.at), s.user, textOrNull(s.station), s.code, s.action, textOrNull(s.parent),
                        textOrNull(s.bill), textOrNull(s.commandId)},
                       QStringLiteral("recording the scan"));
    if (!r)
        return std::unexpected(r.error());
    return {};
}

Result<void> HistoryRepository::audit(const AuditRecord &a)
{
    auto r = m_sql.run(QStringLiteral("INSERT INTO audit_log(at, actor, station, action, entity, entity_id, before, "
                                      "after) VALUES (?, ?, ?, ?, ?, ?, ?, ?)"),
                       {isoUtc(a.at), textOrNull(a.actor), textOrNull(a.station), a.action, a.entity,
                        textOrNull(a.entityId), jsonOrNull(a.before), jsonOrNull(a.after)},
                       QStringLiteral("writing the audit record"));
    if (!r)
        return std::unexpected(r.error());
    return {};
}

Result<std::optional<Outcome>> HistoryRepository::appliedOutcome(const QUuid &commandId)
{
    auto r = m_sql.run(QStringLiteral("SELECT outcome FROM command_log WHERE id = ?"),
                       {commandId.toString(QUuid::WithoutBraces)}, QStringLiteral("looking up the command log"));
    if (!r)
        return std::unexpected(r.error());
    if (!r->next())
        return std::optional<Outcome>();
    return std::optional<Outcome>(Outcome::fromJson(QJsonDocument::fromJson(r->text(0).toUtf8()).object()));
}

Result<void> HistoryRepository::logCommand(const Command &c, const Outcome &o, const QDateTime &appliedAt)
{
    auto r = m_sql.run(QStringLiteral("INSERT INTO command_log(id, kind, actor, station, issued_at, applied_at, "
                                      "result, outcome) VALUES (?, ?, ?, ?, ?, ?, ?, ?)"),
                       {c.meta.id.toString(QUuid::WithoutBraces), commandKind(c.body), c.meta.actor.user,
                        textOrNull(c.meta.station), isoUtc(c.meta.at), isoUtc(appliedAt), resultKindName(o.result),
                        QString::fromUtf8(QJsonDocument(o.toJson()).toJson(QJsonDocument::Compact))},
                       QStringLiteral("logging the command"));
    if (!r)
        return std::unexpected(r.error());
    return {};
}

} // namespace tt
