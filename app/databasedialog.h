#pragma once

#include "app/databasechoice.h"

#include <QDialog>

#include <functional>

class QLabel;
class QLineEdit;
class QRadioButton;

namespace tt {

class CentralForm;

// Settings → database (BRIEF §7): which database this station opens at its next start, the
// embedded file or a central server (the first run's central form, "Test connection" included).
// Save checks the choice and accepts the dialog (the caller records and stores choice()); it
// refuses, changing nothing, when commands queued for the central database would no longer reach
// it (another server, database or cache) and says why. The embedded database's data stays in
// its file: switching copies nothing.
class DatabaseDialog : public QDialog
{
    Q_OBJECT

public:
    // saved: the choice in the app's settings (the form starts from it); running: the database
    // this run uses (--db may differ from the saved one); queued: how many commands wait in the
    // running central cache's outbox, asked when saving.
    DatabaseDialog(const DatabaseChoice &saved, const DatabaseChoice &running,
                   std::function<int()> queued, QWidget *parent = nullptr);

    DatabaseChoice choice() const { return m_choice; }

    // The form (tests).
    void setCentral(bool central);
    void setEmbeddedPath(const QString &path);
    CentralForm *centralForm() const { return m_central; }
    // Checks the form; accepts the dialog when choice() is good. The refusal is in message().
    void save();
    QString message() const;

private:
    Result<DatabaseChoice> edited() const;

    DatabaseChoice m_saved;
    DatabaseChoice m_running;
    DatabaseChoice m_choice;
    std::function<int()> m_queued;
    QRadioButton *m_embeddedChoice;
    QRadioButton *m_centralChoice;
    QLineEdit *m_path;
    CentralForm *m_central;
    QLabel *m_message;
};

} // namespace tt
