#pragma once

class QApplication;

namespace tt {

// The desktop start-up: opens the database of the saved choice (DatabaseChoice; embedded by
// default), runs the first-start dialog on an embedded database without users (it may choose
// central mode instead), logs in and shows the main window. Central mode (saved, or
// --db postgresql://… [--cache PATH]) logs in on the client's command lane, never blocking the
// window on the network. Options: --db sqlite:PATH | postgresql://…, --cache PATH, --demo,
// --screenshot FILE (render the main window to PNG and exit), --user NAME, --station ID,
// --lang en|hi (this run's language; the saved one is Admin → Settings).
// Returns the process exit code.
int runApplication(QApplication &app);

} // namespace tt
