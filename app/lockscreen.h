#pragma once

#include <QWidget>

class QLabel;
class QLineEdit;
class QPushButton;

namespace tt {

// Covers the station when a session ends (BRIEF §3.5). Everything behind it keeps its state; only
// the same user's password unlocks. Emits unlockRequested(); the owner checks the password off the
// GUI thread and calls fail() or hides the screen.
class LockScreen : public QWidget
{
    Q_OBJECT

public:
    explicit LockScreen(const QString &user, QWidget *parent = nullptr);

    void setReason(const QString &reason);
    void fail(const QString &message);
    void reset();
    QLineEdit *passwordField() const { return m_password; }
    QString messageText() const;

Q_SIGNALS:
    void unlockRequested(const QString &password);

private:
    void submit();

    QLabel *m_reason;
    QLineEdit *m_password;
    QPushButton *m_unlock;
    QLabel *m_message;
};

} // namespace tt
