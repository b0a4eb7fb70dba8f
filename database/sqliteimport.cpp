#include "database/sqliteimport.h"

#include "core/linkrules.h"
#include "database/bulkinsert.h"
#include "database/commandcontext.h"
#include "database/repositories.h"
#include "database/sqlitestore.h"
#include "database/statementcache.h"
#include "database/transactionguard.h"

#include <QHash>
#include <QUuid>

#include <deque>

namespace tt {

namespace {

// A bag as the batch sees it: read from the database, or created by an earlier row.
struct BagState
{
    qint64 id = 0;
    QString code;
    BagRole role = BagRole::Child;
    qint64 typeId = 0;
    QString typeName;
    int capacity = 0;
    int childCount = 0;
    qint64 contentsWeightG = 0;
    std::optional<qint64> measuredWeightG;
    qint64 nominalWeightG = 0;
    qint64 expectedWeightG = 0;
    bool created = false;       // by this batch
    bool countsChanged = false; // existing parent gained children
    bool weightChanged = false; // existing child got a measured weight
    qint64 billRowId = 0;       // parent on a bill
    QString billCode;
    bool billCompleted = false;
    std::optional<LinkFacts> link; // child linked

    qint64 effectiveWeightG() const { return measuredWeightG.value_or(nominalWeightG); }
    ParentFacts parentFacts() const
    {
        return ParentFacts{code, capacity, childCount, billCode, billCompleted};
    }
};

// JSON text of a string (codes, names): quotes, backslashes and control characters escaped.
QString jsonString(const QString &s)
{
    QString out;
    out.reserve(s.size() + 2);
    out += QLatin1Char('"');
    for (const QChar c : s) {
        if (c == u'"' || c == u'\\') {
            out += QLatin1Char('\\');
            out += c;
        } else if (c.unicode() < 0x20) {
            out += QStringLiteral("\\u%1").arg(c.unicode(), 4, 16, QLatin1Char('0'));
        } else {
            out += c;
        }
    }
    out += QLatin1Char('"');
    return out;
}

Outcome rejected(const QString &code, const Error &e)
{
    return Outcome::rejected(e, code);
}

class Batch
{
public:
    Batch(SqliteStore &store, const ImportMeta &meta)
        : m_store(store)
        , m_sql(store.statements())
        , m_repo(store.repositories())
        , m_meta(meta)
        , m_at(isoUtc(meta.at))
        , m_batchId(QUuid::createUuid().toString(QUuid::WithoutBraces))
        , m_auditHead(QStringLiteral("{\"file\":") + jsonString(meta.file) +
                      QStringLiteral(",\"import_batch\":\"") + m_batchId +
                      QStringLiteral("\",\"row\":"))
        , m_bags(
              m_sql,
              QStringLiteral(
                  "INSERT INTO bags(id, code, type_id, role, nominal_weight_g, measured_weight_g, "
                  "capacity, expected_weight_g, child_count, contents_weight_g, created_at, "
                  "created_by, "
                  "station)"),
              13, 50)
        , m_links(m_sql,
                  QStringLiteral("INSERT INTO links(parent_id, child_id, linked_at, linked_by, "
                                 "station, command_id)"),
                  6)
        , m_audit(m_sql,
                  QStringLiteral("INSERT INTO audit_log(at, actor, station, action, entity, "
                                 "entity_id, before, after)"),
                  8)
    {
        m_links.flushFirst(&m_bags);
    }

    // Reads the batch's bags (with link and bill) and the next free bag id, inside the
    // transaction that will write.
    Result<void> load(const QStringList &codes)
    {
        auto types = m_store.bagTypes();
        if (!types)
            return std::unexpected(types.error());
        m_types = *types;
        QString array = QStringLiteral("[");
        for (const QString &c : codes) {
            if (array.size() > 1)
                array += QLatin1Char(',');
            array += jsonString(c);
        }
        array += QLatin1Char(']');
        auto r = m_sql.run(
            QStringLiteral("SELECT b.id, b.code, b.role, b.type_id, b.capacity, b.child_count, "
                           "b.contents_weight_g, "
                           "b.measured_weight_g, b.nominal_weight_g, b.expected_weight_g, p.code, "
                           "l.linked_by, "
                           "l.linked_at, bl.id, bl.bill_code, bl.status "
                           "FROM (SELECT DISTINCT value AS code FROM json_each(?)) j "
                           "JOIN bags b ON b.code = j.code "
                           "LEFT JOIN links l ON l.child_id = b.id AND l.ended_at IS NULL "
                           "LEFT JOIN bags p ON p.id = l.parent_id "
                           "LEFT JOIN bill_parents bp ON bp.parent_id = b.id "
                           "LEFT JOIN bills bl ON bl.id = bp.bill_id"),
            {array}, QStringLiteral("reading the bags of an import batch"));
        if (!r)
            return std::unexpected(r.error());
        while (r->next()) {
            BagState b;
            b.id = r->number(0);
            b.code = r->text(1);
            b.role = r->text(2) == u"parent" ? BagRole::Parent : BagRole::Child;
            b.typeId = r->number(3);
            b.capacity = int(r->number(4));
            b.childCount = int(r->number(5));
            b.contentsWeightG = r->number(6);
            if (!r->isNull(7))
                b.measuredWeightG = r->number(7);
            b.nominalWeightG = r->number(8);
            b.expectedWeightG = r->number(9);
            if (!r->isNull(10))
                b.link = LinkFacts{r->text(10), r->text(11), fromIsoUtc(r->text(12))};
            if (!r->isNull(13)) {
                b.billRowId = r->number(13);
                b.billCode = r->text(14);
                b.billCompleted = r->text(15) == u"completed";
            }
            const QString key = b.code.toUpper();
            m_state.insert(key, &m_storage.emplace_back(std::move(b)));
        }
        auto next = m_sql.run(QStringLiteral("SELECT coalesce(max(id), 0) FROM bags"), {},
                              QStringLiteral("reading the last bag id"));
        if (!next)
            return std::unexpected(next.error());
        m_lastId = next->next() ? next->number(0) : 0;
        return {};
    }

    BagState *find(const QString &code) { return m_state.value(code.toUpper(), nullptr); }

    // RegisterBag.
    Outcome registerBag(const ImportBagRow &row)
    {
        Outcome o;
        o.code = row.code;
        if (find(row.code)) {
            o.result = ResultKind::Duplicate;
            o.reason = Reason::Duplicate;
            o.message = QStringLiteral("%1 exists already; nothing changed.").arg(row.code);
            return o;
        }
        const auto type = m_types.classify(row.code);
        if (!type)
            return rejected(row.code,
                            Error{Reason::InvalidCode,
                                  QStringLiteral("%1 matches no bag type.").arg(row.code)});
        const BagState &b = create(row.code, *type, row.measuredWeightG);
        QString after = QStringLiteral(",\"type\":") + jsonString(type->name);
        if (row.measuredWeightG)
            after +=
                QStringLiteral(",\"measured_weight_g\":") + QString::number(*row.measuredWeightG);
        audit(QStringLiteral("bag"), row.code, row.row, after);
        o.result = ResultKind::Ok;
        if (b.role == BagRole::Parent)
            describe(o, b);
        o.message = QStringLiteral("%1 %2 registered (%3).")
                        .arg(bagRoleName(type->role), row.code, type->name);
        return o;
    }

    // [RegisterBag parent] + LinkChild, both or neither; the rules in the order the commands
    // apply them.
    Outcome link(const ImportLinkRow &row)
    {
        const QString &childCode = row.childCode;
        BagState *parent = find(row.parentCode);
        std::optional<BagType> parentType;
        LinkInput in;
        in.childCode = childCode;
        if (parent) {
            if (parent->role != BagRole::Parent)
                return rejected(
                    childCode,
                    Error{Reason::WrongRole,
                          QStringLiteral("%1 is a child bag, not a parent.").arg(parent->code)});
            in.parent = parent->parentFacts();
        } else {
            auto t = classifyNewBag(m_types, row.parentCode, BagRole::Parent);
            if (!t)
                return rejected(childCode, t.error());
            parentType = *t;
            in.parent = ParentFacts{row.parentCode, t->capacity, 0, {}, false};
        }
        BagState *child = find(childCode);
        std::optional<BagType> childType;
        if (child) {
            in.childRole = child->role;
            in.childLink = child->link;
        } else if (!parent) {
            // A row creating its parent is checked whole before anything is written.
            childType = m_types.classify(childCode);
            if (!childType)
                return rejected(childCode,
                                Error{Reason::InvalidCode,
                                      QStringLiteral("%1 matches no bag type.").arg(childCode)});
            in.childRole = childType->role;
        }
        const auto verdict = decideLink(in);
        if (!verdict)
            return rejected(childCode, verdict.error());
        Outcome o;
        o.code = childCode;
        if (*verdict == LinkVerdict::AlreadyLinked) {
            o.result = ResultKind::Duplicate;
            o.reason = Reason::Duplicate;
            describe(o, *parent);
            o.message = QStringLiteral("%1 is already in %2 (%3/%4); nothing changed.")
                            .arg(childCode, parent->code)
                            .arg(parent->childCount)
                            .arg(parent->capacity);
            return o;
        }
        if (!child) {
            auto t = classifyNewBag(m_types, childCode, BagRole::Child);
            if (!t)
                return rejected(childCode, t.error());
            childType = *t;
        }
        // Decided: apply.
        if (!parent)
            parent = &create(row.parentCode, *parentType, std::nullopt);
        if (!child) {
            child = &create(childCode, *childType, row.childWeightG);
        } else if (row.childWeightG && row.childWeightG != child->measuredWeightG) {
            child->measuredWeightG = row.childWeightG;
            child->weightChanged = !child->created;
        }
        const qint64 weight = child->effectiveWeightG();
        child->link = LinkFacts{parent->code, m_meta.actor.user, m_meta.at};
        m_newLinks.append({parent->id, child->id});
        ++parent->childCount;
        parent->contentsWeightG += weight;
        parent->countsChanged = !parent->created;
        if (parent->billRowId)
            m_billWeight[parent->billRowId] += weight;
        ++m_linkCount;
        if (parent->childCount == parent->capacity)
            ++m_parentsFilled;
        audit(QStringLiteral("link"), childCode, row.row,
              QStringLiteral(",\"parent\":") + jsonString(parent->code) +
                  QStringLiteral(",\"child\":") + jsonString(childCode) +
                  QStringLiteral(",\"weight_g\":") + QString::number(weight));
        o.result = ResultKind::Ok;
        describe(o, *parent);
        if (o.parentFull())
            o.message =
                QStringLiteral("%1 added to %2; %2 is now full (%3/%4): scan the next parent bag.")
                    .arg(childCode, parent->code)
                    .arg(o.children)
                    .arg(o.capacity);
        else
            o.message = QStringLiteral("%1 added to %2 (%3/%4).")
                            .arg(childCode, parent->code)
                            .arg(o.children)
                            .arg(o.capacity);
        return o;
    }

    // Writes what the decided rows changed; the caller commits.
    Result<void> write()
    {
        if (m_error)
            return std::unexpected(*m_error);
        for (const BagState *b : std::as_const(m_created)) {
            if (auto r =
                    m_bags.add({b->id, b->code, b->typeId, bagRoleName(b->role), b->nominalWeightG,
                                b->measuredWeightG ? QVariant(*b->measuredWeightG) : QVariant(),
                                b->capacity, b->expectedWeightG, b->childCount, b->contentsWeightG,
                                m_at, m_meta.actor.user, m_meta.station});
                !r)
                return r;
        }
        for (const auto &[parentId, childId] : std::as_const(m_newLinks)) {
            if (auto r = m_links.add(
                    {parentId, childId, m_at, m_meta.actor.user, m_meta.station, m_batchId});
                !r)
                return r;
        }
        for (auto *b : {&m_bags, &m_links, &m_audit}) {
            if (auto r = b->flush(); !r)
                return r;
        }
        for (const BagState &b : m_storage) {
            if (b.countsChanged) {
                if (auto r = m_sql.run(
                        QStringLiteral(
                            "UPDATE bags SET child_count = ?, contents_weight_g = ? WHERE id = ?"),
                        {b.childCount, b.contentsWeightG, b.id},
                        QStringLiteral("updating a parent's contents"));
                    !r)
                    return std::unexpected(r.error());
            }
            if (b.weightChanged) {
                if (auto r = m_repo.bags.setMeasuredWeight(b.id, b.measuredWeightG); !r)
                    return r;
            }
        }
        for (auto it = m_billWeight.cbegin(); it != m_billWeight.cend(); ++it) {
            if (auto r = m_repo.bills.adjustTotals(it.key(), 0, it.value(), 0); !r)
                return r;
        }
        const QList<std::pair<QString, qint64>> totals{{QStringLiteral("parents"), m_newParents},
                                                       {QStringLiteral("children"), m_newChildren},
                                                       {QStringLiteral("links"), m_linkCount}};
        for (const auto &[metric, delta] : totals) {
            if (delta == 0)
                continue;
            if (auto r = m_repo.statistics.addToTotal(metric, delta); !r)
                return r;
        }
        if (m_parentsFilled != 0)
            return m_repo.statistics.addToDaily(m_meta.at.toUTC().date(), m_meta.station,
                                                QStringLiteral("parents_filled"), m_parentsFilled);
        return {};
    }

private:
    BagState &create(const QString &code, const BagType &type, std::optional<qint64> measured)
    {
        BagState b;
        b.id = ++m_lastId;
        b.code = code;
        b.role = type.role;
        b.typeId = type.id;
        b.typeName = type.name;
        const bool parent = type.role == BagRole::Parent;
        b.capacity = parent ? type.capacity : 0;
        b.expectedWeightG = parent ? type.expectedWeightG : 0;
        b.nominalWeightG = parent ? 0 : type.nominalWeightG;
        b.measuredWeightG = measured;
        b.created = true;
        ++(parent ? m_newParents : m_newChildren);
        BagState *stored = &m_storage.emplace_back(std::move(b));
        m_state.insert(stored->code.toUpper(), stored);
        m_created.append(stored);
        return *stored;
    }

    // The row's one audit record: action "import", the file and row, then `fields` (JSON
    // members, each with its leading comma).
    void audit(const QString &entity, const QString &entityId, qint64 row, const QString &fields)
    {
        if (auto r = m_audit.add({m_at, m_meta.actor.user, m_meta.station, QStringLiteral("import"),
                                  entity, entityId, QVariant(),
                                  QString(m_auditHead + QString::number(row) + fields + u'}')});
            !r)
            m_error = r.error();
    }

    static void describe(Outcome &o, const BagState &parent)
    {
        o.parent = parent.code;
        o.children = parent.childCount;
        o.capacity = parent.capacity;
    }

    SqliteStore &m_store;
    StatementCache &m_sql;
    Repositories &m_repo;
    const ImportMeta &m_meta;
    const QString m_at;
    const QString m_batchId;
    const QString m_auditHead; // {"file":…,"import_batch":…,"row":
    BagTypeSet m_types;
    std::deque<BagState> m_storage; // stable addresses: rows keep pointers while others are added
    QHash<QString, BagState *> m_state; // by upper-case code
    QList<BagState *> m_created;
    QList<std::pair<qint64, qint64>> m_newLinks;
    QHash<qint64, qint64> m_billWeight;
    qint64 m_lastId = 0;
    qint64 m_newParents = 0;
    qint64 m_newChildren = 0;
    qint64 m_linkCount = 0;
    qint64 m_parentsFilled = 0;
    std::optional<Error> m_error;
    BulkInsert m_bags;
    BulkInsert m_links;
    BulkInsert m_audit;
};

template<class Row, class Decide>
Result<QList<Outcome>> importRows(SqliteStore &store, const ImportMeta &meta,
                                  const QList<Row> &rows, const QStringList &codes, Decide decide)
{
    auto tx = TransactionGuard::begin(store.database());
    if (!tx)
        return std::unexpected(tx.error());
    Batch batch(store, meta);
    if (auto r = batch.load(codes); !r)
        return std::unexpected(r.error());
    QList<Outcome> outcomes;
    outcomes.reserve(rows.size());
    for (const Row &row : rows)
        outcomes.append(decide(batch, row));
    if (auto r = batch.write(); !r)
        return std::unexpected(r.error());
    if (auto r = tx->commit(); !r)
        return std::unexpected(r.error());
    return outcomes;
}

} // namespace

Result<QList<Outcome>> SqliteImport::importBags(const ImportMeta &meta,
                                                const QList<ImportBagRow> &rows)
{
    QStringList codes;
    codes.reserve(rows.size());
    for (const ImportBagRow &r : rows)
        codes << r.code;
    return importRows(m_store, meta, rows, codes,
                      [](Batch &b, const ImportBagRow &row) { return b.registerBag(row); });
}

Result<QList<Outcome>> SqliteImport::importLinks(const ImportMeta &meta,
                                                 const QList<ImportLinkRow> &rows)
{
    QStringList codes;
    codes.reserve(rows.size() * 2);
    for (const ImportLinkRow &r : rows)
        codes << r.parentCode << r.childCode;
    return importRows(m_store, meta, rows, codes,
                      [](Batch &b, const ImportLinkRow &row) { return b.link(row); });
}

} // namespace tt
