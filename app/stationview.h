#pragma once

#include <QTime>
#include <QWidget>

#include "core/command.h"
#include "core/outcome.h"

class QFrame;
class QLabel;
class QLineEdit;
class QListWidget;
class QProgressBar;
class QPushButton;
class QTimer;

namespace tt {

struct CentralState;
class DbClient;

// The dispatcher's screen (BRIEF §1, §3.2): the current parent in very large type, the "17/30"
// counter and bar, a green/amber/red flash and message in plain language, the last scans, undo,
// and the station's connection figures. scan() sends the code to the command lane and returns at
// once; the answer is shown when it arrives (scans are answered in the order they were made).
class StationView : public QWidget
{
    Q_OBJECT

public:
    // The client must outlive the view.
    StationView(DbClient &db, const Actor &actor, const QString &stationId, QWidget *parent = nullptr);

    // One scan, as it arrived (from the keyboard wedge, a serial scanner or the input field).
    void scan(const QString &raw);
    void undo();

    // While locked, scans are refused on the spot (the session ended; nothing is written).
    void setLocked(bool locked);

    void setScannerState(const QString &text, bool ok);
    // Large-type station mode (Admin → Settings, per station): bigger parent, counter, message
    // and list for stations read from a distance.
    void setLargeType(bool large);
    bool largeType() const { return m_largeType; }
    void setConnectionState(const QString &mode, int queued);
    // Central mode: online/offline, queued commands, last sync and conflicts (with a button that
    // lists them).
    void setCentralState(const CentralState &state);
    // The connection figures as shown (tests): mode, queue and last sync.
    QString connectionText() const;
    QPushButton *conflictsButton() const { return m_conflicts; }

    // What the screen shows (tests, screenshots).
    QString parentText() const;
    QString counterText() const;
    QString messageText() const;
    ResultKind lastResult() const { return m_lastResult; }
    QColor feedbackColour() const;
    int progressValue() const;
    int progressMaximum() const;
    int historyCount() const;
    QLineEdit *input() const { return m_input; }
    // Scans sent but not answered yet.
    int pendingScans() const { return m_pending; }

Q_SIGNALS:
    // After the answer is on screen; the GUI thread.
    void outcomeShown(const tt::Outcome &outcome);

protected:
    // LanguageChange: every text, including the answers on screen, in the new language.
    void changeEvent(QEvent *event) override;

private:
    struct Shown
    {
        QTime at;
        Outcome outcome;
    };

    void retranslate();
    QString feedbackText(const Outcome &outcome) const;
    QString historyText(const Shown &shown) const;
    void show(const Outcome &outcome);
    void flash(const QColor &colour);

    DbClient &m_db;
    Actor m_actor;
    QString m_stationId;
    QFrame *m_banner;
    QLabel *m_caption;
    QLabel *m_parent;
    QLabel *m_counter;
    QProgressBar *m_progress;
    QLabel *m_message;
    QLineEdit *m_input;
    QLabel *m_lastScans;
    QListWidget *m_history;
    QPushButton *m_undo;
    QPushButton *m_conflicts;
    QLabel *m_mode;
    QLabel *m_queued;
    QLabel *m_scanner;
    QLabel *m_user;
    QTimer *m_flashTimer;
    QColor m_feedback;
    QList<Shown> m_shown; // newest first, as m_history
    int m_queuedScans = 0;
    bool m_hasParent = false;
    bool m_largeType = false;
    ResultKind m_lastResult = ResultKind::Ok;
    bool m_locked = false;
    int m_pending = 0;
};

} // namespace tt
