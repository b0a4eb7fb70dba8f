#include "app/firstrundialog.h"

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

#include "app/feedbacktext.h"
#include "database/accountservice.h"
#include "database/demodata.h"
#include "database/sqlitestore.h"

namespace tt {

FirstRunDialog::FirstRunDialog(SqliteStore &store, QWidget *parent)
    : QDialog(parent)
    , m_store(store)
    , m_name(new QLineEdit(this))
    , m_password(new QLineEdit(this))
    , m_confirm(new QLineEdit(this))
    , m_message(new QLabel(this))
{
    setWindowTitle(tr("Welcome to TraceTrack"));
    auto *intro = new QLabel(tr("<h2>Set up this station</h2><p>This database has no users yet. Create the first "
                                "administrator, or load a small demo site to try TraceTrack.</p>"),
                             this);
    intro->setWordWrap(true);
    m_name->setText(QStringLiteral("admin"));
    m_password->setEchoMode(QLineEdit::Password);
    m_confirm->setEchoMode(QLineEdit::Password);
    m_password->setPlaceholderText(tr("10+ characters, three of: a-z, A-Z, 0-9, symbol"));
    m_message->setWordWrap(true);
    m_message->setStyleSheet(QStringLiteral("color: #b00020;"));
    auto *form = new QFormLayout;
    form->addRow(tr("Admin user name"), m_name);
    form->addRow(tr("Password"), m_password);
    form->addRow(tr("Repeat password"), m_confirm);
    auto *buttons = new QDialogButtonBox(this);
    QPushButton *create = buttons->addButton(tr("Create admin"), QDialogButtonBox::AcceptRole);
    QPushButton *demo = buttons->addButton(tr("Load demo data"), QDialogButtonBox::ActionRole);
    buttons->addButton(QDialogButtonBox::Cancel);
    create->setDefault(true);
    connect(create, &QPushButton::clicked, this, &FirstRunDialog::createAdmin);
    connect(demo, &QPushButton::clicked, this, &FirstRunDialog::loadDemo);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(intro);
    layout->addLayout(form);
    layout->addWidget(m_message);
    layout->addWidget(buttons);
    setMinimumWidth(460);
}

QString FirstRunDialog::adminName() const
{
    return m_name->text().trimmed().toLower();
}

void FirstRunDialog::createAdmin()
{
    if (m_password->text() != m_confirm->text()) {
        m_message->setText(tr("The two passwords differ."));
        return;
    }
    AccountService accounts(m_store.statements(), m_store.clock());
    if (auto r = accounts.initAdmin(m_name->text(), m_password->text(), QStringLiteral("desktop")); !r) {
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
