#include "core/codenormalizer.h"

#include <QList>

namespace tt {

namespace {

constexpr char16_t kGroupSeparator = 0x1D;

bool isInvisible(char32_t c)
{
    // Zero-width and direction marks, BOM, soft hyphen, word joiner, variation selectors.
    return c == 0x00AD || (c >= 0x200B && c <= 0x200F) || (c >= 0x202A && c <= 0x202E)
        || (c >= 0x2060 && c <= 0x2064) || c == 0xFEFF || (c >= 0xFE00 && c <= 0xFE0F)
        || c == 0x180E;
}

// Upper-cases one character. A non-ASCII character whose upper-case form is plain ASCII (long s
// → S, dotless i → I, sharp s → SS, ligature ff → FF) keeps its own form, so that a look-alike
// never turns into a valid code.
QString upperCased(char32_t c)
{
    const QString one = QString::fromUcs4(&c, 1);
    const QString upper = one.toUpper();
    if (c < 0x80)
        return upper;
    for (const QChar u : upper) {
        if (u.unicode() >= 0x80)
            return upper;
    }
    return one;
}

// Printable ASCII without spaces (nearly every scanned or imported code) normalises to its
// ASCII upper case; the general path below gives the same and costs ten times more.
bool isPlainAscii(QStringView raw)
{
    for (const QChar c : raw) {
        if (c.unicode() <= 0x20 || c.unicode() >= 0x7F)
            return false;
    }
    return true;
}

QString normalizeImpl(QStringView raw, bool keepGs)
{
    if (isPlainAscii(raw)) {
        QString out(raw.size(), Qt::Uninitialized);
        QChar *d = out.data();
        for (const QChar c : raw)
            *d++ = c.unicode() >= u'a' && c.unicode() <= u'z' ? QChar(c.unicode() - 0x20) : c;
        return out;
    }
    QString out;
    out.reserve(raw.size());
    bool pendingSpace = false;
    for (const char32_t c : raw.toUcs4()) {
        if (c == kGroupSeparator) {
            if (keepGs) {
                if (pendingSpace && !out.isEmpty())
                    out.append(QLatin1Char(' '));
                pendingSpace = false;
                out.append(QChar(kGroupSeparator));
            }
            continue;
        }
        const bool space = c == U' ' || c == U'\t' || c == 0x00A0 || c == 0x3000
            || (c >= 0x2000 && c <= 0x200A) || c == 0x202F || c == 0x205F;
        if (space) {
            pendingSpace = true;
            continue;
        }
        if (c < 0x20 || (c >= 0x7F && c < 0xA0) || isInvisible(c))
            continue;
        if (QChar::category(c) == QChar::Other_Control || QChar::category(c) == QChar::Other_Format
            || QChar::category(c) == QChar::Other_Surrogate
            || QChar::category(c) == QChar::Other_NotAssigned)
            continue;
        if (pendingSpace && !out.isEmpty())
            out.append(QLatin1Char(' '));
        pendingSpace = false;
        out.append(upperCased(c));
    }
    return out;
}

} // namespace

QString normalizeCode(QStringView raw)
{
    return normalizeImpl(raw, true);
}

QString normalizeBagCode(QStringView raw)
{
    return normalizeImpl(raw, false);
}

bool hasNonAsciiCharacters(QStringView normalized)
{
    for (const QChar c : normalized) {
        if (c.unicode() > 0x7E || (c.unicode() < 0x20 && c.unicode() != kGroupSeparator))
            return true;
    }
    return false;
}

} // namespace tt
