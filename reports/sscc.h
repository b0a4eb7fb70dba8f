#pragma once

#include <QString>

#include "core/error.h"

namespace tt {

// A GS1 Serial Shipping Container Code (AI 00): 18 digits, the last a GS1 mod-10 check digit.
class Sscc
{
public:
    // The GS1 mod-10 check digit of a digit string (weights 3,1,3,… from the right).
    // Returns -1 when the text is empty or has a non-digit.
    static int checkDigit(QStringView digits);

    // 17 digits: the check digit is appended. 18 digits: the check digit is verified.
    static Result<Sscc> fromDigits(QStringView digits);

    // Extension digit (0–9), GS1 company prefix (7–10 digits) and a serial reference that fills
    // the remaining 16 − prefix length digits; the check digit is computed.
    static Result<Sscc> make(int extension, QStringView companyPrefix, qint64 serialReference);

    const QString &digits() const { return m_digits; } // 18 digits
    QString elementString() const { return QStringLiteral("(00)") + m_digits; }
    // "(00) 0 1234567 123456789 5"-style grouping is printer-specific; this is "(00) " + digits.
    QString humanReadable() const { return QStringLiteral("(00) ") + m_digits; }

private:
    explicit Sscc(QString digits) : m_digits(std::move(digits)) {}
    QString m_digits;
};

} // namespace tt
