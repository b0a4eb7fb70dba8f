#include "database/centralsync.h"

#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>

#include "database/pgstore.h"

namespace tt {

namespace {

QString compact(const QJsonArray &a)
{
    return QString::fromUtf8(QJsonDocument(a).toJson(QJsonDocument::Compact));
}

QStringList stringsOf(const QJsonValue &v)
{
    QStringList out;
    for (const QJsonValue &x : v.toArray())
        out.append(x.toString());
    return out;
}

Result<ChangeSet> changeSetOf(const Result<QJsonObject> &o)
{
    if (!o)
        return std::unexpected(o.error());
    ChangeSet c;
    c.head = qint64(o->value(QStringLiteral("head")).toDouble());
    c.bags = stringsOf(o->value(QStringLiteral("bags")));
    c.bills = stringsOf(o->value(QStringLiteral("bills")));
    c.more = o->value(QStringLiteral("more")).toBool();
    return c;
}

} // namespace

Result<QJsonObject> CentralSync::callObject(const QString &sql, const QVariantList &values, const QString &what)
{
    auto text = m_central.callText(sql, values, what);
    if (!text)
        return std::unexpected(text.error());
    const QJsonObject o = QJsonDocument::fromJson(text->toUtf8()).object();
    if (o.value(QStringLiteral("result")).toString() != u"ok") {
        const auto reason = reasonFromName(o.value(QStringLiteral("reason")).toString());
        return fail(reason.value_or(Reason::DatabaseError),
                    o.value(QStringLiteral("message")).toString().isEmpty()
                        ? QStringLiteral("Unexpected answer while %1.").arg(what)
                        : o.value(QStringLiteral("message")).toString());
    }
    return o;
}

Result<QList<Outcome>> CentralSync::replay(const QList<QJsonObject> &commands)
{
    QJsonArray list;
    for (const QJsonObject &c : commands)
        list.append(c);
    auto text = m_central.callText(QStringLiteral("SELECT tt_replay(?, ?::jsonb)::text"), {m_central.sessionToken(), compact(list)},
                     QStringLiteral("replaying queued commands"));
    if (!text)
        return std::unexpected(text.error());
    QList<Outcome> out;
    for (const QJsonValue &v : QJsonDocument::fromJson(text->toUtf8()).array())
        out.append(Outcome::fromJson(v.toObject()));
    if (out.isEmpty() && !commands.isEmpty())
        return fail(Reason::SessionExpired, QStringLiteral("The session has expired or is not valid; log in again."));
    return out;
}

Result<ChangeSet> CentralSync::changes(qint64 after, int limit)
{
    return changeSetOf(callObject(QStringLiteral("SELECT tt_changes(?, ?, ?)::text"),
                                  {m_central.sessionToken(), after, limit}, QStringLiteral("reading the change feed")));
}

Result<ChangeSet> CentralSync::workingSet(int limit)
{
    return changeSetOf(callObject(QStringLiteral("SELECT tt_working_set(?, ?)::text"), {m_central.sessionToken(), limit},
                                  QStringLiteral("reading the working set")));
}

Result<QJsonObject> CentralSync::snapshot(const QStringList &bags, const QStringList &bills)
{
    return callObject(QStringLiteral("SELECT tt_snapshot(?, ARRAY(SELECT jsonb_array_elements_text(?::jsonb)), "
                                     "ARRAY(SELECT jsonb_array_elements_text(?::jsonb)))::text"),
                      {m_central.sessionToken(), compact(QJsonArray::fromStringList(bags)),
                       compact(QJsonArray::fromStringList(bills))},
                      QStringLiteral("reading central state"));
}

Result<QDateTime> CentralSync::report(const QJsonObject &status)
{
    auto o = callObject(QStringLiteral("SELECT tt_station_report(?, ?::jsonb)::text"),
                        {m_central.sessionToken(), QString::fromUtf8(QJsonDocument(status).toJson(QJsonDocument::Compact))},
                        QStringLiteral("reporting the station's status"));
    if (!o)
        return std::unexpected(o.error());
    return QDateTime::fromString(o->value(QStringLiteral("now")).toString(), Qt::ISODateWithMs).toUTC();
}

Result<QJsonArray> CentralSync::rows(const QString &sql, const QVariantList &values, const QString &what)
{
    // Reads go through the session read policy: the connection presents the session's token.
    if (auto set = m_central.callText(QStringLiteral("SELECT set_config('tt.session', ?, false)"), {m_central.sessionToken()}, what);
        !set)
        return std::unexpected(set.error());
    auto text = m_central.callText(sql, values, what);
    if (!text)
        return std::unexpected(text.error());
    return QJsonDocument::fromJson(text->toUtf8()).array();
}

Result<QJsonArray> CentralSync::conflicts(int limit)
{
    return rows(QStringLiteral("SELECT coalesce(jsonb_agg(to_jsonb(c) ORDER BY c.detected_at DESC), '[]')::text "
                               "FROM (SELECT command_id, station, author, uploaded_by, kind, issued_at, detected_at, "
                               "outcome->>'reason' AS reason, outcome->>'message' AS message FROM conflicts "
                               "ORDER BY detected_at DESC LIMIT ?) c"),
                {limit}, QStringLiteral("reading the conflicts of all stations"));
}

Result<QJsonArray> CentralSync::stations()
{
    return rows(QStringLiteral("SELECT coalesce(jsonb_agg(to_jsonb(t) ORDER BY t.station), '[]')::text FROM (SELECT "
                               "station, username, last_contact, queue_depth, oldest_queued_at, last_sync_at, "
                               "conflicts, scanner, app FROM station_status) t"),
                {}, QStringLiteral("reading the stations' status"));
}

Result<double> CentralSync::ping()
{
    QElapsedTimer t;
    t.start();
    auto r = m_central.callText(QStringLiteral("SELECT 1"), {}, QStringLiteral("reaching the central database"));
    if (!r)
        return std::unexpected(r.error());
    return double(t.nsecsElapsed()) / 1e6;
}

} // namespace tt
