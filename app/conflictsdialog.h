#pragma once

#include <QDialog>

class QLabel;
class QTreeWidget;

namespace tt {

class DbClient;

// Central mode: the commands this station queued offline that the central rules rejected on
// replay (central state won), newest first; for admins also every station's conflicts from the
// central database (when it answers). Reads in the command lane, where the station's store
// lives; not modal, so scans go on while it is open.
class ConflictsDialog : public QDialog
{
    Q_OBJECT

public:
    // The client must outlive the dialog.
    ConflictsDialog(DbClient &db, bool allStations, QWidget *parent = nullptr);

    // Rows shown (tests): this station's, every station's.
    int stationRows() const;
    int allRows() const;
    bool loaded() const { return m_loaded; }

private:
    void load();

    DbClient &m_db;
    bool m_allStations;
    QTreeWidget *m_mine;
    QTreeWidget *m_all = nullptr;
    QLabel *m_message;
    bool m_loaded = false;
};

} // namespace tt
