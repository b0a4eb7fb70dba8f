#include "app/firstrundialog.h"

#include "app/feedbacktext.h"
#include "database/accountservice.h"
#include "database/demodata.h"
#include "database/sqlitestore.h"

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QFutureWatcher>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPointer>
#include <QPushButton>
#include <QRadioButton>
#include <QSettings>
#include <QSpinBox>
#include <QStackedWidget>
#include <QVBoxLayout>
#include <QtConcurrent>

namespace tt {

namespace {

QLabel *errorLabel(QWidget *parent)
{
    auto *l = new QLabel(parent);
    l->setWordWrap(true);
    l->setStyleSheet(QStringLiteral("color: #b00020;"));
    return l;
}

} // namespace

FirstRunDialog::FirstRunDialog(SqliteStore &store, QWidget *parent)
    : QDialog(parent)
    , m_store(store)
    , m_choice(DatabaseChoice::load(QSettings()))
    , m_embeddedChoice(new QRadioButton(this))
    , m_centralChoice(new QRadioButton(this))
    , m_pages(new QStackedWidget(this))
    , m_name(new QLineEdit(this))
    , m_password(new QLineEdit(this))
    , m_confirm(new QLineEdit(this))
    , m_message(errorLabel(this))
    , m_url(new QLineEdit(this))
    , m_host(new QLineEdit(this))
    , m_port(new QSpinBox(this))
    , m_database(new QLineEdit(this))
    , m_user(new QLineEdit(this))
    , m_stationPassword(new QLineEdit(this))
    , m_cache(new QLineEdit(this))
    , m_stationName(new QLineEdit(this))
    , m_area(new QLineEdit(this))
    , m_test(new QPushButton(this))
    , m_useCentral(new QPushButton(this))
    , m_testResult(new QLabel(this))
{
    setWindowTitle(tr("Welcome to TraceTrack"));
    auto *intro = new QLabel(
        tr("<h2>Set up this station</h2><p>Where does this station keep its data?</p>"), this);
    intro->setWordWrap(true);
    m_embeddedChoice->setText(tr("Embedded: this computer only (its own database)"));
    m_centralChoice->setText(
        tr("Central: a PostgreSQL server shared by the site's stations (keeps working offline)"));
    m_embeddedChoice->setChecked(true);
    m_pages->addWidget(embeddedPage());
    m_pages->addWidget(centralPage());
    connect(m_centralChoice, &QRadioButton::toggled, this,
            [this](bool central) { m_pages->setCurrentIndex(central ? 1 : 0); });
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Cancel, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(intro);
    layout->addWidget(m_embeddedChoice);
    layout->addWidget(m_centralChoice);
    layout->addWidget(m_pages);
    layout->addWidget(buttons);
    setMinimumWidth(560);
}

QWidget *FirstRunDialog::embeddedPage()
{
    auto *page = new QWidget(this);
    auto *intro = new QLabel(
        tr("This database has no users yet. Create the first administrator, or load a small demo "
           "site to try TraceTrack."),
        page);
    intro->setWordWrap(true);
    m_name->setText(QStringLiteral("admin"));
    m_password->setEchoMode(QLineEdit::Password);
    m_confirm->setEchoMode(QLineEdit::Password);
    m_password->setPlaceholderText(tr("10+ characters, three of: a-z, A-Z, 0-9, symbol"));
    auto *form = new QFormLayout;
    form->addRow(tr("Admin user name"), m_name);
    form->addRow(tr("Password"), m_password);
    form->addRow(tr("Repeat password"), m_confirm);
    auto *buttons = new QDialogButtonBox(page);
    QPushButton *create = buttons->addButton(tr("Create admin"), QDialogButtonBox::AcceptRole);
    QPushButton *demo = buttons->addButton(tr("Load demo data"), QDialogButtonBox::ActionRole);
    create->setDefault(true);
    connect(create, &QPushButton::clicked, this, &FirstRunDialog::createAdmin);
    connect(demo, &QPushButton::clicked, this, &FirstRunDialog::loadDemo);
    auto *layout = new QVBoxLayout(page);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(intro);
    layout->addLayout(form);
    layout->addWidget(m_message);
    layout->addStretch(1);
    layout->addWidget(buttons);
    return page;
}

QWidget *FirstRunDialog::centralPage()
{
    auto *page = new QWidget(this);
    auto *intro = new QLabel(
        tr("The central database must be set up first (docs/guide-admin.md). Enter the station "
           "role's connection, or paste a postgresql:// URL."),
        page);
    intro->setWordWrap(true);
    m_url->setObjectName(QStringLiteral("centralUrl"));
    m_url->setPlaceholderText(
        QStringLiteral("postgresql://tt_station:PASSWORD@HOST:5432/tracetrack"));
    m_host->setText(m_choice.server.host);
    m_port->setRange(1, 65535);
    m_port->setValue(m_choice.server.port);
    m_database->setText(m_choice.server.database);
    m_user->setText(m_choice.server.user);
    m_stationPassword->setEchoMode(QLineEdit::Password);
    m_cache->setText(m_choice.effectiveCachePath());
    m_stationName->setText(m_choice.effectiveStation());
    m_area->setText(m_choice.area);
    connect(m_url, &QLineEdit::editingFinished, this, [this] {
        if (!m_url->text().trimmed().isEmpty())
            setCentralUrl(m_url->text().trimmed());
    });
    auto *form = new QFormLayout;
    form->addRow(tr("URL (optional)"), m_url);
    form->addRow(tr("Server"), m_host);
    form->addRow(tr("Port"), m_port);
    form->addRow(tr("Database"), m_database);
    form->addRow(tr("Station role"), m_user);
    form->addRow(tr("Role password"), m_stationPassword);
    form->addRow(tr("Local cache"), m_cache);
    form->addRow(tr("Station name"), m_stationName);
    form->addRow(tr("Area"), m_area);
    m_test->setText(tr("Test connection"));
    m_test->setObjectName(QStringLiteral("testConnection"));
    connect(m_test, &QPushButton::clicked, this, &FirstRunDialog::testConnection);
    m_useCentral->setText(tr("Use this central database"));
    connect(m_useCentral, &QPushButton::clicked, this, &FirstRunDialog::useCentral);
    m_testResult->setObjectName(QStringLiteral("testResult"));
    m_testResult->setWordWrap(true);
    auto *row = new QHBoxLayout;
    row->addWidget(m_test);
    row->addStretch(1);
    row->addWidget(m_useCentral);
    auto *layout = new QVBoxLayout(page);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(intro);
    layout->addLayout(form);
    layout->addWidget(m_testResult);
    layout->addLayout(row);
    return page;
}

QString FirstRunDialog::adminName() const
{
    return m_name->text().trimmed().toLower();
}

void FirstRunDialog::setCentral(bool central)
{
    (central ? m_centralChoice : m_embeddedChoice)->setChecked(true);
}

void FirstRunDialog::setCentralUrl(const QString &url)
{
    const auto info = parsePostgresUrl(url);
    if (!info) {
        m_testResult->setStyleSheet(QStringLiteral("color: #b00020;"));
        m_testResult->setText(tr("Not a postgresql:// URL: %1").arg(url.left(60)));
        return;
    }
    m_url->clear(); // the password goes into its own (hidden) field
    m_host->setText(info->host);
    m_port->setValue(info->port);
    m_database->setText(info->database);
    m_user->setText(info->user);
    m_stationPassword->setText(info->password);
}

Result<PgConnectionInfo> FirstRunDialog::centralInfo() const
{
    PgConnectionInfo info;
    info.host = m_host->text().trimmed();
    info.port = m_port->value();
    info.database = m_database->text().trimmed();
    info.user = m_user->text().trimmed();
    info.password = m_stationPassword->text();
    if (info.host.isEmpty() || info.database.isEmpty() || info.user.isEmpty())
        return fail(Reason::InvalidInput,
                    tr("Enter the server, the database and the station role."));
    return info;
}

QString FirstRunDialog::testMessage() const
{
    return m_testResult->text();
}

void FirstRunDialog::testConnection()
{
    const auto info = centralInfo();
    if (!info) {
        m_testResult->setStyleSheet(QStringLiteral("color: #b00020;"));
        m_testResult->setText(info.error().message);
        return;
    }
    m_testing = true;
    m_test->setEnabled(false);
    m_testResult->setStyleSheet(QString());
    m_testResult->setText(tr("Connecting to %1:%2 …").arg(info->host).arg(info->port));
    // The check runs in a pool thread; the dialog may be gone when it answers.
    auto *watcher = new QFutureWatcher<Result<ConnectionCheck>>();
    QPointer<FirstRunDialog> self(this);
    connect(watcher, &QFutureWatcher<Result<ConnectionCheck>>::finished, watcher, [self, watcher] {
        watcher->deleteLater();
        if (!self)
            return;
        const Result<ConnectionCheck> r = watcher->result();
        self->m_testing = false;
        self->m_test->setEnabled(true);
        if (r) {
            self->m_testResult->setStyleSheet(QStringLiteral("color: #1b7f3b;"));
            self->m_testResult->setText(
                tr("Reachable: TraceTrack schema version %1, round trip %2 ms.")
                    .arg(r->schemaVersion)
                    .arg(r->latencyMs, 0, 'f', 1));
        } else {
            self->m_testResult->setStyleSheet(QStringLiteral("color: #b00020;"));
            self->m_testResult->setText(r.error().message);
        }
    });
    watcher->setFuture(QtConcurrent::run([info = *info] { return checkCentralConnection(info); }));
}

void FirstRunDialog::useCentral()
{
    const auto info = centralInfo();
    if (!info) {
        m_testResult->setStyleSheet(QStringLiteral("color: #b00020;"));
        m_testResult->setText(info.error().message);
        return;
    }
    if (m_stationName->text().trimmed().isEmpty()) {
        m_testResult->setStyleSheet(QStringLiteral("color: #b00020;"));
        m_testResult->setText(
            tr("Give this station a name (it appears in the central database's records)."));
        return;
    }
    m_choice.central = true;
    m_choice.server = *info;
    m_choice.cachePath = m_cache->text().trimmed();
    m_choice.station = m_stationName->text().trimmed();
    m_choice.area = m_area->text().trimmed();
    QSettings settings;
    m_choice.save(settings);
    accept();
}

void FirstRunDialog::createAdmin()
{
    if (m_password->text() != m_confirm->text()) {
        m_message->setText(tr("The two passwords differ."));
        return;
    }
    AccountService accounts(m_store.statements(), m_store.clock());
    if (auto r = accounts.initAdmin(m_name->text(), m_password->text(), QStringLiteral("desktop")); !r) {
        m_message->setText(localizedMessage(r.error().message));
        return;
    }
    accept();
}

void FirstRunDialog::loadDemo()
{
    if (auto r = loadDemoData(m_store); !r) {
        m_message->setText(localizedMessage(r.error().message));
        return;
    }
    m_name->setText(QStringLiteral("admin"));
    accept();
}

} // namespace tt
