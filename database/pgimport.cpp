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

// The rows travel as parallel arrays, one per column ({"n": […], "c": […], …}): the server turns
// each into an SQL array in one call (migration 010).
Result<QList<Outcome>> PgImport::importBags(const ImportMeta &meta, const QList<ImportBagRow> &rows)
{
    QJsonArray n, c, w;
    for (const ImportBagRow &r : rows) {
        n.append(double(r.row));
        c.append(r.code);
        w.append(grams(r.measuredWeightG));
    }
    const QJsonObject columns{
        {QStringLiteral("n"), n}, {QStringLiteral("c"), c}, {QStringLiteral("w"), w}};
    return call(QStringLiteral("tt_import_bags"), meta,
                QJsonDocument(columns).toJson(QJsonDocument::Compact), rows.size());
}

Result<QList<Outcome>> PgImport::importLinks(const ImportMeta &meta,
                                             const QList<ImportLinkRow> &rows)
{
    QJsonArray n, p, c, w;
    for (const ImportLinkRow &r : rows) {
        n.append(double(r.row));
        p.append(r.parentCode);
        c.append(r.childCode);
        w.append(grams(r.childWeightG));
    }
    const QJsonObject columns{{QStringLiteral("n"), n},
                              {QStringLiteral("p"), p},
                              {QStringLiteral("c"), c},
                              {QStringLiteral("w"), w}};
    return call(QStringLiteral("tt_import_links"), meta,
                QJsonDocument(columns).toJson(QJsonDocument::Compact), rows.size());
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
    // The answer: one array per field of Outcome's JSON form, element i for row i.
    QJsonParseError error;
    const QJsonObject answer = QJsonDocument::fromJson(r->toUtf8(), &error).object();
    static const QStringList fields{QStringLiteral("result"),  QStringLiteral("reason"),
                                    QStringLiteral("message"), QStringLiteral("code"),
                                    QStringLiteral("parent"),  QStringLiteral("children"),
                                    QStringLiteral("capacity")};
    QList<QJsonArray> columns;
    for (const QString &field : fields) {
        columns.append(answer.value(field).toArray());
        if (error.error != QJsonParseError::NoError || columns.last().size() != count)
            return fail(Reason::DatabaseError,
                        QStringLiteral("%1 answered %2 outcomes for %3 rows.")
                            .arg(function)
                            .arg(columns.last().size())
                            .arg(count));
    }
    QList<Outcome> outcomes;
    outcomes.reserve(count);
    for (qsizetype i = 0; i < count; ++i) {
        QJsonObject o;
        for (qsizetype f = 0; f < fields.size(); ++f)
            if (const QJsonValue v = columns.at(f).at(i); !v.isNull())
                o.insert(fields.at(f), v);
        outcomes.append(Outcome::fromJson(o));
    }
    return outcomes;
}

} // namespace tt
