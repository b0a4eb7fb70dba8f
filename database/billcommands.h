#pragma once

#include "core/command.h"
#include "core/outcome.h"

namespace tt {

struct CommandContext;

// Handlers of the bill commands (BRIEF §3.3), with the same contract as bagcommands.h.
Result<Outcome> applyCreateBill(CommandContext &ctx, const cmd::CreateBill &c);
Result<Outcome> applyAddParentToBill(CommandContext &ctx, const cmd::AddParentToBill &c);
Result<Outcome> applyRemoveParentFromBill(CommandContext &ctx, const cmd::RemoveParentFromBill &c);
Result<Outcome> applyCompleteBill(CommandContext &ctx, const cmd::CompleteBill &c);
Result<Outcome> applyReopenBill(CommandContext &ctx, const cmd::ReopenBill &c);
Result<Outcome> applySetBillCapacity(CommandContext &ctx, const cmd::SetBillCapacity &c);
Result<Outcome> applyDeleteBill(CommandContext &ctx, const cmd::DeleteBill &c);

} // namespace tt
