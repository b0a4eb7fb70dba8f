#include "database/pagedquery.h"

#include "database/bagrepository.h"

#include <QJsonDocument>

#include <limits>

#include "core/command.h"
#include "database/statementcache.h"

namespace tt {

namespace {

qint64 startKey(qint64 before)
{
    return before > 0 ? before : std::numeric_limits<qint64>::max();
}

int clampLimit(int limit)
{
    return std::clamp(limit, 1, 5000);
}

QJsonObject jsonObject(const QString &text)
{
    return text.isEmpty() ? QJsonObject() : QJsonDocument::fromJson(text.toUtf8()).object();
}

// Appends " AND <condition>" and its value when the value is set. The SQL text comes only from
// the literals below, never from input.
void addCondition(QString &sql, QVariantList &values, const QString &value, QLatin1StringView condition,
                  int repeat = 1)
{
    if (value.isEmpty())
        return;
    sql += QLatin1String(" AND ") + condition;
    for (int i = 0; i < repeat; ++i)
        values.append(value);
}

template<typename Row>
Page<Row> finish(QList<Row> rows, int limit, qint64 lastId)
{
    Page<Row> page;
    page.atEnd = rows.size() < limit;
    page.nextKey = lastId;
    page.rows = std::move(rows);
    return page;
}

} // namespace

Result<Page<BagListRow>> PagedQuery::bags(const BagListFilter &filter, qint64 before, int limit)
{
    limit = clampLimit(limit);
    QString sql = QStringLiteral(
        "SELECT b.id, b.code, b.role, t.name, b.child_count, b.capacity, "
        "CASE WHEN b.role = 'parent' THEN b.contents_weight_g ELSE coalesce(b.measured_weight_g, b.nominal_weight_g) END, "
        "p.code, bl.bill_code, b.created_at, b.created_by "
        "FROM bags b JOIN bag_types t ON t.id = b.type_id "
        "LEFT JOIN links l ON l.child_id = b.id AND l.ended_at IS NULL "
        "LEFT JOIN bags p ON p.id = l.parent_id "
        "LEFT JOIN bill_parents bp ON bp.parent_id = b.id "
        "LEFT JOIN bills bl ON bl.id = bp.bill_id "
        "WHERE b.id < ?");
    QVariantList values{startKey(before)};
    const QString text = filter.text.trimmed().toUpper();
    if (text.size() >= 3 && !filter.role) {
        // The trigram index pages by rowid itself, so a common needle never reads every code.
        sql += QStringLiteral(" AND b.id IN (SELECT rowid FROM bag_code_search WHERE bag_code_search MATCH ? "
                              "AND rowid < ? ORDER BY rowid DESC LIMIT ?)");
        values << ftsPhrase(text) << startKey(before) << clampLimit(limit);
    } else {
        addCondition(sql, values, text, QLatin1StringView("instr(b.code, ?) > 0"));
    }
    if (filter.role)
        addCondition(sql, values, *filter.role == BagRole::Parent ? QStringLiteral("parent") : QStringLiteral("child"),
                     QLatin1StringView("b.role = ?"));
    sql += QStringLiteral(" ORDER BY b.id DESC LIMIT ?");
    values.append(limit);
    auto r = m_sql.run(sql, values, QStringLiteral("browsing bags"));
    if (!r)
        return std::unexpected(r.error());
    QList<BagListRow> rows;
    qint64 last = 0;
    while (r->next()) {
        BagListRow b;
        b.id = last = r->number(0);
        b.code = r->text(1);
        b.role = r->text(2) == u"parent" ? BagRole::Parent : BagRole::Child;
        b.typeName = r->text(3);
        b.childCount = int(r->number(4));
        b.capacity = int(r->number(5));
        b.weightG = r->number(6);
        b.parentCode = r->text(7);
        b.billId = r->text(8);
        b.createdAt = fromIsoUtc(r->text(9));
        b.createdBy = r->text(10);
        rows.append(std::move(b));
    }
    return finish(std::move(rows), limit, last);
}

Result<Page<BillRow>> PagedQuery::bills(const BillPageFilter &filter, qint64 before, int limit)
{
    limit = clampLimit(limit);
    QString sql = QStringLiteral(
        "SELECT id, bill_code, capacity, status, parent_count, actual_weight_g, expected_weight_g, "
        "measured_weight_g, created_at, created_by, completed_at, completed_by FROM bills WHERE id < ?");
    QVariantList values{startKey(before)};
    addCondition(sql, values, filter.text.trimmed().toUpper(), QLatin1StringView("instr(upper(bill_code), ?) > 0"));
    if (filter.status)
        addCondition(sql, values, billStatusName(*filter.status), QLatin1StringView("status = ?"));
    sql += QStringLiteral(" ORDER BY id DESC LIMIT ?");
    values.append(limit);
    auto r = m_sql.run(sql, values, QStringLiteral("browsing bills"));
    if (!r)
        return std::unexpected(r.error());
    QList<BillRow> rows;
    qint64 last = 0;
    while (r->next()) {
        BillRow b;
        b.id = last = r->number(0);
        b.code = r->text(1);
        b.capacity = int(r->number(2));
        b.status = billStatusFromName(r->text(3)).value_or(BillStatus::Open);
        b.parentCount = int(r->number(4));
        b.actualWeightG = r->number(5);
        b.expectedWeightG = r->number(6);
        if (!r->isNull(7))
            b.measuredWeightG = r->number(7);
        b.createdAt = fromIsoUtc(r->text(8));
        b.createdBy = r->text(9);
        if (!r->isNull(10))
            b.completedAt = fromIsoUtc(r->text(10));
        b.completedBy = r->text(11);
        rows.append(std::move(b));
    }
    return finish(std::move(rows), limit, last);
}

Result<Page<ScanListRow>> PagedQuery::scans(const ScanFilter &filter, qint64 before, int limit)
{
    limit = clampLimit(limit);
    QString sql = QStringLiteral("SELECT id, at, username, station, code, action, parent, bill, command_id "
                                 "FROM scans WHERE id < ?");
    QVariantList values{startKey(before)};
    addCondition(sql, values, filter.code.trimmed().toUpper(), QLatin1StringView("code = ?"));
    addCondition(sql, values, filter.text.trimmed().toUpper(), QLatin1StringView("instr(code, ?) > 0"));
    addCondition(sql, values, filter.user.trimmed().toLower(), QLatin1StringView("username = ?"));
    addCondition(sql, values, filter.action, QLatin1StringView("action = ?"));
    if (filter.from.isValid())
        addCondition(sql, values, isoUtc(filter.from), QLatin1StringView("at >= ?"));
    if (filter.to.isValid())
        addCondition(sql, values, isoUtc(filter.to), QLatin1StringView("at < ?"));
    sql += QStringLiteral(" ORDER BY id DESC LIMIT ?");
    values.append(limit);
    auto r = m_sql.run(sql, values, QStringLiteral("browsing scans"));
    if (!r)
        return std::unexpected(r.error());
    QList<ScanListRow> rows;
    qint64 last = 0;
    while (r->next()) {
        ScanListRow s;
        s.id = last = r->number(0);
        s.scan.at = fromIsoUtc(r->text(1));
        s.scan.user = r->text(2);
        s.scan.station = r->text(3);
        s.scan.code = r->text(4);
        s.scan.action = r->text(5);
        s.scan.parent = r->text(6);
        s.scan.bill = r->text(7);
        s.scan.commandId = r->text(8);
        rows.append(std::move(s));
    }
    return finish(std::move(rows), limit, last);
}

Result<Page<AuditListRow>> PagedQuery::audit(const AuditFilter &filter, qint64 before, int limit)
{
    limit = clampLimit(limit);
    QString sql = QStringLiteral("SELECT id, at, actor, station, action, entity, entity_id, before, after "
                                 "FROM audit_log WHERE id < ?");
    QVariantList values{startKey(before)};
    addCondition(sql, values, filter.actor.trimmed().toLower(), QLatin1StringView("actor = ?"));
    addCondition(sql, values, filter.text.trimmed().toLower(),
                 QLatin1StringView("(instr(lower(action), ?) > 0 OR instr(lower(entity), ?) > 0 "
                                   "OR instr(lower(coalesce(entity_id, '')), ?) > 0)"),
                 3);
    if (filter.from.isValid())
        addCondition(sql, values, isoUtc(filter.from), QLatin1StringView("at >= ?"));
    if (filter.to.isValid())
        addCondition(sql, values, isoUtc(filter.to), QLatin1StringView("at < ?"));
    sql += QStringLiteral(" ORDER BY id DESC LIMIT ?");
    values.append(limit);
    auto r = m_sql.run(sql, values, QStringLiteral("browsing the audit log"));
    if (!r)
        return std::unexpected(r.error());
    QList<AuditListRow> rows;
    qint64 last = 0;
    while (r->next()) {
        AuditListRow a;
        a.id = last = r->number(0);
        a.record.at = fromIsoUtc(r->text(1));
        a.record.actor = r->text(2);
        a.record.station = r->text(3);
        a.record.action = r->text(4);
        a.record.entity = r->text(5);
        a.record.entityId = r->text(6);
        a.record.before = jsonObject(r->text(7));
        a.record.after = jsonObject(r->text(8));
        rows.append(std::move(a));
    }
    return finish(std::move(rows), limit, last);
}

} // namespace tt
