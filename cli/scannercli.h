#pragma once

#include <QString>

namespace tt {

class CliArgs;
class CliContext;

// `station --serial PORT …`: the station workflow fed by a serial scanner (issue 4). Called by
// the station command when --serial was given (port already taken from args).
int serialStation(CliContext &ctx, CliArgs &args, const QString &port);

} // namespace tt
