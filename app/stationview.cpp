#include "app/stationview.h"

#include <QFrame>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QProgressBar>
#include <QPushButton>
#include <QTime>
#include <QTimer>
#include <QVBoxLayout>

#include "app/dbclient.h"
#include "app/format.h"
#include "core/reason.h"

namespace tt {

namespace {

const QColor kNeutral(0x26, 0x32, 0x38);

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
    QFont f = l->font();
    f.setPointSize(12);
    l->setFont(f);
    return l;
}

} // namespace

StationView::StationView(DbClient &db, const Actor &actor, const QString &stationId, QWidget *parent)
    : QWidget(parent)
    , m_db(db)
    , m_actor(actor)
    , m_banner(new QFrame(this))
    , m_parent(new QLabel(tr("Scan a parent bag"), m_banner))
    , m_counter(new QLabel(QStringLiteral("–"), m_banner))
    , m_progress(new QProgressBar(this))
    , m_message(new QLabel(tr("Ready. Scan a parent bag, then its child bags."), this))
    , m_input(new QLineEdit(this))
    , m_history(new QListWidget(this))
    , m_undo(new QPushButton(tr("Undo last link"), this))
    , m_mode(sideLabel(QString(), this))
    , m_queued(sideLabel(QString(), this))
    , m_scanner(sideLabel(QString(), this))
    , m_user(sideLabel(tr("%1 · %2\nStation %3").arg(actor.user, roleName(actor.role), stationId), this))
    , m_flashTimer(new QTimer(this))
    , m_feedback(kNeutral)
{
    setObjectName(QStringLiteral("stationView"));
    m_banner->setObjectName(QStringLiteral("banner"));
    m_banner->setStyleSheet(bannerStyle(kNeutral));
    QFont huge = font();
    huge.setPointSize(54);
    huge.setBold(true);
    m_parent->setFont(huge);
    m_parent->setObjectName(QStringLiteral("currentParent"));
    m_counter->setFont(huge);
    m_counter->setObjectName(QStringLiteral("counter"));
    m_counter->setAlignment(Qt::AlignRight | Qt::AlignVCenter);
    auto *caption = new QLabel(tr("CURRENT PARENT BAG"), m_banner);
    QFont small = font();
    small.setPointSize(11);
    small.setBold(true);
    caption->setFont(small);
    auto *bannerLayout = new QGridLayout(m_banner);
    bannerLayout->setContentsMargins(24, 12, 24, 12);
    bannerLayout->addWidget(caption, 0, 0);
    bannerLayout->addWidget(m_parent, 1, 0);
    bannerLayout->addWidget(m_counter, 1, 1);
    bannerLayout->setColumnStretch(0, 1);

    m_progress->setTextVisible(false);
    m_progress->setMinimumHeight(28);
    m_progress->setMaximum(1);
    m_progress->setValue(0);

    QFont medium = font();
    medium.setPointSize(18);
    m_message->setFont(medium);
    m_message->setWordWrap(true);
    m_message->setMinimumHeight(72);
    m_message->setObjectName(QStringLiteral("message"));
    m_message->setStyleSheet(QStringLiteral("padding: 10px; border-radius: 8px; background: #eceff1;"));

    QFont inputFont = font();
    inputFont.setPointSize(14);
    m_input->setPlaceholderText(tr("Scan, or type a code and press Enter"));
    m_input->setFont(inputFont);
    m_input->setMaxLength(400);
    m_input->setObjectName(QStringLiteral("scanInput"));

    QFont listFont = font();
    listFont.setPointSize(13);
    m_history->setFont(listFont);
    m_history->setObjectName(QStringLiteral("lastScans"));
    m_history->setFocusPolicy(Qt::NoFocus);
    m_history->setAlternatingRowColors(true);

    m_undo->setMinimumHeight(48);
    m_undo->setFont(inputFont);
    m_undo->setToolTip(tr("Ends the last link you made (scan TT:UNDO does the same)"));

    auto *side = new QVBoxLayout;
    side->addWidget(m_user);
    side->addSpacing(12);
    side->addWidget(m_mode);
    side->addWidget(m_queued);
    side->addWidget(m_scanner);
    side->addStretch(1);
    side->addWidget(m_undo);

    auto *main = new QVBoxLayout;
    main->addWidget(m_banner);
    main->addWidget(m_progress);
    main->addWidget(m_message);
    main->addWidget(m_input);
    auto *lastLabel = new QLabel(tr("Last scans"), this);
    lastLabel->setFont(small);
    main->addWidget(lastLabel);
    main->addWidget(m_history, 1);

    auto *layout = new QHBoxLayout(this);
    layout->addLayout(main, 1);
    layout->addLayout(side);

    m_flashTimer->setSingleShot(true);
    m_flashTimer->setInterval(450);
    connect(m_flashTimer, &QTimer::timeout, this, [this] { m_banner->setStyleSheet(bannerStyle(kNeutral)); });
    connect(m_input, &QLineEdit::returnPressed, this, [this] {
        const QString text = m_input->text();
        m_input->clear();
        if (!text.trimmed().isEmpty())
            scan(text);
    });
    connect(m_undo, &QPushButton::clicked, this, &StationView::undo);
    setConnectionState(tr("embedded"), 0);
    setScannerState(tr("keyboard"), true);
    m_input->setFocus();
}

void StationView::scan(const QString &raw)
{
    if (m_locked) {
        Outcome o;
        o.code = raw.trimmed();
        o.result = ResultKind::Rejected;
        o.reason = Reason::SessionExpired;
        o.message = tr("The session is locked. Log in again to scan; nothing was recorded.");
        show(o);
        return;
    }
    ++m_pending;
    m_db.call(
        DbClient::Lane::Command, this,
        [raw](DbSession &s) {
            if (!s.station)
                return Outcome::rejected(Error{Reason::PermissionDenied, QStringLiteral("Not logged in.")}, raw);
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
    m_scanner->setStyleSheet(ok ? QStringLiteral("color: #1b7f3b;") : QStringLiteral("color: #b00020; font-weight: bold;"));
}

void StationView::setConnectionState(const QString &mode, int queued)
{
    m_mode->setText(tr("Mode: %1").arg(mode));
    m_queued->setText(tr("Queued scans: %1\nLast sync: — (no central server)").arg(queued));
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
        m_parent->setText(o.parent);
        m_counter->setText(QStringLiteral("%1/%2").arg(o.children).arg(o.capacity));
        m_progress->setMaximum(o.capacity);
        m_progress->setValue(std::min(o.children, o.capacity));
    } else if (o.parent.isEmpty() && o.reason == Reason::NoParentSelected) {
        m_parent->setText(tr("Scan a parent bag"));
        m_counter->setText(QStringLiteral("–"));
        m_progress->setMaximum(1);
        m_progress->setValue(0);
    }
    m_lastResult = o.result;
    m_feedback = resultColour(o.result);
    QString message = o.message;
    if (o.ok() && o.parentFull() && o.reason == Reason::None && !o.parent.isEmpty())
        message = tr("%1 — %2 is full. Scan the next parent bag.").arg(o.message, o.parent);
    m_message->setText(message);
    m_message->setStyleSheet(QStringLiteral("padding: 10px; border-radius: 8px; color: white; background: %1;")
                                 .arg(m_feedback.name()));
    flash(m_feedback);

    const QString mark = o.result == ResultKind::Ok ? QStringLiteral("✔") : o.result == ResultKind::Duplicate ? QStringLiteral("=") : QStringLiteral("✘");
    auto *item = new QListWidgetItem(QStringLiteral("%1  %2  %3   %4")
                                         .arg(mark, QTime::currentTime().toString(QStringLiteral("HH:mm:ss")),
                                              o.code.isEmpty() ? QStringLiteral("—") : o.code, message));
    item->setForeground(m_feedback);
    m_history->insertItem(0, item);
    while (m_history->count() > 100)
        delete m_history->takeItem(m_history->count() - 1);
    Q_EMIT outcomeShown(o);
}

void StationView::flash(const QColor &colour)
{
    m_banner->setStyleSheet(bannerStyle(colour));
    m_flashTimer->start(m_lastResult == ResultKind::Ok ? 450 : 1200);
}

} // namespace tt
