#pragma once

#include "core/command.h"
#include "core/outcome.h"

namespace tt {

struct CommandContext;

// Handlers of the return commands (BRIEF §3.4), with the same contract as bagcommands.h.
Result<Outcome> applyOpenReturn(CommandContext &ctx, const cmd::OpenReturn &c);
Result<Outcome> applyReturnParent(CommandContext &ctx, const cmd::ReturnParent &c);
Result<Outcome> applyFinaliseReturn(CommandContext &ctx, const cmd::FinaliseReturn &c);
Result<Outcome> applyCancelReturn(CommandContext &ctx, const cmd::CancelReturn &c);

} // namespace tt
