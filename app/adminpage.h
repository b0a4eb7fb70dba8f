#pragma once

#include "app/databasechoice.h"
#include "core/command.h"

#include <QWidget>

#include <functional>

class QAbstractItemModel;
class QCheckBox;
class QComboBox;
class QLabel;
class QPushButton;
class QSpinBox;
class QTableView;

namespace tt {

class AccountService;
class AdminDataEditor;
class DbClient;
class PgStore;
class UserListModel;

// Administration (BRIEF §3.5, issue 5 §7): users (create, role, area, disable/enable, reset
// password, unlock), settings of the database and of this station, and the scanner self-test.
// Every change goes through AccountService or the settings repository on the command lane, so it
// is checked and audited there. In central mode the users, the one-time code and the bag types,
// areas and stations are read and changed on the central database (on the command lane, through
// DbSession::onCentral), which checks and audits them; without it they say so and change nothing.
// The Settings tab's settings of all stations (undo window, time zone) are the central ones too.
class AdminPage : public QWidget
{
    Q_OBJECT

public:
    // selfTest: the scanner trace model (not owned; may be null).
    AdminPage(DbClient &db, const Actor &actor, const QString &stationId,
              QAbstractItemModel *selfTest, QWidget *parent = nullptr);

    void reloadUsers();
    UserListModel *userModel() const { return m_users; }
    QString messageText() const;

    // The operations behind the buttons (tests call them directly).
    void addUser(const QString &name, const QString &password, Role role, const QString &area);
    void setRole(const QString &name, Role role);
    void setEnabled(const QString &name, bool enabled);
    void resetPassword(const QString &name, const QString &password);
    void unlock(const QString &name);
    void disableTotp(const QString &name);
    // Bag types, areas and stations (the tabs after Settings).
    AdminDataEditor *dataEditor() const { return m_data; }
    // Settings → database: what this run uses, and the saved choice for the next start.
    DatabaseChoice runningDatabase() const;
    QString databaseText() const;

protected:
    void showEvent(QShowEvent *event) override;

Q_SIGNALS:
    // Station settings saved (sound, language); values as stored in QSettings.
    void stationSettingsChanged();

private:
    QWidget *usersTab();
    QWidget *settingsTab(const QString &stationId);
    QString selectedUser() const;
    void report(const Result<void> &result, const QString &done);
    using LocalChange =
        std::function<Result<void>(AccountService &, const Actor &, const QString &station)>;
    using CentralChange = std::function<Result<QString>(PgStore &)>;
    // Runs a user change on the command lane (embedded: local; central mode: central) and
    // reports it with done.
    void changeUser(LocalChange local, CentralChange central, const QString &done);
    QStringList areaNames() const;
    void loadSettings();
    void saveSettings();
    QWidget *databaseRow(QWidget *parent);
    void changeDatabase();
    // Records the switch in the audit log, then stores it for the next start.
    void saveDatabaseChoice(const DatabaseChoice &choice);
    void showDatabase();

    DbClient &m_db;
    Actor m_actor;
    QStringList m_areas;
    UserListModel *m_users;
    AdminDataEditor *m_data = nullptr;
    QTableView *m_table = nullptr;
    QLabel *m_message;
    QSpinBox *m_undoMinutes = nullptr;
    QComboBox *m_zone = nullptr;
    QCheckBox *m_sound = nullptr;
    QComboBox *m_language = nullptr;
    QCheckBox *m_largeType = nullptr;
    QCheckBox *m_wedge = nullptr;
    QCheckBox *m_serial = nullptr;
    QComboBox *m_port = nullptr;
    QComboBox *m_baud = nullptr;
    QLabel *m_database = nullptr;
    QPushButton *m_restart = nullptr;
};

} // namespace tt
