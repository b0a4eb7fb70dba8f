#pragma once

#include <QList>
#include <QString>

#include "core/error.h"

namespace tt {

class StatementCache;

// One derived value that differs from its recomputation, or a broken invariant.
struct Mismatch
{
    QString check;  // e.g. "parent.child_count", "bill.actual_weight_g", "total.links"
    QString key;    // the bag code, bill id, metric …
    QString stored;
    QString computed;
};

// Recomputes every derived value (parents' counts and weights, bills' counts, weights and
// statuses, return tickets' counts and weights, statistics) from the history tables and reports
// each difference (BRIEF §3.2).
class Verifier
{
public:
    explicit Verifier(StatementCache &sql) : m_sql(sql) {}
    Result<QList<Mismatch>> run();

private:
    Result<void> collect(const QString &check, const QString &sql, QList<Mismatch> &out);
    StatementCache &m_sql;
};

} // namespace tt
