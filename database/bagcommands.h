#pragma once

#include "core/command.h"
#include "core/outcome.h"

namespace tt {

struct CommandContext;

// Handlers of the bag and link commands (BRIEF §3.2). Each runs inside the caller's transaction
// and returns the outcome, or the Error that rejects the command (the caller rolls back).
// An outcome with ResultKind::Duplicate has written nothing.
Result<Outcome> applySelectParent(CommandContext &ctx, const cmd::SelectParent &c);
Result<Outcome> applyLinkChild(CommandContext &ctx, const cmd::LinkChild &c);
Result<Outcome> applyUndoLastLink(CommandContext &ctx, const cmd::UndoLastLink &c);
Result<Outcome> applyMoveChild(CommandContext &ctx, const cmd::MoveChild &c);
Result<Outcome> applyDeleteBag(CommandContext &ctx, const cmd::DeleteBag &c);
Result<Outcome> applyRegisterBag(CommandContext &ctx, const cmd::RegisterBag &c);
Result<Outcome> applyRecordWeight(CommandContext &ctx, const cmd::RecordWeight &c);

} // namespace tt
