#pragma once

#include <QString>

namespace tt {

// BRIEF §3.1: strips control and zero-width characters (keeps GS, 0x1D), trims, collapses inner
// whitespace to one space and upper-cases. Returns an empty string when nothing is left.
QString normalizeCode(QStringView raw);

// The same, and also drops GS: the form a bag code is stored and compared in.
QString normalizeBagCode(QStringView raw);

// True when the text has characters outside printable ASCII after normalisation (look-alikes
// such as Cyrillic "С" or full-width digits): such codes are never bag codes.
bool hasNonAsciiCharacters(QStringView normalized);

constexpr qsizetype kMaxCodeLength = 100;

} // namespace tt
