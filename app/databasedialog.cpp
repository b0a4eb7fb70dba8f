#include "app/databasedialog.h"

#include "app/centralform.h"

#include <QDialogButtonBox>
#include <QDir>
#include <QFileInfo>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRadioButton>
#include <QStackedWidget>
#include <QVBoxLayout>

namespace tt {

DatabaseDialog::DatabaseDialog(const DatabaseChoice &saved, const DatabaseChoice &running,
                               std::function<int()> queued, QWidget *parent)
    : QDialog(parent)
    , m_saved(saved)
    , m_running(running)
    , m_choice(saved)
    , m_queued(std::move(queued))
    , m_embeddedChoice(new QRadioButton(CentralForm::embeddedChoiceText(), this))
    , m_centralChoice(new QRadioButton(CentralForm::centralChoiceText(), this))
    , m_path(new QLineEdit(saved.effectiveSqlitePath(), this))
    , m_central(new CentralForm(saved, this))
    , m_message(new QLabel(this))
{
    setWindowTitle(tr("Database of this station"));
    auto *intro = new QLabel(
        tr("Currently: %1. The station opens the database chosen here at its next start. "
           "Nothing is copied between databases: the embedded file keeps its data, and scans "
           "queued for a central database must reach it before you leave it.")
            .arg(running.describe().toHtmlEscaped()),
        this);
    intro->setWordWrap(true);
    m_path->setObjectName(QStringLiteral("embeddedPath"));
    auto *embeddedPage = new QWidget(this);
    auto *embeddedForm = new QFormLayout(embeddedPage);
    embeddedForm->setContentsMargins(0, 0, 0, 0);
    embeddedForm->addRow(tr("Database file"), m_path);
    embeddedForm->addRow(new QLabel(
        tr("A new file starts empty: TraceTrack asks for its first administrator."), this));
    auto *pages = new QStackedWidget(this);
    pages->addWidget(embeddedPage);
    pages->addWidget(m_central);
    connect(m_centralChoice, &QRadioButton::toggled, pages,
            [pages](bool central) { pages->setCurrentIndex(central ? 1 : 0); });
    (saved.central ? m_centralChoice : m_embeddedChoice)->setChecked(true);
    m_message->setObjectName(QStringLiteral("databaseMessage"));
    m_message->setWordWrap(true);
    m_message->setStyleSheet(QStringLiteral("color: #b00020;"));
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Save | QDialogButtonBox::Cancel, this);
    connect(buttons, &QDialogButtonBox::accepted, this, &DatabaseDialog::save);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(intro);
    layout->addWidget(m_embeddedChoice);
    layout->addWidget(m_centralChoice);
    layout->addWidget(pages);
    layout->addWidget(m_message);
    layout->addWidget(buttons);
    setMinimumWidth(600);
}

void DatabaseDialog::setCentral(bool central)
{
    (central ? m_centralChoice : m_embeddedChoice)->setChecked(true);
}

void DatabaseDialog::setEmbeddedPath(const QString &path)
{
    m_path->setText(path);
}

QString DatabaseDialog::message() const
{
    return m_message->text();
}

Result<DatabaseChoice> DatabaseDialog::edited() const
{
    DatabaseChoice c = m_saved;
    c.central = m_centralChoice->isChecked();
    if (c.central) {
        if (auto r = m_central->applyTo(c); !r)
            return std::unexpected(r.error());
        return c;
    }
    const QString path = m_path->text().trimmed();
    if (path.isEmpty())
        return fail(Reason::InvalidInput, tr("Enter the database file."));
    const QFileInfo file(path);
    if (file.isDir())
        return fail(Reason::InvalidInput,
                    tr("%1 is a folder; enter a file name in it, e.g. %2.")
                        .arg(QDir::toNativeSeparators(path),
                             QDir::toNativeSeparators(file.absoluteFilePath() +
                                                      QStringLiteral("/tracetrack.db"))));
    if (samePath(path, m_saved.effectiveCachePath()) ||
        (m_running.central && samePath(path, m_running.effectiveCachePath())))
        return fail(Reason::InvalidInput,
                    tr("%1 is the central mode's cache, not a station database: choose another "
                       "file.")
                        .arg(QDir::toNativeSeparators(path)));
    const QFileInfo dir(file.absolutePath());
    if (!dir.exists() && !QDir().mkpath(dir.absoluteFilePath()))
        return fail(Reason::InvalidInput,
                    tr("Cannot create the folder %1.")
                        .arg(QDir::toNativeSeparators(dir.absoluteFilePath())));
    if (!QFileInfo(dir.absoluteFilePath()).isWritable() || (file.exists() && !file.isWritable()))
        return fail(
            Reason::InvalidInput,
            tr("This computer's user cannot write %1.").arg(QDir::toNativeSeparators(path)));
    c.sqlitePath = file.absoluteFilePath();
    return c;
}

void DatabaseDialog::save()
{
    const auto c = edited();
    if (!c) {
        m_message->setText(c.error().message);
        return;
    }
    const int queued = m_queued ? m_queued() : 0;
    if (queued > 0 && !c->keepsQueueOf(m_running)) {
        m_message->setText(tr("%n scan(s) or command(s) are still queued for %1; from the new "
                              "database they would never reach it. Wait until the station has "
                              "synced them (queued: 0), then switch.",
                              nullptr, queued)
                               .arg(m_running.server.displayName()));
        return;
    }
    m_choice = *c;
    accept();
}

} // namespace tt
