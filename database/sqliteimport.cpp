#include "database/sqliteimport.h"

#include "core/linkrules.h"
#include "database/commandcontext.h"
#include "database/repositories.h"
#include "database/sqlitestore.h"
#include "database/statementcache.h"
#include "database/transactionguard.h"

#include <QHash>
#include <QLoggingCategory>
#include <QSet>
#include <QUuid>

#include <algorithm>
#include <charconv>
#include <deque>
#include <iterator>
#include <sqlite3.h>

namespace tt {

Q_DECLARE_LOGGING_CATEGORY(lcDb)

// The import's own prepared statements on the store's connection, by SQL text, finalized with
// the SqliteImport.
class ImportStatements
{
public:
    explicit ImportStatements(sqlite3 *db)
        : m_db(db)
    {}
    ~ImportStatements()
    {
        for (sqlite3_stmt *s : std::as_const(m_statements))
            sqlite3_finalize(s);
    }
    ImportStatements(const ImportStatements &) = delete;
    ImportStatements &operator=(const ImportStatements &) = delete;

    Result<sqlite3_stmt *> prepared(const QByteArray &sql, const QString &what)
    {
        if (sqlite3_stmt *s = m_statements.value(sql, nullptr))
            return s;
        if (!m_db)
            return fail(Reason::DatabaseError,
                        QStringLiteral("Database error while %1: not an open SQLite connection.")
                            .arg(what));
        sqlite3_stmt *s = nullptr;
        if (sqlite3_prepare_v3(m_db, sql.constData(), int(sql.size()), SQLITE_PREPARE_PERSISTENT,
                               &s, nullptr) != SQLITE_OK)
            return std::unexpected(error(what));
        m_statements.insert(sql, s);
        return s;
    }

    Error error(const QString &what) const
    {
        const QString detail = QString::fromUtf8(sqlite3_errmsg(m_db));
        qCWarning(lcDb) << what << "failed:" << detail << sqlite3_extended_errcode(m_db);
        return Error{Reason::DatabaseError,
                     QStringLiteral("Database error while %1: %2").arg(what, detail)};
    }

private:
    sqlite3 *m_db;
    QHash<QByteArray, sqlite3_stmt *> m_statements;
};

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

// Appends one byte of a JSON string's UTF-8 text: quotes, backslashes and control characters
// escaped (the bytes of multi-byte UTF-8 sequences are never below 0x80).
void appendJsonByte(QByteArray &out, char c)
{
    const auto u = static_cast<unsigned char>(c);
    if (u == '"' || u == '\\') {
        out += '\\';
    } else if (u < 0x20) {
        static constexpr char hex[] = "0123456789abcdef";
        out += "\\u00";
        out += hex[u >> 4];
        c = hex[u & 0xf];
    }
    out += c;
}

// Appends the JSON text of a string (codes, names) as UTF-8.
void appendJson(QByteArray &out, const QString &s)
{
    const bool plain = std::all_of(s.cbegin(), s.cend(), [](QChar c) {
        return c.unicode() >= 0x20 && c.unicode() < 0x80 && c != u'"' && c != u'\\';
    });
    out += '"';
    if (plain) { // the usual code: printable ASCII, copied as it is
        const qsizetype at = out.size();
        out.resize(at + s.size());
        std::transform(s.cbegin(), s.cend(), out.data() + at,
                       [](QChar c) { return char(c.unicode()); });
    } else {
        for (const char b : s.toUtf8())
            appendJsonByte(out, b);
    }
    out += '"';
}

void appendNumber(QByteArray &out, qint64 n)
{
    char digits[24];
    const auto end = std::to_chars(std::begin(digits), std::end(digits), n).ptr;
    out.append(digits, end - digits);
}

QByteArray jsonString(const QString &s)
{
    QByteArray out;
    out.reserve(s.size() + 2);
    appendJson(out, s);
    return out;
}

// One value of a row an Insert writes: NULL, an integer or UTF-8 text.
struct Cell
{
    enum class Kind : quint8 { Null, Integer, Text };
    Kind kind = Kind::Null;
    qint64 number = 0;
    QByteArray text;

    Cell() = default;
    Cell(qint64 n) // NOLINT(google-explicit-constructor): rows are written as brace lists
        : kind(Kind::Integer)
        , number(n)
    {}
    Cell(std::optional<qint64> n) // NOLINT(google-explicit-constructor)
        : kind(n ? Kind::Integer : Kind::Null)
        , number(n.value_or(0))
    {}
    Cell(QByteArray t) // NOLINT(google-explicit-constructor)
        : kind(Kind::Text)
        , text(std::move(t))
    {}

    int bind(sqlite3_stmt *stmt, int index) const
    {
        switch (kind) {
        case Kind::Integer:
            return sqlite3_bind_int64(stmt, index, number);
        case Kind::Text: // the cell outlives the statement's execution
            return sqlite3_bind_text(stmt, index, text.isNull() ? "" : text.constData(),
                                     int(text.size()), SQLITE_STATIC);
        case Kind::Null:
            break;
        }
        return sqlite3_bind_null(stmt, index);
    }
};

// The rows of one table an import batch adds, written as multi-row INSERTs prepared once
// (64, 16, 4 or 1 rows a statement, in the rows' order). `row` is one row's VALUES: ?1 … ?n
// are the `constants` (the batch's time, actor, station …), bound once a statement; each bare
// ? takes the row's next value.
class Insert
{
public:
    Insert(ImportStatements &statements, const char *head, const char *row, QList<Cell> constants)
        : m_statements(statements)
        , m_head(QString::fromLatin1(head))
        , m_row(row)
        , m_perRow(int(m_row.count('?') - constants.size()))
        , m_constants(std::move(constants))
    {}

    void add(std::initializer_list<Cell> row)
    {
        Q_ASSERT(qsizetype(row.size()) == m_perRow);
        m_cells.append(row);
    }

    Result<void> write()
    {
        const qsizetype rows = m_cells.size() / m_perRow;
        qsizetype done = 0;
        for (const int size : {64, 16, 4, 1}) {
            while (rows - done >= size) {
                if (auto r = execute(done, size); !r)
                    return r;
                done += size;
            }
        }
        m_cells.clear();
        return {};
    }

private:
    QByteArray sqlFor(int rows) const
    {
        QByteArray sql = m_head.toUtf8() + " VALUES ";
        int next = int(m_constants.size());
        for (int r = 0; r < rows; ++r) {
            if (r)
                sql += ',';
            for (qsizetype i = 0; i < m_row.size(); ++i) {
                sql += m_row[i];
                const bool numbered =
                    i + 1 < m_row.size() && m_row[i + 1] >= '0' && m_row[i + 1] <= '9';
                if (m_row[i] == '?' && !numbered)
                    sql += QByteArray::number(++next);
            }
        }
        return sql;
    }

    Result<void> execute(qsizetype firstRow, int rows)
    {
        sqlite3_stmt *&cached = m_byRows[rows];
        if (!cached) {
            auto prepared = m_statements.prepared(sqlFor(rows), m_head);
            if (!prepared)
                return std::unexpected(prepared.error());
            cached = *prepared;
        }
        sqlite3_stmt *stmt = cached;
        int index = 0;
        int rc = SQLITE_OK;
        for (const Cell &c : std::as_const(m_constants))
            if (rc == SQLITE_OK)
                rc = c.bind(stmt, ++index);
        const Cell *cells = m_cells.constData() + firstRow * m_perRow;
        for (qsizetype i = 0; i < qsizetype(rows) * m_perRow && rc == SQLITE_OK; ++i)
            rc = cells[i].bind(stmt, ++index);
        if (rc == SQLITE_OK)
            rc = sqlite3_step(stmt);
        const Result<void> result = rc == SQLITE_DONE || rc == SQLITE_ROW
                                        ? Result<void>()
                                        : std::unexpected(m_statements.error(m_head));
        sqlite3_reset(stmt);
        sqlite3_clear_bindings(stmt); // the cells' text is not kept beyond the batch
        return result;
    }

    ImportStatements &m_statements;
    QString m_head; // "INSERT INTO t(…)", also what a failure names
    QByteArray m_row;
    int m_perRow;
    QList<Cell> m_constants;
    QList<Cell> m_cells;
    QHash<int, sqlite3_stmt *> m_byRows; // this batch's statements by rows a statement
};

Outcome rejected(const QString &code, const Error &e)
{
    return Outcome::rejected(e, code);
}

class Batch
{
public:
    Batch(SqliteStore &store, ImportStatements &statements, const ImportMeta &meta)
        : m_store(store)
        , m_sql(store.statements())
        , m_repo(store.repositories())
        , m_meta(meta)
        , m_at(isoUtc(meta.at))
        , m_batchId(QUuid::createUuid().toString(QUuid::WithoutBraces))
        , m_auditHead("{\"file\":" + jsonString(meta.file) + ",\"import_batch\":\"" +
                      m_batchId.toUtf8() + "\",\"row\":")
        , m_bags(statements,
                 "INSERT INTO bags(id, code, type_id, role, nominal_weight_g, measured_weight_g, "
                 "capacity, expected_weight_g, child_count, contents_weight_g, created_at, "
                 "created_by, station)",
                 "(?,?,?,?,?,?,?,?,?,?,?1,?2,?3)", constants())
        , m_links(statements,
                  "INSERT INTO links(parent_id, child_id, linked_at, linked_by, station, "
                  "command_id)",
                  "(?,?,?1,?2,?3,?4)", constants() << Cell(m_batchId.toUtf8()))
        , m_audit(statements,
                  "INSERT INTO audit_log(at, actor, station, action, entity, entity_id, before, "
                  "after)",
                  "(?1,?2,?3,'import',?,?,NULL,?)", constants())
    {}

    // Reads the batch's bags (with link and bill) and the next free bag id, inside the
    // transaction that will write.
    Result<void> load(const QStringList &codes)
    {
        auto types = m_store.bagTypes();
        if (!types)
            return std::unexpected(types.error());
        m_types = *types;
        // Each code once (a links file names its parent on many rows).
        QSet<QString> seen;
        seen.reserve(codes.size());
        QByteArray array = "[";
        for (const QString &c : codes) {
            if (seen.contains(c))
                continue;
            seen.insert(c);
            if (array.size() > 1)
                array += ',';
            appendJson(array, c);
        }
        array += ']';
        auto r = m_sql.run(
            QStringLiteral("SELECT b.id, b.code, b.role, b.type_id, b.capacity, b.child_count, "
                           "b.contents_weight_g, "
                           "b.measured_weight_g, b.nominal_weight_g, b.expected_weight_g, p.code, "
                           "l.linked_by, "
                           "l.linked_at, bl.id, bl.bill_code, bl.status "
                           "FROM json_each(?) j "
                           "JOIN bags b ON b.code = j.value "
                           "LEFT JOIN links l ON l.child_id = b.id AND l.ended_at IS NULL "
                           "LEFT JOIN bags p ON p.id = l.parent_id "
                           "LEFT JOIN bill_parents bp ON bp.parent_id = b.id "
                           "LEFT JOIN bills bl ON bl.id = bp.bill_id"),
            {QString::fromUtf8(array)}, QStringLiteral("reading the bags of an import batch"));
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
        m_firstNewId = m_lastId + 1;
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
        QByteArray after = auditRecord(row.row);
        after += ",\"type\":";
        appendJson(after, type->name);
        if (row.measuredWeightG) {
            after += ",\"measured_weight_g\":";
            appendNumber(after, *row.measuredWeightG);
        }
        audit("bag", row.code, std::move(after));
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
        QByteArray after = auditRecord(row.row);
        after += ",\"parent\":";
        appendJson(after, parent->code);
        after += ",\"child\":";
        appendJson(after, childCode);
        after += ",\"weight_g\":";
        appendNumber(after, weight);
        audit("link", childCode, std::move(after));
        o.result = ResultKind::Ok;
        describe(o, *parent);
        const QString fill = QString::number(o.children) + u'/' + QString::number(o.capacity);
        if (o.parentFull())
            o.message = childCode + u" added to " + parent->code + u"; " + parent->code +
                        u" is now full (" + fill + u"): scan the next parent bag.";
        else
            o.message = childCode + u" added to " + parent->code + u" (" + fill + u").";
        return o;
    }

    // Writes what the decided rows changed; the caller commits.
    Result<void> write()
    {
        const QByteArray roles[] = {bagRoleName(BagRole::Parent).toUtf8(),
                                    bagRoleName(BagRole::Child).toUtf8()};
        for (const BagState *b : std::as_const(m_created))
            m_bags.add({b->id, b->code.toUtf8(), b->typeId,
                        roles[b->role == BagRole::Parent ? 0 : 1], b->nominalWeightG,
                        b->measuredWeightG, qint64(b->capacity), b->expectedWeightG,
                        qint64(b->childCount), b->contentsWeightG});
        for (const auto &[parentId, childId] : std::as_const(m_newLinks))
            m_links.add({parentId, childId});
        // Bags before the links that refer to them.
        if (auto r = writeBags(); !r)
            return r;
        for (auto *insert : {&m_links, &m_audit}) {
            if (auto r = insert->write(); !r)
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
    // The new bags, and their codes in the search index with one statement after them instead
    // of one trigger call each (migration 007: FTS5 writes a segment per statement, and a
    // multi-row insert with that trigger is one). Other connections never see the pause row.
    Result<void> writeBags()
    {
        if (m_created.isEmpty())
            return {};
        const QString what = QStringLiteral("indexing the codes of an import batch");
        if (auto r =
                m_sql.run(QStringLiteral("INSERT INTO bag_code_search_paused(batch) VALUES (?)"),
                          {m_batchId}, what);
            !r)
            return std::unexpected(r.error());
        if (auto r = m_bags.write(); !r)
            return r;
        if (auto r = m_sql.run(QStringLiteral("INSERT INTO bag_code_search(rowid, code) "
                                              "SELECT id, code FROM bags WHERE id BETWEEN ? AND ?"),
                               {m_firstNewId, m_lastId}, what);
            !r)
            return std::unexpected(r.error());
        if (auto r = m_sql.run(QStringLiteral("DELETE FROM bag_code_search_paused"), {}, what); !r)
            return std::unexpected(r.error());
        return {};
    }

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

    // The start of a row's one audit record (action "import"): {"file":…,"import_batch":…,
    // "row":N. The caller appends the row's JSON members, each with its leading comma.
    QByteArray auditRecord(qint64 row) const
    {
        QByteArray after;
        after.reserve(m_auditHead.size() + 160);
        after += m_auditHead;
        appendNumber(after, row);
        return after;
    }

    void audit(const char *entity, const QString &entityId, QByteArray after)
    {
        after += '}';
        m_audit.add({QByteArray::fromRawData(entity, qstrlen(entity)), entityId.toUtf8(),
                     std::move(after)});
    }

    // ?1, ?2, ?3 of every insert: the batch's time, actor and station.
    QList<Cell> constants() const
    {
        return {Cell(m_at.toUtf8()), Cell(m_meta.actor.user.toUtf8()),
                Cell(m_meta.station.toUtf8())};
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
    const QByteArray m_auditHead; // {"file":…,"import_batch":…,"row":
    BagTypeSet m_types;
    std::deque<BagState> m_storage; // stable addresses: rows keep pointers while others are added
    QHash<QString, BagState *> m_state; // by upper-case code
    QList<BagState *> m_created;
    QList<std::pair<qint64, qint64>> m_newLinks;
    QHash<qint64, qint64> m_billWeight;
    qint64 m_lastId = 0;
    qint64 m_firstNewId = 1; // the batch's bags take the ids from here to m_lastId
    qint64 m_newParents = 0;
    qint64 m_newChildren = 0;
    qint64 m_linkCount = 0;
    qint64 m_parentsFilled = 0;
    Insert m_bags;
    Insert m_links;
    Insert m_audit;
};

template<class Row, class Decide>
Result<QList<Outcome>> importRows(SqliteStore &store, ImportStatements &statements,
                                  const ImportMeta &meta, const QList<Row> &rows,
                                  const QStringList &codes, Decide decide)
{
    auto tx = TransactionGuard::begin(store.database());
    if (!tx)
        return std::unexpected(tx.error());
    Batch batch(store, statements, meta);
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

SqliteImport::SqliteImport(SqliteStore &store)
    : m_store(store)
    , m_statements(std::make_unique<ImportStatements>(store.statements().handle()))
{}

SqliteImport::~SqliteImport() = default;

Result<QList<Outcome>> SqliteImport::importBags(const ImportMeta &meta,
                                                const QList<ImportBagRow> &rows)
{
    QStringList codes;
    codes.reserve(rows.size());
    for (const ImportBagRow &r : rows)
        codes << r.code;
    return importRows(m_store, *m_statements, meta, rows, codes,
                      [](Batch &b, const ImportBagRow &row) { return b.registerBag(row); });
}

Result<QList<Outcome>> SqliteImport::importLinks(const ImportMeta &meta,
                                                 const QList<ImportLinkRow> &rows)
{
    QStringList codes;
    codes.reserve(rows.size() * 2);
    for (const ImportLinkRow &r : rows)
        codes << r.parentCode << r.childCode;
    return importRows(m_store, *m_statements, meta, rows, codes,
                      [](Batch &b, const ImportLinkRow &row) { return b.link(row); });
}

} // namespace tt
