#pragma once

#include "database/accountservice.h"
#include "database/bagrepository.h"
#include "database/billrepository.h"

#include <QDateTime>
#include <QList>
#include <QMap>
#include <QString>

#include <expected>
#include <utility>

namespace tt {

class CliArgs;
class CliContext;

// The read commands' arguments and output, shared by the embedded and the central handlers
// (cli/centralreadcli.cpp). A parse failure has printed the usage and carries its exit code.

// bag search TEXT [--limit 1..10000]: the text (trimmed, upper case) and the limit.
std::expected<std::pair<QString, int>, int> bagSearchArguments(CliContext &ctx, CliArgs &args);
// bill list [--status open|completed] [--search TEXT] [--limit N]
std::expected<BillListFilter, int> billListArguments(CliContext &ctx, CliArgs &args);

void printBagRows(CliContext &ctx, const QList<BagRow> &rows);
void printBillRows(CliContext &ctx, const QList<BillRow> &rows);
// stats: totals and today's counters.
void printStatistics(CliContext &ctx, const QMap<QString, qint64> &totals,
                     const QMap<QString, qint64> &today);
// user list; locked means locked at `now`.
void printUsers(CliContext &ctx, const QList<UserInfo> &users, const QDateTime &now);

} // namespace tt
