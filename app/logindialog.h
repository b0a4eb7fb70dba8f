#pragma once

#include <QDialog>

#include "core/command.h"

class QLabel;
class QLineEdit;

namespace tt {

class SqliteStore;

// Asks for a user name and password and logs in through the account service (lockout and
// audit included). actor() is valid after accept().
class LoginDialog : public QDialog
{
    Q_OBJECT

public:
    LoginDialog(SqliteStore &store, const QString &station, const QString &userName, QWidget *parent = nullptr);
    const Actor &actor() const { return m_actor; }

private:
    void tryLogin();

    SqliteStore &m_store;
    QString m_station;
    QLineEdit *m_name;
    QLineEdit *m_password;
    QLineEdit *m_code; // one-time code, for accounts with a second factor
    QLabel *m_message;
    Actor m_actor;
};

} // namespace tt
