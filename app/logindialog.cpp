#include "app/logindialog.h"

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QVBoxLayout>

#include "app/feedbacktext.h"
#include "database/accountservice.h"
#include "database/sqlitestore.h"

namespace tt {

LoginDialog::LoginDialog(SqliteStore &store, const QString &station, const QString &userName, QWidget *parent)
    : QDialog(parent)
    , m_store(store)
    , m_station(station)
    , m_name(new QLineEdit(userName, this))
    , m_password(new QLineEdit(this))
    , m_code(new QLineEdit(this))
    , m_message(new QLabel(this))
{
    setWindowTitle(tr("TraceTrack — log in"));
    m_password->setEchoMode(QLineEdit::Password);
    m_message->setWordWrap(true);
    m_message->setStyleSheet(QStringLiteral("color: #b00020;"));
    auto *form = new QFormLayout;
    form->addRow(tr("User"), m_name);
    form->addRow(tr("Password"), m_password);
    m_code->setObjectName(QStringLiteral("loginCode"));
    m_code->setMaxLength(7);
    m_code->setPlaceholderText(tr("only if your account uses one"));
    form->addRow(tr("One-time code"), m_code);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    connect(buttons, &QDialogButtonBox::accepted, this, &LoginDialog::tryLogin);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(new QLabel(tr("<h2>TraceTrack</h2>"), this));
    layout->addLayout(form);
    layout->addWidget(m_message);
    layout->addWidget(buttons);
    (userName.isEmpty() ? m_name : m_password)->setFocus();
    setMinimumWidth(380);
}

void LoginDialog::tryLogin()
{
    AccountService accounts(m_store.statements(), m_store.clock());
    const auto actor = accounts.login(m_name->text(), m_password->text(), m_station, m_code->text().trimmed());
    m_password->clear();
    m_code->clear();
    if (!actor) {
        m_message->setText(localizedMessage(actor.error().message));
        return;
    }
    m_actor = *actor;
    accept();
}

} // namespace tt
