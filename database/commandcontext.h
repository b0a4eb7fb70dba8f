#pragma once

#include <QString>

#include <optional>

#include "core/bagtype.h"
#include "core/command.h"
#include "core/outcome.h"
#include "database/repositories.h"

namespace tt {

// What a command handler needs besides the command: the repositories inside the open
// transaction and the rules' data.
struct CommandContext
{
    Repositories &repo;
    const Command &command;
    const BagTypeSet &types;
    qint64 undoWindowSeconds = 3600;

    const QDateTime &at() const { return command.meta.at; }
    const QString &user() const { return command.meta.actor.user; }
    const QString &station() const { return command.meta.station; }
    QString commandId() const { return command.meta.id.toString(QUuid::WithoutBraces); }

    // Scan record plus the day's scan counters of this station.
    Result<void> recordScan(const QString &code, const QString &action, const QString &parent = {},
                            const QString &bill = {});
    Result<void> audit(const QString &action, const QString &entity, const QString &entityId,
                       const QJsonObject &before, const QJsonObject &after);
};

// A bag code from a command, normalised; invalid_code when it can never be one (empty, too long,
// not printable ASCII).
Result<QString> bagCodeFrom(const QString &raw);

// Fills the parent and bill fields of an outcome from their rows.
void describeParent(Outcome &outcome, const BagRow &parent);
void describeBill(Outcome &outcome, const BillRow &bill);

// A bag that does not exist yet, classified by the bag types: the type, or invalid_code /
// wrong_role when the code is not of the wanted role.
Result<BagType> classifyNewBag(const BagTypeSet &types, const QString &code, BagRole wanted);

// Creates the bag with its audit record and total counter.
Result<BagRow> createBag(CommandContext &ctx, const QString &code, const BagType &type,
                         std::optional<qint64> measuredWeightG);

// Applies a change of a parent's contents to the parent (and to the row passed in) and, when it
// is on a bill, to the bill. Returns that bill with its totals as they now are.
Result<std::optional<BillRow>> changeContents(CommandContext &ctx, BagRow &parent, int deltaCount,
                                              qint64 deltaWeightG);

} // namespace tt
