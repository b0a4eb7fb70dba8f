#include "app/bagdetaildialog.h"

#include <QDialogButtonBox>
#include <QHeaderView>
#include <QLabel>
#include <QListWidget>
#include <QSplitter>
#include <QTableView>
#include <QVBoxLayout>

#include "app/dbclient.h"
#include "app/feedbacktext.h"
#include "app/format.h"
#include "app/scanlistmodel.h"

namespace tt {

BagDetailDialog::BagDetailDialog(DbClient &db, const QString &code, QWidget *parent)
    : QDialog(parent)
    , m_title(new QLabel(code, this))
    , m_summary(new QLabel(tr("Loading…"), this))
    , m_children(new QListWidget(this))
    , m_history(new ScanListModel(db, this))
{
    setObjectName(QStringLiteral("bagDetail"));
    setWindowTitle(tr("Bag %1").arg(code));
    QFont big = font();
    big.setPointSize(24);
    big.setBold(true);
    m_title->setFont(big);
    m_summary->setTextFormat(Qt::RichText);
    m_summary->setWordWrap(true);
    auto *history = new QTableView(this);
    history->setModel(m_history);
    history->verticalHeader()->hide();
    history->horizontalHeader()->setStretchLastSection(true);
    history->setWordWrap(false);
    connect(m_history, &ScanListModel::pageLoaded, history, [history] { history->resizeColumnsToContents(); });
    auto *splitter = new QSplitter(this);
    auto *childBox = new QWidget(this);
    auto *childLayout = new QVBoxLayout(childBox);
    childLayout->setContentsMargins(0, 0, 0, 0);
    childLayout->addWidget(new QLabel(tr("Children in force"), this));
    childLayout->addWidget(m_children);
    auto *historyBox = new QWidget(this);
    auto *historyLayout = new QVBoxLayout(historyBox);
    historyLayout->setContentsMargins(0, 0, 0, 0);
    historyLayout->addWidget(new QLabel(tr("History (every scan of this code)"), this));
    historyLayout->addWidget(history);
    splitter->addWidget(childBox);
    splitter->addWidget(historyBox);
    splitter->setStretchFactor(1, 4);
    splitter->setSizes({180, 900});
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_title);
    layout->addWidget(m_summary);
    layout->addWidget(splitter, 1);
    layout->addWidget(buttons);
    resize(1100, 600);

    ScanFilter filter;
    filter.code = code;
    m_history->setFilter(filter);
    db.call(
        DbClient::Lane::Query, this, [code](DbSession &s) { return s.store->bag(code); },
        [this, code](Result<std::optional<BagDetails>> r) {
            if (!r) {
                m_summary->setText(localizedMessage(r.error().message).toHtmlEscaped());
                return;
            }
            if (!*r) {
                m_summary->setText(tr("There is no bag %1.").arg(code.toHtmlEscaped()));
                return;
            }
            const BagDetails &b = **r;
            m_title->setText(b.code);
            QString text;
            if (b.role == BagRole::Parent) {
                text = tr("<b>Parent bag</b> of type %1 · <b>%2/%3</b> children · contents %4 · expected %5")
                           .arg(b.typeName)
                           .arg(b.childCount)
                           .arg(b.capacity)
                           .arg(formatKg(b.contentsWeightG), formatKg(b.expectedWeightG));
                text += QStringLiteral("<br>") + (b.billId.isEmpty() ? tr("Not on a bill.") : tr("On bill <b>%1</b>.").arg(b.billId));
            } else {
                text = tr("<b>Child bag</b> of type %1 · weight %2%3")
                           .arg(b.typeName, formatKg(b.weightG), b.measuredWeightG ? tr(" (measured)") : tr(" (nominal)"));
                text += QStringLiteral("<br>") + (b.parentCode.isEmpty()
                                                      ? tr("Not linked to a parent.")
                                                      : tr("In <b>%1</b>, linked by %2 at %3.")
                                                            .arg(b.parentCode, b.linkedBy, formatTime(b.linkedAt)));
            }
            text += QStringLiteral("<br>") + tr("Created %1 by %2.").arg(formatTime(b.createdAt), b.createdBy);
            m_summary->setText(text);
            m_children->clear();
            m_children->addItems(b.children);
        });
}

QString BagDetailDialog::summaryText() const
{
    return m_summary->text();
}

int BagDetailDialog::childCount() const
{
    return m_children->count();
}

} // namespace tt
