#include "app/returnspage.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSplitter>
#include <QTableView>
#include <QVBoxLayout>

#include "app/dbclient.h"
#include "app/dbsession.h"
#include "app/format.h"
#include "app/returnmodels.h"

namespace tt {

namespace {

void setUpTable(QTableView *t)
{
    t->setSelectionBehavior(QAbstractItemView::SelectRows);
    t->setSelectionMode(QAbstractItemView::SingleSelection);
    t->verticalHeader()->hide();
    t->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    t->horizontalHeader()->setStretchLastSection(true);
    t->setAlternatingRowColors(true);
    t->setWordWrap(false);
}

struct Snapshot
{
    QList<ReturnView> tickets;
    std::optional<ReturnView> ticket;
};

} // namespace

ReturnsPage::ReturnsPage(DbClient &db, const Actor &actor, QWidget *parent)
    : QWidget(parent)
    , m_db(db)
    , m_allowed(isAllowed(actor.role, Permission::Returns))
    , m_list(new ReturnListModel(this))
    , m_lines(new ReturnLineModel(this))
    , m_listView(new QTableView(this))
    , m_new(new QPushButton(tr("Open return ticket"), this))
    , m_title(new QLabel(this))
    , m_status(new QLabel(this))
    , m_count(new QLabel(this))
    , m_scan(new QLineEdit(this))
    , m_message(new QLabel(this))
    , m_lineView(new QTableView(this))
    , m_finalise(new QPushButton(tr("Finalise"), this))
    , m_cancel(new QPushButton(tr("Cancel ticket"), this))
{
    setObjectName(QStringLiteral("returnsPage"));
    QFont titleFont = font();
    titleFont.setPointSize(24);
    titleFont.setBold(true);
    m_title->setFont(titleFont);
    m_count->setFont(titleFont);
    QFont medium = font();
    medium.setPointSize(14);
    m_status->setFont(medium);
    m_scan->setFont(medium);
    m_scan->setPlaceholderText(tr("Scan a parent bag coming back"));
    m_scan->setObjectName(QStringLiteral("returnScan"));
    m_message->setWordWrap(true);
    m_message->setFont(medium);
    m_message->setMinimumHeight(44);
    m_listView->setModel(m_list);
    m_lineView->setModel(m_lines);
    setUpTable(m_listView);
    setUpTable(m_lineView);
    m_listView->setColumnHidden(ReturnListModel::Opened, true);
    m_finalise->setStyleSheet(QStringLiteral("font-weight: bold;"));
    m_new->setEnabled(m_allowed);

    auto *left = new QWidget(this);
    auto *leftLayout = new QVBoxLayout(left);
    leftLayout->setContentsMargins(0, 0, 0, 0);
    leftLayout->addWidget(m_listView, 1);
    leftLayout->addWidget(m_new);
    auto *right = new QWidget(this);
    auto *head = new QHBoxLayout;
    head->addWidget(m_title, 1);
    head->addWidget(m_count);
    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_cancel);
    buttons->addStretch(1);
    buttons->addWidget(m_finalise);
    auto *rightLayout = new QVBoxLayout(right);
    rightLayout->setContentsMargins(0, 0, 0, 0);
    rightLayout->addLayout(head);
    rightLayout->addWidget(m_status);
    rightLayout->addWidget(m_scan);
    rightLayout->addWidget(m_message);
    rightLayout->addWidget(m_lineView, 1);
    rightLayout->addLayout(buttons);
    auto *splitter = new QSplitter(this);
    splitter->addWidget(left);
    splitter->addWidget(right);
    splitter->setStretchFactor(0, 2);
    splitter->setStretchFactor(1, 3);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(splitter);

    connect(m_listView->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            [this](const QModelIndex &current) {
                const QString id = current.data(ReturnListModel::TicketIdRole).toString();
                if (current.isValid() && id != m_ticketId)
                    openTicket(id);
            });
    connect(m_new, &QPushButton::clicked, this, &ReturnsPage::newTicket);
    connect(m_scan, &QLineEdit::returnPressed, this, [this] {
        const QString text = m_scan->text();
        m_scan->clear();
        if (!text.trimmed().isEmpty())
            scanParent(text);
    });
    connect(m_finalise, &QPushButton::clicked, this, &ReturnsPage::finalise);
    connect(m_cancel, &QPushButton::clicked, this, &ReturnsPage::cancel);
    connect(&m_db, &DbClient::changed, this, &ReturnsPage::reload);
    render();
    reload();
}

void ReturnsPage::openTicket(const QString &ticketId)
{
    m_ticketId = ticketId.trimmed().toUpper();
    m_details.reset();
    m_message->clear();
    m_message->setStyleSheet(QString());
    render();
    reload();
}

void ReturnsPage::newTicket()
{
    m_db.call(
        DbClient::Lane::Command, this,
        [](DbSession &s) {
            return s.commands->execute(
                makeCommand(s.actor, s.stationId, s.store->clock(), cmd::OpenReturn{}));
        },
        [this](Outcome o) {
            if (o.ok())
                openTicket(o.ticket);
            showOutcome(o);
        });
}

void ReturnsPage::scanParent(const QString &raw)
{
    if (!m_ticketId.isEmpty())
        run(cmd::ReturnParent{m_ticketId, raw});
}

void ReturnsPage::finalise()
{
    if (!m_ticketId.isEmpty())
        run(cmd::FinaliseReturn{m_ticketId});
}

void ReturnsPage::cancel()
{
    if (!m_ticketId.isEmpty())
        run(cmd::CancelReturn{m_ticketId});
}

bool ReturnsPage::acceptsScans() const
{
    return m_allowed && m_details && m_details->status == ReturnStatus::Open;
}

QString ReturnsPage::messageText() const
{
    return m_message->text();
}

void ReturnsPage::run(CommandBody body)
{
    m_db.call(
        DbClient::Lane::Command, this,
        [body = std::move(body)](DbSession &s) {
            return s.commands->execute(makeCommand(s.actor, s.stationId, s.store->clock(), body));
        },
        [this](Outcome o) {
            showOutcome(o);
            reload();
        });
}

void ReturnsPage::showOutcome(const Outcome &o)
{
    m_message->setText(o.message);
    m_message->setStyleSheet(QStringLiteral("padding: 6px; border-radius: 6px; color: white; background: %1;")
                                 .arg(resultColour(o.result).name()));
    Q_EMIT outcomeShown(o);
}

void ReturnsPage::reload()
{
    const QString id = m_ticketId;
    m_db.call(
        DbClient::Lane::Query, this,
        [id](DbSession &s) -> Result<Snapshot> {
            Snapshot snap;
            auto tickets = s.store->returnTickets({});
            if (!tickets)
                return std::unexpected(tickets.error());
            snap.tickets = *tickets;
            if (!id.isEmpty()) {
                auto ticket = s.store->returnTicket(id);
                if (!ticket)
                    return std::unexpected(ticket.error());
                snap.ticket = *ticket;
            }
            return snap;
        },
        [this, id](Result<Snapshot> r) {
            if (id != m_ticketId)
                return;
            if (!r) {
                m_message->setText(r.error().message);
                return;
            }
            m_list->setTickets(r->tickets);
            m_details = r->ticket;
            const int row = m_list->rowOf(m_ticketId);
            if (row >= 0) {
                const QSignalBlocker block(m_listView->selectionModel());
                m_listView->selectRow(row);
            }
            render();
            Q_EMIT refreshed();
        });
}

void ReturnsPage::render()
{
    const bool has = m_details.has_value();
    const bool open = has && m_details->status == ReturnStatus::Open;
    if (has) {
        const ReturnView &t = *m_details;
        m_title->setText(tr("Return %1").arg(t.id));
        m_count->setText(tr("%n bag(s)", nullptr, t.parentCount));
        const QString status =
            open ? tr("<b style='color:#1f5fa8'>OPEN</b> · opened by %1 at %2 · %3")
                       .arg(t.openedBy, formatTime(t.openedAt), formatKg(t.weightG))
                 : tr("<b>%1</b> by %2 at %3 · %4")
                       .arg(returnStatusText(t.status).toUpper(), t.closedBy, formatTime(t.closedAt),
                            formatKg(t.weightG));
        m_status->setText(status);
        m_lines->setLines(t.lines);
    } else {
        m_title->setText(m_ticketId.isEmpty() ? tr("No return ticket") : tr("Return %1").arg(m_ticketId));
        m_count->clear();
        m_status->setText(m_ticketId.isEmpty() ? tr("Open a return ticket, or choose one on the left.")
                                               : tr("Loading…"));
        m_lines->setLines({});
    }
    m_scan->setEnabled(open && m_allowed);
    m_finalise->setEnabled(open && m_allowed && m_details->parentCount > 0);
    m_cancel->setEnabled(open && m_allowed);
}

} // namespace tt
