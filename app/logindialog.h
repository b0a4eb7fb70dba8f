#pragma once

#include <QDialog>

#include "core/command.h"

class QDialogButtonBox;
class QLabel;
class QLineEdit;

namespace tt {

class DbClient;
class SqliteStore;

// Asks for a user name and password and logs in through the account service (lockout and
// audit included), or in central mode on the client's command lane (the central database
// decides; offline, the station's cached verifier), without blocking the window. actor() is
// valid after accept().
class LoginDialog : public QDialog
{
    Q_OBJECT

public:
    LoginDialog(SqliteStore &store, const QString &station, const QString &userName, QWidget *parent = nullptr);
    // The client must outlive the dialog.
    LoginDialog(DbClient &db, const QString &station, const QString &userName,
                QWidget *parent = nullptr);
    const Actor &actor() const { return m_actor; }

private:
    LoginDialog(SqliteStore *store, DbClient *db, const QString &station, const QString &userName,
                QWidget *parent);
    void tryLogin();
    void finish(const Result<Actor> &actor);

    SqliteStore *m_store = nullptr;
    DbClient *m_db = nullptr;
    QDialogButtonBox *m_buttons = nullptr;
    QString m_station;
    QLineEdit *m_name;
    QLineEdit *m_password;
    QLineEdit *m_code; // one-time code, for accounts with a second factor
    QLabel *m_message;
    Actor m_actor;
};

} // namespace tt
