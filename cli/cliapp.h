#pragma once

#include <QStringList>

namespace tt {

// Runs tracetrack-cli with the arguments after the program name; returns the exit code.
// Needs a QCoreApplication.
int runCli(const QStringList &arguments);

} // namespace tt
