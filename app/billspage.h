#pragma once

#include <QWidget>

#include "core/command.h"

class QComboBox;
class QLineEdit;
class QPushButton;
class QSpinBox;
class QTableView;

namespace tt {

class BillEditor;
class BillListModel;
class DbClient;

// Bills (BRIEF §3.3): the filtered, paged list on the left, the editor of the chosen bill on the
// right, and the row that creates a bill (id, capacity).
class BillsPage : public QWidget
{
    Q_OBJECT

public:
    BillsPage(DbClient &db, const Actor &actor, QWidget *parent = nullptr);

    BillEditor *editor() const { return m_editor; }
    BillListModel *model() const { return m_model; }
    QLineEdit *searchField() const { return m_search; }
    QLineEdit *newIdField() const { return m_newId; }
    QSpinBox *newCapacityField() const { return m_newCapacity; }
    QPushButton *createButton() const { return m_create; }

private:
    void applyFilter();

    BillListModel *m_model;
    BillEditor *m_editor;
    QLineEdit *m_search;
    QComboBox *m_status;
    QTableView *m_table;
    QLineEdit *m_newId;
    QSpinBox *m_newCapacity;
    QPushButton *m_create;
};

} // namespace tt
