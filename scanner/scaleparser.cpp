#include "scanner/scaleparser.h"

#include <QList>

namespace tt {

namespace {

std::unexpected<Error> bad(QString message)
{
    return fail(Reason::InvalidInput, std::move(message));
}

QByteArrayView trimmed(QByteArrayView s)
{
    while (!s.isEmpty() && (s.front() == ' ' || s.front() == '\t' || s.front() == '\r' || s.front() == '\n'))
        s = s.sliced(1);
    while (!s.isEmpty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r' || s.back() == '\n'))
        s.chop(1);
    return s;
}

bool isDigit(char c)
{
    return c >= '0' && c <= '9';
}

bool isLetter(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

QString shown(QByteArrayView s)
{
    QString out;
    for (const char c : s.first(qMin<qsizetype>(s.size(), 40))) {
        const auto u = static_cast<unsigned char>(c);
        out += (u >= 0x20 && u < 0x7F) ? QString(QChar(char16_t(u))) : QStringLiteral("\\x%1").arg(int(u), 2, 16, QLatin1Char('0'));
    }
    return out;
}

// Splits "+ 0012.345kg" / "-1.5 lb" into a signed number and a unit.
Result<qint64> signedValue(QByteArrayView text)
{
    QByteArrayView s = trimmed(text);
    bool negative = false;
    if (!s.isEmpty() && (s.front() == '+' || s.front() == '-')) {
        negative = s.front() == '-';
        s = trimmed(s.sliced(1));
    }
    qsizetype i = 0;
    while (i < s.size() && (isDigit(s[i]) || s[i] == '.'))
        ++i;
    const QByteArrayView number = s.first(i);
    const QByteArrayView unit = trimmed(s.sliced(i));
    Result<qint64> grams = scaleValueToGrams(number, unit);
    if (!grams)
        return grams;
    return negative ? -*grams : *grams;
}

Result<ScaleReading> parseStatusCsv(QByteArrayView line)
{
    // ST,GS,+0012.345kg | US,NT,-   0.120 kg | OL,GS,+9999999kg | ST,+00012.34  g
    const QList<QByteArray> parts = line.toByteArray().split(',');
    if (parts.size() < 2 || parts.size() > 3)
        return bad(QStringLiteral("\"%1\" is not a scale reading (expected ST,GS,+0012.345kg).").arg(shown(line)));
    const QByteArray status = trimmed(parts[0]).toByteArray().toUpper();
    ScaleReading r;
    if (status == "ST")
        r.stable = true;
    else if (status == "OL")
        r.overload = true;
    else if (status != "US")
        return bad(QStringLiteral("\"%1\" has an unknown scale status %2.").arg(shown(line), shown(status)));
    if (parts.size() == 3) {
        const QByteArray kind = trimmed(parts[1]).toByteArray().toUpper();
        if (kind == "NT" || kind == "N")
            r.net = true;
        else if (kind != "GS" && kind != "G" && kind != "TR" && kind != "T")
            return bad(QStringLiteral("\"%1\" has an unknown weight kind %2.").arg(shown(line), shown(kind)));
    }
    if (r.overload)
        return r;
    Result<qint64> grams = signedValue(parts.back());
    if (!grams)
        return bad(QStringLiteral("\"%1\": %2").arg(shown(line), grams.error().message));
    r.grams = *grams;
    return r;
}

Result<ScaleReading> parseSics(QByteArrayView line)
{
    // S S      12.345 kg | S D      12.340 kg | S + | S - | S I | ES | EL
    if (line.size() < 3 || line[0] != 'S' || line[1] != ' ')
        return bad(QStringLiteral("\"%1\" is not an MT-SICS weight response (expected S S 12.345 kg).").arg(shown(line)));
    const QByteArrayView rest = trimmed(line.sliced(1));
    if (rest.isEmpty())
        return bad(QStringLiteral("\"%1\" has no status.").arg(shown(line)));
    ScaleReading r;
    switch (rest[0]) {
    case 'S': r.stable = true; break;
    case 'D': break;
    case '+':
    case '-':
        if (trimmed(rest.sliced(1)).isEmpty()) {
            r.overload = true;
            return r;
        }
        return bad(QStringLiteral("\"%1\" is not an MT-SICS weight response.").arg(shown(line)));
    case 'I': return bad(QStringLiteral("The scale is busy (\"%1\").").arg(shown(line)));
    default: return bad(QStringLiteral("\"%1\" has an unknown MT-SICS status.").arg(shown(line)));
    }
    Result<qint64> grams = signedValue(rest.sliced(1));
    if (!grams)
        return bad(QStringLiteral("\"%1\": %2").arg(shown(line), grams.error().message));
    r.grams = *grams;
    return r;
}

} // namespace

QString scaleFormatName(ScaleFormat f)
{
    return f == ScaleFormat::MtSics ? QStringLiteral("mt-sics") : QStringLiteral("status-csv");
}

std::optional<ScaleFormat> scaleFormatFromName(QStringView name)
{
    if (name.compare(u"mt-sics", Qt::CaseInsensitive) == 0)
        return ScaleFormat::MtSics;
    if (name.compare(u"status-csv", Qt::CaseInsensitive) == 0)
        return ScaleFormat::StatusCsv;
    return std::nullopt;
}

QByteArray defaultScaleRequest(ScaleFormat f)
{
    return f == ScaleFormat::MtSics ? QByteArrayLiteral("SI\r\n") : QByteArrayLiteral("Q\r\n");
}

Result<qint64> scaleValueToGrams(QByteArrayView number, QByteArrayView unit)
{
    qint64 mantissa = 0;
    int decimals = 0;
    int digits = 0;
    bool point = false;
    for (const char c : number) {
        if (c == '.') {
            if (point)
                return bad(QStringLiteral("%1 has two decimal points.").arg(shown(number)));
            point = true;
            continue;
        }
        if (!isDigit(c))
            return bad(QStringLiteral("%1 is not a number.").arg(shown(number)));
        if ((mantissa != 0 || c != '0') && ++digits > 10) // leading zeros do not count
            return bad(QStringLiteral("%1 has too many digits for a weight.").arg(shown(number)));
        mantissa = mantissa * 10 + (c - '0');
        if (point)
            ++decimals;
        if (decimals > 6)
            return bad(QStringLiteral("%1 has too many decimals for a weight.").arg(shown(number)));
    }
    if (number.isEmpty() || (point && number.size() == 1))
        return bad(QStringLiteral("The reading has no number."));
    for (const char c : unit) {
        if (!isLetter(c))
            return bad(QStringLiteral("%1 is not a unit.").arg(shown(unit)));
    }
    // grams = mantissa / 10^decimals × num / den
    qint64 num = 0;
    qint64 den = 1;
    const QByteArray u = unit.toByteArray().toLower();
    if (u == "kg" || u.isEmpty())
        num = 1000;
    else if (u == "g")
        num = 1;
    else if (u == "t")
        num = 1'000'000;
    else if (u == "lb" || u == "lbs") {
        num = 45'359'237; // 1 lb = 453.59237 g exactly
        den = 100'000;
    } else if (u == "oz") {
        num = 28'349'523'125; // 1 oz = 28.349523125 g exactly
        den = 1'000'000'000;
    } else
        return bad(QStringLiteral("%1 is not a weight unit (kg, g, t, lb, oz).").arg(shown(unit)));
    for (int i = 0; i < decimals; ++i)
        den *= 10;
    // mantissa < 10^10 and num < 3·10^10: the product fits in 128 bits, not always in 64.
    const __int128 product = static_cast<__int128>(mantissa) * num;
    const __int128 grams = (product * 2 + den) / (static_cast<__int128>(den) * 2);
    if (grams > static_cast<__int128>(1'000'000'000'000))
        return bad(QStringLiteral("%1 %2 is not a plausible weight.").arg(shown(number), shown(unit)));
    return static_cast<qint64>(grams);
}

Result<ScaleReading> parseScaleLine(QByteArrayView line, ScaleFormat format)
{
    const QByteArrayView s = trimmed(line);
    if (s.isEmpty())
        return bad(QStringLiteral("The scale sent an empty line."));
    return format == ScaleFormat::MtSics ? parseSics(s) : parseStatusCsv(s);
}

} // namespace tt
