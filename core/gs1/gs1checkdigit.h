#pragma once

#include <QString>

#include <optional>

namespace tt {

// The GS1 mod-10 check digit (GTIN-8/12/13/14, SSCC-18, GLN, GSIN…) of the digits in front of
// it: weights 3,1,3,… from the right. Returns std::nullopt when the input is empty or has a
// character other than an ASCII digit.
std::optional<int> gs1CheckDigit(QStringView digitsWithoutCheck);

// True when the last digit is the GS1 check digit of the ones before it (at least 2 digits,
// digits only).
bool gs1CheckDigitValid(QStringView digitsWithCheck);

} // namespace tt
