#pragma once

#include <QDateTime>
#include <QList>
#include <QString>

#include <optional>

#include "core/bagtype.h"
#include "core/billrules.h"
#include "core/error.h"
#include "database/billrepository.h"
#include "database/historyrepository.h"

namespace tt {

class StatementCache;

// One page of a browse list, newest first. Pass nextKey as `before` to get the following page.
template<typename Row>
struct Page
{
    QList<Row> rows;
    qint64 nextKey = 0; // the id of the last row; valid when rows is not empty
    bool atEnd = true;  // no rows after this page
};

// A bag as the browse list shows it: its own figures plus where it is (parent, bill).
struct BagListRow
{
    qint64 id = 0;
    QString code;
    BagRole role = BagRole::Child;
    QString typeName;
    int childCount = 0;
    int capacity = 0;
    qint64 weightG = 0; // parents: contents weight; children: effective weight
    QString parentCode; // children: current parent
    QString billId;     // parents: bill
    QDateTime createdAt;
    QString createdBy;
};

struct BagListFilter
{
    QString text; // substring of the code (normalised to upper case by the caller or here)
    std::optional<BagRole> role;
};

struct BillPageFilter
{
    QString text; // substring of the bill id
    std::optional<BillStatus> status;
};

struct ScanFilter
{
    QString code;   // exact code (uses the code index): a bag's own scans
    QString text;   // substring of the code
    QString user;   // exact user name
    QString action; // exact action (link, select_parent, bill_add, undo, ...)
    QDateTime from; // UTC, inclusive; invalid: open
    QDateTime to;   // UTC, exclusive; invalid: open
};

struct ScanListRow
{
    qint64 id = 0;
    ScanRecord scan;
};

struct AuditFilter
{
    QString actor;  // exact user name
    QString text;   // substring of action, entity or entity id
    QDateTime from; // UTC, inclusive
    QDateTime to;   // UTC, exclusive
};

struct AuditListRow
{
    qint64 id = 0;
    AuditRecord record;
};

// Keyset-paged reads for the browse screens (bags, bills, scans, audit), newest first, so a
// page costs the same at row 10 and at row 2 000 000. Read-only; lives in the thread of its
// connection.
class PagedQuery
{
public:
    explicit PagedQuery(StatementCache &sql) : m_sql(sql) {}

    // before: rows with a smaller id than this (0: from the newest); limit: 1–5000.
    Result<Page<BagListRow>> bags(const BagListFilter &filter, qint64 before, int limit);
    Result<Page<BillRow>> bills(const BillPageFilter &filter, qint64 before, int limit);
    Result<Page<ScanListRow>> scans(const ScanFilter &filter, qint64 before, int limit);
    Result<Page<AuditListRow>> audit(const AuditFilter &filter, qint64 before, int limit);

private:
    StatementCache &m_sql;
};

} // namespace tt
