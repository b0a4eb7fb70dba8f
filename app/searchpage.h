#pragma once

#include <QWidget>

#include "core/command.h"

class QComboBox;
class QLabel;
class QLineEdit;
class QTabWidget;
class QTableView;

namespace tt {

class AuditListModel;
class BagListModel;
class BillListModel;
class DbClient;
class PagedModelBase;
class ScanListModel;

// Search and browse (BRIEF §3.5 "search, view"): bags, bills, scans and, for admins, the audit
// trail, each with filters over a paged model; a bag opens its detail, a bill asks to be opened.
class SearchPage : public QWidget
{
    Q_OBJECT

public:
    SearchPage(DbClient &db, const Actor &actor, QWidget *parent = nullptr);

    // Shows a bag's detail dialog (non-modal).
    void openBag(const QString &code);
    void showTab(int index);

    BagListModel *bagModel() const { return m_bags; }
    BillListModel *billModel() const { return m_bills; }
    ScanListModel *scanModel() const { return m_scans; }
    AuditListModel *auditModel() const { return m_audit; }
    QLineEdit *bagSearchField() const { return m_bagText; }
    QTableView *bagView() const { return m_bagView; }

Q_SIGNALS:
    void billRequested(const QString &billId);

private:
    QWidget *page(QLayout *filters, QTableView *view, PagedModelBase *model);
    void applyBagFilter();
    void applyBillFilter();
    void applyScanFilter();
    void applyAuditFilter();

    DbClient &m_db;
    QTabWidget *m_tabs;
    BagListModel *m_bags;
    BillListModel *m_bills;
    ScanListModel *m_scans;
    AuditListModel *m_audit = nullptr;
    QLineEdit *m_bagText;
    QComboBox *m_bagRole;
    QTableView *m_bagView;
    QLineEdit *m_billText;
    QComboBox *m_billStatus;
    QLineEdit *m_scanCode;
    QLineEdit *m_scanUser;
    QComboBox *m_scanAction;
    QComboBox *m_scanPeriod;
    QLineEdit *m_auditActor = nullptr;
    QLineEdit *m_auditText = nullptr;
    QComboBox *m_auditPeriod = nullptr;
};

} // namespace tt
