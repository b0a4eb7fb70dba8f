#pragma once

class QApplication;

namespace tt {

// The desktop start-up: opens the embedded database, runs the first-start dialog on a database
// without users, logs in and shows the main window. Options: --db sqlite:PATH, --demo,
// --screenshot FILE (render the main window to PNG and exit), --user NAME, --station ID,
// --lang en|hi (this run's language; the saved one is Admin → Settings).
// Returns the process exit code.
int runApplication(QApplication &app);

} // namespace tt
