#pragma once

#include "core/command.h"
#include "core/outcome.h"

namespace tt {

struct BagRow;
struct BillRow;
struct CommandContext;

// Handlers of the bill commands (BRIEF §3.3), with the same contract as bagcommands.h.
Result<Outcome> applyCreateBill(CommandContext &ctx, const cmd::CreateBill &c);
Result<Outcome> applyAddParentToBill(CommandContext &ctx, const cmd::AddParentToBill &c);
Result<Outcome> applyRemoveParentFromBill(CommandContext &ctx, const cmd::RemoveParentFromBill &c);
Result<Outcome> applyCompleteBill(CommandContext &ctx, const cmd::CompleteBill &c);
Result<Outcome> applyReopenBill(CommandContext &ctx, const cmd::ReopenBill &c);
Result<Outcome> applySetBillCapacity(CommandContext &ctx, const cmd::SetBillCapacity &c);
Result<Outcome> applyDeleteBill(CommandContext &ctx, const cmd::DeleteBill &c);

// Takes a parent off its bill (remove, return): a completed bill reopens first, the line and the
// parent's weights leave the bill's totals, and the audit records it (with the return ticket when
// there is one). Returns whether the bill was reopened.
Result<bool> takeParentOffBill(CommandContext &ctx, const BillRow &bill, const BagRow &parent, const QString &ticket);

} // namespace tt
