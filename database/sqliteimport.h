#pragma once

#include "core/bulkimport.h"

#include <memory>

namespace tt {

class SqliteStore;
class ImportStatements;

// The set-based import path on the embedded database (see BulkImport). Per batch: one query
// reads every code of the batch with its link and bill (json_each over the codes), the rows are
// decided in memory with the core rules, then one BEGIN IMMEDIATE transaction writes new bags
// and links as multi-row inserts, each changed parent and bill once, the statistics once, and
// one audit record per accepted row (action "import", entity bag or link, with the file name,
// row number and batch id). An imported row is not a scan: no scan record and no "scans"
// counter (the dashboard's scans today and verify's scan totals leave imports out). No
// command-log rows: imported rows are not commands and are never replayed; their links carry
// the batch id instead. The multi-row inserts are prepared once per SqliteImport on the store's
// connection and bound with SQLite's own API: the batch's time, actor and station once per
// statement, each row's own values as UTF-8 text and integers. Destroy it before its store:
// it finalizes those statements then.
class SqliteImport final : public BulkImport
{
public:
    explicit SqliteImport(SqliteStore &store);
    ~SqliteImport() override;
    SqliteImport(const SqliteImport &) = delete;
    SqliteImport &operator=(const SqliteImport &) = delete;
    Result<QList<Outcome>> importBags(const ImportMeta &meta,
                                      const QList<ImportBagRow> &rows) override;
    Result<QList<Outcome>> importLinks(const ImportMeta &meta,
                                       const QList<ImportLinkRow> &rows) override;

private:
    SqliteStore &m_store;
    std::unique_ptr<ImportStatements> m_statements;
};

} // namespace tt
