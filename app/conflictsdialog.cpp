#include "app/conflictsdialog.h"

#include "app/dbclient.h"
#include "app/feedbacktext.h"
#include "app/format.h"
#include "database/centralsync.h"
#include "database/pgstore.h"

#include <QDialogButtonBox>
#include <QHeaderView>
#include <QJsonArray>
#include <QLabel>
#include <QPushButton>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace tt {

namespace {

struct ConflictLists
{
    Result<QList<OutboxEntry>> mine = QList<OutboxEntry>();
    std::optional<Result<QJsonArray>> all;
};

QTreeWidget *conflictTree(const QStringList &headers, QWidget *parent)
{
    auto *tree = new QTreeWidget(parent);
    tree->setRootIsDecorated(false);
    tree->setAlternatingRowColors(true);
    tree->setHeaderLabels(headers);
    tree->header()->setSectionResizeMode(QHeaderView::ResizeToContents);
    tree->header()->setStretchLastSection(true);
    return tree;
}

} // namespace

ConflictsDialog::ConflictsDialog(DbClient &db, bool allStations, QWidget *parent)
    : QDialog(parent)
    , m_db(db)
    , m_allStations(allStations)
    , m_message(new QLabel(this))
{
    setWindowTitle(tr("Sync conflicts"));
    setObjectName(QStringLiteral("conflictsDialog"));
    auto *layout = new QVBoxLayout(this);
    auto *intro = new QLabel(
        tr("Commands decided at this station while it was offline that the central database "
           "rejected when they were sent. The central database's state holds; check these "
           "bags and scan again where needed."),
        this);
    intro->setWordWrap(true);
    layout->addWidget(intro);
    m_mine = conflictTree({tr("Queued at"), tr("Command"), tr("Code"), tr("By"),
                           tr("Shown at the station"), tr("Central answer")},
                          this);
    m_mine->setObjectName(QStringLiteral("stationConflicts"));
    layout->addWidget(m_mine, 1);
    if (m_allStations) {
        layout->addWidget(new QLabel(tr("<b>Every station</b> (central database)"), this));
        m_all = conflictTree({tr("Detected at"), tr("Station"), tr("Command"), tr("By"),
                              tr("Uploaded by"), tr("Central answer")},
                             this);
        m_all->setObjectName(QStringLiteral("allConflicts"));
        layout->addWidget(m_all, 1);
    }
    m_message->setWordWrap(true);
    layout->addWidget(m_message);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    QPushButton *reload = buttons->addButton(tr("Reload"), QDialogButtonBox::ActionRole);
    connect(reload, &QPushButton::clicked, this, &ConflictsDialog::load);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    layout->addWidget(buttons);
    resize(900, 480);
    load();
}

int ConflictsDialog::stationRows() const
{
    return m_mine->topLevelItemCount();
}

int ConflictsDialog::allRows() const
{
    return m_all ? m_all->topLevelItemCount() : 0;
}

void ConflictsDialog::load()
{
    m_message->setText(tr("Loading…"));
    m_db.call(
        DbClient::Lane::Command, this,
        [all = m_allStations](DbSession &s) {
            ConflictLists lists;
            if (!s.synced) {
                lists.mine = fail(Reason::InvalidInput,
                                  QStringLiteral("This station is not in central mode."));
                return lists;
            }
            lists.mine = s.synced->conflicts(500);
            if (all) {
                if (s.synced->online() && s.synced->central())
                    lists.all = CentralSync(*s.synced->central()).conflicts(500);
                else
                    lists.all = fail(
                        Reason::DatabaseError,
                        QStringLiteral("The central database is unreachable, so other stations' "
                                       "conflicts cannot be shown now."));
            }
            return lists;
        },
        [this](ConflictLists lists) {
            m_loaded = true;
            QStringList problems;
            m_mine->clear();
            if (lists.mine) {
                for (const OutboxEntry &e : *lists.mine) {
                    const Outcome local = Outcome::fromJson(e.localOutcome);
                    const Outcome central = Outcome::fromJson(e.centralOutcome);
                    new QTreeWidgetItem(
                        m_mine,
                        {formatClock(e.queuedAt),
                         e.command.value(QStringLiteral("kind")).toString(), local.code,
                         e.command.value(QStringLiteral("actor")).toString(),
                         localizedMessage(local.message), localizedMessage(central.message)});
                }
            } else {
                problems << localizedMessage(lists.mine.error().message);
            }
            if (m_all && lists.all) {
                m_all->clear();
                if (*lists.all) {
                    for (const QJsonValue &v : **lists.all) {
                        const QJsonObject c = v.toObject();
                        const auto text = [&c](const char *key) {
                            return c.value(QLatin1String(key)).toString();
                        };
                        new QTreeWidgetItem(m_all,
                                            {text("detected_at"), text("station"), text("kind"),
                                             text("author"), text("uploaded_by"),
                                             localizedMessage(text("message"))});
                    }
                } else {
                    problems << localizedMessage(lists.all->error().message);
                }
            }
            m_message->setText(problems.isEmpty()
                                   ? tr("%n conflict(s) at this station.", nullptr, stationRows())
                                   : problems.join(u'\n'));
        });
}

} // namespace tt
