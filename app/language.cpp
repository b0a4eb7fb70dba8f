#include "app/language.h"

#include <QCoreApplication>
#include <QSettings>
#include <QTranslator>

#include <memory>

namespace tt {

namespace {

const QString kSetting = QStringLiteral("station/language");

struct Installed
{
    QTranslator *translator = nullptr;
    QString code = QStringLiteral("en");
};

Installed &installed()
{
    static Installed s;
    return s;
}

// Qt's standard buttons (dialog button boxes, input and message boxes) take their text from
// the platform theme's context; Debian ships no Hindi Qt catalogue, so the app's holds them.
[[maybe_unused]] constexpr const char *kQtButtons[]{
    QT_TRANSLATE_NOOP("QPlatformTheme", "OK"),    QT_TRANSLATE_NOOP("QPlatformTheme", "Cancel"),
    QT_TRANSLATE_NOOP("QPlatformTheme", "Close"), QT_TRANSLATE_NOOP("QGnomeTheme", "&OK"),
    QT_TRANSLATE_NOOP("QGnomeTheme", "&Cancel"),  QT_TRANSLATE_NOOP("QGnomeTheme", "&Close"),
};

} // namespace

QStringList availableLanguages()
{
    return {QStringLiteral("en"), QStringLiteral("hi")};
}

QString languageName(const QString &code)
{
    if (code == u"hi")
        return QStringLiteral("हिन्दी (Hindi)");
    return QStringLiteral("English");
}

bool setLanguage(const QString &code)
{
    if (!availableLanguages().contains(code))
        return false;
    Installed &s = installed();
    if (s.translator && s.code == code)
        return true;
    auto translator = std::make_unique<QTranslator>(QCoreApplication::instance());
    if (!translator->load(QStringLiteral(":/i18n/tracetrack_%1.qm").arg(code)))
        return false;
    // The new one first: both LanguageChange events then already show the new language.
    QCoreApplication::installTranslator(translator.get());
    if (s.translator) {
        QCoreApplication::removeTranslator(s.translator);
        delete s.translator;
    }
    s.translator = translator.release();
    s.code = code;
    return true;
}

QString currentLanguage()
{
    return installed().code;
}

QString savedLanguage()
{
    const QString code = QSettings().value(kSetting).toString();
    return availableLanguages().contains(code) ? code : QStringLiteral("en");
}

void saveLanguage(const QString &code)
{
    QSettings().setValue(kSetting, code);
}

} // namespace tt
