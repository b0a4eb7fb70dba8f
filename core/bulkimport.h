#pragma once

#include "core/command.h"
#include "core/outcome.h"

#include <QDateTime>
#include <QList>
#include <QString>

#include <optional>

namespace tt {

// Rows of an import file, parsed and syntax-checked (codes normalised, weights in range).
struct ImportBagRow
{
    qint64 row = 0; // the row number in the file (audit records name it)
    QString code;
    std::optional<qint64> measuredWeightG;
};

struct ImportLinkRow
{
    qint64 row = 0; // the row number in the file
    QString parentCode;
    QString childCode;
    std::optional<qint64> childWeightG;
};

// Who imports, from where, the time recorded for every change of the batch, and the file's
// name (audit records name it with the row number).
struct ImportMeta
{
    Actor actor;
    QString station;
    QDateTime at;
    QString file;
};

// The set-based import path (BRIEF §6, §8 P6): a batch of rows decided in memory with the core
// rules, in file order, each as if alone and seeing the rows before it, then written in one
// durable transaction with the same effects as the commands (bags, links, counters, bill
// totals, statistics, scan and audit records). One outcome per row: ok, duplicate, or rejected
// with the rule's reason; a rejected row changes nothing. A database failure fails the whole
// batch and nothing of it is applied. Implementations: SqliteImport (embedded), PgImport
// (central, through tt_import_bags / tt_import_links).
class BulkImport
{
public:
    virtual ~BulkImport() = default;
    // bags: RegisterBag per row (duplicate when the code exists).
    virtual Result<QList<Outcome>> importBags(const ImportMeta &meta,
                                              const QList<ImportBagRow> &rows) = 0;
    // links: an unknown parent is created with its first link (both or neither); then LinkChild.
    virtual Result<QList<Outcome>> importLinks(const ImportMeta &meta,
                                               const QList<ImportLinkRow> &rows) = 0;
};

} // namespace tt
