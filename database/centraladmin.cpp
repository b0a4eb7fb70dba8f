#include "database/centraladmin.h"

#include "core/command.h"
#include "core/totp.h"
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

Result<QMap<QString, QString>> CentralAdmin::settings()
{
    auto r = m_central.callText(QStringLiteral("SELECT tt_settings(?)::text"),
                                {m_central.sessionToken()}, QStringLiteral("reading the settings"));
    if (!r)
        return std::unexpected(r.error());
    QMap<QString, QString> out;
    const QJsonObject o = QJsonDocument::fromJson(r->toUtf8()).object();
    for (auto it = o.constBegin(); it != o.constEnd(); ++it)
        out.insert(it.key(), it.value().toString());
    return out;
}

Result<QString> CentralAdmin::setSettings(const QMap<QString, QString> &values)
{
    QJsonObject o;
    for (auto it = values.cbegin(); it != values.cend(); ++it)
        o.insert(it.key(), it.value());
    return call(QStringLiteral("SELECT tt_set_settings(?, ?::jsonb)::text"),
                {m_central.sessionToken(),
                 QString::fromUtf8(QJsonDocument(o).toJson(QJsonDocument::Compact))},
                QStringLiteral("changing the settings"));
}

Result<QString> CentralAdmin::call(const QString &sql, const QVariantList &values,
                                   const QString &what)
{
    auto r = m_central.callText(sql, values, what);
    if (!r)
        return std::unexpected(r.error());
    return PgStore::answer(*r);
}

Result<QString> CentralAdmin::setUserArea(const QString &user, const QString &area)
{
    return call(QStringLiteral("SELECT tt_set_user_area(?, ?, ?)::text"),
                {m_central.sessionToken(), user, area}, QStringLiteral("setting a user's area"));
}

Result<TotpEnrolment> CentralAdmin::beginTotp(const QString &account)
{
    auto r = m_central.callText(QStringLiteral("SELECT tt_totp_begin(?)::text"),
                                {m_central.sessionToken()},
                                QStringLiteral("setting up a one-time code"));
    if (!r)
        return std::unexpected(r.error());
    if (auto refused = PgStore::answer(*r); !refused)
        return std::unexpected(refused.error());
    const auto secret = QByteArray::fromHex(QJsonDocument::fromJson(r->toUtf8())
                                                .object()
                                                .value(QStringLiteral("secret_hex"))
                                                .toString()
                                                .toLatin1());
    return TotpEnrolment{totp::toBase32(secret),
                         totp::otpauthUri(QStringLiteral("TraceTrack"), account, secret)};
}

Result<QString> CentralAdmin::confirmTotp(const QString &code)
{
    return call(QStringLiteral("SELECT tt_totp_confirm(?, ?)::text"),
                {m_central.sessionToken(), code}, QStringLiteral("confirming a one-time code"));
}

Result<QString> CentralAdmin::disableTotp(const QString &user)
{
    return call(QStringLiteral("SELECT tt_totp_disable(?, ?)::text"),
                {m_central.sessionToken(), user}, QStringLiteral("turning a one-time code off"));
}

} // namespace tt
