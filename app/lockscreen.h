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
    // The one-time code field under the password, for accounts that may have a second factor
    // (admins); hidden by default. takeCode() returns the typed code and clears the field.
    void setCodeVisible(bool visible);
    QLineEdit *codeField() const { return m_code; }
    QString takeCode();
    QString messageText() const;

Q_SIGNALS:
    void unlockRequested(const QString &password);

protected:
    void changeEvent(QEvent *event) override; // LanguageChange

private:
    void submit();
    void retranslate();

    QLabel *m_reason;
    QString m_user;
    QLabel *m_title;
    QLabel *m_who;
    QLineEdit *m_password;
    QPushButton *m_unlock;
    QLineEdit *m_code = nullptr;
    QLabel *m_message;
};

} // namespace tt
