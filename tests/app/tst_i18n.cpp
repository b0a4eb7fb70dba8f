#include "app/adminpage.h"
#include "app/billspage.h"
#include "app/dbclient.h"
#include "app/feedbacktext.h"
#include "app/language.h"
#include "app/mainwindow.h"
#include "app/stationview.h"
#include "appfixture.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QDir>
#include <QFile>
#include <QLabel>
#include <QListWidget>
#include <QPushButton>
#include <QRegularExpression>
#include <QSettings>
#include <QTest>
#include <QXmlStreamReader>

using namespace tt;

namespace {

const QString kSourceDir = QStringLiteral(TT_TEST_DATA_DIR "/../..");

QString sourceFile(const QString &relative)
{
    QFile f(QDir(kSourceDir).filePath(relative));
    if (!f.open(QIODevice::ReadOnly))
        qFatal("cannot read %s", qPrintable(f.fileName()));
    return QString::fromUtf8(f.readAll());
}

bool hasDevanagari(const QString &s)
{
    return std::any_of(s.begin(), s.end(),
                       [](QChar c) { return c.unicode() >= 0x0900 && c.unicode() <= 0x097F; });
}

QStringList labelTexts(const QWidget *root)
{
    QStringList out;
    for (const QLabel *l : root->findChildren<QLabel *>())
        out << l->text();
    for (const QAbstractButton *b : root->findChildren<QAbstractButton *>())
        out << b->text();
    return out;
}

} // namespace

// English and Hindi: the translation files are complete, core's messages reach the screen in the
// chosen language (the CLI keeps English: core is never translated), and switching is immediate.
class TestI18n : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void cleanup() { setLanguage(QStringLiteral("en")); }

    // Every message template that core and the store write is in the GUI's catalogue, so a new
    // message cannot reach a Hindi screen in English unnoticed.
    void catalogueHoldsEveryCoreMessage()
    {
        // QStringLiteral("…" "…"): the literal, its adjacent pieces joined.
        static const QRegularExpression literal(
            QStringLiteral("QStringLiteral\\(\\s*((?:\"(?:[^\"\\\\]|\\\\.)*\"\\s*)+)\\)"));
        static const QRegularExpression piece(QStringLiteral("\"((?:[^\"\\\\]|\\\\.)*)\""));
        // Phrases that are parts of messages (kept as they are: units, GS1 AI labels).
        const QStringList notMessages{QStringLiteral("AI %1 (%2)"), QStringLiteral("%1 g")};
        const QStringList templates = messageTemplates();
        const QStringList files{
            QStringLiteral("core/accountrules.cpp"),
            QStringLiteral("core/bagtype.cpp"),
            QStringLiteral("core/billid.cpp"),
            QStringLiteral("core/billrules.cpp"),
            QStringLiteral("core/gs1/gs1parser.cpp"),
            QStringLiteral("core/linkrules.cpp"),
            QStringLiteral("core/scaninterpreter.cpp"),
            QStringLiteral("core/station.cpp"),
            QStringLiteral("database/accountservice.cpp"),
            QStringLiteral("database/bagcommands.cpp"),
            QStringLiteral("database/billcommands.cpp"),
            QStringLiteral("database/commandcontext.cpp"),
            QStringLiteral("core/returnrules.cpp"),
            QStringLiteral("database/returncommands.cpp"),
            QStringLiteral("database/admincommands.cpp"),
        };
        static const QRegularExpression sentence(QStringLiteral("^(%\\d|[A-Z])"));
        static const QRegularExpression sql(
            QStringLiteral("^(SELECT|INSERT|UPDATE|DELETE|WITH|CREATE|PRAGMA)\\b"));
        int checked = 0;
        for (const QString &file : files) {
            const QString src = sourceFile(file);
            for (auto it = literal.globalMatch(src); it.hasNext();) {
                QString text;
                for (auto p = piece.globalMatch(it.next().captured(1)); p.hasNext();)
                    text += p.next().captured(1);
                text.replace(QStringLiteral("\\\""), QStringLiteral("\""));
                if (!text.contains(u' ') || !sentence.match(text).hasMatch() ||
                    sql.match(text).hasMatch() || notMessages.contains(text))
                    continue;
                ++checked;
                QVERIFY2(templates.contains(text),
                         qPrintable(QStringLiteral("%1: \"%2\" is not in app/feedbacktext.cpp")
                                        .arg(file, text)));
            }
        }
        QVERIFY2(checked > 100, qPrintable(QString::number(checked)));
    }

    // No unfinished, empty or untranslated entry; the same placeholders; Devanagari in every
    // Hindi text that has words.
    void translationFilesAreComplete_data()
    {
        QTest::addColumn<QString>("file");
        QTest::newRow("hi") << QStringLiteral("resources/translations/tracetrack_hi.ts");
        QTest::newRow("en") << QStringLiteral("resources/translations/tracetrack_en.ts");
    }

    void translationFilesAreComplete()
    {
        QFETCH(QString, file);
        const bool hindi = file.endsWith(QLatin1String("_hi.ts"));
        QXmlStreamReader xml(sourceFile(file));
        static const QRegularExpression placeholder(QStringLiteral("%[0-9n]"));
        static const QRegularExpression word(QStringLiteral("[A-Za-z]{3,}"));
        const QStringList keptAsIs{QStringLiteral("TraceTrack"), QStringLiteral("PDF"),
                                   QStringLiteral("pdf")};
        auto placeholders = [](const QString &s) {
            QStringList out;
            for (auto it = placeholder.globalMatch(s); it.hasNext();)
                out << it.next().captured();
            out.sort();
            out.removeDuplicates();
            return out;
        };
        QString source;
        bool numerus = false;
        int messages = 0;
        while (!xml.atEnd()) {
            xml.readNext();
            if (!xml.isStartElement())
                continue;
            if (xml.name() == u"message") {
                numerus = xml.attributes().value(QStringLiteral("numerus")) == u"yes";
            } else if (xml.name() == u"source") {
                source = xml.readElementText();
            } else if (xml.name() == u"translation") {
                ++messages;
                const auto type = xml.attributes().value(QStringLiteral("type"));
                QVERIFY2(type.isEmpty(),
                         qPrintable(
                             QStringLiteral("%1 (%2): \"%3\"").arg(type.toString(), file, source)));
                QStringList texts;
                if (numerus) {
                    while (xml.readNextStartElement())
                        texts << xml.readElementText();
                    QVERIFY2(texts.size() == 2,
                             qPrintable(source)); // one and many, in both languages
                } else {
                    texts << xml.readElementText();
                }
                for (const QString &t : std::as_const(texts)) {
                    QVERIFY2(!t.trimmed().isEmpty(),
                             qPrintable(QStringLiteral("empty: \"%1\"").arg(source)));
                    QCOMPARE(placeholders(t), placeholders(source));
                    if (!hindi)
                        continue;
                    QString words = source;
                    for (const QString &k : keptAsIs)
                        words.remove(k);
                    words.remove(QRegularExpression(QStringLiteral("<[^>]*>|\\*\\.pdf")));
                    if (word.match(words).hasMatch())
                        QVERIFY2(hasDevanagari(t),
                                 qPrintable(
                                     QStringLiteral("not Hindi: \"%1\" -> \"%2\"").arg(source, t)));
                }
            }
        }
        QVERIFY(!xml.hasError());
        QVERIFY2(messages > (hindi ? 300 : 0), qPrintable(QString::number(messages)));
    }

    void englishPluralsAndHindiMessages()
    {
        QVERIFY(setLanguage(QStringLiteral("en")));
        QCOMPARE(QCoreApplication::translate("tt::SearchPage", "%n row(s)", nullptr, 1),
                 QStringLiteral("1 row"));
        QCOMPARE(QCoreApplication::translate("tt::SearchPage", "%n row(s)", nullptr, 3),
                 QStringLiteral("3 rows"));
        const QString added = QStringLiteral(
            "SB00001 added to bill BILL-1 (1/2); actual 1.000 kg, expected 2.000 kg, "
            "variance −1.000 kg (−50.0 %).");
        QCOMPARE(localizedMessage(added), added);
        QVERIFY(!setLanguage(QStringLiteral("xx")));
        QCOMPARE(currentLanguage(), QStringLiteral("en"));

        QVERIFY(setLanguage(QStringLiteral("hi")));
        QCOMPARE(localizedMessage(added),
                 QStringLiteral("SB00001 को बिल BILL-1 में जोड़ा (1/2); वास्तविक 1.000 kg, अपेक्षित "
                                "2.000 kg, अंतर −1.000 kg (−50.0 %)।"));
        // The repeated argument of "%1 added to %2; %2 is now full" must be the same text.
        QCOMPARE(localizedMessage(QStringLiteral(
                     "C1 added to SB1; SB1 is now full (30/30): scan the next parent bag.")),
                 QStringLiteral("C1 को SB1 में जोड़ा; SB1 अब भर गया है (30/30): अगला पैरेंट बैग स्कैन करें।"));
        // The more specific template wins over "%1 is already in %2; nothing changed.".
        QCOMPARE(localizedMessage(QStringLiteral("C1 is already in SB1 (3/30); nothing changed.")),
                 QStringLiteral("C1 पहले से SB1 में है (3/30); कुछ नहीं बदला।"));
        QCOMPARE(localizedMessage(QStringLiteral("dispatcher")), QStringLiteral("डिस्पैचर"));
        const QString unknown = QStringLiteral("Database error while reading: disk I/O error");
        QCOMPARE(localizedMessage(unknown), unknown);
        QCOMPARE(QCoreApplication::translate("tt::SearchPage", "%n row(s)", nullptr, 3),
                 QStringLiteral("3 पंक्तियाँ"));
    }

    // Qt's own standard buttons (OK, Cancel, Close of dialogs and input boxes) follow too.
    void standardButtonsFollowTheLanguage()
    {
        QDialogButtonBox box(QDialogButtonBox::Ok | QDialogButtonBox::Cancel |
                             QDialogButtonBox::Close);
        QCOMPARE(box.button(QDialogButtonBox::Cancel)->text().remove(u'&'),
                 QStringLiteral("Cancel"));
        QVERIFY(setLanguage(QStringLiteral("hi")));
        QDialogButtonBox hindi(QDialogButtonBox::Ok | QDialogButtonBox::Cancel |
                               QDialogButtonBox::Close);
        for (QAbstractButton *b : hindi.buttons())
            QVERIFY2(hasDevanagari(b->text()), qPrintable(b->text()));
    }

    // The dispatcher's screen switches at once, including the answer already on screen, and back.
    void stationSwitchesToHindiAndBack()
    {
        test::DemoDatabase db;
        MainWindow window(db.path(), Actor{QStringLiteral("ravi"), Role::Dispatcher},
                          QStringLiteral("i18n"));
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        StationView *station = window.stationView();
        window.submitScan(QStringLiteral("SB00006"));
        QTRY_COMPARE(station->counterText(), QStringLiteral("9/30"));
        window.submitScan(QStringLiteral("C000001"));
        QTRY_COMPARE(station->lastResult(), ResultKind::Rejected);
        const QString english = station->messageText();
        QVERIFY2(english.startsWith(QStringLiteral("C000001 is already in SB00001 (linked by ")),
                 qPrintable(english));
        QVERIFY(labelTexts(station).contains(QStringLiteral("CURRENT PARENT BAG")));

        QVERIFY(setLanguage(QStringLiteral("hi")));
        // LanguageChange is posted to the windows.
        QTRY_VERIFY(labelTexts(station).contains(QStringLiteral("मौजूदा पैरेंट बैग")));
        const QString hindi = station->messageText();
        QVERIFY2(hindi.startsWith(QStringLiteral("C000001 पहले से SB00001 में है (")),
                 qPrintable(hindi));
        QVERIFY2(hindi.contains(QStringLiteral(" बजे जोड़ा)।")), qPrintable(hindi));
        QVERIFY(labelTexts(station).contains(QStringLiteral("पिछला लिंक वापस लें")));
        QCOMPARE(station->counterText(), QStringLiteral("9/30"));
        // The other pages are built again in Hindi (queued), the navigation too.
        auto *nav = window.findChild<QListWidget *>(QStringLiteral("navigation"));
        QTRY_COMPARE(nav->item(1)->text(), QStringLiteral("बिल"));
        QCOMPARE(nav->item(0)->text(), QStringLiteral("स्टेशन"));
        QVERIFY(labelTexts(window.billsPage()).contains(QStringLiteral("बिल बनाएँ")));
        // A new answer arrives in Hindi.
        window.submitScan(QStringLiteral("SB00006"));
        QTRY_VERIFY2(
            station->messageText().startsWith(QStringLiteral("पैरेंट बैग SB00006 चुना गया (9/30)")),
            qPrintable(station->messageText()));

        QVERIFY(setLanguage(QStringLiteral("en")));
        QTRY_VERIFY(labelTexts(station).contains(QStringLiteral("CURRENT PARENT BAG")));
        QVERIFY2(
            station->messageText().startsWith(QStringLiteral("Parent SB00006 selected (9/30)")),
            qPrintable(station->messageText()));
        QVERIFY(labelTexts(station).contains(QStringLiteral("CURRENT PARENT BAG")));
        QTRY_COMPARE(nav->item(1)->text(), QStringLiteral("Bills"));
        QVERIFY(labelTexts(window.billsPage()).contains(QStringLiteral("Create bill")));
    }

    // Admin → Settings → Language: saved for the next start and applied at once.
    void adminSettingsSwitchAndPersist()
    {
        test::DemoDatabase db;
        MainWindow window(db.path(), Actor{QStringLiteral("admin"), Role::Admin},
                          QStringLiteral("i18n"));
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        window.showPage(MainWindow::Page::Admin);
        AdminPage *admin = window.adminPage();
        QComboBox *language = nullptr;
        for (QComboBox *c : admin->findChildren<QComboBox *>()) {
            if (c->findData(QStringLiteral("hi")) >= 0)
                language = c;
        }
        QVERIFY(language);
        QCOMPARE(language->currentData().toString(), QStringLiteral("en"));
        language->setCurrentIndex(language->findData(QStringLiteral("hi")));
        QPushButton *save = nullptr;
        for (QPushButton *b : admin->findChildren<QPushButton *>()) {
            if (b->text() == u"Save settings")
                save = b;
        }
        QVERIFY(save);
        save->click();
        QTRY_COMPARE(currentLanguage(), QStringLiteral("hi"));
        QCOMPARE(savedLanguage(), QStringLiteral("hi"));
        QTRY_VERIFY(window.adminPage() != admin);
        QCOMPARE(window.currentPage(), MainWindow::Page::Admin);
        QVERIFY(labelTexts(window.adminPage()).contains(QStringLiteral("सेटिंग्स सहेजें")));
        saveLanguage(QStringLiteral("en"));
    }
};

QTEST_MAIN(TestI18n)
#include "tst_i18n.moc"
