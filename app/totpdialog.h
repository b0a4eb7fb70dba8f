#pragma once

#include "core/command.h"

#include <QDialog>

class QLabel;
class QLineEdit;
class QPushButton;

namespace tt {

class DbClient;

// Sets up the actor's own one-time code (BRIEF §3.5): asks the store for a new secret, shows it
// as text and as a QR code of the otpauth URI for an authenticator app, and turns the factor on
// once the user enters a code the app shows. Accepted when confirmed. Central mode: the central
// database keeps the secret (CentralAdmin, migration 008); without it the dialog says so.
class TotpDialog : public QDialog
{
    Q_OBJECT

public:
    TotpDialog(DbClient &db, const Actor &actor, QWidget *parent = nullptr);

    QString secretText() const;
    QString messageText() const;
    // Confirms with a code (the Confirm button does this with the typed code).
    void confirm(const QString &code);

Q_SIGNALS:
    // The secret arrived and is shown.
    void secretShown();

private:
    DbClient &m_db;
    Actor m_actor;
    QLabel *m_qr;
    QLabel *m_secret;
    QLineEdit *m_code;
    QPushButton *m_confirm;
    QLabel *m_message;
};

} // namespace tt
