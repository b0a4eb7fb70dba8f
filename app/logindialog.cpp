#include "app/logindialog.h"

#include "app/dbclient.h"
#include "app/feedbacktext.h"
#include "database/accountservice.h"
#include "database/sqlitestore.h"

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QVBoxLayout>

namespace tt {

LoginDialog::LoginDialog(SqliteStore &store, const QString &station, const QString &userName,
                         QWidget *parent)
    : LoginDialog(&store, nullptr, station, userName, parent)
{}

LoginDialog::LoginDialog(DbClient &db, const QString &station, const QString &userName,
                         QWidget *parent)
    : LoginDialog(nullptr, &db, station, userName, parent)
{
    if (db.isCentral())
        setWindowTitle(tr("TraceTrack — log in (central: %1)").arg(db.centralName()));
}

LoginDialog::LoginDialog(SqliteStore *store, DbClient *db, const QString &station,
                         const QString &userName, QWidget *parent)
    : QDialog(parent)
    , m_store(store)
    , m_db(db)
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
    m_buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &LoginDialog::tryLogin);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(new QLabel(tr("<h2>TraceTrack</h2>"), this));
    layout->addLayout(form);
    layout->addWidget(m_message);
    layout->addWidget(m_buttons);
    (userName.isEmpty() ? m_name : m_password)->setFocus();
    setMinimumWidth(380);
}

void LoginDialog::tryLogin()
{
    const QString name = m_name->text();
    const QString password = m_password->text();
    const QString code = m_code->text().trimmed();
    m_password->clear();
    m_code->clear();
    if (!m_db) {
        finish(AccountService(m_store->statements(), m_store->clock())
                   .login(name, password, m_station, code));
        return;
    }
    m_buttons->setEnabled(false);
    m_message->setText(tr("Checking…"));
    m_db->call(
        DbClient::Lane::Command, this,
        [name, password, code, station = m_station](DbSession &s) {
            return s.login(name, password, station, code);
        },
        [this](Result<Actor> actor) {
            m_buttons->setEnabled(true);
            finish(actor);
        });
}

void LoginDialog::finish(const Result<Actor> &actor)
{
    if (!actor) {
        m_message->setText(localizedMessage(actor.error().message));
        return;
    }
    m_actor = *actor;
    accept();
}

} // namespace tt
