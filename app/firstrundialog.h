#pragma once

#include <QDialog>

class QLabel;
class QLineEdit;

namespace tt {

class SqliteStore;

// First start of an embedded database without users: create the first admin, or load the
// demo site. Accepted once the database has users.
class FirstRunDialog : public QDialog
{
    Q_OBJECT

public:
    // The store must outlive the dialog.
    explicit FirstRunDialog(SqliteStore &store, QWidget *parent = nullptr);

    QString adminName() const;

private:
    void createAdmin();
    void loadDemo();

    SqliteStore &m_store;
    QLineEdit *m_name;
    QLineEdit *m_password;
    QLineEdit *m_confirm;
    QLabel *m_message;
};

} // namespace tt
