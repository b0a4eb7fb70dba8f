#include "core/gs1/aimidentifier.h"

namespace tt {

namespace {

bool isAsciiLetter(QChar c)
{
    const char16_t u = c.unicode();
    return (u >= u'A' && u <= u'Z') || (u >= u'a' && u <= u'z');
}

bool isAsciiAlnum(QChar c)
{
    return isAsciiLetter(c) || (c.unicode() >= u'0' && c.unicode() <= u'9');
}

// What normalisation would drop in front of the code anyway.
bool isLeadingJunk(QChar c)
{
    const char16_t u = c.unicode();
    if (u == 0x1D)
        return false;
    if (u <= 0x20 || (u >= 0x7F && u <= 0xA0) || u == 0x00AD || u == 0xFEFF)
        return true;
    if (u >= 0x2000 && u <= 0x200F)
        return true;
    if (u >= 0x2060 && u <= 0x2064)
        return true;
    return false;
}

} // namespace

bool AimIdentifier::announcesGs1() const
{
    return identifier == u"]C1" || identifier == u"]e0" || identifier == u"]d2" ||
           identifier == u"]Q3" || identifier == u"]J1";
}

AimIdentifier splitAimIdentifier(QStringView raw)
{
    qsizetype i = 0;
    while (i < raw.size() && isLeadingJunk(raw[i]))
        ++i;
    AimIdentifier out;
    if (i >= raw.size() || raw[i] != u']') {
        out.data = raw;
        return out;
    }
    if (i + 2 < raw.size() && isAsciiLetter(raw[i + 1]) && isAsciiAlnum(raw[i + 2])) {
        out.identifier = raw.mid(i, 3).toString();
        out.data = raw.mid(i + 3);
        return out;
    }
    out.malformed = true;
    out.data = raw.mid(i);
    return out;
}

} // namespace tt
