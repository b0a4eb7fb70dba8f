#include "core/scaninterpreter.h"

#include "core/codenormalizer.h"
#include "core/gs1/aimidentifier.h"
#include "core/gs1/gs1checkdigit.h"
#include "core/gs1/gs1parser.h"

namespace tt {

namespace {

QString printable(QStringView raw)
{
    QString out;
    for (const QChar c : raw.left(60)) {
        const char16_t u = c.unicode();
        if (u == 0x1D)
            out += QStringLiteral("<GS>");
        else if (u < 0x20 || u == 0x7F)
            out += QStringLiteral("\\x%1").arg(u, 2, 16, QLatin1Char('0'));
        else
            out += c;
    }
    if (raw.size() > 60)
        out += QStringLiteral("…");
    return out;
}

InterpretedScan invalid(const QString &shown, QString message)
{
    InterpretedScan s;
    s.kind = InterpretedScan::Kind::Invalid;
    s.shown = shown;
    s.error = Error{Reason::InvalidCode, std::move(message)};
    return s;
}

bool isAllDigits(QStringView s)
{
    for (const QChar c : s) {
        if (c.unicode() < u'0' || c.unicode() > u'9')
            return false;
    }
    return true;
}

// A GS1-128 SSCC label read by a scanner that sends no AIM identifier: "00" + 18 digits with a
// valid check digit, possibly followed by more predefined-length elements.
bool looksLikeUnprefixedSscc(QStringView normalized)
{
    return normalized.size() >= 20 && normalized.startsWith(u"00") && isAllDigits(normalized) &&
           gs1CheckDigitValid(normalized.mid(2, 18));
}

InterpretedScan fromGs1(const Gs1ElementString &gs1, const QString &normalized, InterpretedScan s)
{
    s.gs1 = true;
    s.gs1Text = gs1.humanReadable();
    s.measuredWeightG = gs1.measuredWeightG();
    const QString sscc = gs1.sscc();
    const QString code = sscc.isEmpty() ? normalizeBagCode(normalized) : sscc;
    if (code.size() > kMaxCodeLength) {
        InterpretedScan r =
            invalid(s.shown, QStringLiteral("The GS1 scan %1 has no SSCC and is too long (%2 "
                                            "characters) to be a bag code.")
                                 .arg(s.gs1Text)
                                 .arg(code.size()));
        r.symbology = s.symbology;
        return r;
    }
    s.kind = InterpretedScan::Kind::BagCode;
    s.code = code;
    return s;
}

} // namespace

InterpretedScan interpretScan(QStringView raw)
{
    if (raw.size() > 4 * kMaxCodeLength)
        return invalid(printable(raw),
                       QStringLiteral("The scan is %1 characters long; a code has at most %2.")
                           .arg(raw.size())
                           .arg(kMaxCodeLength));
    const AimIdentifier aim = splitAimIdentifier(raw);
    const bool hasAim = !aim.identifier.isEmpty();
    const QString normalized = normalizeCode(hasAim ? aim.data : raw);
    const QString shown = hasAim ? printable(QString(aim.identifier + normalized))
                                 : printable(normalized.isEmpty() ? raw : QStringView(normalized));
    const auto reject = [&](QString message) {
        InterpretedScan r = invalid(shown, std::move(message));
        r.symbology = aim.identifier;
        return r;
    };
    if (normalized.isEmpty())
        return reject(QStringLiteral("The scan was empty."));

    InterpretedScan s;
    s.shown = shown;
    s.symbology = aim.identifier;

    constexpr char16_t gs = 0x1D;
    const bool bracketed = looksLikeBracketedGs1(normalized);
    const bool gs1 = aim.announcesGs1() || bracketed ||
                     (normalized.contains(QChar(gs)) && normalized[0].unicode() >= u'0' &&
                      normalized[0].unicode() <= u'9');
    if (gs1) {
        const Result<Gs1ElementString> parsed =
            bracketed ? parseBracketedGs1(normalized) : parseGs1(normalized);
        if (!parsed)
            return reject(parsed.error().message);
        return fromGs1(*parsed, normalized, s);
    }
    if (!hasAim && looksLikeUnprefixedSscc(normalized)) {
        if (const Result<Gs1ElementString> parsed = parseGs1(normalized))
            return fromGs1(*parsed, normalized, s);
    }

    if (normalized.size() > kMaxCodeLength)
        return reject(QStringLiteral("The scan is %1 characters long; a code has at most %2.")
                          .arg(normalized.size())
                          .arg(kMaxCodeLength));

    if (normalized.startsWith(QLatin1String("TT:"))) {
        s.kind = InterpretedScan::Kind::Command;
        const QStringView rest = QStringView(normalized).mid(3);
        if (rest == u"UNDO")
            s.action = InterpretedScan::Action::Undo;
        else if (rest == u"DONE")
            s.action = InterpretedScan::Action::Done;
        else if (rest == u"COMPLETE")
            s.action = InterpretedScan::Action::CompleteBill;
        else if (rest.startsWith(u"BILL:") && rest.size() > 5) {
            s.action = InterpretedScan::Action::SelectBill;
            s.argument = rest.mid(5).toString();
        } else
            return reject(QStringLiteral("%1 is not a TraceTrack command code.").arg(shown));
        return s;
    }

    const QString code = normalizeBagCode(normalized);
    if (hasNonAsciiCharacters(code))
        return reject(
            QStringLiteral("%1 contains characters no bag code has (look-alike letters or "
                           "symbols); scan again or type it with a plain keyboard.")
                .arg(shown));
    if (code.isEmpty())
        return reject(QStringLiteral("The scan was empty."));
    s.kind = InterpretedScan::Kind::BagCode;
    s.code = code;
    return s;
}

} // namespace tt
