#include "app/stationview.h"

#include "app/conflictsdialog.h"
#include "app/dbclient.h"
#include "app/feedbacktext.h"
#include "app/format.h"
#include "core/reason.h"

#include <QEvent>
#include <QFrame>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QProgressBar>
#include <QPushButton>
#include <QSettings>
#include <QTime>
#include <QTimer>
#include <QVBoxLayout>

namespace tt {

namespace {

const QColor kNeutral(0x26, 0x32, 0x38);
constexpr int kHistory = 100;

QString bannerStyle(const QColor &c)
{
    return QStringLiteral("QFrame#banner { background: %1; border-radius: 10px; } "
                          "QFrame#banner QLabel { color: white; }")
        .arg(c.name());
}

QLabel *sideLabel(const QString &text, QWidget *parent)
{
    auto *l = new QLabel(text, parent);
    l->setWordWrap(true);
    return l;
}

void setPointSize(QWidget *w, int points, bool bold = false)
{
    QFont f = w->font();
    f.setPointSize(points);
    f.setBold(bold);
    w->setFont(f);
}

} // namespace

StationView::StationView(DbClient &db, const Actor &actor, const QString &stationId,
                         QWidget *parent)
    : QWidget(parent)
    , m_db(db)
    , m_actor(actor)
    , m_stationId(stationId)
    , m_banner(new QFrame(this))
    , m_caption(new QLabel(m_banner))
    , m_parent(new QLabel(m_banner))
    , m_counter(new QLabel(QStringLiteral("–"), m_banner))
    , m_progress(new QProgressBar(this))
    , m_message(new QLabel(this))
    , m_input(new QLineEdit(this))
    , m_lastScans(new QLabel(this))
    , m_history(new QListWidget(this))
    , m_undo(new QPushButton(this))
    , m_conflicts(new QPushButton(this))
    , m_mode(sideLabel(QString(), this))
    , m_queued(sideLabel(QString(), this))
    , m_scanner(sideLabel(QString(), this))
    , m_user(sideLabel(QString(), this))
    , m_flashTimer(new QTimer(this))
    , m_feedback(kNeutral)
{
    setObjectName(QStringLiteral("stationView"));
    m_banner->setObjectName(QStringLiteral("banner"));
    m_banner->setStyleSheet(bannerStyle(kNeutral));
    m_parent->setObjectName(QStringLiteral("currentParent"));
    m_counter->setObjectName(QStringLiteral("counter"));
    m_counter->setAlignment(Qt::AlignRight | Qt::AlignVCenter);
    auto *bannerLayout = new QGridLayout(m_banner);
    bannerLayout->setContentsMargins(24, 12, 24, 12);
    bannerLayout->addWidget(m_caption, 0, 0);
    bannerLayout->addWidget(m_parent, 1, 0);
    bannerLayout->addWidget(m_counter, 1, 1);
    bannerLayout->setColumnStretch(0, 1);

    m_progress->setTextVisible(false);
    m_progress->setMaximum(1);
    m_progress->setValue(0);

    m_message->setWordWrap(true);
    m_message->setObjectName(QStringLiteral("message"));
    m_message->setStyleSheet(
        QStringLiteral("padding: 10px; border-radius: 8px; background: #eceff1;"));

    m_input->setMaxLength(400);
    m_input->setObjectName(QStringLiteral("scanInput"));

    m_history->setObjectName(QStringLiteral("lastScans"));
    m_history->setFocusPolicy(Qt::NoFocus);
    m_history->setAlternatingRowColors(true);

    auto *side = new QVBoxLayout;
    side->addWidget(m_user);
    side->addSpacing(12);
    side->addWidget(m_mode);
    side->addWidget(m_queued);
    side->addWidget(m_scanner);
    side->addWidget(m_conflicts);
    side->addStretch(1);
    side->addWidget(m_undo);

    auto *main = new QVBoxLayout;
    main->addWidget(m_banner);
    main->addWidget(m_progress);
    main->addWidget(m_message);
    main->addWidget(m_input);
    main->addWidget(m_lastScans);
    main->addWidget(m_history, 1);

    auto *layout = new QHBoxLayout(this);
    layout->addLayout(main, 1);
    layout->addLayout(side);

    m_flashTimer->setSingleShot(true);
    m_flashTimer->setInterval(450);
    connect(m_flashTimer, &QTimer::timeout, this,
            [this] { m_banner->setStyleSheet(bannerStyle(kNeutral)); });
    connect(m_input, &QLineEdit::returnPressed, this, [this] {
        const QString text = m_input->text();
        m_input->clear();
        if (!text.trimmed().isEmpty())
            scan(text);
    });
    connect(m_undo, &QPushButton::clicked, this, &StationView::undo);
    m_conflicts->setObjectName(QStringLiteral("conflicts"));
    m_conflicts->setFocusPolicy(Qt::NoFocus);
    m_conflicts->setVisible(false);
    connect(m_conflicts, &QPushButton::clicked, this, [this] {
        auto *dialog = new ConflictsDialog(m_db, m_actor.role == Role::Admin, this);
        dialog->setAttribute(Qt::WA_DeleteOnClose);
        dialog->show(); // not modal: scans go on
    });
    setLargeType(false);
    retranslate();
    setScannerState(tr("keyboard"), true);
    m_input->setFocus();
}

void StationView::setLargeType(bool large)
{
    m_largeType = large;
    // Normal: readable from about 2 m; large: from about 4 m, and still unclipped at 1366×768.
    const int huge = large ? 64 : 54; // 64: "M444-00001  15/15" still fits at 1366×768
    setPointSize(m_parent, huge, true);
    setPointSize(m_counter, huge, true);
    setPointSize(m_caption, large ? 14 : 11, true);
    setPointSize(m_lastScans, large ? 14 : 11, true);
    setPointSize(m_message, large ? 24 : 18);
    setPointSize(m_input, large ? 18 : 14);
    setPointSize(m_undo, large ? 18 : 14);
    setPointSize(m_history, large ? 16 : 13);
    for (QLabel *l : {m_user, m_mode, m_queued, m_scanner})
        setPointSize(l, large ? 14 : 12);
    setPointSize(m_conflicts, large ? 14 : 12);
    m_message->setMinimumHeight(large ? 96 : 72);
    m_progress->setMinimumHeight(large ? 40 : 28);
    m_undo->setMinimumHeight(large ? 60 : 48);
}

void StationView::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QWidget::changeEvent(event);
}

void StationView::retranslate()
{
    m_caption->setText(tr("CURRENT PARENT BAG"));
    if (!m_hasParent)
        m_parent->setText(tr("Scan a parent bag"));
    m_input->setPlaceholderText(tr("Scan, or type a code and press Enter"));
    m_lastScans->setText(tr("Last scans"));
    m_undo->setText(tr("Undo last link"));
    m_undo->setToolTip(tr("Ends the last link you made (scan TT:UNDO does the same)"));
    // The station's area as set up at the first run or in Settings → database.
    const QString area = QSettings().value(QStringLiteral("station/area")).toString();
    const QString station = area.isEmpty() ? tr("Station %1").arg(m_stationId)
                                           : tr("Station %1 · area %2").arg(m_stationId, area);
    m_user->setText(QStringLiteral("%1 · %2\n%3")
                        .arg(m_actor.user, localizedMessage(roleName(m_actor.role)), station));
    if (!m_db.isCentral())
        setConnectionState(tr("embedded"), m_queuedScans);
    else
        setCentralState(m_db.centralState());
    // What is on screen was answered in the old language: say it again in the new one.
    m_message->setText(m_shown.isEmpty() ? tr("Ready. Scan a parent bag, then its child bags.")
                                         : feedbackText(m_shown.constFirst().outcome));
    for (int i = 0; i < m_history->count() && i < m_shown.size(); ++i)
        m_history->item(i)->setText(historyText(m_shown.at(i)));
}

QString StationView::feedbackText(const Outcome &o) const
{
    const QString message = localizedMessage(o.message);
    if (o.ok() && o.parentFull() && o.reason == Reason::None && !o.parent.isEmpty())
        return tr("%1 — %2 is full. Scan the next parent bag.").arg(message, o.parent);
    return message;
}

QString StationView::historyText(const Shown &shown) const
{
    const Outcome &o = shown.outcome;
    const QString mark = resultMark(o.result);
    return QStringLiteral("%1  %2  %3   %4")
        .arg(mark, shown.at.toString(QStringLiteral("HH:mm:ss")),
             o.code.isEmpty() ? QStringLiteral("—") : o.code, feedbackText(o));
}

void StationView::scan(const QString &raw)
{
    if (m_locked) {
        Outcome o;
        o.code = raw.trimmed();
        o.result = ResultKind::Rejected;
        o.reason = Reason::SessionExpired;
        o.message =
            QStringLiteral("The session is locked. Log in again to scan; nothing was recorded.");
        show(o);
        return;
    }
    ++m_pending;
    m_db.call(
        DbClient::Lane::Command, this,
        [raw](DbSession &s) {
            if (!s.station)
                return Outcome::rejected(
                    Error{Reason::PermissionDenied, QStringLiteral("Not logged in.")}, raw);
            return s.station->scan(raw);
        },
        [this](Outcome o) {
            --m_pending;
            show(o);
        });
}

void StationView::undo()
{
    scan(QStringLiteral("TT:UNDO"));
}

void StationView::setLocked(bool locked)
{
    m_locked = locked;
    m_undo->setEnabled(!locked);
}

void StationView::setScannerState(const QString &text, bool ok)
{
    m_scanner->setText(tr("Scanner: %1").arg(text));
    m_scanner->setStyleSheet(ok ? QStringLiteral("color: #1b7f3b;")
                                : QStringLiteral("color: #b00020; font-weight: bold;"));
}

void StationView::setConnectionState(const QString &mode, int queued)
{
    m_queuedScans = queued;
    m_mode->setText(tr("Mode: %1").arg(mode));
    m_queued->setText(tr("Queued scans: %1\nLast sync: — (no central server)").arg(queued));
}

void StationView::setCentralState(const CentralState &c)
{
    m_queuedScans = c.sync.queued;
    m_mode->setText(tr("Central: %1").arg(c.online() ? tr("online") : tr("OFFLINE")));
    m_mode->setStyleSheet(c.online() ? QStringLiteral("color: #1b7f3b; font-weight: bold;")
                                     : QStringLiteral("color: #b00020; font-weight: bold;"));
    QString text = tr("Queued: %1").arg(c.sync.queued);
    if (c.sync.oldestQueuedAt)
        text += tr(" (oldest %1)").arg(formatClock(*c.sync.oldestQueuedAt));
    text +=
        u'\n' +
        tr("Last sync: %1").arg(c.sync.lastSyncAt ? formatClock(*c.sync.lastSyncAt) : tr("never"));
    if (!c.online() && !c.error.isEmpty())
        m_mode->setToolTip(localizedMessage(c.error));
    else
        m_mode->setToolTip(QString());
    m_queued->setText(text);
    m_conflicts->setVisible(true);
    m_conflicts->setText(tr("Conflicts: %1 …").arg(c.sync.conflicts));
    m_conflicts->setStyleSheet(
        c.sync.conflicts > 0 ? QStringLiteral("color: #b00020; font-weight: bold;") : QString());
}

QString StationView::connectionText() const
{
    return m_mode->text() + u'\n' + m_queued->text();
}

QString StationView::parentText() const
{
    return m_parent->text();
}

QString StationView::counterText() const
{
    return m_counter->text();
}

QString StationView::messageText() const
{
    return m_message->text();
}

QColor StationView::feedbackColour() const
{
    return m_feedback;
}

int StationView::progressValue() const
{
    return m_progress->value();
}

int StationView::progressMaximum() const
{
    return m_progress->maximum();
}

int StationView::historyCount() const
{
    return m_history->count();
}

void StationView::show(const Outcome &o)
{
    if (!o.parent.isEmpty() && o.capacity > 0) {
        m_hasParent = true;
        m_parent->setText(o.parent);
        m_counter->setText(QStringLiteral("%1/%2").arg(o.children).arg(o.capacity));
        m_progress->setMaximum(o.capacity);
        m_progress->setValue(std::min(o.children, o.capacity));
    } else if (o.parent.isEmpty() && o.reason == Reason::NoParentSelected) {
        m_hasParent = false;
        m_parent->setText(tr("Scan a parent bag"));
        m_counter->setText(QStringLiteral("–"));
        m_progress->setMaximum(1);
        m_progress->setValue(0);
    }
    m_lastResult = o.result;
    m_feedback = resultColour(o.result);
    m_shown.prepend({QTime::currentTime(), o});
    m_message->setText(feedbackText(o));
    m_message->setStyleSheet(
        QStringLiteral("padding: 10px; border-radius: 8px; color: white; background: %1;")
            .arg(m_feedback.name()));
    flash(m_feedback);

    auto *item = new QListWidgetItem(historyText(m_shown.constFirst()));
    item->setForeground(m_feedback);
    m_history->insertItem(0, item);
    while (m_history->count() > kHistory)
        delete m_history->takeItem(m_history->count() - 1);
    while (m_shown.size() > kHistory)
        m_shown.removeLast();
    Q_EMIT outcomeShown(o);
}

void StationView::flash(const QColor &colour)
{
    m_banner->setStyleSheet(bannerStyle(colour));
    m_flashTimer->start(m_lastResult == ResultKind::Ok ? 450 : 1200);
}

} // namespace tt
