#pragma once

#include "app/databasechoice.h"

#include <QDialog>

class QLabel;
class QLineEdit;
class QPushButton;
class QRadioButton;
class QSpinBox;
class QStackedWidget;

namespace tt {

class SqliteStore;

// First start of a station: embedded (this computer's own database, which has no users yet:
// create the first admin or load the demo site) or central (a PostgreSQL server shared by the
// site's stations: connection details, "Test connection" answered off the GUI thread, the
// station's name and area, saved to the app's settings). Accepted once the embedded database
// has users or the central choice is saved; choice() says which.
class FirstRunDialog : public QDialog
{
    Q_OBJECT

public:
    // The store (the embedded database) must outlive the dialog.
    explicit FirstRunDialog(SqliteStore &store, QWidget *parent = nullptr);

    QString adminName() const;
    DatabaseChoice choice() const { return m_choice; }

    // The central form (tests).
    void setCentralUrl(const QString &url);
    void setCentral(bool central);
    void testConnection();
    bool testing() const { return m_testing; }
    QString testMessage() const;
    QPushButton *useCentralButton() const { return m_useCentral; }

private:
    QWidget *embeddedPage();
    QWidget *centralPage();
    void createAdmin();
    void loadDemo();
    void useCentral();
    // The central form's connection, or the reason it is incomplete.
    Result<PgConnectionInfo> centralInfo() const;

    SqliteStore &m_store;
    DatabaseChoice m_choice;
    QRadioButton *m_embeddedChoice;
    QRadioButton *m_centralChoice;
    QStackedWidget *m_pages;
    QLineEdit *m_name;
    QLineEdit *m_password;
    QLineEdit *m_confirm;
    QLabel *m_message;
    QLineEdit *m_url;
    QLineEdit *m_host;
    QSpinBox *m_port;
    QLineEdit *m_database;
    QLineEdit *m_user;
    QLineEdit *m_stationPassword;
    QLineEdit *m_cache;
    QLineEdit *m_stationName;
    QLineEdit *m_area;
    QPushButton *m_test;
    QPushButton *m_useCentral;
    QLabel *m_testResult;
    bool m_testing = false;
};

} // namespace tt
