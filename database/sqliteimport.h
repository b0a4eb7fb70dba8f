#pragma once

#include "core/bulkimport.h"

namespace tt {

class SqliteStore;

// The set-based import path on the embedded database (see BulkImport). Per batch: one query
// reads every code of the batch with its link and bill (json_each over the codes), the rows are
// decided in memory with the core rules, then one BEGIN IMMEDIATE transaction writes new bags
// and links as multi-row inserts, each changed parent and bill once, the statistics once, and
// one audit record per accepted row (action "import", entity bag or link, with the file name,
// row number and batch id). An imported row is not a scan: no scan record and no "scans"
// counter (the dashboard's scans today and verify's scan totals leave imports out). No
// command-log rows: imported rows are not commands and are never replayed; their links carry
// the batch id instead.
class SqliteImport final : public BulkImport
{
public:
    explicit SqliteImport(SqliteStore &store)
        : m_store(store)
    {}
    Result<QList<Outcome>> importBags(const ImportMeta &meta,
                                      const QList<ImportBagRow> &rows) override;
    Result<QList<Outcome>> importLinks(const ImportMeta &meta,
                                       const QList<ImportLinkRow> &rows) override;

private:
    SqliteStore &m_store;
};

} // namespace tt
