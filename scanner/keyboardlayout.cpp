#include "scanner/keyboardlayout.h"

#include <QHash>

namespace tt {

namespace {

// Same key positions: what the system layout produces → what a US layout produces.
QHash<char16_t, char16_t> buildMap(std::initializer_list<std::pair<QStringView, QStringView>> rows)
{
    QHash<char16_t, char16_t> map;
    for (const auto &[received, meant] : rows) {
        Q_ASSERT(received.size() == meant.size());
        for (qsizetype i = 0; i < received.size(); ++i)
            map.insert(received[i].unicode(), meant[i].unicode());
    }
    return map;
}

const QHash<char16_t, char16_t> &azerty()
{
    static const QHash<char16_t, char16_t> map = buildMap({
        {u"&\u00E9\"'(-\u00E8_\u00E7\u00E0)=", u"1234567890-="},
        {u"1234567890\u00B0+", u"!@#$%^&*()_+"},
        {u"azertyuiop$", u"qwertyuiop]"},
        {u"AZERTYUIOP\u00A3", u"QWERTYUIOP}"},
        {u"qsdfghjklm\u00F9*", u"asdfghjkl;'\\"},
        {u"QSDFGHJKLM%\u00B5", u"ASDFGHJKL:\"|"},
        {u"wxcvbn,;:!", u"zxcvbnm,./"},
        {u"WXCVBN?./\u00A7", u"ZXCVBNM<>?"},
    });
    return map;
}

const QHash<char16_t, char16_t> &qwertz()
{
    static const QHash<char16_t, char16_t> map = buildMap({
        {u"1234567890\u00DF", u"1234567890-"},
        {u"!\"\u00A7$%&/()=?", u"!@#$%^&*()_"},
        {u"qwertzuiop\u00FC+", u"qwertyuiop[]"},
        {u"QWERTZUIOP\u00DC*", u"QWERTYUIOP{}"},
        {u"asdfghjkl\u00F6\u00E4#", u"asdfghjkl;'\\"},
        {u"ASDFGHJKL\u00D6\u00C4'", u"ASDFGHJKL:\"|"},
        {u"yxcvbnm,.-", u"zxcvbnm,./"},
        {u"YXCVBNM;:_", u"ZXCVBNM<>?"},
    });
    return map;
}

} // namespace

QString keyboardLayoutName(KeyboardLayout layout)
{
    switch (layout) {
    case KeyboardLayout::Same: return QStringLiteral("same");
    case KeyboardLayout::Azerty: return QStringLiteral("azerty");
    case KeyboardLayout::Qwertz: return QStringLiteral("qwertz");
    }
    return {};
}

std::optional<KeyboardLayout> keyboardLayoutFromName(QStringView name)
{
    for (const KeyboardLayout l : {KeyboardLayout::Same, KeyboardLayout::Azerty, KeyboardLayout::Qwertz}) {
        if (name.compare(keyboardLayoutName(l), Qt::CaseInsensitive) == 0)
            return l;
    }
    return std::nullopt;
}

QString mapFromLayout(QStringView received, KeyboardLayout layout)
{
    if (layout == KeyboardLayout::Same)
        return received.toString();
    const QHash<char16_t, char16_t> &map = layout == KeyboardLayout::Azerty ? azerty() : qwertz();
    QString out;
    out.reserve(received.size());
    for (const QChar c : received)
        out.append(QChar(map.value(c.unicode(), c.unicode())));
    return out;
}

} // namespace tt
