#pragma once

#include <QWidget>

#include <optional>

#include "core/command.h"
#include "core/outcome.h"
#include "core/readmodels.h"

class QLabel;
class QLineEdit;
class QPushButton;
class QTableView;

namespace tt {

class DbClient;
class ReturnLineModel;
class ReturnListModel;

// Returns (BRIEF §3.4), for billers and admins: the tickets on the left; on the right the chosen
// ticket with its parents (original bill, children, weight), the scan field that takes parents
// off their bills onto it, finalise and cancel. While the page is shown and the ticket is open,
// the main window routes scans here (acceptsScans()).
class ReturnsPage : public QWidget
{
    Q_OBJECT

public:
    // The client must outlive the page.
    ReturnsPage(DbClient &db, const Actor &actor, QWidget *parent = nullptr);

    void openTicket(const QString &ticketId);
    void newTicket();
    void scanParent(const QString &raw);
    void finalise();
    void cancel();

    QString ticketId() const { return m_ticketId; }
    bool acceptsScans() const;
    const std::optional<ReturnView> &details() const { return m_details; }
    QString messageText() const;
    ReturnListModel *listModel() const { return m_list; }
    ReturnLineModel *lineModel() const { return m_lines; }

Q_SIGNALS:
    void outcomeShown(const tt::Outcome &outcome);
    // The list and the open ticket were read again.
    void refreshed();

private:
    void run(CommandBody body);
    void showOutcome(const Outcome &outcome);
    void reload();
    void render();

    DbClient &m_db;
    bool m_allowed;
    QString m_ticketId;
    std::optional<ReturnView> m_details;
    ReturnListModel *m_list;
    ReturnLineModel *m_lines;
    QTableView *m_listView;
    QPushButton *m_new;
    QLabel *m_title;
    QLabel *m_status;
    QLabel *m_count;
    QLineEdit *m_scan;
    QLabel *m_message;
    QTableView *m_lineView;
    QPushButton *m_finalise;
    QPushButton *m_cancel;
};

} // namespace tt
