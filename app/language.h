#pragma once

#include <QString>
#include <QStringList>

namespace tt {

// The GUI's language: "en" (the source texts; a plural-only translation gives "1 row"/"2 rows")
// or "hi" (Hindi). Translations are compiled into the program (:/i18n/tracetrack_<code>.qm).
// setLanguage() swaps the installed translator, so every widget receives a LanguageChange event
// at once. GUI thread only. The CLI never calls it and stays English.
QStringList availableLanguages();          // {"en", "hi"}
QString languageName(const QString &code); // "English", "हिन्दी (Hindi)"
bool setLanguage(const QString &code);     // false, and nothing changes, for an unknown code
QString currentLanguage();

// The station's saved choice (QSettings station/language), "en" when none or unknown.
QString savedLanguage();
void saveLanguage(const QString &code);

} // namespace tt
