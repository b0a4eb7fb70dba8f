#pragma once

#include <QElapsedTimer>
#include <QEvent>
#include <QList>
#include <QPointer>
#include <QTimer>

#include "scanner/keyboardlayout.h"
#include "scanner/scansource.h"

class QKeyEvent;

namespace tt {

struct WedgeOptions
{
    bool enabled = true;
    int maxInterKeyMs = 35;  // keys closer than this belong to one scanner burst
    int minLength = 4;       // shorter bursts are typing
    bool enterEnds = true;   // Enter/Return ends a scan
    bool tabEnds = true;     // Tab ends a scan
    bool requireTerminator = true; // false: a fast burst followed by silence is a scan too
    KeyboardLayout layout = KeyboardLayout::Same;
};

// The keyboard-wedge scan source (BRIEF §4): an application-wide event filter that recognises
// scanner bursts by key timing and emits them as scans, whatever has focus, instead of letting
// them become text. Keys are held back for at most maxInterKeyMs: when the next key does not
// come that fast (or the burst ends too short), the held keys are replayed to their widget
// unchanged, so human typing still arrives, in order. GS arrives as Ctrl+] or as Alt+0,2,9 on
// the keypad and is kept. Never touches input to a password field (echoMode ≠ Normal or the
// hidden-text input hint). Works on key events only, so it needs Qt::Gui and not Widgets.
class KeyboardWedge : public ScanSource
{
    Q_OBJECT

public:
    explicit KeyboardWedge(QObject *parent = nullptr);
    ~KeyboardWedge() override;

    // Installs the filter on the application (QCoreApplication::instance()). Idempotent.
    void install();
    void uninstall();

    void setOptions(const WedgeOptions &options);
    const WedgeOptions &options() const { return m_options; }

    QString sourceName() const override { return QStringLiteral("wedge"); }

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    struct HeldKey
    {
        QPointer<QObject> target;
        QEvent::Type type;
        int key;
        Qt::KeyboardModifiers modifiers;
        QString text;
        bool autoRepeat;
        quint32 nativeScanCode;
        quint32 nativeVirtualKey;
        quint32 nativeModifiers;
    };

    bool onKeyPress(QObject *target, QKeyEvent *event);
    bool onKeyRelease(QObject *target, QKeyEvent *event);
    bool isPrimaryReceiver(QObject *watched) const;
    static bool isPasswordField(QObject *object);
    void hold(QObject *target, QKeyEvent *event);
    void finishAltCode();
    void onGap();
    void replayHeld();
    void emitScan();
    void reset();

    WedgeOptions m_options;
    bool m_installed = false;
    bool m_replaying = false;
    QList<HeldKey> m_held;
    QString m_text;       // characters of the burst so far
    QString m_altDigits;  // Alt+keypad digits not yet turned into a character
    qint64 m_lastPressMs = 0;
    QTimer m_gapTimer;
};

} // namespace tt
