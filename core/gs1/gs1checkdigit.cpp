#include "core/gs1/gs1checkdigit.h"

namespace tt {

std::optional<int> gs1CheckDigit(QStringView digitsWithoutCheck)
{
    if (digitsWithoutCheck.isEmpty())
        return std::nullopt;
    int sum = 0;
    int weight = 3;
    for (qsizetype i = digitsWithoutCheck.size() - 1; i >= 0; --i) {
        const char16_t c = digitsWithoutCheck[i].unicode();
        if (c < u'0' || c > u'9')
            return std::nullopt;
        sum += int(c - u'0') * weight;
        weight = weight == 3 ? 1 : 3;
    }
    return (10 - sum % 10) % 10;
}

bool gs1CheckDigitValid(QStringView digitsWithCheck)
{
    if (digitsWithCheck.size() < 2)
        return false;
    const char16_t last = digitsWithCheck.back().unicode();
    if (last < u'0' || last > u'9')
        return false;
    const std::optional<int> expected = gs1CheckDigit(digitsWithCheck.chopped(1));
    return expected && *expected == int(last - u'0');
}

} // namespace tt
