#include "app/stationview.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QProgressBar>
#include <QTime>
#include <QVBoxLayout>

#include "core/station.h"
#include "database/sqlitestore.h"

namespace tt {

namespace {

QString colourOf(ResultKind kind)
{
    switch (kind) {
    case ResultKind::Ok:
        return QStringLiteral("#1b7f3b");
    case ResultKind::Duplicate:
        return QStringLiteral("#a66300");
    case ResultKind::Queued:
        return QStringLiteral("#1f5fa8");
    case ResultKind::Rejected:
        break;
    }
    return QStringLiteral("#b00020");
}

} // namespace

StationView::StationView(SqliteStore &store, const Actor &actor, const QString &stationId, QWidget *parent)
    : QWidget(parent)
    , m_station(std::make_unique<Station>(store, store.clock(), actor, stationId))
    , m_parent(new QLabel(tr("Scan a parent bag"), this))
    , m_counter(new QLabel(QStringLiteral("–"), this))
    , m_progress(new QProgressBar(this))
    , m_message(new QLabel(this))
    , m_input(new QLineEdit(this))
    , m_history(new QListWidget(this))
{
    QFont big = font();
    big.setPointSize(36);
    big.setBold(true);
    m_parent->setFont(big);
    m_counter->setFont(big);
    m_counter->setAlignment(Qt::AlignRight | Qt::AlignVCenter);
    m_progress->setTextVisible(false);
    m_progress->setMinimumHeight(18);
    QFont medium = font();
    medium.setPointSize(16);
    m_message->setFont(medium);
    m_message->setWordWrap(true);
    m_message->setMinimumHeight(64);
    m_input->setPlaceholderText(tr("Scan or type a code and press Enter"));
    m_input->setFont(medium);
    m_input->setMaxLength(400);
    auto *top = new QHBoxLayout;
    top->addWidget(m_parent, 1);
    top->addWidget(m_counter);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(top);
    layout->addWidget(m_progress);
    layout->addWidget(m_message);
    layout->addWidget(m_input);
    layout->addWidget(new QLabel(tr("Last scans"), this));
    layout->addWidget(m_history, 1);
    connect(m_input, &QLineEdit::returnPressed, this, [this] {
        const QString text = m_input->text();
        m_input->clear();
        scan(text);
    });
    m_input->setFocus();
}

StationView::~StationView() = default;

Outcome StationView::scan(const QString &raw)
{
    const Outcome o = m_station->scan(raw);
    show(o);
    Q_EMIT scanned(o);
    return o;
}

void StationView::show(const Outcome &o)
{
    if (!o.parent.isEmpty()) {
        m_parent->setText(o.parent);
        m_counter->setText(QStringLiteral("%1/%2").arg(o.children).arg(o.capacity));
        m_progress->setMaximum(std::max(1, o.capacity));
        m_progress->setValue(o.children);
    } else if (m_station->currentParent().isEmpty()) {
        m_parent->setText(tr("Scan a parent bag"));
        m_counter->setText(QStringLiteral("–"));
        m_progress->setValue(0);
    }
    const QString colour = colourOf(o.result);
    m_message->setText(o.message);
    m_message->setStyleSheet(QStringLiteral("color: white; background: %1; padding: 8px; border-radius: 6px;").arg(colour));
    auto *item = new QListWidgetItem(QStringLiteral("%1  %2  %3")
                                         .arg(QTime::currentTime().toString(QStringLiteral("HH:mm:ss")), o.code, o.message));
    item->setForeground(QColor(colour));
    m_history->insertItem(0, item);
    while (m_history->count() > 200)
        delete m_history->takeItem(m_history->count() - 1);
}

} // namespace tt
