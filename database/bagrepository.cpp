#include "database/bagrepository.h"

#include "core/command.h"
#include "database/statementcache.h"

namespace tt {

namespace {

const QString kColumns = QStringLiteral(
    "id, code, type_id, role, nominal_weight_g, measured_weight_g, capacity, expected_weight_g, "
    "child_count, contents_weight_g, created_at, created_by");

BagRow readBag(const Rows &r)
{
    BagRow b;
    b.id = r.number(0);
    b.code = r.text(1);
    b.typeId = r.number(2);
    b.role = r.text(3) == u"parent" ? BagRole::Parent : BagRole::Child;
    b.nominalWeightG = r.number(4);
    if (!r.isNull(5))
        b.measuredWeightG = r.number(5);
    b.capacity = int(r.number(6));
    b.expectedWeightG = r.number(7);
    b.childCount = int(r.number(8));
    b.contentsWeightG = r.number(9);
    b.createdAt = fromIsoUtc(r.text(10));
    b.createdBy = r.text(11);
    return b;
}

QVariant nullable(const std::optional<qint64> &v)
{
    return v ? QVariant(*v) : QVariant();
}

} // namespace

Result<std::optional<BagRow>> BagRepository::find(const QString &code)
{
    auto r = m_sql.run(QStringLiteral("SELECT ") + kColumns + QStringLiteral(" FROM bags WHERE code = ?"), {code},
                       QStringLiteral("looking up bag %1").arg(code));
    if (!r)
        return std::unexpected(r.error());
    if (!r->next())
        return std::optional<BagRow>();
    return std::optional<BagRow>(readBag(*r));
}

Result<std::optional<BagRow>> BagRepository::findById(qint64 id)
{
    auto r = m_sql.run(QStringLiteral("SELECT ") + kColumns + QStringLiteral(" FROM bags WHERE id = ?"), {id},
                       QStringLiteral("looking up a bag"));
    if (!r)
        return std::unexpected(r.error());
    if (!r->next())
        return std::optional<BagRow>();
    return std::optional<BagRow>(readBag(*r));
}

Result<BagRow> BagRepository::insert(const NewBag &n)
{
    BagRow b;
    b.code = n.code;
    b.typeId = n.type.id;
    b.role = n.type.role;
    b.nominalWeightG = n.type.role == BagRole::Child ? n.type.nominalWeightG : 0;
    b.measuredWeightG = n.measuredWeightG;
    b.capacity = n.type.role == BagRole::Parent ? n.type.capacity : 0;
    b.expectedWeightG = n.type.role == BagRole::Parent ? n.type.expectedWeightG : 0;
    b.createdAt = n.at;
    b.createdBy = n.by;
    auto r = m_sql.run(QStringLiteral("INSERT INTO bags(code, type_id, role, nominal_weight_g, measured_weight_g, "
                                      "capacity, expected_weight_g, created_at, created_by, station) VALUES "
                                      "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"),
                       {b.code, b.typeId, bagRoleName(b.role), b.nominalWeightG, nullable(b.measuredWeightG),
                        b.capacity, b.expectedWeightG, isoUtc(n.at), n.by, n.station},
                       QStringLiteral("creating bag %1").arg(n.code));
    if (!r)
        return std::unexpected(r.error());
    b.id = r->lastInsertId().toLongLong();
    return b;
}

Result<void> BagRepository::adjustContents(qint64 parentId, int deltaCount, qint64 deltaWeightG)
{
    auto r = m_sql.run(QStringLiteral("UPDATE bags SET child_count = child_count + ?, contents_weight_g = "
                                      "contents_weight_g + ? WHERE id = ?"),
                       {deltaCount, deltaWeightG, parentId}, QStringLiteral("updating a parent's counters"));
    if (!r)
        return std::unexpected(r.error());
    return {};
}

Result<void> BagRepository::setMeasuredWeight(qint64 id, std::optional<qint64> grams)
{
    auto r = m_sql.run(QStringLiteral("UPDATE bags SET measured_weight_g = ? WHERE id = ?"), {nullable(grams), id},
                       QStringLiteral("recording a measured weight"));
    if (!r)
        return std::unexpected(r.error());
    return {};
}

Result<bool> BagRepository::hasHistory(qint64 id)
{
    auto r = m_sql.run(QStringLiteral("SELECT EXISTS(SELECT 1 FROM links WHERE parent_id = ? OR child_id = ?) "
                                      "OR EXISTS(SELECT 1 FROM bill_parents WHERE parent_id = ?)"),
                       {id, id, id}, QStringLiteral("checking a bag's history"));
    if (!r)
        return std::unexpected(r.error());
    return r->next() && r->number(0) != 0;
}

Result<void> BagRepository::remove(qint64 id)
{
    auto r = m_sql.run(QStringLiteral("DELETE FROM bags WHERE id = ?"), {id}, QStringLiteral("deleting a bag"));
    if (!r)
        return std::unexpected(r.error());
    return {};
}

Result<QList<BagRow>> BagRepository::search(const QString &text, int limit)
{
    // Three characters or more: the trigram index (migration 002) finds the first matches by
    // creation order without reading every code; shorter needles scan.
    const bool indexed = text.size() >= 3;
    const QString sql = indexed
        ? QStringLiteral("SELECT ") + kColumns
            + QStringLiteral(" FROM bags WHERE id IN (SELECT rowid FROM bag_code_search WHERE bag_code_search MATCH ? "
                             "ORDER BY rowid LIMIT ?) ORDER BY code")
        : QStringLiteral("SELECT ") + kColumns + QStringLiteral(" FROM bags WHERE instr(code, ?) > 0 ORDER BY code LIMIT ?");
    const QString needle = indexed ? ftsPhrase(text) : text;
    auto r = m_sql.run(sql, {needle, limit}, QStringLiteral("searching bags"));
    if (!r)
        return std::unexpected(r.error());
    QList<BagRow> out;
    while (r->next())
        out.append(readBag(*r));
    return out;
}

QString ftsPhrase(const QString &text)
{
    QString quoted = text;
    quoted.replace(QLatin1Char('"'), QStringLiteral("\"\""));
    return QLatin1Char('"') + quoted + QLatin1Char('"');
}

} // namespace tt
