#include "app/lockscreen.h"

#include <QEvent>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace tt {

LockScreen::LockScreen(const QString &user, QWidget *parent)
    : QWidget(parent)
    , m_reason(new QLabel(this))
    , m_user(user)
    , m_title(new QLabel(this))
    , m_who(new QLabel(this))
    , m_password(new QLineEdit(this))
    , m_unlock(new QPushButton(this))
    , m_message(new QLabel(this))
{
    setObjectName(QStringLiteral("lockScreen"));
    setAttribute(Qt::WA_StyledBackground, true);
    setStyleSheet(QStringLiteral("QWidget#lockScreen { background: #263238; } QLabel { color: white; }"));
    QFont big = font();
    big.setPointSize(32);
    big.setBold(true);
    m_title->setFont(big);
    QFont medium = font();
    medium.setPointSize(14);
    m_who->setFont(medium);
    m_reason->setFont(medium);
    m_password->setEchoMode(QLineEdit::Password);
    m_password->setFont(medium);
    m_password->setMinimumWidth(320);
    m_password->setObjectName(QStringLiteral("lockPassword"));
    m_unlock->setFont(medium);
    m_message->setStyleSheet(QStringLiteral("color: #ff8a80;"));
    m_message->setFont(medium);
    auto *column = new QVBoxLayout;
    column->addWidget(m_title, 0, Qt::AlignHCenter);
    column->addWidget(m_reason, 0, Qt::AlignHCenter);
    column->addSpacing(16);
    column->addWidget(m_who, 0, Qt::AlignHCenter);
    column->addWidget(m_password, 0, Qt::AlignHCenter);
    m_code = new QLineEdit(this);
    m_code->setObjectName(QStringLiteral("lockCode"));
    m_code->setFont(medium);
    m_code->setMaxLength(7);
    m_code->setMinimumWidth(320);
    m_code->hide();
    column->addWidget(m_code, 0, Qt::AlignHCenter);
    column->addWidget(m_unlock, 0, Qt::AlignHCenter);
    column->addWidget(m_message, 0, Qt::AlignHCenter);
    auto *layout = new QVBoxLayout(this);
    layout->addStretch(1);
    layout->addLayout(column);
    layout->addStretch(2);
    connect(m_unlock, &QPushButton::clicked, this, &LockScreen::submit);
    connect(m_password, &QLineEdit::returnPressed, this, &LockScreen::submit);
    retranslate();
}

void LockScreen::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QWidget::changeEvent(event);
}

void LockScreen::retranslate()
{
    m_title->setText(tr("Session locked"));
    m_who->setText(tr("Signed in as <b>%1</b>. Your work is kept; enter your password to continue.").arg(m_user.toHtmlEscaped()));
    m_password->setPlaceholderText(tr("Password"));
    m_unlock->setText(tr("Unlock"));
}

void LockScreen::setCodeVisible(bool visible)
{
    m_code->setPlaceholderText(tr("One-time code (if your account uses one)"));
    m_code->setVisible(visible);
    connect(m_code, &QLineEdit::returnPressed, this, &LockScreen::submit, Qt::UniqueConnection);
}

QString LockScreen::takeCode()
{
    const QString code = m_code->text().trimmed();
    m_code->clear();
    return code;
}

void LockScreen::setReason(const QString &reason)
{
    m_reason->setText(reason);
}

void LockScreen::fail(const QString &message)
{
    m_message->setText(message);
    m_unlock->setEnabled(true);
    m_password->setEnabled(true);
    m_password->setFocus();
}

void LockScreen::reset()
{
    m_password->clear();
    m_message->clear();
    m_unlock->setEnabled(true);
    m_password->setEnabled(true);
    m_password->setFocus();
}

QString LockScreen::messageText() const
{
    return m_message->text();
}

void LockScreen::submit()
{
    const QString password = m_password->text();
    m_password->clear();
    if (password.isEmpty())
        return;
    m_unlock->setEnabled(false);
    m_password->setEnabled(false);
    m_message->setText(tr("Checking…"));
    Q_EMIT unlockRequested(password);
}

} // namespace tt
