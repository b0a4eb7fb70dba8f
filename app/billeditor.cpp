#include "app/billeditor.h"

#include <QFileDialog>
#include <QFutureWatcher>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPrintPreviewDialog>
#include <QPrinter>
#include <QProgressBar>
#include <QPushButton>
#include <QTableView>
#include <QVBoxLayout>
#include <QtConcurrent>

#include "app/billlinemodel.h"
#include "app/dbclient.h"
#include "app/feedbacktext.h"
#include "app/format.h"
#include "reports/billdocument.h"

namespace tt {

namespace {

QLabel *figure(QWidget *parent)
{
    auto *l = new QLabel(QStringLiteral("–"), parent);
    QFont f = l->font();
    f.setPointSize(20);
    f.setBold(true);
    l->setFont(f);
    return l;
}

QLabel *caption(const QString &text, QWidget *parent)
{
    auto *l = new QLabel(text, parent);
    QFont f = l->font();
    f.setPointSize(10);
    f.setBold(true);
    l->setFont(f);
    l->setStyleSheet(QStringLiteral("color: #546e7a;"));
    return l;
}

} // namespace

BillEditor::BillEditor(DbClient &db, const Actor &actor, QWidget *parent)
    : QWidget(parent)
    , m_db(db)
    , m_actor(actor)
    , m_canManage(isAllowed(actor.role, Permission::ManageBills))
    , m_lines(new BillLineModel(this))
    , m_title(new QLabel(tr("No bill selected"), this))
    , m_status(new QLabel(this))
    , m_count(new QLabel(this))
    , m_progress(new QProgressBar(this))
    , m_actual(figure(this))
    , m_expected(figure(this))
    , m_variance(figure(this))
    , m_scan(new QLineEdit(this))
    , m_message(new QLabel(this))
    , m_table(new QTableView(this))
    , m_remove(new QPushButton(tr("Remove parent"), this))
    , m_complete(new QPushButton(tr("Complete bill"), this))
    , m_reopen(new QPushButton(tr("Reopen"), this))
    , m_print(new QPushButton(tr("Print…"), this))
    , m_pdf(new QPushButton(tr("Save PDF…"), this))
{
    setObjectName(QStringLiteral("billEditor"));
    QFont titleFont = font();
    titleFont.setPointSize(26);
    titleFont.setBold(true);
    m_title->setFont(titleFont);
    QFont medium = font();
    medium.setPointSize(14);
    m_status->setFont(medium);
    m_count->setFont(titleFont);
    m_progress->setTextVisible(false);
    m_progress->setMinimumHeight(16);
    m_scan->setFont(medium);
    m_scan->setPlaceholderText(tr("Scan a parent bag onto this bill"));
    m_scan->setObjectName(QStringLiteral("billScan"));
    m_message->setWordWrap(true);
    m_message->setFont(medium);
    m_message->setMinimumHeight(44);
    m_table->setModel(m_lines);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->verticalHeader()->hide();
    m_table->setAlternatingRowColors(true);
    m_complete->setStyleSheet(QStringLiteral("font-weight: bold;"));

    auto *head = new QHBoxLayout;
    head->addWidget(m_title, 1);
    head->addWidget(m_count);
    auto *weights = new QGridLayout;
    weights->addWidget(caption(tr("ACTUAL WEIGHT"), this), 0, 0);
    weights->addWidget(caption(tr("EXPECTED WEIGHT"), this), 0, 1);
    weights->addWidget(caption(tr("VARIANCE"), this), 0, 2);
    weights->addWidget(m_actual, 1, 0);
    weights->addWidget(m_expected, 1, 1);
    weights->addWidget(m_variance, 1, 2);
    auto *scanRow = new QHBoxLayout;
    scanRow->addWidget(m_scan, 1);
    auto *buttons = new QHBoxLayout;
    for (QPushButton *b : {m_remove, m_reopen, m_print, m_pdf})
        buttons->addWidget(b);
    buttons->addStretch(1);
    buttons->addWidget(m_complete);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(head);
    layout->addWidget(m_status);
    layout->addWidget(m_progress);
    layout->addLayout(weights);
    layout->addLayout(scanRow);
    layout->addWidget(m_message);
    layout->addWidget(m_table, 1);
    layout->addLayout(buttons);

    connect(m_scan, &QLineEdit::returnPressed, this, [this] {
        const QString text = m_scan->text();
        m_scan->clear();
        if (!text.trimmed().isEmpty())
            scanParent(text);
    });
    connect(m_remove, &QPushButton::clicked, this, &BillEditor::removeSelectedParent);
    connect(m_complete, &QPushButton::clicked, this, &BillEditor::complete);
    connect(m_reopen, &QPushButton::clicked, this, &BillEditor::reopen);
    connect(m_print, &QPushButton::clicked, this, &BillEditor::printPreview);
    connect(m_pdf, &QPushButton::clicked, this, [this] { savePdf(); });
    connect(&m_db, &DbClient::changed, this, &BillEditor::reload);
    render();
}

void BillEditor::openBill(const QString &billId)
{
    m_billId = billId.trimmed().toUpper();
    m_details.reset();
    m_message->clear();
    m_message->setStyleSheet(QString());
    render();
    reload();
    Q_EMIT billOpened(m_billId);
}

void BillEditor::createBill(const QString &billId, int capacity)
{
    const QString id = billId.trimmed();
    m_db.call(
        DbClient::Lane::Command, this,
        [id, capacity](DbSession &s) {
            return s.commands->execute(
                makeCommand(s.actor, s.stationId, s.store->clock(), cmd::CreateBill{id, capacity}));
        },
        [this](Outcome o) {
            showOutcome(o);
            if (o.ok())
                openBill(o.bill.isEmpty() ? o.code : o.bill);
        });
}

void BillEditor::scanParent(const QString &raw)
{
    if (m_billId.isEmpty())
        return;
    m_db.call(
        DbClient::Lane::Command, this,
        [raw, bill = m_billId](DbSession &s) {
            if (!s.billStation)
                return Outcome::rejected(Error{Reason::PermissionDenied, QStringLiteral("Not logged in.")}, raw);
            if (s.billStation->currentBill().compare(bill, Qt::CaseInsensitive) != 0) {
                const Outcome selected = s.billStation->selectBill(bill);
                if (!selected.ok())
                    return selected;
            }
            return s.billStation->scan(raw);
        },
        [this](Outcome o) {
            showOutcome(o);
            reload();
        });
}

void BillEditor::run(CommandBody body)
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

void BillEditor::removeParent(const QString &parentCode)
{
    if (!m_billId.isEmpty() && !parentCode.isEmpty())
        run(cmd::RemoveParentFromBill{m_billId, parentCode});
}

void BillEditor::removeSelectedParent()
{
    const QModelIndex current = m_table->currentIndex();
    if (current.isValid())
        removeParent(current.data(BillLineModel::ParentCodeRole).toString());
}

void BillEditor::complete()
{
    if (!m_billId.isEmpty())
        run(cmd::CompleteBill{m_billId});
}

void BillEditor::reopen()
{
    if (!m_billId.isEmpty())
        run(cmd::ReopenBill{m_billId});
}

void BillEditor::printPreview()
{
    if (!m_details)
        return;
    QPrinter printer(QPrinter::HighResolution);
    printer.setPageSize(QPageSize(QPageSize::A4));
    QPrintPreviewDialog dialog(&printer, this);
    dialog.setWindowTitle(tr("Bill %1").arg(m_details->id));
    const BillDetails details = *m_details;
    const QString user = m_actor.user;
    connect(&dialog, &QPrintPreviewDialog::paintRequested, this, [details, user](QPrinter *p) {
        BillDocument::Options options;
        options.printedBy = user;
        options.zone = QTimeZone::systemTimeZone();
        (void)BillDocument(details, options).print(p);
    });
    dialog.resize(900, 1000);
    dialog.exec();
}

void BillEditor::savePdf(const QString &path)
{
    if (!m_details)
        return;
    QString target = path;
    if (target.isEmpty())
        target = QFileDialog::getSaveFileName(this, tr("Save bill as PDF"), m_details->id + QStringLiteral(".pdf"),
                                              tr("PDF (*.pdf)"));
    if (target.isEmpty())
        return;
    BillDocument::Options options;
    options.printedBy = m_actor.user;
    options.zone = QTimeZone::systemTimeZone();
    const BillDetails details = *m_details;
    auto *watcher = new QFutureWatcher<Result<void>>(this);
    connect(watcher, &QFutureWatcher<Result<void>>::finished, this, [this, watcher, target] {
        const Result<void> r = watcher->result();
        watcher->deleteLater();
        m_message->setText(r ? tr("Saved %1.").arg(target) : localizedMessage(r.error().message));
    });
    watcher->setFuture(QtConcurrent::run([details, options, target] { return BillDocument(details, options).writePdf(target); }));
}

bool BillEditor::acceptsScans() const
{
    return m_canManage && m_details && m_details->status == BillStatus::Open;
}

QString BillEditor::messageText() const
{
    return m_message->text();
}

QString BillEditor::weightsText() const
{
    return QStringLiteral("%1 / %2 / %3").arg(m_actual->text(), m_expected->text(), m_variance->text());
}

void BillEditor::showOutcome(const Outcome &o)
{
    m_message->setText(localizedMessage(o.message));
    m_message->setStyleSheet(QStringLiteral("padding: 6px; border-radius: 6px; color: white; background: %1;")
                                 .arg(resultColour(o.result).name()));
    Q_EMIT outcomeShown(o);
}

void BillEditor::reload()
{
    if (m_billId.isEmpty())
        return;
    const QString id = m_billId;
    m_db.call(
        DbClient::Lane::Query, this, [id](DbSession &s) { return s.store->bill(id); },
        [this, id](Result<std::optional<BillDetails>> r) {
            if (id != m_billId)
                return;
            if (!r) {
                m_message->setText(localizedMessage(r.error().message));
                return;
            }
            m_details = *r;
            render();
        });
}

void BillEditor::render()
{
    const bool has = m_details.has_value();
    const bool open = has && m_details->status == BillStatus::Open;
    m_title->setText(has ? tr("Bill %1").arg(m_details->id) : m_billId.isEmpty() ? tr("No bill selected") : tr("Bill %1").arg(m_billId));
    if (has) {
        const BillDetails &b = *m_details;
        m_count->setText(QStringLiteral("%1/%2").arg(b.parentCount).arg(b.capacity));
        m_progress->setMaximum(std::max(1, b.capacity));
        m_progress->setValue(std::min(b.parentCount, b.capacity));
        const QString status = b.status == BillStatus::Completed
                             ? tr("<b style='color:#1b7f3b'>COMPLETED</b> by %1 at %2").arg(b.completedBy, formatTime(b.completedAt))
                             : tr("<b style='color:#1f5fa8'>OPEN</b> · created by %1 at %2").arg(b.createdBy, formatTime(b.createdAt));
        m_status->setText(status);
        m_actual->setText(formatKg(b.weights.actualG));
        m_expected->setText(formatKg(b.weights.expectedG));
        m_variance->setText(formatVariance(b.weights.actualG, b.weights.expectedG));
        const qint64 v = b.weights.actualG - b.weights.expectedG;
        const bool large = b.weights.expectedG > 0 && std::abs(v) * 20 > b.weights.expectedG; // over 5 %
        m_variance->setStyleSheet(large ? QStringLiteral("color: #b00020;") : QStringLiteral("color: #1b7f3b;"));
        m_lines->setLines(b.lines);
    } else {
        m_count->clear();
        m_status->setText(m_billId.isEmpty() ? tr("Choose a bill on the left or create one.") : tr("Loading…"));
        m_progress->setValue(0);
        for (QLabel *l : {m_actual, m_expected, m_variance})
            l->setText(QStringLiteral("–"));
        m_lines->setLines({});
    }
    m_scan->setEnabled(open && m_canManage);
    m_remove->setEnabled(has && m_canManage && !m_details->lines.isEmpty());
    m_complete->setEnabled(open && m_canManage && m_details->parentCount == m_details->capacity);
    m_reopen->setEnabled(has && m_canManage && !open);
    m_print->setEnabled(has);
    m_pdf->setEnabled(has);
}

} // namespace tt
