#include "core/gs1/gs1parser.h"

#include "core/gs1/gs1checkdigit.h"

#include <array>

namespace tt {

namespace {

constexpr char16_t kGs = 0x1D;

enum class Chars { Numeric, Alphanumeric };

// One row of the GS1 application identifier table. An AI matches when the data starts with
// `prefix` and has `aiLength` digits (310n: prefix "310", aiLength 4). The table is prefix-free.
struct AiSpec
{
    const char *prefix;
    int aiLength;
    int minLength;
    int maxLength;
    Chars chars;
    const char *title;
    int checkDigits = 0; // verify a mod-10 check digit over the first N value digits (0: none)
};

constexpr auto N = Chars::Numeric;
constexpr auto X = Chars::Alphanumeric;

// GS1 General Specifications, section 3 (the AIs used in logistics; others are "unknown").
constexpr std::array kAis{
    AiSpec{"00", 2, 18, 18, N, "SSCC", 18},
    AiSpec{"01", 2, 14, 14, N, "GTIN", 14},
    AiSpec{"02", 2, 14, 14, N, "CONTENT", 14},
    AiSpec{"10", 2, 1, 20, X, "BATCH/LOT"},
    AiSpec{"11", 2, 6, 6, N, "PROD DATE"},
    AiSpec{"12", 2, 6, 6, N, "DUE DATE"},
    AiSpec{"13", 2, 6, 6, N, "PACK DATE"},
    AiSpec{"15", 2, 6, 6, N, "BEST BEFORE"},
    AiSpec{"16", 2, 6, 6, N, "SELL BY"},
    AiSpec{"17", 2, 6, 6, N, "USE BY"},
    AiSpec{"20", 2, 2, 2, N, "VARIANT"},
    AiSpec{"21", 2, 1, 20, X, "SERIAL"},
    AiSpec{"22", 2, 1, 20, X, "CPV"},
    AiSpec{"235", 3, 1, 28, X, "TPX"},
    AiSpec{"240", 3, 1, 30, X, "ADDITIONAL ID"},
    AiSpec{"241", 3, 1, 30, X, "CUST. PART No."},
    AiSpec{"242", 3, 1, 6, N, "MTO VARIANT"},
    AiSpec{"243", 3, 1, 20, X, "PCN"},
    AiSpec{"250", 3, 1, 30, X, "SECONDARY SERIAL"},
    AiSpec{"251", 3, 1, 30, X, "REF. TO SOURCE"},
    AiSpec{"253", 3, 13, 30, X, "GDTI", 13},
    AiSpec{"254", 3, 1, 20, X, "GLN EXTENSION COMPONENT"},
    AiSpec{"255", 3, 13, 25, N, "GCN", 13},
    AiSpec{"30", 2, 1, 8, N, "VAR. COUNT"},
    AiSpec{"310", 4, 6, 6, N, "NET WEIGHT (kg)"},
    AiSpec{"311", 4, 6, 6, N, "LENGTH (m)"},
    AiSpec{"312", 4, 6, 6, N, "WIDTH (m)"},
    AiSpec{"313", 4, 6, 6, N, "HEIGHT (m)"},
    AiSpec{"314", 4, 6, 6, N, "AREA (m2)"},
    AiSpec{"315", 4, 6, 6, N, "NET VOLUME (l)"},
    AiSpec{"316", 4, 6, 6, N, "NET VOLUME (m3)"},
    AiSpec{"320", 4, 6, 6, N, "NET WEIGHT (lb)"},
    AiSpec{"321", 4, 6, 6, N, "LENGTH (in)"},
    AiSpec{"322", 4, 6, 6, N, "LENGTH (ft)"},
    AiSpec{"323", 4, 6, 6, N, "LENGTH (yd)"},
    AiSpec{"324", 4, 6, 6, N, "WIDTH (in)"},
    AiSpec{"325", 4, 6, 6, N, "WIDTH (ft)"},
    AiSpec{"326", 4, 6, 6, N, "WIDTH (yd)"},
    AiSpec{"327", 4, 6, 6, N, "HEIGHT (in)"},
    AiSpec{"328", 4, 6, 6, N, "HEIGHT (ft)"},
    AiSpec{"329", 4, 6, 6, N, "HEIGHT (yd)"},
    AiSpec{"330", 4, 6, 6, N, "GROSS WEIGHT (kg)"},
    AiSpec{"331", 4, 6, 6, N, "LENGTH (m), log"},
    AiSpec{"332", 4, 6, 6, N, "WIDTH (m), log"},
    AiSpec{"333", 4, 6, 6, N, "HEIGHT (m), log"},
    AiSpec{"334", 4, 6, 6, N, "AREA (m2), log"},
    AiSpec{"335", 4, 6, 6, N, "VOLUME (l), log"},
    AiSpec{"336", 4, 6, 6, N, "VOLUME (m3), log"},
    AiSpec{"337", 4, 6, 6, N, "KG PER m2"},
    AiSpec{"340", 4, 6, 6, N, "GROSS WEIGHT (lb)"},
    AiSpec{"341", 4, 6, 6, N, "LENGTH (in), log"},
    AiSpec{"342", 4, 6, 6, N, "LENGTH (ft), log"},
    AiSpec{"343", 4, 6, 6, N, "LENGTH (yd), log"},
    AiSpec{"344", 4, 6, 6, N, "WIDTH (in), log"},
    AiSpec{"345", 4, 6, 6, N, "WIDTH (ft), log"},
    AiSpec{"346", 4, 6, 6, N, "WIDTH (yd), log"},
    AiSpec{"347", 4, 6, 6, N, "HEIGHT (in), log"},
    AiSpec{"348", 4, 6, 6, N, "HEIGHT (ft), log"},
    AiSpec{"349", 4, 6, 6, N, "HEIGHT (yd), log"},
    AiSpec{"350", 4, 6, 6, N, "AREA (in2)"},
    AiSpec{"351", 4, 6, 6, N, "AREA (ft2)"},
    AiSpec{"352", 4, 6, 6, N, "AREA (yd2)"},
    AiSpec{"353", 4, 6, 6, N, "AREA (in2), log"},
    AiSpec{"354", 4, 6, 6, N, "AREA (ft2), log"},
    AiSpec{"355", 4, 6, 6, N, "AREA (yd2), log"},
    AiSpec{"356", 4, 6, 6, N, "NET WEIGHT (t oz)"},
    AiSpec{"357", 4, 6, 6, N, "NET VOLUME (oz)"},
    AiSpec{"360", 4, 6, 6, N, "NET VOLUME (qt)"},
    AiSpec{"361", 4, 6, 6, N, "NET VOLUME (gal.)"},
    AiSpec{"362", 4, 6, 6, N, "VOLUME (qt), log"},
    AiSpec{"363", 4, 6, 6, N, "VOLUME (gal.), log"},
    AiSpec{"364", 4, 6, 6, N, "VOLUME (in3)"},
    AiSpec{"365", 4, 6, 6, N, "VOLUME (ft3)"},
    AiSpec{"366", 4, 6, 6, N, "VOLUME (yd3)"},
    AiSpec{"367", 4, 6, 6, N, "VOLUME (in3), log"},
    AiSpec{"368", 4, 6, 6, N, "VOLUME (ft3), log"},
    AiSpec{"369", 4, 6, 6, N, "VOLUME (yd3), log"},
    AiSpec{"37", 2, 1, 8, N, "COUNT"},
    AiSpec{"390", 4, 1, 15, N, "AMOUNT"},
    AiSpec{"391", 4, 4, 18, N, "AMOUNT"},
    AiSpec{"392", 4, 1, 15, N, "PRICE"},
    AiSpec{"393", 4, 4, 18, N, "PRICE"},
    AiSpec{"394", 4, 4, 4, N, "PRCNT OFF"},
    AiSpec{"395", 4, 6, 6, N, "PRICE/UoM"},
    AiSpec{"400", 3, 1, 30, X, "ORDER NUMBER"},
    AiSpec{"401", 3, 1, 30, X, "GINC"},
    AiSpec{"402", 3, 17, 17, N, "GSIN", 17},
    AiSpec{"403", 3, 1, 30, X, "ROUTE"},
    AiSpec{"410", 3, 13, 13, N, "SHIP TO LOC", 13},
    AiSpec{"411", 3, 13, 13, N, "BILL TO", 13},
    AiSpec{"412", 3, 13, 13, N, "PURCHASE FROM", 13},
    AiSpec{"413", 3, 13, 13, N, "SHIP FOR LOC", 13},
    AiSpec{"414", 3, 13, 13, N, "LOC No.", 13},
    AiSpec{"415", 3, 13, 13, N, "PAY TO", 13},
    AiSpec{"416", 3, 13, 13, N, "PROD/SERV LOC", 13},
    AiSpec{"417", 3, 13, 13, N, "PARTY", 13},
    AiSpec{"420", 3, 1, 20, X, "SHIP TO POST"},
    AiSpec{"421", 3, 4, 12, X, "SHIP TO POST"},
    AiSpec{"422", 3, 3, 3, N, "ORIGIN"},
    AiSpec{"423", 3, 4, 15, N, "COUNTRY - INITIAL PROCESS."},
    AiSpec{"424", 3, 3, 3, N, "COUNTRY - PROCESS."},
    AiSpec{"425", 3, 4, 15, N, "COUNTRY - DISASSEMBLY"},
    AiSpec{"426", 3, 3, 3, N, "COUNTRY - FULL PROCESS"},
    AiSpec{"427", 3, 1, 3, X, "ORIGIN SUBDIVISION"},
    AiSpec{"7001", 4, 13, 13, N, "NSN"},
    AiSpec{"7002", 4, 1, 30, X, "MEAT CUT"},
    AiSpec{"7003", 4, 10, 10, N, "EXPIRY TIME"},
    AiSpec{"7004", 4, 1, 4, N, "ACTIVE POTENCY"},
    AiSpec{"7005", 4, 1, 12, X, "CATCH AREA"},
    AiSpec{"7006", 4, 6, 6, N, "FIRST FREEZE DATE"},
    AiSpec{"7007", 4, 6, 12, N, "HARVEST DATE"},
    AiSpec{"7008", 4, 1, 3, X, "AQUATIC SPECIES"},
    AiSpec{"7009", 4, 1, 10, X, "FISHING GEAR TYPE"},
    AiSpec{"7010", 4, 1, 2, X, "PROD METHOD"},
    AiSpec{"7020", 4, 1, 20, X, "REFURB LOT"},
    AiSpec{"7021", 4, 1, 20, X, "FUNC STAT"},
    AiSpec{"7022", 4, 1, 20, X, "REV STAT"},
    AiSpec{"7023", 4, 1, 30, X, "GIAI - ASSEMBLY"},
    AiSpec{"703", 4, 4, 30, X, "PROCESSOR # s"},
    AiSpec{"710", 3, 1, 20, X, "NHRN PZN"},
    AiSpec{"711", 3, 1, 20, X, "NHRN CIP"},
    AiSpec{"712", 3, 1, 20, X, "NHRN CN"},
    AiSpec{"713", 3, 1, 20, X, "NHRN DRN"},
    AiSpec{"714", 3, 1, 20, X, "NHRN AIM"},
    AiSpec{"8001", 4, 14, 14, N, "DIMENSIONS"},
    AiSpec{"8002", 4, 1, 20, X, "CMT No."},
    AiSpec{"8003", 4, 14, 30, X, "GRAI", 14},
    AiSpec{"8004", 4, 1, 30, X, "GIAI"},
    AiSpec{"8005", 4, 6, 6, N, "PRICE PER UNIT"},
    AiSpec{"8006", 4, 18, 18, N, "ITIP", 14},
    AiSpec{"8007", 4, 1, 34, X, "IBAN"},
    AiSpec{"8008", 4, 8, 12, N, "PROD TIME"},
    AiSpec{"8009", 4, 1, 50, X, "OPTSEN"},
    AiSpec{"8010", 4, 1, 30, X, "CPID"},
    AiSpec{"8011", 4, 1, 12, N, "CPID SERIAL"},
    AiSpec{"8012", 4, 1, 20, X, "VERSION"},
    AiSpec{"8013", 4, 1, 25, X, "GMN"},
    AiSpec{"8017", 4, 18, 18, N, "GSRN - PROVIDER", 18},
    AiSpec{"8018", 4, 18, 18, N, "GSRN - RECIPIENT", 18},
    AiSpec{"8019", 4, 1, 10, N, "SRIN"},
    AiSpec{"8020", 4, 1, 25, X, "REF No."},
    AiSpec{"8026", 4, 18, 18, N, "ITIP CONTENT", 14},
    AiSpec{"8110", 4, 1, 70, X, "COUPON"},
    AiSpec{"8111", 4, 4, 4, N, "POINTS"},
    AiSpec{"8112", 4, 1, 70, X, "COUPON"},
    AiSpec{"8200", 4, 1, 70, X, "PRODUCT URL"},
    AiSpec{"90", 2, 1, 30, X, "INTERNAL"},
    AiSpec{"91", 2, 1, 90, X, "INTERNAL"},
    AiSpec{"92", 2, 1, 90, X, "INTERNAL"},
    AiSpec{"93", 2, 1, 90, X, "INTERNAL"},
    AiSpec{"94", 2, 1, 90, X, "INTERNAL"},
    AiSpec{"95", 2, 1, 90, X, "INTERNAL"},
    AiSpec{"96", 2, 1, 90, X, "INTERNAL"},
    AiSpec{"97", 2, 1, 90, X, "INTERNAL"},
    AiSpec{"98", 2, 1, 90, X, "INTERNAL"},
    AiSpec{"99", 2, 1, 90, X, "INTERNAL"},
};

bool isDigit(QChar c)
{
    return c.unicode() >= u'0' && c.unicode() <= u'9';
}

bool allDigits(QStringView s)
{
    for (const QChar c : s) {
        if (!isDigit(c))
            return false;
    }
    return true;
}

// GS1 AI encodable character set 82 (General Specifications figure 7.11-1).
bool isCset82(QChar c)
{
    const char16_t u = c.unicode();
    if ((u >= u'0' && u <= u'9') || (u >= u'A' && u <= u'Z') || (u >= u'a' && u <= u'z'))
        return true;
    switch (u) {
    case u'!':
    case u'"':
    case u'%':
    case u'&':
    case u'\'':
    case u'(':
    case u')':
    case u'*':
    case u'+':
    case u',':
    case u'-':
    case u'.':
    case u'/':
    case u':':
    case u';':
    case u'<':
    case u'=':
    case u'>':
    case u'?':
    case u'_':
        return true;
    default:
        return false;
    }
}

// Matches the AI at the start of `data` (which may be longer than the AI).
const AiSpec *matchAi(QStringView data)
{
    for (const AiSpec &spec : kAis) {
        const QLatin1StringView prefix(spec.prefix);
        if (data.size() >= spec.aiLength && data.startsWith(prefix) &&
            allDigits(data.left(spec.aiLength)))
            return &spec;
    }
    return nullptr;
}

// Matches an AI given completely (bracketed form).
const AiSpec *matchWholeAi(QStringView ai)
{
    const AiSpec *spec = matchAi(ai);
    return spec && spec->aiLength == ai.size() ? spec : nullptr;
}

QString shownAi(const AiSpec &spec, QStringView ai)
{
    return QStringLiteral("AI %1 (%2)").arg(ai.toString(), QLatin1StringView(spec.title));
}

QString shorten(QStringView s)
{
    QString out;
    for (const QChar c : s.left(30))
        out += c.unicode() == kGs ? QStringLiteral("<GS>") : QString(c);
    if (s.size() > 30)
        out += QStringLiteral("…");
    return out;
}

std::unexpected<Error> invalid(QString message)
{
    return fail(Reason::InvalidCode, std::move(message));
}

bool validDate(QStringView yymmdd)
{
    const int month = yymmdd.mid(2, 2).toInt();
    const int day = yymmdd.mid(4, 2).toInt();
    return month >= 1 && month <= 12 && day >= 0 && day <= 31;
}

// Validates one element and adds it (with its weight, if any) to `out`.
Result<void> addElement(Gs1ElementString &out, const AiSpec &spec, QStringView ai,
                        QStringView value)
{
    const QString name = shownAi(spec, ai);
    if (value.size() < spec.minLength) {
        if (spec.minLength == spec.maxLength)
            return invalid(
                QStringLiteral("The GS1 data is cut short in %1: %2 characters expected, %3 found.")
                    .arg(name)
                    .arg(spec.minLength)
                    .arg(value.size()));
        return invalid(QStringLiteral("%1 needs at least %2 characters, it has %3.")
                           .arg(name)
                           .arg(spec.minLength)
                           .arg(value.size()));
    }
    if (value.size() > spec.maxLength)
        return invalid(
            QStringLiteral(
                "%1 has %2 characters; at most %3 are allowed (is a GS separator missing?).")
                .arg(name)
                .arg(value.size())
                .arg(spec.maxLength));
    for (const QChar c : value) {
        if (spec.chars == Chars::Numeric ? !isDigit(c) : !isCset82(c))
            return invalid(
                QStringLiteral("%1 has the character '%2', which it cannot contain.")
                    .arg(name, c.unicode() == kGs ? QStringLiteral("<GS>") : QString(c)));
    }
    if (spec.checkDigits > 0) {
        const QStringView digits = value.left(spec.checkDigits);
        if (!allDigits(digits) || !gs1CheckDigitValid(digits)) {
            const std::optional<int> expected = gs1CheckDigit(digits.chopped(1));
            return invalid(
                expected ? QStringLiteral("%1 %2 has a wrong check digit (it should end in %3).")
                               .arg(name, digits.toString())
                               .arg(*expected)
                         : QStringLiteral("%1 %2 has a wrong check digit.")
                               .arg(name, digits.toString()));
        }
    }
    if (ai.size() == 2 && ai[0] == u'1' && ai[1] >= u'1' && ai[1] <= u'7' && !validDate(value))
        return invalid(QStringLiteral("%1 %2 is not a date (YYMMDD).").arg(name, value.toString()));

    const bool net = ai.startsWith(u"310");
    const bool gross = ai.startsWith(u"330");
    for (const Gs1Element &e : std::as_const(out.elements)) {
        const bool sameFamily = ai.size() == 4 && e.ai.size() == 4 && e.ai.left(3) == ai.left(3);
        if ((e.ai == ai && e.value != value) || (sameFamily && e.ai != ai))
            return invalid(QStringLiteral("%1 appears twice with different values.").arg(name));
        if (e.ai == ai)
            return {}; // an identical repetition adds nothing
    }
    if (net || gross) {
        const int decimals = ai[3].unicode() - u'0';
        if (decimals > 5)
            return invalid(QStringLiteral("%1 has %2 decimals; a weight has at most 5.")
                               .arg(name)
                               .arg(decimals));
        Result<qint64> grams = gs1KilogramsToGrams(value, decimals);
        if (!grams)
            return std::unexpected(grams.error());
        if (*grams <= 0)
            return invalid(
                QStringLiteral("%1 is %2, less than one gram.").arg(name, value.toString()));
        (net ? out.netWeightG : out.grossWeightG) = *grams;
    }
    out.elements.append(
        Gs1Element{ai.toString(), value.toString(), QString::fromLatin1(spec.title)});
    return {};
}

} // namespace

const Gs1Element *Gs1ElementString::find(QStringView ai) const
{
    for (const Gs1Element &e : elements) {
        if (e.ai == ai)
            return &e;
    }
    return nullptr;
}

QString Gs1ElementString::sscc() const
{
    const Gs1Element *e = find(u"00");
    return e ? e->value : QString();
}

QString Gs1ElementString::humanReadable() const
{
    QString out;
    for (const Gs1Element &e : elements)
        out += QLatin1Char('(') + e.ai + QLatin1Char(')') + e.value;
    return out;
}

Result<qint64> gs1KilogramsToGrams(QStringView sixDigits, int decimals)
{
    if (sixDigits.size() != 6 || !allDigits(sixDigits) || decimals < 0 || decimals > 5)
        return invalid(
            QStringLiteral("%1 is not a GS1 weight with 0 to 5 decimals.").arg(shorten(sixDigits)));
    const qint64 value = sixDigits.toLongLong();
    // value × 10^-decimals kg = value × 10^(3 - decimals) g
    switch (decimals) {
    case 0:
        return value * 1000;
    case 1:
        return value * 100;
    case 2:
        return value * 10;
    case 3:
        return value;
    case 4:
        return (value + 5) / 10;
    default:
        return (value + 50) / 100;
    }
}

Result<Gs1ElementString> parseGs1(QStringView data)
{
    Gs1ElementString out;
    qsizetype pos = 0;
    const qsizetype n = data.size();
    while (pos < n) {
        if (data[pos] == kGs) {
            ++pos; // FNC1 in first position, or after a predefined-length value
            continue;
        }
        const QStringView rest = data.mid(pos);
        const AiSpec *spec = matchAi(rest);
        if (!spec) {
            qsizetype digits = 0;
            while (digits < rest.size() && digits < 4 && isDigit(rest[digits]))
                ++digits;
            if (digits == 0)
                return invalid(
                    QStringLiteral(
                        "The GS1 data has \"%1\" where an application identifier (digits) "
                        "was expected.")
                        .arg(shorten(rest)));
            if (digits == rest.size())
                return invalid(
                    QStringLiteral(
                        "The GS1 data ends with an incomplete application identifier \"%1\".")
                        .arg(rest.toString()));
            return invalid(
                QStringLiteral("The GS1 data has an unknown application identifier at \"%1\".")
                    .arg(shorten(rest)));
        }
        const QStringView ai = rest.left(spec->aiLength);
        const QStringView afterAi = rest.mid(spec->aiLength);
        QStringView value;
        if (spec->minLength == spec->maxLength) {
            value = afterAi.left(spec->maxLength);
            const qsizetype gs = value.indexOf(QChar(kGs));
            if (gs >= 0)
                value = value.left(gs);
        } else {
            const qsizetype gs = afterAi.indexOf(QChar(kGs));
            value = gs >= 0 ? afterAi.left(gs) : afterAi;
        }
        if (Result<void> ok = addElement(out, *spec, ai, value); !ok)
            return std::unexpected(ok.error());
        pos += spec->aiLength + value.size();
    }
    if (out.elements.isEmpty())
        return invalid(QStringLiteral("The GS1 data is empty."));
    return out;
}

bool looksLikeBracketedGs1(QStringView text)
{
    if (text.size() < 4 || text[0] != u'(')
        return false;
    qsizetype i = 1;
    while (i < text.size() && isDigit(text[i]))
        ++i;
    return i >= 3 && i <= 5 && i < text.size() && text[i] == u')';
}

Result<Gs1ElementString> parseBracketedGs1(QStringView text)
{
    QString compact;
    for (const QChar c : text) {
        if (c != u' ')
            compact += c;
    }
    const QStringView s(compact);
    Gs1ElementString out;
    qsizetype pos = 0;
    while (pos < s.size()) {
        if (s[pos] != u'(')
            return invalid(QStringLiteral("The GS1 data has \"%1\" where \"(AI)\" was expected.")
                               .arg(shorten(s.mid(pos))));
        const qsizetype close = s.indexOf(u')', pos + 1);
        if (close < 0)
            return invalid(QStringLiteral("The GS1 data has an unclosed \"(\" at \"%1\".")
                               .arg(shorten(s.mid(pos))));
        const QStringView ai = s.mid(pos + 1, close - pos - 1);
        const AiSpec *spec = allDigits(ai) ? matchWholeAi(ai) : nullptr;
        if (!spec)
            return invalid(
                QStringLiteral("(%1) is not a GS1 application identifier TraceTrack knows.")
                    .arg(shorten(ai)));
        // The value runs up to the next "(digits)" or the end.
        qsizetype end = close + 1;
        while (end < s.size()) {
            if (s[end] == u'(' && looksLikeBracketedGs1(s.mid(end)))
                break;
            ++end;
        }
        if (Result<void> ok = addElement(out, *spec, ai, s.mid(close + 1, end - close - 1)); !ok)
            return std::unexpected(ok.error());
        pos = end;
    }
    if (out.elements.isEmpty())
        return invalid(QStringLiteral("The GS1 data is empty."));
    return out;
}

} // namespace tt
