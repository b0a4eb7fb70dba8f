#pragma once

#include <QString>

namespace tt {

// Spreadsheet formula-injection guard for exported cells. A cell whose text (after any leading
// apostrophes) starts with '=', '+', '-', '@', TAB or CR and is not a plain number is prefixed
// with one apostrophe, which spreadsheets show as text. restoreFormulaText() undoes exactly
// that, so neutralise → restore is lossless for every string.
QString neutralizeFormula(const QString &cell);
QString restoreFormulaText(const QString &cell);
bool isPlainNumber(QStringView text); // "-12", "+3.5", "1e3"

} // namespace tt
