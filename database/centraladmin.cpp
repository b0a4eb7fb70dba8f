#include "database/centraladmin.h"

#include "core/command.h"
#include "database/pgstore.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace tt {

namespace {

// The rows of a function that answers with a JSON array.
Result<QJsonArray> rowsOf(PgStore &central, const QString &function, const QString &what)
{
    auto r = central.callText(QStringLiteral("SELECT %1(?)::text").arg(function),
                              {central.sessionToken()}, what);
    if (!r)
        return std::unexpected(r.error());
    return QJsonDocument::fromJson(r->toUtf8()).array();
}

} // namespace

Result<QList<AreaRow>> CentralAdmin::areas()
{
    const auto rows =
        rowsOf(m_central, QStringLiteral("tt_area_list"), QStringLiteral("reading areas"));
    if (!rows)
        return std::unexpected(rows.error());
    QList<AreaRow> out;
    for (const QJsonValue &v : *rows) {
        const QJsonObject o = v.toObject();
        out.append(AreaRow{
            qint64(o.value(QStringLiteral("id")).toDouble()),
            o.value(QStringLiteral("name")).toString(), o.value(QStringLiteral("active")).toBool(),
            o.value(QStringLiteral("users")).toInt(), o.value(QStringLiteral("stations")).toInt()});
    }
    return out;
}

Result<QList<StationRow>> CentralAdmin::stations()
{
    const auto rows =
        rowsOf(m_central, QStringLiteral("tt_station_list"), QStringLiteral("reading stations"));
    if (!rows)
        return std::unexpected(rows.error());
    QList<StationRow> out;
    for (const QJsonValue &v : *rows) {
        const QJsonObject o = v.toObject();
        StationRow s{o.value(QStringLiteral("id")).toString(),
                     o.value(QStringLiteral("area")).toString(),
                     o.value(QStringLiteral("active")).toBool(),
                     fromIsoUtc(o.value(QStringLiteral("created_at")).toString()), std::nullopt};
        if (const QString seen = o.value(QStringLiteral("last_seen")).toString(); !seen.isEmpty())
            s.lastSeen = fromIsoUtc(seen);
        out.append(s);
    }
    return out;
}

Result<QString> CentralAdmin::setUserArea(const QString &user, const QString &area)
{
    auto r = m_central.callText(QStringLiteral("SELECT tt_set_user_area(?, ?, ?)::text"),
                                {m_central.sessionToken(), user, area},
                                QStringLiteral("setting a user's area"));
    if (!r)
        return std::unexpected(r.error());
    return PgStore::answer(*r);
}

} // namespace tt
