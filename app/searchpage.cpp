#include "app/searchpage.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QTabWidget>
#include <QTableView>
#include <QTimer>
#include <QVBoxLayout>

#include "app/auditlistmodel.h"
#include "app/bagdetaildialog.h"
#include "app/baglistmodel.h"
#include "app/billlistmodel.h"
#include "app/dbclient.h"
#include "app/scanlistmodel.h"

namespace tt {

namespace {

QLineEdit *filterField(const QString &placeholder, QWidget *parent)
{
    auto *e = new QLineEdit(parent);
    e->setPlaceholderText(placeholder);
    e->setClearButtonEnabled(true);
    return e;
}

QComboBox *periodBox(QWidget *parent)
{
    auto *c = new QComboBox(parent);
    c->addItem(QObject::tr("Any time"), 0);
    c->addItem(QObject::tr("Today"), 1);
    c->addItem(QObject::tr("Last 7 days"), 7);
    c->addItem(QObject::tr("Last 30 days"), 30);
    return c;
}

QDateTime periodStart(const QComboBox *c)
{
    const int days = c->currentData().toInt();
    if (days <= 0)
        return {};
    return QDateTime(QDate::currentDate().addDays(-(days - 1)), QTime(0, 0)).toUTC();
}

} // namespace

SearchPage::SearchPage(DbClient &db, const Actor &actor, QWidget *parent)
    : QWidget(parent)
    , m_db(db)
    , m_tabs(new QTabWidget(this))
    , m_bags(new BagListModel(db, this))
    , m_bills(new BillListModel(db, this))
    , m_scans(new ScanListModel(db, this))
    , m_bagText(filterField(tr("Code contains… (e.g. SB000 or C0001)"), this))
    , m_bagRole(new QComboBox(this))
    , m_bagView(new QTableView(this))
    , m_billText(filterField(tr("Bill id contains…"), this))
    , m_billStatus(new QComboBox(this))
    , m_scanCode(filterField(tr("Code contains…"), this))
    , m_scanUser(filterField(tr("User"), this))
    , m_scanAction(new QComboBox(this))
    , m_scanPeriod(periodBox(this))
{
    setObjectName(QStringLiteral("searchPage"));
    m_bagText->setObjectName(QStringLiteral("bagSearch"));
    m_bagRole->addItems({tr("Parents and children"), tr("Parents"), tr("Children")});
    m_billStatus->addItems({tr("All bills"), tr("Open"), tr("Completed")});
    m_scanAction->addItem(tr("Any action"), QString());
    for (const char *a : {"link", "select_parent", "bill_add", "undo", "move"})
        m_scanAction->addItem(ScanListModel::actionText(QString::fromLatin1(a)), QString::fromLatin1(a));

    auto *bagFilters = new QHBoxLayout;
    bagFilters->addWidget(m_bagText, 1);
    bagFilters->addWidget(m_bagRole);
    m_tabs->addTab(page(bagFilters, m_bagView, m_bags), tr("Bags"));

    auto *billFilters = new QHBoxLayout;
    billFilters->addWidget(m_billText, 1);
    billFilters->addWidget(m_billStatus);
    auto *billView = new QTableView(this);
    m_tabs->addTab(page(billFilters, billView, m_bills), tr("Bills"));

    auto *scanFilters = new QHBoxLayout;
    scanFilters->addWidget(m_scanCode, 1);
    scanFilters->addWidget(m_scanUser);
    scanFilters->addWidget(m_scanAction);
    scanFilters->addWidget(m_scanPeriod);
    auto *scanView = new QTableView(this);
    m_tabs->addTab(page(scanFilters, scanView, m_scans), tr("Scans"));

    // Typing filters after a pause, so a long substring search runs once, not per key.
    const auto debounce = [this](QLineEdit *edit, void (SearchPage::*apply)()) {
        auto *timer = new QTimer(this);
        timer->setSingleShot(true);
        timer->setInterval(250);
        connect(timer, &QTimer::timeout, this, apply);
        connect(edit, &QLineEdit::textChanged, timer, qOverload<>(&QTimer::start));
    };
    if (isAllowed(actor.role, Permission::Administer)) {
        m_audit = new AuditListModel(db, this);
        m_auditActor = filterField(tr("Actor"), this);
        m_auditText = filterField(tr("Action, entity or id contains…"), this);
        m_auditPeriod = periodBox(this);
        auto *auditFilters = new QHBoxLayout;
        auditFilters->addWidget(m_auditText, 1);
        auditFilters->addWidget(m_auditActor);
        auditFilters->addWidget(m_auditPeriod);
        auto *auditView = new QTableView(this);
        m_tabs->addTab(page(auditFilters, auditView, m_audit), tr("Audit log"));
        debounce(m_auditActor, &SearchPage::applyAuditFilter);
        debounce(m_auditText, &SearchPage::applyAuditFilter);
        connect(m_auditPeriod, &QComboBox::currentIndexChanged, this, &SearchPage::applyAuditFilter);
        applyAuditFilter();
    }

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_tabs);

    debounce(m_bagText, &SearchPage::applyBagFilter);
    connect(m_bagRole, &QComboBox::currentIndexChanged, this, &SearchPage::applyBagFilter);
    debounce(m_billText, &SearchPage::applyBillFilter);
    connect(m_billStatus, &QComboBox::currentIndexChanged, this, &SearchPage::applyBillFilter);
    debounce(m_scanCode, &SearchPage::applyScanFilter);
    debounce(m_scanUser, &SearchPage::applyScanFilter);
    connect(m_scanAction, &QComboBox::currentIndexChanged, this, &SearchPage::applyScanFilter);
    connect(m_scanPeriod, &QComboBox::currentIndexChanged, this, &SearchPage::applyScanFilter);
    connect(m_bagView, &QTableView::activated, this,
            [this](const QModelIndex &index) { openBag(index.data(BagListModel::CodeRole).toString()); });
    connect(billView, &QTableView::activated, this,
            [this](const QModelIndex &index) { Q_EMIT billRequested(index.data(BillListModel::BillIdRole).toString()); });
    connect(scanView, &QTableView::activated, this,
            [this](const QModelIndex &index) { openBag(index.data(ScanListModel::CodeRole).toString()); });
    applyBagFilter();
    applyBillFilter();
    applyScanFilter();
}

QWidget *SearchPage::page(QLayout *filters, QTableView *view, PagedModelBase *model)
{
    auto *w = new QWidget(this);
    view->setModel(model);
    view->setSelectionBehavior(QAbstractItemView::SelectRows);
    view->setSelectionMode(QAbstractItemView::SingleSelection);
    view->verticalHeader()->hide();
    view->verticalHeader()->setDefaultSectionSize(fontMetrics().height() + 8);
    view->horizontalHeader()->setStretchLastSection(true);
    view->horizontalHeader()->setDefaultSectionSize(130);
    view->setAlternatingRowColors(true);
    view->setWordWrap(false);
    auto *status = new QLabel(w);
    status->setStyleSheet(QStringLiteral("color: #546e7a;"));
    connect(model, &PagedModelBase::pageLoaded, view, [view](int rows) {
        if (rows > 200) // only the first page after a filter: size the columns to what is seen
            return;
        view->resizeColumnsToContents();
        for (int c = 0; c < view->model()->columnCount(); ++c)
            view->setColumnWidth(c, std::min(view->columnWidth(c), 360));
    });
    connect(model, &PagedModelBase::pageLoaded, status, [status, model](int rows) {
        status->setText(model->canFetchMore(QModelIndex()) ? tr("%1 rows loaded; scroll for more").arg(rows)
                                                           : tr("%n row(s)", nullptr, rows));
    });
    connect(model, &PagedModelBase::failed, status, [status](const QString &message) { status->setText(message); });
    auto *layout = new QVBoxLayout(w);
    layout->addLayout(filters);
    layout->addWidget(view, 1);
    layout->addWidget(status);
    return w;
}

void SearchPage::openBag(const QString &code)
{
    if (code.isEmpty())
        return;
    auto *dialog = new BagDetailDialog(m_db, code, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->show();
}

void SearchPage::showTab(int index)
{
    m_tabs->setCurrentIndex(index);
}

void SearchPage::applyBagFilter()
{
    BagListFilter f;
    f.text = m_bagText->text();
    if (m_bagRole->currentIndex() == 1)
        f.role = BagRole::Parent;
    else if (m_bagRole->currentIndex() == 2)
        f.role = BagRole::Child;
    m_bags->setFilter(f);
}

void SearchPage::applyBillFilter()
{
    BillPageFilter f;
    f.text = m_billText->text();
    if (m_billStatus->currentIndex() == 1)
        f.status = BillStatus::Open;
    else if (m_billStatus->currentIndex() == 2)
        f.status = BillStatus::Completed;
    m_bills->setFilter(f);
}

void SearchPage::applyScanFilter()
{
    ScanFilter f;
    f.text = m_scanCode->text();
    f.user = m_scanUser->text();
    f.action = m_scanAction->currentData().toString();
    f.from = periodStart(m_scanPeriod);
    m_scans->setFilter(f);
}

void SearchPage::applyAuditFilter()
{
    if (!m_audit)
        return;
    AuditFilter f;
    f.actor = m_auditActor->text();
    f.text = m_auditText->text();
    f.from = periodStart(m_auditPeriod);
    m_audit->setFilter(f);
}

} // namespace tt
