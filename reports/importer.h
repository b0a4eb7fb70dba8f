#pragma once

#include <QHash>
#include <QSet>
#include <QString>
#include <QStringList>

#include <functional>
#include <optional>

#include "core/bulkimport.h"
#include "core/command.h"
#include "core/error.h"

namespace tt {

class Clock;
class RowSink;
class RowSource;
class Store;

enum class ImportKind { Bags, Links, Bills };

QString importKindName(ImportKind kind); // "bags", "links", "bills"
std::optional<ImportKind> importKindFromName(QStringView name);

struct ImportOptions
{
    ImportKind kind = ImportKind::Bags;
    // Rows per Store::executeBatch (one durable transaction each).
    int batchSize = 2000;
    // Called after every batch with the rows done and the input fraction read; return false to
    // stop (rows done so far stay applied).
    std::function<bool(qint64 rows, double fraction)> progress;
    // Receives "row,status,reason,message" + the row's own cells, after a header.
    RowSink *results = nullptr;
    // The set-based path for bags and links files (SqliteImport, PgImport): rows decided and
    // written per batch, same rules and results, many times faster. nullptr: every row runs as
    // commands through Store::executeBatch. Bills files always run as commands.
    BulkImport *bulk = nullptr;
    // The file's name as the set-based path records it (ImportMeta::file).
    QString fileName;
};

struct ImportSummary
{
    qint64 rows = 0;       // data rows read
    qint64 ok = 0;
    qint64 duplicates = 0; // rows that changed nothing because they were already true
    qint64 errors = 0;
    bool cancelled = false;
    QStringList ignoredColumns;
};

// Turns rows of a bags, links or bills file into core commands and runs them through
// Store::executeBatch, so every rule of scanning applies (nothing is bypassed), in batches for
// speed. Per row: ok, duplicate or error with the reason code and message.
//
// Files (header names are case-insensitive; unknown columns are ignored and reported; rows
// whose cells are all empty are skipped):
//   bags:  code, [measured_weight_g]                    → RegisterBag
//   links: parent_code, child_code, [child_weight_g]    → [RegisterBag parent] + LinkChild
//   bills: bill_id, capacity, [parent_code], [status]   → [CreateBill] + [AddParentToBill];
//          bills whose rows say status "completed" are completed after the last row, reported
//          as an extra result line for that bill's last row.
//
// A row is all or nothing: a row needing two commands (a new parent, a new bill) is first
// checked with the core rule functions against the store's current state; if a code it uses was
// touched earlier in the same batch, the batch is flushed first so that state is exact. Should
// the second command still fail (a concurrent change), the first is compensated and the row
// reported as an error.
//
// With ImportOptions::bulk, bags and links rows are parsed here and handed over in batches to the
// set-based path, which decides them with the same core rules (see BulkImport).
//
// Dry run: run the same import against a scratch copy of the store (SqliteScratch for the
// embedded database), so the outcomes are exactly those of the real import, including the
// effects of earlier rows of the file.
class Importer
{
public:
    Importer(Store &store, Actor actor, QString station, const Clock &clock);

    // Fails (applying nothing) when the actor may not import or the header lacks a required
    // column; a file that turns bad midway (damaged, over a limit) fails after the rows before
    // it were applied and reported.
    Result<ImportSummary> run(RowSource &source, const ImportOptions &options);

    static QStringList requiredColumns(ImportKind kind);
    static QStringList optionalColumns(ImportKind kind);

private:
    struct Pending
    {
        qint64 row = 0;
        QStringList cells;
        QList<int> commands;           // indices into m_batch (or m_bulkBags / m_bulkLinks)
        std::optional<CommandBody> undo; // compensation when a later command of the row fails
        std::optional<Error> error;    // decided before execution
    };

    Result<void> flush(ImportSummary &summary);
    Result<void> report(qint64 row, const QString &status, const QString &reason, const QString &message,
                        const QStringList &cells);
    void addRow(qint64 row, const QStringList &cells, ImportSummary &summary);
    Result<void> addBagRow(Pending &p);
    Result<void> addLinkRow(Pending &p, ImportSummary &summary);
    Result<void> addBillRow(Pending &p, ImportSummary &summary);
    int enqueue(CommandBody body);
    QString cell(const QStringList &cells, const QString &column) const;

    Store &m_store;
    Actor m_actor;
    QString m_station;
    const Clock &m_clock;
    ImportOptions m_options;
    QHash<QString, int> m_columns; // canonical name → index
    QList<Command> m_batch;
    QList<ImportBagRow> m_bulkBags;   // set-based path: rows of the current batch
    QList<ImportLinkRow> m_bulkLinks;
    QList<Pending> m_pending;
    QSet<QString> m_touched;        // codes and bill ids used by rows of the current batch
    QSet<QString> m_newInBatch;     // parents and bills created by rows of the current batch
    QHash<QString, qint64> m_batchBillCapacity; // capacity of the bills created in the batch
    QHash<QString, qint64> m_completeBills; // bill id → last row asking for "completed"
    bool m_failed = false;
};

} // namespace tt
