#include "database/pgimport.h"

#include "database/pgstore.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace tt {

namespace {

QJsonValue grams(const std::optional<qint64> &g)
{
    return g ? QJsonValue(double(*g)) : QJsonValue();
}

} // namespace

Result<QList<Outcome>> PgImport::importBags(const ImportMeta &meta, const QList<ImportBagRow> &rows)
{
    QJsonArray a;
    for (const ImportBagRow &r : rows)
        a.append(QJsonObject{{QStringLiteral("n"), double(r.row)},
                             {QStringLiteral("c"), r.code},
                             {QStringLiteral("w"), grams(r.measuredWeightG)}});
    return call(QStringLiteral("tt_import_bags"), meta,
                QJsonDocument(a).toJson(QJsonDocument::Compact), rows.size());
}

Result<QList<Outcome>> PgImport::importLinks(const ImportMeta &meta,
                                             const QList<ImportLinkRow> &rows)
{
    QJsonArray a;
    for (const ImportLinkRow &r : rows)
        a.append(QJsonObject{{QStringLiteral("n"), double(r.row)},
                             {QStringLiteral("p"), r.parentCode},
                             {QStringLiteral("c"), r.childCode},
                             {QStringLiteral("w"), grams(r.childWeightG)}});
    return call(QStringLiteral("tt_import_links"), meta,
                QJsonDocument(a).toJson(QJsonDocument::Compact), rows.size());
}

Result<QList<Outcome>> PgImport::call(const QString &function, const ImportMeta &meta,
                                      const QByteArray &rows, qsizetype count)
{
    const QJsonObject m{{QStringLiteral("file"), meta.file},
                        {QStringLiteral("station"), meta.station},
                        {QStringLiteral("at"), isoUtc(meta.at)}};
    auto r = m_store.callText(
        QStringLiteral("SELECT %1(?, ?::jsonb, ?::jsonb)::text").arg(function),
        {m_store.sessionToken(), QString::fromUtf8(QJsonDocument(m).toJson(QJsonDocument::Compact)),
         QString::fromUtf8(rows)},
        QStringLiteral("importing a batch of %1 rows").arg(count));
    if (!r)
        return std::unexpected(r.error());
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(r->toUtf8(), &error);
    const QJsonArray answers = doc.array();
    if (error.error != QJsonParseError::NoError || answers.size() != count)
        return fail(Reason::DatabaseError, QStringLiteral("%1 answered %2 outcomes for %3 rows.")
                                               .arg(function)
                                               .arg(answers.size())
                                               .arg(count));
    QList<Outcome> outcomes;
    outcomes.reserve(count);
    for (const QJsonValue &v : answers)
        outcomes.append(Outcome::fromJson(v.toObject()));
    return outcomes;
}

} // namespace tt
