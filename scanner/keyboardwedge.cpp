#include "scanner/keyboardwedge.h"

#include "scanner/scannerlog.h"

#include <QCoreApplication>
#include <QGuiApplication>
#include <QInputMethodQueryEvent>
#include <QKeyEvent>
#include <QVariant>

namespace tt {

namespace {

constexpr char16_t kGs = 0x1D;

bool isModifierKey(int key)
{
    return key == Qt::Key_Shift || key == Qt::Key_Control || key == Qt::Key_Alt || key == Qt::Key_Meta
        || key == Qt::Key_AltGr || key == Qt::Key_CapsLock;
}

bool isGsKey(const QKeyEvent *e)
{
    if (e->text() == QStringView(u"\u001D"))
        return true;
    return e->key() == Qt::Key_BracketRight && (e->modifiers() & Qt::ControlModifier);
}

bool isAltDigit(const QKeyEvent *e)
{
    return (e->modifiers() & Qt::AltModifier) && !(e->modifiers() & Qt::ControlModifier) && e->key() >= Qt::Key_0
        && e->key() <= Qt::Key_9;
}

bool isPrintable(const QString &text)
{
    if (text.isEmpty())
        return false;
    for (const QChar c : text) {
        if (c.unicode() < 0x20 || c.unicode() == 0x7F)
            return false;
    }
    return true;
}

QString keyNote(const QKeyEvent *e)
{
    QString note = QStringLiteral("key 0x%1").arg(e->key(), 0, 16);
    if (e->modifiers() & Qt::ControlModifier)
        note += QStringLiteral(" +Ctrl");
    if (e->modifiers() & Qt::AltModifier)
        note += QStringLiteral(" +Alt");
    if (e->modifiers() & Qt::ShiftModifier)
        note += QStringLiteral(" +Shift");
    if (e->type() == QEvent::KeyRelease)
        note += QStringLiteral(" release");
    return note;
}

} // namespace

KeyboardWedge::KeyboardWedge(QObject *parent)
    : ScanSource(parent)
{
    m_gapTimer.setSingleShot(true);
    m_gapTimer.setTimerType(Qt::PreciseTimer);
    connect(&m_gapTimer, &QTimer::timeout, this, &KeyboardWedge::onGap);
}

KeyboardWedge::~KeyboardWedge()
{
    uninstall();
}

void KeyboardWedge::install()
{
    if (m_installed || !QCoreApplication::instance())
        return;
    QCoreApplication::instance()->installEventFilter(this);
    m_installed = true;
}

void KeyboardWedge::uninstall()
{
    if (!m_installed)
        return;
    replayHeld();
    if (QCoreApplication::instance())
        QCoreApplication::instance()->removeEventFilter(this);
    m_installed = false;
}

void KeyboardWedge::setOptions(const WedgeOptions &options)
{
    replayHeld();
    m_options = options;
    m_options.maxInterKeyMs = qMax(1, m_options.maxInterKeyMs);
    m_options.minLength = qMax(1, m_options.minLength);
}

bool KeyboardWedge::eventFilter(QObject *watched, QEvent *event)
{
    const QEvent::Type type = event->type();
    if (type != QEvent::KeyPress && type != QEvent::KeyRelease)
        return false;
    if (m_replaying || !m_options.enabled || !isPrimaryReceiver(watched))
        return false;
    auto *key = static_cast<QKeyEvent *>(event);
    return type == QEvent::KeyPress ? onKeyPress(watched, key) : onKeyRelease(watched, key);
}

bool KeyboardWedge::isPrimaryReceiver(QObject *watched) const
{
    // A key event visits the window, then the focus widget, then its parents (propagation);
    // only one of those visits counts.
    if (QObject *focus = QGuiApplication::focusObject())
        return watched == focus;
    return true;
}

bool KeyboardWedge::isPasswordField(QObject *object)
{
    if (!object)
        return false;
    // QLineEdit and QML TextInput: echoMode Normal is 0, NoEcho/Password/PasswordEchoOnEdit not.
    const QVariant echo = object->property("echoMode");
    if (echo.isValid() && echo.toInt() != 0)
        return true;
    QInputMethodQueryEvent query(Qt::ImHints);
    QCoreApplication::sendEvent(object, &query);
    const auto hints = Qt::InputMethodHints(query.value(Qt::ImHints).toInt());
    return hints & (Qt::ImhHiddenText | Qt::ImhSensitiveData);
}

bool KeyboardWedge::onKeyPress(QObject *target, QKeyEvent *event)
{
    if (isPasswordField(target)) {
        replayHeld();
        return false;
    }
    const qint64 now = steadyNowMs();
    if (!m_held.isEmpty() && now - m_lastPressMs > m_options.maxInterKeyMs)
        onGap(); // the timer has not run yet (busy event loop): same decision

    if (event->isAutoRepeat()) {
        replayHeld(); // a held-down key is a person
        return false;
    }

    const int k = event->key();
    const bool terminator = ((k == Qt::Key_Return || k == Qt::Key_Enter) && m_options.enterEnds)
        || (k == Qt::Key_Tab && m_options.tabEnds && !(event->modifiers() & Qt::ControlModifier));
    if (terminator) {
        if (m_held.isEmpty())
            return false;
        finishAltCode();
        if (m_text.size() >= m_options.minLength) {
            Q_EMIT traced(TraceEntry{TraceEntry::Kind::Key, now, sourceName(), event->text().toUtf8(),
                                     QStringLiteral("terminator, %1 ms").arg(now - m_lastPressMs)});
            emitScan();
            return true;
        }
        replayHeld();
        return false; // the terminator follows the replayed keys
    }

    if (isGsKey(event)) {
        finishAltCode();
        m_text.append(QChar(kGs));
    } else if (isAltDigit(event)) {
        m_altDigits.append(QChar(u'0' + (k - Qt::Key_0)));
    } else if (isModifierKey(k)) {
        if (m_held.isEmpty())
            return false; // a lone modifier is nobody's burst yet
    } else if (isPrintable(event->text()) && !(event->modifiers() & (Qt::ControlModifier | Qt::MetaModifier))) {
        finishAltCode();
        m_text.append(event->text());
    } else {
        replayHeld(); // arrows, Escape, Backspace, shortcuts: a person
        return false;
    }

    Q_EMIT traced(TraceEntry{TraceEntry::Kind::Key, now, sourceName(), event->text().toUtf8(),
                             keyNote(event) + QStringLiteral(", %1 ms").arg(m_held.isEmpty() ? 0 : now - m_lastPressMs)});
    hold(target, event);
    m_lastPressMs = now;
    m_gapTimer.start(m_options.maxInterKeyMs + 1);
    return true;
}

bool KeyboardWedge::onKeyRelease(QObject *target, QKeyEvent *event)
{
    if (m_held.isEmpty())
        return false;
    if (event->key() == Qt::Key_Alt)
        finishAltCode();
    hold(target, event);
    return true;
}

void KeyboardWedge::hold(QObject *target, QKeyEvent *e)
{
    m_held.append(HeldKey{target, e->type(), e->key(), e->modifiers(), e->text(), e->isAutoRepeat(),
                          e->nativeScanCode(), e->nativeVirtualKey(), e->nativeModifiers()});
}

void KeyboardWedge::finishAltCode()
{
    if (m_altDigits.isEmpty())
        return;
    const int code = m_altDigits.toInt();
    m_altDigits.clear();
    if (code == kGs)
        m_text.append(QChar(kGs));
    else if (code >= 0x20 && code <= 0xFF && code != 0x7F)
        m_text.append(QChar(char16_t(code))); // Windows Alt codes: ASCII/Latin-1
}

void KeyboardWedge::onGap()
{
    m_gapTimer.stop();
    if (m_held.isEmpty())
        return;
    finishAltCode();
    if (!m_options.requireTerminator && m_text.size() >= m_options.minLength) {
        emitScan();
        return;
    }
    replayHeld();
}

void KeyboardWedge::replayHeld()
{
    m_gapTimer.stop();
    const QList<HeldKey> held = std::exchange(m_held, {});
    reset();
    if (held.isEmpty())
        return;
    m_replaying = true;
    for (const HeldKey &h : held) {
        if (!h.target)
            continue;
        QKeyEvent copy(h.type, h.key, h.modifiers, h.nativeScanCode, h.nativeVirtualKey, h.nativeModifiers, h.text,
                       h.autoRepeat);
        QCoreApplication::sendEvent(h.target, &copy);
    }
    m_replaying = false;
}

void KeyboardWedge::emitScan()
{
    m_gapTimer.stop();
    ScanEvent event;
    event.text = mapFromLayout(m_text, m_options.layout);
    event.raw = event.text.toUtf8();
    event.source = sourceName();
    event.at = QDateTime::currentDateTimeUtc();
    event.steadyMs = steadyNowMs();
    m_held.clear();
    reset();
    qCDebug(lcScanner) << "wedge scan" << event.text;
    Q_EMIT scanned(event);
}

void KeyboardWedge::reset()
{
    m_text.clear();
    m_altDigits.clear();
}

} // namespace tt
