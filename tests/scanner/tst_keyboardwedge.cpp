#include <QApplication>
#include <QCheckBox>
#include <QLineEdit>
#include <QSignalSpy>
#include <QTest>
#include <QVBoxLayout>
#include <QWidget>

#include "scanner/keyboardwedge.h"

using namespace tt;

namespace {

// Sends one key press and release with the given text, as a keyboard does (layout-specific
// characters QTest cannot name).
void typeChar(QWidget *w, QChar c, Qt::KeyboardModifiers mods = Qt::NoModifier)
{
    const int key = c.isLetter() ? Qt::Key_A + (c.toUpper().unicode() - u'A') : c.unicode();
    QKeyEvent press(QEvent::KeyPress, c.unicode() < 0x80 ? key : Qt::Key_unknown, mods, QString(c));
    QKeyEvent release(QEvent::KeyRelease, c.unicode() < 0x80 ? key : Qt::Key_unknown, mods, QString(c));
    QApplication::sendEvent(w, &press);
    QApplication::sendEvent(w, &release);
}

void scanBurst(QWidget *w, const QString &text, Qt::Key terminator = Qt::Key_Return)
{
    for (const QChar c : text)
        typeChar(w, c);
    QTest::keyClick(w, terminator);
}

void typeSlowly(QWidget *w, const QString &text, int delayMs)
{
    for (const QChar c : text) {
        typeChar(w, c);
        QTest::qWait(delayMs);
    }
}

// Alt held down while the digits are typed on the keypad, as a keyboard delivers it (QTest's
// keyClick would press and release Alt around every digit).
void altCode(QWidget *w, const QString &digits)
{
    QKeyEvent altDown(QEvent::KeyPress, Qt::Key_Alt, Qt::AltModifier);
    QApplication::sendEvent(w, &altDown);
    for (const QChar d : digits) {
        const int key = Qt::Key_0 + (d.unicode() - u'0');
        QKeyEvent press(QEvent::KeyPress, key, Qt::AltModifier | Qt::KeypadModifier, QString(d));
        QKeyEvent release(QEvent::KeyRelease, key, Qt::AltModifier | Qt::KeypadModifier, QString(d));
        QApplication::sendEvent(w, &press);
        QApplication::sendEvent(w, &release);
    }
    QKeyEvent altUp(QEvent::KeyRelease, Qt::Key_Alt, Qt::NoModifier);
    QApplication::sendEvent(w, &altUp);
}

QStringList texts(const QSignalSpy &spy)
{
    QStringList out;
    for (const QList<QVariant> &args : spy)
        out << args.at(0).value<ScanEvent>().text;
    return out;
}

} // namespace

// The keyboard wedge with QTest key events (BRIEF §4 "Keyboard wedge").
class TestKeyboardWedge : public QObject
{
    Q_OBJECT

private:
    QWidget *m_window = nullptr;
    QLineEdit *m_edit = nullptr;
    QLineEdit *m_password = nullptr;
    QCheckBox *m_check = nullptr;
    KeyboardWedge *m_wedge = nullptr;

    void focus(QWidget *w)
    {
        w->setFocus(Qt::OtherFocusReason);
        QTRY_COMPARE(QApplication::focusWidget(), w);
    }

private Q_SLOTS:
    void initTestCase()
    {
        qRegisterMetaType<ScanEvent>();
        m_window = new QWidget;
        auto *layout = new QVBoxLayout(m_window);
        m_edit = new QLineEdit;
        m_password = new QLineEdit;
        m_password->setEchoMode(QLineEdit::Password);
        m_check = new QCheckBox(QStringLiteral("check"));
        layout->addWidget(m_edit);
        layout->addWidget(m_password);
        layout->addWidget(m_check);
        m_window->show();
        m_window->activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(m_window));
    }
    void cleanupTestCase() { delete m_window; }

    void init()
    {
        m_edit->clear();
        m_password->clear();
        m_check->setChecked(false);
        m_wedge = new KeyboardWedge;
        WedgeOptions o;
        o.maxInterKeyMs = 40;
        o.minLength = 4;
        m_wedge->setOptions(o);
        m_wedge->install();
        focus(m_edit);
    }
    void cleanup()
    {
        delete m_wedge;
        m_wedge = nullptr;
    }

    void scannerBurstIsOneScan_data()
    {
        QTest::addColumn<QString>("code");
        QTest::addColumn<int>("terminator");
        QTest::newRow("parent enter") << QStringLiteral("SB00001") << int(Qt::Key_Return);
        QTest::newRow("child keypad enter") << QStringLiteral("C0001") << int(Qt::Key_Enter);
        QTest::newRow("command tab") << QStringLiteral("TT:UNDO") << int(Qt::Key_Tab);
    }
    void scannerBurstIsOneScan()
    {
        QFETCH(QString, code);
        QFETCH(int, terminator);
        QSignalSpy scans(m_wedge, &KeyboardWedge::scanned);
        QSignalSpy returns(m_edit, &QLineEdit::returnPressed);
        scanBurst(m_edit, code, Qt::Key(terminator));
        QCOMPARE(texts(scans), QStringList{code});
        QCOMPARE(scans.first().at(0).value<ScanEvent>().source, QStringLiteral("wedge"));
        QTest::qWait(100);
        QCOMPARE(m_edit->text(), QString()); // not as text
        QCOMPARE(returns.count(), 0);
        QCOMPARE(QApplication::focusWidget(), m_edit); // a Tab terminator does not move focus
    }

    void humanTypingStaysText()
    {
        QSignalSpy scans(m_wedge, &KeyboardWedge::scanned);
        QSignalSpy returns(m_edit, &QLineEdit::returnPressed);
        typeSlowly(m_edit, QStringLiteral("SB00001"), 120);
        QTest::keyClick(m_edit, Qt::Key_Return);
        QCOMPARE(scans.count(), 0);
        QCOMPARE(m_edit->text(), QStringLiteral("SB00001"));
        QCOMPARE(returns.count(), 1);
    }

    void fastHumanPairsStayText()
    {
        // Two keys close together (a rollover), then a pause: replayed in order.
        QSignalSpy scans(m_wedge, &KeyboardWedge::scanned);
        typeChar(m_edit, QLatin1Char('a'));
        typeChar(m_edit, QLatin1Char('b'));
        QTest::qWait(120);
        typeChar(m_edit, QLatin1Char('c'));
        QTest::qWait(120);
        QCOMPARE(m_edit->text(), QStringLiteral("abc"));
        QCOMPARE(scans.count(), 0);
    }

    void shortBurstIsTyping()
    {
        QSignalSpy scans(m_wedge, &KeyboardWedge::scanned);
        QSignalSpy returns(m_edit, &QLineEdit::returnPressed);
        scanBurst(m_edit, QStringLiteral("AB"));
        QCOMPARE(scans.count(), 0);
        QCOMPARE(m_edit->text(), QStringLiteral("AB"));
        QCOMPARE(returns.count(), 1); // the Enter followed the replayed keys
    }

    void gsViaCtrlBracket()
    {
        QSignalSpy scans(m_wedge, &KeyboardWedge::scanned);
        for (const QChar c : QStringLiteral("]C10034012345000000001710LOT"))
            typeChar(m_edit, c);
        QTest::keyClick(m_edit, Qt::Key_BracketRight, Qt::ControlModifier);
        for (const QChar c : QStringLiteral("3103001250"))
            typeChar(m_edit, c);
        QTest::keyClick(m_edit, Qt::Key_Return);
        QCOMPARE(texts(scans), QStringList{QStringLiteral("]C10034012345000000001710LOT\u001D3103001250")});
        QCOMPARE(m_edit->text(), QString());
    }

    void gsViaRawControlCharacter()
    {
        QSignalSpy scans(m_wedge, &KeyboardWedge::scanned);
        for (const QChar c : QStringLiteral("10LOT"))
            typeChar(m_edit, c);
        QKeyEvent gs(QEvent::KeyPress, Qt::Key_BracketRight, Qt::ControlModifier, QStringLiteral("\u001D"));
        QApplication::sendEvent(m_edit, &gs);
        for (const QChar c : QStringLiteral("21X"))
            typeChar(m_edit, c);
        QTest::keyClick(m_edit, Qt::Key_Return);
        QCOMPARE(texts(scans), QStringList{QStringLiteral("10LOT\u001D21X")});
    }

    void gsViaAltCode_data()
    {
        QTest::addColumn<QString>("digits");
        QTest::newRow("029") << QStringLiteral("029");
        QTest::newRow("0029") << QStringLiteral("0029");
        QTest::newRow("29") << QStringLiteral("29");
    }
    void gsViaAltCode()
    {
        QFETCH(QString, digits);
        QSignalSpy scans(m_wedge, &KeyboardWedge::scanned);
        for (const QChar c : QStringLiteral("0034012345000000001710LOT"))
            typeChar(m_edit, c);
        altCode(m_edit, digits);
        for (const QChar c : QStringLiteral("3103001250"))
            typeChar(m_edit, c);
        QTest::keyClick(m_edit, Qt::Key_Return);
        QCOMPARE(texts(scans), QStringList{QStringLiteral("0034012345000000001710LOT\u001D3103001250")});
        QCOMPARE(m_edit->text(), QString());
    }

    void passwordFieldNeverCaptured()
    {
        focus(m_password);
        QSignalSpy scans(m_wedge, &KeyboardWedge::scanned);
        scanBurst(m_password, QStringLiteral("SB00001"));
        QTest::qWait(100);
        QCOMPARE(scans.count(), 0);
        QCOMPARE(m_password->text(), QStringLiteral("SB00001"));
    }

    void capturedWhateverHasFocus()
    {
        focus(m_check);
        QSignalSpy scans(m_wedge, &KeyboardWedge::scanned);
        // A space in a code must not toggle the focused check box either.
        scanBurst(m_check, QStringLiteral("C0 001"));
        QCOMPARE(texts(scans), QStringList{QStringLiteral("C0 001")});
        QTest::qWait(100);
        QVERIFY(!m_check->isChecked());
    }

    void autoRepeatIsAPerson()
    {
        QSignalSpy scans(m_wedge, &KeyboardWedge::scanned);
        for (int i = 0; i < 6; ++i) {
            QKeyEvent press(QEvent::KeyPress, Qt::Key_X, Qt::NoModifier, QStringLiteral("x"), i > 0);
            QApplication::sendEvent(m_edit, &press);
        }
        QTest::keyClick(m_edit, Qt::Key_Return);
        QTest::qWait(100);
        QCOMPARE(scans.count(), 0);
        QCOMPARE(m_edit->text(), QStringLiteral("xxxxxx"));
    }

    void noTerminatorMode()
    {
        WedgeOptions o = m_wedge->options();
        o.requireTerminator = false;
        m_wedge->setOptions(o);
        QSignalSpy scans(m_wedge, &KeyboardWedge::scanned);
        for (const QChar c : QStringLiteral("SB00002"))
            typeChar(m_edit, c);
        QTRY_COMPARE(scans.count(), 1);
        QCOMPARE(texts(scans), QStringList{QStringLiteral("SB00002")});
        QCOMPARE(m_edit->text(), QString());
    }

    void altCodesForEveryCharacter()
    {
        // Scanners in "Alt mode" send every character as an Alt code.
        QSignalSpy scans(m_wedge, &KeyboardWedge::scanned);
        for (const char *code : {"083", "066", "048", "048", "048", "048", "055"})
            altCode(m_edit, QString::fromLatin1(code));
        QTest::keyClick(m_edit, Qt::Key_Return);
        QCOMPARE(texts(scans), QStringList{QStringLiteral("SB00007")});
    }

    void disabledPassesEverything()
    {
        WedgeOptions o = m_wedge->options();
        o.enabled = false;
        m_wedge->setOptions(o);
        QSignalSpy scans(m_wedge, &KeyboardWedge::scanned);
        scanBurst(m_edit, QStringLiteral("SB00001"));
        QCOMPARE(scans.count(), 0);
        QCOMPARE(m_edit->text(), QStringLiteral("SB00001"));
    }

    void azertyLayout()
    {
        WedgeOptions o = m_wedge->options();
        o.layout = KeyboardLayout::Azerty;
        m_wedge->setOptions(o);
        QSignalSpy scans(m_wedge, &KeyboardWedge::scanned);
        // A US scanner reading "SB00001" on a French system types "SB\u00E0\u00E0\u00E0\u00E0&".
        scanBurst(m_edit, QStringLiteral("SB\u00E0\u00E0\u00E0\u00E0&"));
        QCOMPARE(texts(scans), QStringList{QStringLiteral("SB00001")});
    }

    void layoutMapping_data()
    {
        QTest::addColumn<QString>("layout");
        QTest::addColumn<QString>("received");
        QTest::addColumn<QString>("meant");
        QTest::newRow("same") << "same" << QStringLiteral("SB00001") << QStringLiteral("SB00001");
        QTest::newRow("azerty digits") << "azerty" << QStringLiteral("&\u00E9\"'(-\u00E8_\u00E7\u00E0")
                                       << QStringLiteral("1234567890");
        QTest::newRow("azerty letters") << "azerty" << QStringLiteral("QZAW,m") << QStringLiteral("AWQZm;");
        QTest::newRow("azerty m444") << "azerty" << QStringLiteral("?''')\u00E0\u00E0\u00E0\u00E0&")
                                     << QStringLiteral("M444-00001");
        QTest::newRow("azerty gs kept") << "azerty" << QStringLiteral("\u00E0\u00E0\u001D&") << QStringLiteral("00\u001D1");
        QTest::newRow("qwertz yz") << "qwertz" << QStringLiteral("YZyz") << QStringLiteral("ZYzy");
        QTest::newRow("qwertz symbols") << "qwertz" << QStringLiteral("\u00DF/()=") << QStringLiteral("-&*()");
        QTest::newRow("qwertz m444") << "qwertz" << QStringLiteral("M444\u00DF00001") << QStringLiteral("M444-00001");
        QTest::newRow("qwertz colon") << "qwertz" << QStringLiteral("TT\u00D6UNDO") << QStringLiteral("TT:UNDO");
    }
    void layoutMapping()
    {
        QFETCH(QString, layout);
        QFETCH(QString, received);
        QFETCH(QString, meant);
        const std::optional<KeyboardLayout> l = keyboardLayoutFromName(layout);
        QVERIFY(l.has_value());
        QCOMPARE(mapFromLayout(received, *l), meant);
        QCOMPARE(keyboardLayoutName(*l), layout);
    }
};

QTEST_MAIN(TestKeyboardWedge)
#include "tst_keyboardwedge.moc"
