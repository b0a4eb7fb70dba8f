#include "app/centralform.h"

#include <QFormLayout>
#include <QFutureWatcher>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPointer>
#include <QPushButton>
#include <QSpinBox>
#include <QVBoxLayout>
#include <QtConcurrent>

namespace tt {

CentralForm::CentralForm(const DatabaseChoice &choice, QWidget *parent)
    : QWidget(parent)
    , m_url(new QLineEdit(this))
    , m_host(new QLineEdit(choice.server.host, this))
    , m_port(new QSpinBox(this))
    , m_database(new QLineEdit(choice.server.database, this))
    , m_user(new QLineEdit(choice.server.user, this))
    , m_password(new QLineEdit(choice.server.password, this))
    , m_cache(new QLineEdit(choice.effectiveCachePath(), this))
    , m_station(new QLineEdit(choice.effectiveStation(), this))
    , m_area(new QLineEdit(choice.area, this))
    , m_test(new QPushButton(tr("Test connection"), this))
    , m_result(new QLabel(this))
{
    m_url->setObjectName(QStringLiteral("centralUrl"));
    m_url->setPlaceholderText(
        QStringLiteral("postgresql://tt_station:PASSWORD@HOST:5432/tracetrack"));
    m_port->setRange(1, 65535);
    m_port->setValue(choice.server.port);
    m_password->setEchoMode(QLineEdit::Password);
    m_test->setObjectName(QStringLiteral("testConnection"));
    m_result->setObjectName(QStringLiteral("testResult"));
    m_result->setWordWrap(true);
    connect(m_url, &QLineEdit::editingFinished, this, [this] {
        if (!m_url->text().trimmed().isEmpty())
            setUrl(m_url->text().trimmed());
    });
    connect(m_test, &QPushButton::clicked, this, &CentralForm::testConnection);
    auto *form = new QFormLayout;
    form->addRow(tr("URL (optional)"), m_url);
    form->addRow(tr("Server"), m_host);
    form->addRow(tr("Port"), m_port);
    form->addRow(tr("Database"), m_database);
    form->addRow(tr("Station role"), m_user);
    form->addRow(tr("Role password"), m_password);
    form->addRow(tr("Local cache"), m_cache);
    form->addRow(tr("Station name"), m_station);
    form->addRow(tr("Area"), m_area);
    auto *row = new QHBoxLayout;
    row->addWidget(m_test);
    row->addStretch(1);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(form);
    layout->addWidget(m_result);
    layout->addLayout(row);
}

QString CentralForm::embeddedChoiceText()
{
    return tr("Embedded: this computer only (its own database)");
}

QString CentralForm::centralChoiceText()
{
    return tr("Central: a PostgreSQL server shared by the site's stations (keeps working offline)");
}

void CentralForm::setUrl(const QString &url)
{
    const auto info = parsePostgresUrl(url);
    if (!info) {
        showError(tr("Not a postgresql:// URL: %1").arg(url.left(60)));
        return;
    }
    m_url->clear(); // the password goes into its own (hidden) field
    m_host->setText(info->host);
    m_port->setValue(info->port);
    m_database->setText(info->database);
    m_user->setText(info->user);
    m_password->setText(info->password);
}

QString CentralForm::message() const
{
    return m_result->text();
}

void CentralForm::showError(const QString &message)
{
    m_result->setStyleSheet(QStringLiteral("color: #b00020;"));
    m_result->setText(message);
}

Result<PgConnectionInfo> CentralForm::info() const
{
    PgConnectionInfo info;
    info.host = m_host->text().trimmed();
    info.port = m_port->value();
    info.database = m_database->text().trimmed();
    info.user = m_user->text().trimmed();
    info.password = m_password->text();
    if (info.host.isEmpty() || info.database.isEmpty() || info.user.isEmpty())
        return fail(Reason::InvalidInput,
                    tr("Enter the server, the database and the station role."));
    return info;
}

Result<void> CentralForm::applyTo(DatabaseChoice &choice) const
{
    const auto server = info();
    if (!server)
        return std::unexpected(server.error());
    if (m_station->text().trimmed().isEmpty())
        return fail(Reason::InvalidInput,
                    tr("Give this station a name (it appears in the central database's records)."));
    choice.server = *server;
    choice.cachePath = m_cache->text().trimmed();
    choice.station = m_station->text().trimmed();
    choice.area = m_area->text().trimmed();
    return {};
}

void CentralForm::testConnection()
{
    const auto server = info();
    if (!server) {
        showError(server.error().message);
        return;
    }
    m_testing = true;
    m_test->setEnabled(false);
    m_result->setStyleSheet(QString());
    m_result->setText(tr("Connecting to %1:%2 …").arg(server->host).arg(server->port));
    // The check runs in a pool thread; the form may be gone when it answers.
    auto *watcher = new QFutureWatcher<Result<ConnectionCheck>>();
    QPointer<CentralForm> self(this);
    connect(watcher, &QFutureWatcher<Result<ConnectionCheck>>::finished, watcher, [self, watcher] {
        watcher->deleteLater();
        if (!self)
            return;
        const Result<ConnectionCheck> r = watcher->result();
        self->m_testing = false;
        self->m_test->setEnabled(true);
        if (!r) {
            self->showError(r.error().message);
            return;
        }
        self->m_result->setStyleSheet(QStringLiteral("color: #1b7f3b;"));
        self->m_result->setText(tr("Reachable: TraceTrack schema version %1, round trip %2 ms.")
                                    .arg(r->schemaVersion)
                                    .arg(r->latencyMs, 0, 'f', 1));
    });
    watcher->setFuture(
        QtConcurrent::run([server = *server] { return checkCentralConnection(server); }));
}

} // namespace tt
