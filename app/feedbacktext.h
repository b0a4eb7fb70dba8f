#pragma once

#include <QString>

namespace tt {

// The messages of outcomes and errors (core, database) in the GUI's language.
//
// Core and the stores write their messages in English: they are data (the command log replays
// them, audit records and the CLI's JSON carry them, PostgreSQL writes the same texts). The GUI
// translates them for display only: the message is matched against the catalogue of message
// templates in feedbacktext.cpp ("%1 is already in %2 (linked by %3 at %4)."), and the
// template's translation is filled with the same arguments. Arguments that are themselves
// catalogue phrases (role names, "actual …, expected …, variance …") are translated too; codes,
// numbers and units stay as they are. A message that matches no template is returned unchanged.
// Thread-safe (the catalogue is built once).
QString localizedMessage(const QString &english);

// Every template of the catalogue, in English (tests check that core's messages are all in it).
QStringList messageTemplates();

} // namespace tt
