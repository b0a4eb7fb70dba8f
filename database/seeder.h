#pragma once

#include <QString>

#include <functional>

#include "core/error.h"

namespace tt {

class StatementCache;

struct SeedPlan
{
    int parents = 1000;           // SB00000 … (at most 100 000)
    int childrenPerParent = 20;   // at most the SB capacity (30)
    int bills = 0;                // completed bills, each with billCapacity parents
    int billCapacity = 10;
    QString actor = QStringLiteral("seed");
};

struct SeedReport
{
    qint64 bags = 0;
    qint64 links = 0;
    qint64 bills = 0;
    double seconds = 0;
};

// Bulk-creates consistent demo or benchmark data (bags, links, bills with correct derived
// values and statistics) in one transaction, on a database without bags. Progress is reported
// as rows written.
class Seeder
{
public:
    explicit Seeder(StatementCache &sql) : m_sql(sql) {}
    Result<SeedReport> run(const SeedPlan &plan, const std::function<void(qint64)> &progress = {});

private:
    StatementCache &m_sql;
};

} // namespace tt
