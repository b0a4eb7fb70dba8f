#pragma once

#include "app/databasechoice.h"

#include <QWidget>

class QLabel;
class QLineEdit;
class QPushButton;
class QSpinBox;

namespace tt {

// The central database's connection as a station enters it (first run, Settings → database):
// a postgresql:// URL or its parts, the station role's password, the local cache, the station's
// name and area. "Test connection" is answered off the GUI thread, in plain words.
class CentralForm : public QWidget
{
    Q_OBJECT

public:
    // Filled from choice (its central fields, whatever its mode).
    explicit CentralForm(const DatabaseChoice &choice, QWidget *parent = nullptr);

    // The two choices as the first run and Settings → database word them.
    static QString embeddedChoiceText();
    static QString centralChoiceText();

    // Splits a postgresql:// URL into the fields (the password into its hidden field).
    void setUrl(const QString &url);
    void testConnection();
    bool testing() const { return m_testing; }
    QString message() const;
    // Shows a refusal (red) or a neutral line under the form.
    void showError(const QString &message);

    // Writes the form into choice's central fields, or says what is missing.
    Result<void> applyTo(DatabaseChoice &choice) const;
    // The form's connection, or the reason it is incomplete.
    Result<PgConnectionInfo> info() const;

private:
    QLineEdit *m_url;
    QLineEdit *m_host;
    QSpinBox *m_port;
    QLineEdit *m_database;
    QLineEdit *m_user;
    QLineEdit *m_password;
    QLineEdit *m_cache;
    QLineEdit *m_station;
    QLineEdit *m_area;
    QPushButton *m_test;
    QLabel *m_result;
    bool m_testing = false;
};

} // namespace tt
