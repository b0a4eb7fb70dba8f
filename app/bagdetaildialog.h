#pragma once

#include <QDialog>

class QLabel;
class QListWidget;

namespace tt {

class DbClient;
class ScanListModel;

// One bag: what it is, where it is (parent, bill), its children and its full scan history.
// Non-modal; reads on the query lane.
class BagDetailDialog : public QDialog
{
    Q_OBJECT

public:
    BagDetailDialog(DbClient &db, const QString &code, QWidget *parent = nullptr);

    QString summaryText() const;
    ScanListModel *historyModel() const { return m_history; }
    int childCount() const;

private:
    QLabel *m_title;
    QLabel *m_summary;
    QListWidget *m_children;
    ScanListModel *m_history;
};

} // namespace tt
