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

// Rows in [from, to) of a table with an "at" column; an invalid end is open.
void addTimeRange(QString &sql, QVariantList &values, const QDateTime &from, const QDateTime &to)
{
    if (from.isValid())
        addCondition(sql, values, isoUtc(from), QLatin1StringView("at >= ?"));
    if (to.isValid())
        addCondition(sql, values, isoUtc(to), QLatin1StringView("at < ?"));
}

// Runs a keyset page query (ORDER BY id DESC LIMIT ?) and reads each row with read(); the next
// page starts below the last row's id.
template<typename Row, typename Read>
Result<Page<Row>> readPage(StatementCache &sql, const QString &text, const QVariantList &values, int limit,
                           const QString &what, Read read)
{
    auto r = sql.run(text, values, what);
    if (!r)
        return std::unexpected(r.error());
    QList<Row> rows;
    qint64 last = 0;
    while (r->next()) {
        rows.append(read(*r));
        last = rows.constLast().id;
    }
    return finish(std::move(rows), limit, last);
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
    return readPage<BagListRow>(m_sql, sql, values, limit, QStringLiteral("browsing bags"), [](const Rows &r) {
        BagListRow b;
        b.id = r.number(0);
        b.code = r.text(1);
        b.role = r.text(2) == u"parent" ? BagRole::Parent : BagRole::Child;
        b.typeName = r.text(3);
        b.childCount = int(r.number(4));
        b.capacity = int(r.number(5));
        b.weightG = r.number(6);
        b.parentCode = r.text(7);
        b.billId = r.text(8);
        b.createdAt = fromIsoUtc(r.text(9));
        b.createdBy = r.text(10);
        return b;
    });
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
    return readPage<BillRow>(m_sql, sql, values, limit, QStringLiteral("browsing bills"), [](const Rows &r) {
        BillRow b;
        b.id = r.number(0);
        b.code = r.text(1);
        b.capacity = int(r.number(2));
        b.status = billStatusFromName(r.text(3)).value_or(BillStatus::Open);
        b.parentCount = int(r.number(4));
        b.actualWeightG = r.number(5);
        b.expectedWeightG = r.number(6);
        if (!r.isNull(7))
            b.measuredWeightG = r.number(7);
        b.createdAt = fromIsoUtc(r.text(8));
        b.createdBy = r.text(9);
        if (!r.isNull(10))
            b.completedAt = fromIsoUtc(r.text(10));
        b.completedBy = r.text(11);
        return b;
    });
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
    addTimeRange(sql, values, filter.from, filter.to);
    sql += QStringLiteral(" ORDER BY id DESC LIMIT ?");
    values.append(limit);
    return readPage<ScanListRow>(m_sql, sql, values, limit, QStringLiteral("browsing scans"), [](const Rows &r) {
        ScanListRow s;
        s.id = r.number(0);
        s.scan.at = fromIsoUtc(r.text(1));
        s.scan.user = r.text(2);
        s.scan.station = r.text(3);
        s.scan.code = r.text(4);
        s.scan.action = r.text(5);
        s.scan.parent = r.text(6);
        s.scan.bill = r.text(7);
        s.scan.commandId = r.text(8);
        return s;
    });
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
    addTimeRange(sql, values, filter.from, filter.to);
    sql += QStringLiteral(" ORDER BY id DESC LIMIT ?");
    values.append(limit);
    return readPage<AuditListRow>(m_sql, sql, values, limit, QStringLiteral("browsing the audit log"), [](const Rows &r) {
        AuditListRow a;
        a.id = r.number(0);
        a.record.at = fromIsoUtc(r.text(1));
        a.record.actor = r.text(2);
        a.record.station = r.text(3);
        a.record.action = r.text(4);
        a.record.entity = r.text(5);
        a.record.entityId = r.text(6);
        a.record.before = jsonObject(r.text(7));
        a.record.after = jsonObject(r.text(8));
        return a;
    });
}

} // namespace tt
