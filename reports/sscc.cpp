#include "reports/sscc.h"

namespace tt {

int Sscc::checkDigit(QStringView digits)
{
    if (digits.isEmpty())
        return -1;
    int sum = 0;
    int weight = 3;
    for (qsizetype i = digits.size() - 1; i >= 0; --i) {
        const QChar c = digits.at(i);
        if (c < QLatin1Char('0') || c > QLatin1Char('9'))
            return -1;
        sum += (c.unicode() - u'0') * weight;
        weight = weight == 3 ? 1 : 3;
    }
    return (10 - sum % 10) % 10;
}

Result<Sscc> Sscc::fromDigits(QStringView digits)
{
    if (digits.size() != 17 && digits.size() != 18)
        return fail(Reason::InvalidCode,
                    QStringLiteral("An SSCC has 18 digits (17 without check digit), got %1")
                        .arg(digits.size()));
    const int check = checkDigit(digits.first(17));
    if (check < 0 || (digits.size() == 18 && (digits.at(17) < QLatin1Char('0')
                                              || digits.at(17) > QLatin1Char('9'))))
        return fail(Reason::InvalidCode, QStringLiteral("An SSCC has digits only"));
    if (digits.size() == 18 && digits.at(17).unicode() - u'0' != check)
        return fail(Reason::InvalidCode,
                    QStringLiteral("SSCC %1 has a wrong check digit (expected %2)")
                        .arg(digits.toString()).arg(check));
    return Sscc(digits.first(17).toString() + QString::number(check));
}

Result<Sscc> Sscc::make(int extension, QStringView companyPrefix, qint64 serialReference)
{
    if (extension < 0 || extension > 9)
        return fail(Reason::InvalidInput, QStringLiteral("SSCC extension digit must be 0–9"));
    if (companyPrefix.size() < 7 || companyPrefix.size() > 10 || checkDigit(companyPrefix) < 0)
        return fail(Reason::InvalidInput,
                    QStringLiteral("GS1 company prefix must have 7–10 digits"));
    const int serialDigits = 16 - int(companyPrefix.size());
    qint64 limit = 1;
    for (int i = 0; i < serialDigits; ++i)
        limit *= 10;
    if (serialReference < 0 || serialReference >= limit)
        return fail(Reason::InvalidInput,
                    QStringLiteral("SSCC serial reference must fit in %1 digits").arg(serialDigits));
    const QString body = QString::number(extension) + companyPrefix.toString()
                         + QStringLiteral("%1").arg(serialReference, serialDigits, 10, QLatin1Char('0'));
    return fromDigits(body);
}

} // namespace tt
