#pragma once

#include "app/databasechoice.h"

#include <QDialog>

class QLabel;
class QLineEdit;
class QPushButton;
class QRadioButton;
class QStackedWidget;

namespace tt {

class CentralForm;
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
    void setCentral(bool central);
    CentralForm *centralForm() const { return m_central; }

private:
    QWidget *embeddedPage();
    QWidget *centralPage();
    void createAdmin();
    void loadDemo();
    void useCentral();

    SqliteStore &m_store;
    DatabaseChoice m_choice;
    QRadioButton *m_embeddedChoice;
    QRadioButton *m_centralChoice;
    QStackedWidget *m_pages;
    QLineEdit *m_name;
    QLineEdit *m_password;
    QLineEdit *m_confirm;
    QLabel *m_message;
    CentralForm *m_central;
    QPushButton *m_useCentral;
};

} // namespace tt
