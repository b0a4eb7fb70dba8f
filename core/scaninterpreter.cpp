#include "core/scaninterpreter.h"

#include "core/codenormalizer.h"

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

} // namespace

InterpretedScan interpretScan(QStringView raw)
{
    if (raw.size() > 4 * kMaxCodeLength)
        return invalid(printable(raw),
                       QStringLiteral("The scan is %1 characters long; a code has at most %2.")
                           .arg(raw.size())
                           .arg(kMaxCodeLength));
    const QString normalized = normalizeCode(raw);
    const QString shown = printable(normalized.isEmpty() ? raw : QStringView(normalized));
    if (normalized.isEmpty())
        return invalid(shown, QStringLiteral("The scan was empty."));
    if (normalized.size() > kMaxCodeLength)
        return invalid(shown, QStringLiteral("The scan is %1 characters long; a code has at most %2.")
                                  .arg(normalized.size())
                                  .arg(kMaxCodeLength));

    InterpretedScan s;
    s.shown = shown;
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
            return invalid(shown, QStringLiteral("%1 is not a TraceTrack command code.").arg(shown));
        return s;
    }

    const QString code = normalizeBagCode(normalized);
    if (hasNonAsciiCharacters(code))
        return invalid(shown, QStringLiteral("%1 contains characters no bag code has (look-alike letters or "
                                             "symbols); scan again or type it with a plain keyboard.")
                                  .arg(shown));
    if (code.isEmpty())
        return invalid(shown, QStringLiteral("The scan was empty."));
    s.kind = InterpretedScan::Kind::BagCode;
    s.code = code;
    return s;
}

} // namespace tt
