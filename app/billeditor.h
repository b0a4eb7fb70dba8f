#pragma once

#include <QWidget>

#include <optional>

#include "core/command.h"
#include "core/outcome.h"
#include "core/readmodels.h"

class QLabel;
class QLineEdit;
class QProgressBar;
class QPushButton;
class QTableView;

namespace tt {

class BillLineModel;
class DbClient;

// The biller's bill editor (BRIEF §3.3): the bill's parents, live actual/expected weight and
// variance, scanning parents onto it, removing one, complete, reopen, print and PDF. Commands
// run on the command lane; the figures are re-read after every answer and every change.
class BillEditor : public QWidget
{
    Q_OBJECT

public:
    // The client must outlive the editor.
    BillEditor(DbClient &db, const Actor &actor, QWidget *parent = nullptr);

    // Shows a bill (empty: none).
    void openBill(const QString &billId);
    void createBill(const QString &billId, int capacity);
    // A parent bag code (or any scan) in bill mode for the open bill.
    void scanParent(const QString &raw);
    void removeParent(const QString &parentCode);
    void removeSelectedParent();
    void complete();
    void reopen();
    void printPreview();
    // Writes the bill as an A4 PDF; asks for a file name when path is empty.
    void savePdf(const QString &path = {});

    QString billId() const { return m_billId; }
    // An open bill is shown and the user may change bills.
    bool acceptsScans() const;
    const std::optional<BillDetails> &details() const { return m_details; }
    QString messageText() const;
    QString weightsText() const;
    BillLineModel *lineModel() const { return m_lines; }

Q_SIGNALS:
    void outcomeShown(const tt::Outcome &outcome);
    void billOpened(const QString &billId);

private:
    void run(CommandBody body);
    void showOutcome(const Outcome &outcome);
    void reload();
    void render();

    DbClient &m_db;
    Actor m_actor;
    bool m_canManage;
    QString m_billId;
    std::optional<BillDetails> m_details;
    BillLineModel *m_lines;
    QLabel *m_title;
    QLabel *m_status;
    QLabel *m_count;
    QProgressBar *m_progress;
    QLabel *m_actual;
    QLabel *m_expected;
    QLabel *m_variance;
    QLineEdit *m_scan;
    QLabel *m_message;
    QTableView *m_table;
    QPushButton *m_remove;
    QPushButton *m_complete;
    QPushButton *m_reopen;
    QPushButton *m_print;
    QPushButton *m_pdf;
};

} // namespace tt
