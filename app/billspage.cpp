#include "app/billspage.h"

#include <QComboBox>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLineEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QSplitter>
#include <QTableView>
#include <QVBoxLayout>

#include "app/billeditor.h"
#include "app/billlistmodel.h"
#include "app/dbclient.h"

namespace tt {

BillsPage::BillsPage(DbClient &db, const Actor &actor, QWidget *parent)
    : QWidget(parent)
    , m_model(new BillListModel(db, this))
    , m_editor(new BillEditor(db, actor, this))
    , m_search(new QLineEdit(this))
    , m_status(new QComboBox(this))
    , m_table(new QTableView(this))
    , m_newId(new QLineEdit(this))
    , m_newCapacity(new QSpinBox(this))
    , m_create(new QPushButton(tr("Create bill"), this))
{
    setObjectName(QStringLiteral("billsPage"));
    m_search->setPlaceholderText(tr("Filter by bill id"));
    m_search->setClearButtonEnabled(true);
    m_search->setObjectName(QStringLiteral("billSearch"));
    m_status->addItem(tr("All bills"));
    m_status->addItem(tr("Open"));
    m_status->addItem(tr("Completed"));
    m_table->setModel(m_model);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->setAlternatingRowColors(true);
    m_table->setWordWrap(false);
    for (int c : {BillListModel::Expected, BillListModel::Created, BillListModel::CreatedBy})
        m_table->setColumnHidden(c, true);
    m_newId->setPlaceholderText(tr("New bill id, e.g. BILL-2026-0003"));
    m_newId->setObjectName(QStringLiteral("newBillId"));
    m_newCapacity->setRange(1, 500);
    m_newCapacity->setValue(10);
    m_newCapacity->setPrefix(tr("capacity "));
    m_newCapacity->setSuffix(tr(" parents"));

    auto *filters = new QHBoxLayout;
    filters->addWidget(m_search, 1);
    filters->addWidget(m_status);
    auto *createBox = new QGroupBox(tr("New bill"), this);
    auto *createRow = new QHBoxLayout(createBox);
    createRow->addWidget(m_newId, 1);
    createRow->addWidget(m_newCapacity);
    createRow->addWidget(m_create);
    createBox->setEnabled(isAllowed(actor.role, Permission::ManageBills));

    auto *left = new QWidget(this);
    auto *leftLayout = new QVBoxLayout(left);
    leftLayout->setContentsMargins(0, 0, 0, 0);
    leftLayout->addLayout(filters);
    leftLayout->addWidget(m_table, 1);
    leftLayout->addWidget(createBox);
    auto *splitter = new QSplitter(this);
    splitter->addWidget(left);
    splitter->addWidget(m_editor);
    splitter->setStretchFactor(0, 2);
    splitter->setStretchFactor(1, 3);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(splitter);

    connect(m_search, &QLineEdit::textChanged, this, &BillsPage::applyFilter);
    connect(m_status, &QComboBox::currentIndexChanged, this, &BillsPage::applyFilter);
    connect(m_table->selectionModel(), &QItemSelectionModel::currentRowChanged, this, [this](const QModelIndex &current) {
        if (current.isValid())
            m_editor->openBill(current.data(BillListModel::BillIdRole).toString());
    });
    connect(m_create, &QPushButton::clicked, this, [this] {
        if (!m_newId->text().trimmed().isEmpty())
            m_editor->createBill(m_newId->text(), m_newCapacity->value());
    });
    connect(m_newId, &QLineEdit::returnPressed, m_create, &QPushButton::click);
    connect(m_editor, &BillEditor::billOpened, this, [this] { m_newId->clear(); });
    applyFilter();
}

void BillsPage::applyFilter()
{
    BillPageFilter f;
    f.text = m_search->text();
    if (m_status->currentIndex() == 1)
        f.status = BillStatus::Open;
    else if (m_status->currentIndex() == 2)
        f.status = BillStatus::Completed;
    m_model->setFilter(f);
}

} // namespace tt
