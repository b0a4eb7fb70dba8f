#pragma once

#include "core/bulkimport.h"

namespace tt {

class PgStore;

// The set-based import path on the central database (see BulkImport): each batch is one call of
// tt_import_bags / tt_import_links (PostgreSQL migrations 006, 010) with the store's session. The
// server checks that the session is an admin's, decides the rows with the core rules and writes
// the batch in the call's transaction; one outcome per row comes back. A dry run wraps the whole
// import in one transaction on the store's connection that is rolled back (TransactionGuard),
// so later batches see the earlier ones.
class PgImport final : public BulkImport
{
public:
    explicit PgImport(PgStore &store)
        : m_store(store)
    {}
    Result<QList<Outcome>> importBags(const ImportMeta &meta,
                                      const QList<ImportBagRow> &rows) override;
    Result<QList<Outcome>> importLinks(const ImportMeta &meta,
                                       const QList<ImportLinkRow> &rows) override;

private:
    Result<QList<Outcome>> call(const QString &function, const ImportMeta &meta,
                                const QByteArray &rows, qsizetype count);

    PgStore &m_store;
};

} // namespace tt
