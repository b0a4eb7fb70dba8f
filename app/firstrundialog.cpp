#include "app/firstrundialog.h"

#include "app/centralform.h"
#include "app/feedbacktext.h"
#include "database/accountservice.h"
#include "database/demodata.h"
#include "database/sqlitestore.h"

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRadioButton>
#include <QSettings>
#include <QStackedWidget>
#include <QVBoxLayout>

namespace tt {

namespace {

QLabel *errorLabel(QWidget *parent)
{
    auto *l = new QLabel(parent);
    l->setWordWrap(true);
    l->setStyleSheet(QStringLiteral("color: #b00020;"));
    return l;
}

} // namespace

FirstRunDialog::FirstRunDialog(SqliteStore &store, QWidget *parent)
    : QDialog(parent)
    , m_store(store)
    , m_choice(DatabaseChoice::load(QSettings()))
    , m_embeddedChoice(new QRadioButton(this))
    , m_centralChoice(new QRadioButton(this))
    , m_pages(new QStackedWidget(this))
    , m_name(new QLineEdit(this))
    , m_password(new QLineEdit(this))
    , m_confirm(new QLineEdit(this))
    , m_message(errorLabel(this))
    , m_central(new CentralForm(m_choice, this))
    , m_useCentral(new QPushButton(tr("Use this central database"), this))
{
    setWindowTitle(tr("Welcome to TraceTrack"));
    auto *intro = new QLabel(
        tr("<h2>Set up this station</h2><p>Where does this station keep its data?</p>"), this);
    intro->setWordWrap(true);
    m_embeddedChoice->setText(CentralForm::embeddedChoiceText());
    m_centralChoice->setText(CentralForm::centralChoiceText());
    m_embeddedChoice->setChecked(true);
    m_pages->addWidget(embeddedPage());
    m_pages->addWidget(centralPage());
    connect(m_centralChoice, &QRadioButton::toggled, this,
            [this](bool central) { m_pages->setCurrentIndex(central ? 1 : 0); });
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Cancel, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(intro);
    layout->addWidget(m_embeddedChoice);
    layout->addWidget(m_centralChoice);
    layout->addWidget(m_pages);
    layout->addWidget(buttons);
    setMinimumWidth(560);
}

QWidget *FirstRunDialog::embeddedPage()
{
    auto *page = new QWidget(this);
    auto *intro = new QLabel(
        tr("This database has no users yet. Create the first administrator, or load a small demo "
           "site to try TraceTrack."),
        page);
    intro->setWordWrap(true);
    m_name->setText(QStringLiteral("admin"));
    m_password->setEchoMode(QLineEdit::Password);
    m_confirm->setEchoMode(QLineEdit::Password);
    m_password->setPlaceholderText(tr("10+ characters, three of: a-z, A-Z, 0-9, symbol"));
    auto *form = new QFormLayout;
    form->addRow(tr("Admin user name"), m_name);
    form->addRow(tr("Password"), m_password);
    form->addRow(tr("Repeat password"), m_confirm);
    auto *buttons = new QDialogButtonBox(page);
    QPushButton *create = buttons->addButton(tr("Create admin"), QDialogButtonBox::AcceptRole);
    QPushButton *demo = buttons->addButton(tr("Load demo data"), QDialogButtonBox::ActionRole);
    create->setDefault(true);
    connect(create, &QPushButton::clicked, this, &FirstRunDialog::createAdmin);
    connect(demo, &QPushButton::clicked, this, &FirstRunDialog::loadDemo);
    auto *layout = new QVBoxLayout(page);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(intro);
    layout->addLayout(form);
    layout->addWidget(m_message);
    layout->addStretch(1);
    layout->addWidget(buttons);
    return page;
}

QWidget *FirstRunDialog::centralPage()
{
    auto *page = new QWidget(this);
    auto *intro = new QLabel(
        tr("The central database must be set up first (docs/guide-admin.md). Enter the station "
           "role's connection, or paste a postgresql:// URL."),
        page);
    intro->setWordWrap(true);
    connect(m_useCentral, &QPushButton::clicked, this, &FirstRunDialog::useCentral);
    auto *row = new QHBoxLayout;
    row->addStretch(1);
    row->addWidget(m_useCentral);
    auto *layout = new QVBoxLayout(page);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(intro);
    layout->addWidget(m_central);
    layout->addLayout(row);
    return page;
}

QString FirstRunDialog::adminName() const
{
    return m_name->text().trimmed().toLower();
}

void FirstRunDialog::setCentral(bool central)
{
    (central ? m_centralChoice : m_embeddedChoice)->setChecked(true);
}

void FirstRunDialog::useCentral()
{
    DatabaseChoice choice = m_choice;
    if (auto r = m_central->applyTo(choice); !r) {
        m_central->showError(r.error().message);
        return;
    }
    choice.central = true;
    m_choice = choice;
    QSettings settings;
    m_choice.save(settings);
    accept();
}

void FirstRunDialog::createAdmin()
{
    if (m_password->text() != m_confirm->text()) {
        m_message->setText(tr("The two passwords differ."));
        return;
    }
    AccountService accounts(m_store.statements(), m_store.clock());
    if (auto r = accounts.initAdmin(m_name->text(), m_password->text(), QStringLiteral("desktop"));
        !r) {
        m_message->setText(localizedMessage(r.error().message));
        return;
    }
    accept();
}

void FirstRunDialog::loadDemo()
{
    if (auto r = loadDemoData(m_store); !r) {
        m_message->setText(localizedMessage(r.error().message));
        return;
    }
    m_name->setText(QStringLiteral("admin"));
    accept();
}

} // namespace tt
