#pragma once

#include "core/command.h"
#include "core/outcome.h"

namespace tt {

struct CommandContext;

// Handlers of the admin data commands (BRIEF §3.5): bag types, areas, stations. Each validates
// with a plain message, changes nothing when it refuses, and writes one audit record with the
// row before and after. A type or area something refers to is deactivated, never deleted.
Result<Outcome> applyAddBagType(CommandContext &ctx, const cmd::AddBagType &c);
Result<Outcome> applySetBagType(CommandContext &ctx, const cmd::SetBagType &c);
Result<Outcome> applyDeleteBagType(CommandContext &ctx, const cmd::DeleteBagType &c);
Result<Outcome> applyAddArea(CommandContext &ctx, const cmd::AddArea &c);
Result<Outcome> applySetArea(CommandContext &ctx, const cmd::SetArea &c);
Result<Outcome> applyDeleteArea(CommandContext &ctx, const cmd::DeleteArea &c);
Result<Outcome> applyAddStation(CommandContext &ctx, const cmd::AddStation &c);
Result<Outcome> applySetStation(CommandContext &ctx, const cmd::SetStation &c);

// True for the commands that change the bag types (a store reloads its cached set after them).
bool changesBagTypes(const CommandBody &body);

} // namespace tt
