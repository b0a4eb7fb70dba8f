#include "reports/importer.h"

#include "core/billid.h"
#include "core/billrules.h"
#include "core/clock.h"
#include "core/codenormalizer.h"
#include "core/linkrules.h"
#include "core/outcome.h"
#include "core/role.h"
#include "core/store.h"
#include "reports/reportslog.h"
#include "reports/rowsink.h"
#include "reports/rowsource.h"

namespace tt {

namespace {

QString canonicalHeader(const QString &h)
{
    QString s = h.trimmed().toLower();
    s.replace(QLatin1Char(' '), QLatin1Char('_'));
    s.replace(QLatin1Char('-'), QLatin1Char('_'));
    return s;
}

// Column aliases: canonical column → accepted header names.
QList<QStringList> aliases(ImportKind kind)
{
    switch (kind) {
    case ImportKind::Bags:
        return {{QStringLiteral("code"), QStringLiteral("bag_code"), QStringLiteral("bag")},
                {QStringLiteral("measured_weight_g")}};
    case ImportKind::Links:
        return {{QStringLiteral("parent_code"), QStringLiteral("parent")},
                {QStringLiteral("child_code"), QStringLiteral("child")},
                {QStringLiteral("child_weight_g"), QStringLiteral("measured_weight_g")}};
    case ImportKind::Bills:
        return {{QStringLiteral("bill_id"), QStringLiteral("bill")},
                {QStringLiteral("capacity"), QStringLiteral("bill_capacity")},
                {QStringLiteral("parent_code"), QStringLiteral("parent")},
                {QStringLiteral("status")}};
    }
    return {};
}

Result<std::optional<qint64>> parseGrams(const QString &text, const QString &column)
{
    const QString t = text.trimmed();
    if (t.isEmpty())
        return std::optional<qint64>();
    bool ok = false;
    const qint64 v = t.toLongLong(&ok);
    if (!ok || v < 0 || v > 10'000'000)
        return fail(Reason::InvalidInput,
                    QStringLiteral("%1 must be whole grams 0–10000000, not \"%2\"").arg(column, t.left(40)));
    return std::optional<qint64>(v);
}

Result<QString> parseCode(const QString &text, const QString &column)
{
    const QString code = normalizeBagCode(text);
    if (code.isEmpty())
        return fail(Reason::InvalidCode, QStringLiteral("%1 is empty").arg(column));
    if (code.size() > kMaxCodeLength || hasNonAsciiCharacters(code))
        return fail(Reason::InvalidCode, QStringLiteral("\"%1\" is not a bag code").arg(code.left(60)));
    return code;
}

} // namespace

QString importKindName(ImportKind kind)
{
    switch (kind) {
    case ImportKind::Bags: return QStringLiteral("bags");
    case ImportKind::Links: return QStringLiteral("links");
    case ImportKind::Bills: return QStringLiteral("bills");
    }
    return {};
}

std::optional<ImportKind> importKindFromName(QStringView name)
{
    for (ImportKind k : {ImportKind::Bags, ImportKind::Links, ImportKind::Bills})
        if (name.compare(importKindName(k), Qt::CaseInsensitive) == 0)
            return k;
    return std::nullopt;
}

QStringList Importer::requiredColumns(ImportKind kind)
{
    switch (kind) {
    case ImportKind::Bags: return {QStringLiteral("code")};
    case ImportKind::Links: return {QStringLiteral("parent_code"), QStringLiteral("child_code")};
    case ImportKind::Bills: return {QStringLiteral("bill_id"), QStringLiteral("capacity")};
    }
    return {};
}

QStringList Importer::optionalColumns(ImportKind kind)
{
    switch (kind) {
    case ImportKind::Bags: return {QStringLiteral("measured_weight_g")};
    case ImportKind::Links: return {QStringLiteral("child_weight_g")};
    case ImportKind::Bills: return {QStringLiteral("parent_code"), QStringLiteral("status")};
    }
    return {};
}

Importer::Importer(Store &store, Actor actor, QString station, const Clock &clock)
    : m_store(store), m_actor(std::move(actor)), m_station(std::move(station)), m_clock(clock)
{
}

QString Importer::cell(const QStringList &cells, const QString &column) const
{
    const int i = m_columns.value(column, -1);
    return i < 0 ? QString() : cells.value(i);
}

int Importer::enqueue(CommandBody body)
{
    m_batch.append(makeCommand(m_actor, m_station, m_clock, std::move(body)));
    return int(m_batch.size() - 1);
}

Result<void> Importer::report(qint64 row, const QString &status, const QString &reason,
                              const QString &message, const QStringList &cells)
{
    if (!m_options.results)
        return {};
    QStringList line{QString::number(row), status, reason, message};
    line += cells;
    return m_options.results->write(line);
}

Result<ImportSummary> Importer::run(RowSource &source, const ImportOptions &options)
{
    m_options = options;
    m_options.batchSize = std::max(1, options.batchSize);
    ImportSummary summary;
    if (!isAllowed(m_actor.role, Permission::Administer))
        return fail(Reason::PermissionDenied, QStringLiteral("Only an admin may import."));

    QStringList header;
    auto first = source.next(header);
    if (!first)
        return std::unexpected(first.error());
    if (!*first)
        return fail(Reason::InvalidInput, QStringLiteral("The file is empty (no header row)."));
    m_columns.clear();
    const QList<QStringList> known = aliases(m_options.kind);
    for (qsizetype i = 0; i < header.size(); ++i) {
        const QString h = canonicalHeader(header.at(i));
        bool used = false;
        for (const QStringList &names : known) {
            if (names.contains(h) && !m_columns.contains(names.front())) {
                m_columns.insert(names.front(), int(i));
                used = true;
                break;
            }
        }
        if (!used && !h.isEmpty())
            summary.ignoredColumns << header.at(i);
    }
    QStringList missing;
    for (const QString &c : requiredColumns(m_options.kind))
        if (!m_columns.contains(c))
            missing << c;
    if (!missing.isEmpty())
        return fail(Reason::InvalidInput,
                    QStringLiteral("The %1 file lacks the column(s) %2 (its header: %3).")
                        .arg(importKindName(m_options.kind), missing.join(QStringLiteral(", ")),
                             header.join(QStringLiteral(", ")).left(200)));
    if (m_options.results) {
        QStringList h{QStringLiteral("row"), QStringLiteral("status"), QStringLiteral("reason"),
                      QStringLiteral("message")};
        if (auto r = m_options.results->write(h + header); !r)
            return std::unexpected(r.error());
    }

    QStringList row;
    Result<void> readError;
    while (true) {
        auto more = source.next(row);
        if (!more) {
            readError = std::unexpected(more.error());
            break;
        }
        if (!*more)
            break;
        bool blank = true;
        for (const QString &c : std::as_const(row))
            blank = blank && c.trimmed().isEmpty();
        if (blank)
            continue; // spreadsheets leave empty rows; they are not data
        ++summary.rows;
        addRow(source.rowNumber(), row, summary);
        if (m_failed)
            break;
        if (m_batch.size() >= m_options.batchSize || m_pending.size() >= m_options.batchSize) {
            if (auto r = flush(summary); !r)
                return std::unexpected(r.error());
            if (m_options.progress && !m_options.progress(summary.rows, source.progress())) {
                summary.cancelled = true;
                break;
            }
        }
    }
    if (auto r = flush(summary); !r)
        return std::unexpected(r.error());

    // Bills the file says are completed: complete them now that all their parents are on.
    if (!summary.cancelled && readError) {
        for (auto it = m_completeBills.cbegin(); it != m_completeBills.cend(); ++it) {
            auto bill = m_store.bill(it.key());
            if (!bill || !*bill || (*bill)->status == BillStatus::Completed)
                continue;
            const Outcome o = m_store.execute(makeCommand(m_actor, m_station, m_clock, cmd::CompleteBill{it.key()}));
            if (o.ok())
                ++summary.ok;
            else
                ++summary.errors;
            if (auto r = report(it.value(), o.ok() ? QStringLiteral("ok") : QStringLiteral("error"),
                                reasonName(o.reason),
                                QStringLiteral("complete bill %1: %2").arg(it.key(), o.message), {});
                !r)
                return std::unexpected(r.error());
        }
    }
    if (m_options.progress)
        m_options.progress(summary.rows, 1.0);
    if (m_options.results)
        if (auto r = m_options.results->finish(); !r)
            return std::unexpected(r.error());
    if (!readError)
        return std::unexpected(Error{readError.error().reason,
                                     QStringLiteral("%1 (after %2 rows; those were processed and reported)")
                                         .arg(readError.error().message).arg(summary.rows)});
    return summary;
}

void Importer::addRow(qint64 rowNo, const QStringList &cells, ImportSummary &summary)
{
    Pending p;
    p.row = rowNo;
    p.cells = cells;
    Result<void> r;
    switch (m_options.kind) {
    case ImportKind::Bags: r = addBagRow(p); break;
    case ImportKind::Links: r = addLinkRow(p, summary); break;
    case ImportKind::Bills: r = addBillRow(p, summary); break;
    }
    if (!r)
        p.error = r.error();
    m_pending.append(std::move(p));
}

Result<void> Importer::addBagRow(Pending &p)
{
    const auto code = parseCode(cell(p.cells, QStringLiteral("code")), QStringLiteral("code"));
    if (!code)
        return std::unexpected(code.error());
    const auto grams = parseGrams(cell(p.cells, QStringLiteral("measured_weight_g")), QStringLiteral("measured_weight_g"));
    if (!grams)
        return std::unexpected(grams.error());
    if (m_options.bulk) {
        p.commands << int(m_bulkBags.size());
        m_bulkBags.append(ImportBagRow{p.row, *code, *grams});
        return {};
    }
    p.commands << enqueue(cmd::RegisterBag{*code, *grams});
    m_touched.insert(*code);
    return {};
}

Result<void> Importer::addLinkRow(Pending &p, ImportSummary &summary)
{
    const auto parent = parseCode(cell(p.cells, QStringLiteral("parent_code")), QStringLiteral("parent_code"));
    if (!parent)
        return std::unexpected(parent.error());
    const auto child = parseCode(cell(p.cells, QStringLiteral("child_code")), QStringLiteral("child_code"));
    if (!child)
        return std::unexpected(child.error());
    const auto grams = parseGrams(cell(p.cells, QStringLiteral("child_weight_g")), QStringLiteral("child_weight_g"));
    if (!grams)
        return std::unexpected(grams.error());
    if (m_options.bulk) {
        p.commands << int(m_bulkLinks.size());
        m_bulkLinks.append(ImportLinkRow{p.row, *parent, *child, *grams});
        return {};
    }

    bool parentExists = m_newInBatch.contains(*parent);
    if (!parentExists) {
        auto existing = m_store.bag(*parent);
        if (!existing)
            return std::unexpected(existing.error());
        parentExists = existing->has_value();
    }
    if (!parentExists) {
        // Two commands: check the whole row first, on exact state.
        if (m_touched.contains(*parent) || m_touched.contains(*child)) {
            if (auto r = flush(summary); !r)
                return r;
        }
        auto types = m_store.bagTypes();
        if (!types)
            return std::unexpected(types.error());
        const auto parentType = types->classify(*parent);
        if (!parentType)
            return fail(Reason::InvalidCode, QStringLiteral("%1 matches no bag type.").arg(*parent));
        if (parentType->role != BagRole::Parent)
            return fail(Reason::WrongRole, QStringLiteral("%1 is not a parent bag code.").arg(*parent));
        LinkInput in;
        in.parent = ParentFacts{*parent, parentType->capacity, 0, {}, false};
        in.childCode = *child;
        auto childBag = m_store.bag(*child);
        if (!childBag)
            return std::unexpected(childBag.error());
        if (*childBag) {
            in.childRole = (*childBag)->role;
            if (!(*childBag)->parentCode.isEmpty())
                in.childLink = LinkFacts{(*childBag)->parentCode, (*childBag)->linkedBy, (*childBag)->linkedAt};
        } else {
            const auto childType = types->classify(*child);
            if (!childType)
                return fail(Reason::InvalidCode, QStringLiteral("%1 matches no bag type.").arg(*child));
            in.childRole = childType->role;
        }
        if (auto verdict = decideLink(in); !verdict)
            return std::unexpected(verdict.error());
        p.commands << enqueue(cmd::RegisterBag{*parent, std::nullopt});
        p.undo = cmd::DeleteBag{*parent};
        m_newInBatch.insert(*parent);
    }
    p.commands << enqueue(cmd::LinkChild{*parent, *child, *grams});
    m_touched.insert(*parent);
    m_touched.insert(*child);
    return {};
}

Result<void> Importer::addBillRow(Pending &p, ImportSummary &summary)
{
    const auto bill = normalizeBillId(cell(p.cells, QStringLiteral("bill_id")));
    if (!bill)
        return std::unexpected(bill.error());
    const QString capText = cell(p.cells, QStringLiteral("capacity")).trimmed();
    bool capOk = false;
    const qint64 capacity = capText.toLongLong(&capOk);
    if (!capOk)
        return fail(Reason::InvalidCapacity, QStringLiteral("capacity must be a whole number, not \"%1\"").arg(capText.left(40)));
    if (auto ok = checkBillCapacity(capacity); !ok)
        return std::unexpected(ok.error());
    const QString parentText = cell(p.cells, QStringLiteral("parent_code"));
    std::optional<QString> parent;
    if (!parentText.trimmed().isEmpty()) {
        auto code = parseCode(parentText, QStringLiteral("parent_code"));
        if (!code)
            return std::unexpected(code.error());
        parent = *code;
    }
    const QString status = cell(p.cells, QStringLiteral("status")).trimmed();
    if (!status.isEmpty() && !billStatusFromName(status))
        return fail(Reason::InvalidInput, QStringLiteral("status must be open or completed, not \"%1\"").arg(status.left(40)));
    const QString billKey = QStringLiteral("bill:") + *bill;

    bool billExists = m_newInBatch.contains(billKey);
    if (billExists && m_batchBillCapacity.value(*bill) != capacity)
        return fail(Reason::InvalidCapacity, QStringLiteral("Bill %1 is created with capacity %2 above, not %3.")
                                                 .arg(*bill).arg(m_batchBillCapacity.value(*bill)).arg(capacity));
    if (!billExists) {
        auto existing = m_store.bill(*bill);
        if (!existing)
            return std::unexpected(existing.error());
        if (*existing) {
            billExists = true;
            if ((*existing)->capacity != capacity)
                return fail(Reason::InvalidCapacity, QStringLiteral("Bill %1 exists with capacity %2, not %3.")
                                                         .arg(*bill).arg((*existing)->capacity).arg(capacity));
        }
    }
    if (!billExists) {
        if (parent) {
            // CreateBill + AddParentToBill: check the whole row first, on exact state.
            if (m_touched.contains(billKey) || m_touched.contains(*parent)) {
                if (auto r = flush(summary); !r)
                    return r;
            }
            AddParentInput in;
            in.bill = BillFacts{*bill, BillStatus::Open, int(capacity), 0};
            in.parentCode = *parent;
            auto bag = m_store.bag(*parent);
            if (!bag)
                return std::unexpected(bag.error());
            if (*bag) {
                in.parentRole = (*bag)->role;
                in.parentBillId = (*bag)->billId;
            }
            if (auto verdict = decideAddParent(in); !verdict)
                return std::unexpected(verdict.error());
            p.undo = cmd::DeleteBill{*bill};
        }
        p.commands << enqueue(cmd::CreateBill{*bill, capacity});
        m_newInBatch.insert(billKey);
        m_batchBillCapacity.insert(*bill, capacity);
    }
    if (parent) {
        p.commands << enqueue(cmd::AddParentToBill{*bill, *parent});
        m_touched.insert(*parent);
    }
    m_touched.insert(billKey);
    if (status.compare(u"completed", Qt::CaseInsensitive) == 0)
        m_completeBills.insert(*bill, p.row);
    if (p.commands.isEmpty())
        return fail(Reason::Duplicate, QStringLiteral("Bill %1 exists already; nothing changed.").arg(*bill));
    return {};
}

Result<void> Importer::flush(ImportSummary &summary)
{
    QList<Outcome> outcomes;
    qsizetype expected = m_batch.size();
    if (!m_batch.isEmpty()) {
        outcomes = m_store.executeBatch(m_batch);
    } else if (!m_bulkBags.isEmpty() || !m_bulkLinks.isEmpty()) {
        const ImportMeta meta{m_actor, m_station, m_clock.now(), m_options.fileName};
        expected = m_bulkBags.size() + m_bulkLinks.size();
        auto r = m_bulkBags.isEmpty() ? m_options.bulk->importLinks(meta, m_bulkLinks)
                                      : m_options.bulk->importBags(meta, m_bulkBags);
        if (r)
            outcomes = *r;
        else // nothing of the batch was applied: every row reports why
            outcomes = QList<Outcome>(expected, Outcome::rejected(r.error()));
    }
    if (outcomes.size() != expected)
        return fail(Reason::DatabaseError, QStringLiteral("The store returned %1 outcomes for %2 rows.")
                                                 .arg(outcomes.size()).arg(expected));
    QList<Pending> pending;
    pending.swap(m_pending);
    m_batch.clear();
    m_bulkBags.clear();
    m_bulkLinks.clear();
    m_touched.clear();
    m_newInBatch.clear();
    m_batchBillCapacity.clear();
    for (const Pending &p : std::as_const(pending)) {
        QString status, reason, message;
        if (p.error) {
            const bool dup = p.error->reason == Reason::Duplicate;
            status = dup ? QStringLiteral("duplicate") : QStringLiteral("error");
            reason = reasonName(p.error->reason);
            message = p.error->message;
        } else {
            bool anyApplied = false, allDuplicate = true;
            const Outcome *failed = nullptr;
            for (int i : p.commands) {
                const Outcome &o = outcomes.at(i);
                if (o.result == ResultKind::Rejected) {
                    failed = &o;
                    break;
                }
                anyApplied |= o.result == ResultKind::Ok || o.result == ResultKind::Queued;
                allDuplicate &= o.result == ResultKind::Duplicate;
                message = o.message;
            }
            if (failed) {
                status = QStringLiteral("error");
                reason = reasonName(failed->reason);
                message = failed->message;
                if (anyApplied && p.undo) {
                    const Outcome u = m_store.execute(makeCommand(m_actor, m_station, m_clock, *p.undo));
                    qCWarning(ttReports) << "import row" << p.row << "half applied; compensated:" << u.message;
                    message += u.ok() ? QStringLiteral(" (the row's first step was undone)")
                                      : QStringLiteral(" (could not undo the row's first step: %1)").arg(u.message);
                }
            } else {
                status = allDuplicate ? QStringLiteral("duplicate") : QStringLiteral("ok");
                reason = allDuplicate ? reasonName(Reason::Duplicate) : QString();
            }
        }
        if (status == u"ok")
            ++summary.ok;
        else if (status == u"duplicate")
            ++summary.duplicates;
        else
            ++summary.errors;
        if (auto r = report(p.row, status, reason, message, p.cells); !r) {
            m_failed = true;
            return r;
        }
    }
    return {};
}

} // namespace tt
