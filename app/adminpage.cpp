#include "app/adminpage.h"

#include "app/admindataeditor.h"
#include "app/arealistmodel.h"
#include "app/databasedialog.h"
#include "app/dbclient.h"
#include "app/feedbacktext.h"
#include "app/language.h"
#include "app/totpdialog.h"
#include "app/userlistmodel.h"
#include "core/clock.h"
#include "database/accountservice.h"
#include "database/centraladmin.h"
#include "database/dashboardquery.h"
#include "database/repositories.h"
#include "scanner/scannersettings.h"

#include <QCheckBox>
#include <QComboBox>
#include <QCoreApplication>
#include <QDialog>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QInputDialog>
#include <QLabel>
#include <QLineEdit>
#include <QProcess>
#include <QPushButton>
#include <QSerialPortInfo>
#include <QSettings>
#include <QSpinBox>
#include <QTabWidget>
#include <QTableView>
#include <QVBoxLayout>

namespace tt {

namespace {

AccountService accounts(DbSession &s)
{
    return AccountService(s.store->statements(), s.store->clock());
}

// The server's message dropped: the page words its own answer.
Result<void> succeeded(const Result<QString> &r)
{
    if (!r)
        return std::unexpected(r.error());
    return {};
}

} // namespace

AdminPage::AdminPage(DbClient &db, const Actor &actor, const QString &stationId,
                     QAbstractItemModel *selfTest, QWidget *parent)
    : QWidget(parent)
    , m_db(db)
    , m_actor(actor)
    , m_users(new UserListModel(this))
    , m_message(new QLabel(this))
{
    setObjectName(QStringLiteral("adminPage"));
    m_message->setWordWrap(true);
    auto *tabs = new QTabWidget(this);
    tabs->addTab(usersTab(), tr("Users"));
    tabs->addTab(settingsTab(stationId), tr("Settings"));
    m_data = new AdminDataEditor(db, actor, this);
    tabs->addTab(m_data->bagTypesTab(), tr("Bag types"));
    tabs->addTab(m_data->areasTab(), tr("Areas"));
    tabs->addTab(m_data->stationsTab(), tr("Stations"));
    if (selfTest) {
        auto *view = new QTableView(this);
        view->setModel(selfTest);
        view->verticalHeader()->hide();
        view->horizontalHeader()->setStretchLastSection(true);
        view->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
        auto *w = new QWidget(this);
        auto *l = new QVBoxLayout(w);
        l->addWidget(new QLabel(
            tr("Scan anything: every key, byte, frame and decision of the scanners appears here, "
               "exactly as it arrived."),
            w));
        l->addWidget(view, 1);
        tabs->addTab(w, tr("Scanner self-test"));
    }
    auto *layout = new QVBoxLayout(this);
    if (db.isCentral()) {
        auto *note = new QLabel(
            tr("Central mode: users, one-time codes, bag types, areas, stations and the settings "
               "of all stations (undo window, time zone) are read and changed on the central "
               "database and need it reachable."),
            this);
        note->setObjectName(QStringLiteral("centralAdminNote"));
        note->setWordWrap(true);
        note->setStyleSheet(
            QStringLiteral("padding: 8px; border-radius: 6px; background: #fff3cd;"));
        layout->addWidget(note);
    }
    layout->addWidget(tabs, 1);
    layout->addWidget(m_message);
    reloadUsers();
    loadSettings();
}

QWidget *AdminPage::usersTab()
{
    auto *w = new QWidget(this);
    m_table = new QTableView(w);
    m_table->setModel(m_users);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->setAlternatingRowColors(true);
    auto *add = new QPushButton(tr("New user…"), w);
    auto *role = new QPushButton(tr("Change role…"), w);
    auto *disable = new QPushButton(tr("Disable / enable"), w);
    auto *password = new QPushButton(tr("Reset password…"), w);
    auto *unlockButton = new QPushButton(tr("Unlock"), w);
    auto *buttons = new QHBoxLayout;
    auto *totp = new QPushButton(tr("My one-time code…"), w);
    auto *totpOff = new QPushButton(tr("Turn off one-time code"), w);
    totp->setToolTip(tr(
        "Require a code from an authenticator app, besides your password, to log in and unlock."));
    for (QPushButton *b : {add, role, disable, password, unlockButton, totp, totpOff})
        buttons->addWidget(b);
    buttons->addStretch(1);
    auto *l = new QVBoxLayout(w);
    l->addWidget(m_table, 1);
    l->addLayout(buttons);

    connect(add, &QPushButton::clicked, this, [this] {
        QDialog dialog(this);
        dialog.setWindowTitle(tr("New user"));
        auto *name = new QLineEdit(&dialog);
        auto *pw = new QLineEdit(&dialog);
        auto *pw2 = new QLineEdit(&dialog);
        pw->setEchoMode(QLineEdit::Password);
        pw2->setEchoMode(QLineEdit::Password);
        pw->setPlaceholderText(tr("10+ characters, three of: a-z, A-Z, 0-9, symbol"));
        auto *roleBox = new QComboBox(&dialog);
        roleBox->addItems({tr("dispatcher"), tr("biller"), tr("admin")});
        auto *area = new QComboBox(&dialog);
        area->addItem(tr("(none)"), QString());
        for (const QString &a : areaNames())
            area->addItem(a, a);
        auto *form = new QFormLayout(&dialog);
        form->addRow(tr("User name"), name);
        form->addRow(tr("Password"), pw);
        form->addRow(tr("Repeat password"), pw2);
        form->addRow(tr("Role"), roleBox);
        form->addRow(tr("Area"), area);
        auto *box = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, &dialog);
        form->addRow(box);
        connect(box, &QDialogButtonBox::accepted, &dialog, &QDialog::accept);
        connect(box, &QDialogButtonBox::rejected, &dialog, &QDialog::reject);
        if (dialog.exec() != QDialog::Accepted)
            return;
        if (pw->text() != pw2->text()) {
            m_message->setText(tr("The two passwords differ; nothing was changed."));
            return;
        }
        addUser(name->text(), pw->text(), Role(roleBox->currentIndex()),
                area->currentData().toString());
    });
    connect(role, &QPushButton::clicked, this, [this] {
        const QString user = selectedUser();
        if (user.isEmpty())
            return;
        bool ok = false;
        const QStringList roles{QStringLiteral("dispatcher"), QStringLiteral("biller"),
                                QStringLiteral("admin")};
        const QString chosen = QInputDialog::getItem(
            this, tr("Change role"), tr("New role of %1").arg(user), roles, 0, false, &ok);
        if (ok)
            setRole(user, roleFromName(chosen).value_or(Role::Dispatcher));
    });
    connect(disable, &QPushButton::clicked, this, [this] {
        const QModelIndex current = m_table->currentIndex();
        if (const UserInfo *u = current.isValid() ? m_users->userAt(current.row()) : nullptr)
            setEnabled(u->username, !u->enabled);
    });
    connect(password, &QPushButton::clicked, this, [this] {
        const QString user = selectedUser();
        if (user.isEmpty())
            return;
        bool ok = false;
        const QString pw =
            QInputDialog::getText(this, tr("Reset password"), tr("New password for %1").arg(user),
                                  QLineEdit::Password, QString(), &ok);
        if (ok && !pw.isEmpty())
            resetPassword(user, pw);
    });
    connect(totp, &QPushButton::clicked, this, [this] {
        TotpDialog dialog(m_db, m_actor, this);
        if (dialog.exec() == QDialog::Accepted)
            report(
                {},
                tr("One-time code on: log in and unlock with your password and the current code."));
    });
    connect(totpOff, &QPushButton::clicked, this, [this] {
        const QString user = selectedUser();
        if (!user.isEmpty())
            disableTotp(user);
    });
    connect(unlockButton, &QPushButton::clicked, this, [this] {
        const QString user = selectedUser();
        if (!user.isEmpty())
            unlock(user);
    });
    return w;
}

QWidget *AdminPage::settingsTab(const QString &stationId)
{
    auto *w = new QWidget(this);
    m_undoMinutes = new QSpinBox(w);
    m_undoMinutes->setRange(1, 24 * 60);
    m_undoMinutes->setSuffix(tr(" min"));
    m_zone = new QComboBox(w);
    m_zone->setEditable(true);
    m_zone->addItems({QStringLiteral("Asia/Kolkata"), QStringLiteral("UTC"),
                      QStringLiteral("Europe/Berlin"), QStringLiteral("America/New_York")});
    m_sound = new QCheckBox(tr("Play sounds for ok, duplicate and rejected scans"), w);
    m_language = new QComboBox(w);
    m_largeType = new QCheckBox(tr("Large type on the station screen (read from a distance)"), w);
    for (const QString &code : availableLanguages())
        m_language->addItem(languageName(code), code);
    m_wedge = new QCheckBox(
        tr("Keyboard-wedge scanner (recognised by key timing, whatever has focus)"), w);
    m_serial = new QCheckBox(tr("Serial scanner"), w);
    m_port = new QComboBox(w);
    m_port->setEditable(true);
    for (const QSerialPortInfo &p : QSerialPortInfo::availablePorts())
        m_port->addItem(p.systemLocation());
    m_baud = new QComboBox(w);
    for (int b : {9600, 19200, 38400, 57600, 115200})
        m_baud->addItem(QString::number(b), b);
    auto *save = new QPushButton(tr("Save settings"), w);
    auto *form = new QFormLayout;
    form->addRow(new QLabel(tr("<b>Database (all stations)</b>"), w));
    form->addRow(tr("Undo window"), m_undoMinutes);
    form->addRow(tr("Business time zone"), m_zone);
    form->addRow(new QLabel(tr("<b>This station (%1)</b>").arg(stationId.toHtmlEscaped()), w));
    form->addRow(tr("Sounds"), m_sound);
    form->addRow(tr("Language"), m_language);
    form->addRow(tr("Station screen"), m_largeType);
    form->addRow(tr("Scanners"), m_wedge);
    form->addRow(QString(), m_serial);
    form->addRow(tr("Serial port"), m_port);
    form->addRow(tr("Baud rate"), m_baud);
    form->addRow(tr("Database"), databaseRow(w));
    auto *formBox = new QWidget(w);
    formBox->setLayout(form);
    formBox->setMaximumWidth(760);
    auto *l = new QVBoxLayout(w);
    l->addWidget(formBox);
    l->addWidget(save, 0, Qt::AlignLeft);
    l->addStretch(1);
    connect(save, &QPushButton::clicked, this, &AdminPage::saveSettings);
    return w;
}

void AdminPage::loadSettings()
{
    QSettings settings;
    m_sound->setChecked(settings.value(QStringLiteral("station/sound"), true).toBool());
    m_language->setCurrentIndex(m_language->findData(currentLanguage()));
    m_largeType->setChecked(settings.value(QStringLiteral("station/large_type"), false).toBool());
    const ScannerSettings scanner = ScannerSettings::load(settings);
    m_wedge->setChecked(scanner.wedge.enabled);
    m_serial->setChecked(scanner.serialEnabled);
    m_port->setCurrentText(scanner.serial.portName);
    m_baud->setCurrentText(QString::number(scanner.serial.baudRate));
    m_db.call(
        DbClient::Lane::Query, this,
        [](DbSession &s) {
            SettingsRepository &r = s.store->repositories().settings;
            const qint64 undo =
                r.number(QStringLiteral("undo_window_seconds"), 3600).value_or(3600);
            const QString zone = r.value(QStringLiteral("business_time_zone"))
                                     .value_or(std::nullopt)
                                     .value_or(QStringLiteral("UTC"));
            const QStringList areas =
                DashboardQuery(s.store->statements()).areaNames().value_or(QStringList());
            return std::tuple(undo, zone, areas);
        },
        [this](std::tuple<qint64, QString, QStringList> v) {
            m_undoMinutes->setValue(int(std::get<0>(v) / 60));
            m_zone->setCurrentText(std::get<1>(v));
            m_areas = std::get<2>(v);
        });
    if (!m_db.isCentral())
        return;
    // Central mode: the site's settings as the server has them (the cache's until it answers).
    m_db.call(
        DbClient::Lane::Command, this,
        [](DbSession &s) {
            return s.onCentral([](PgStore &c) { return CentralAdmin(c).settings(); });
        },
        [this](Result<QMap<QString, QString>> site) {
            if (!site)
                return;
            if (const QString undo = site->value(QStringLiteral("undo_window_seconds"));
                !undo.isEmpty())
                m_undoMinutes->setValue(undo.toInt() / 60);
            if (const QString zone = site->value(QStringLiteral("business_time_zone"));
                !zone.isEmpty())
                m_zone->setCurrentText(zone);
        });
}

void AdminPage::saveSettings()
{
    const qint64 undoSeconds = qint64(m_undoMinutes->value()) * 60;
    const QString zone = m_zone->currentText().trimmed();
    if (!QTimeZone(zone.toUtf8()).isValid()) {
        m_message->setText(tr("%1 is not a time zone; the settings were not changed.").arg(zone));
        return;
    }
    // The audit records come first (BRIEF §3.6): the station's own settings are stored only
    // once the database took the record of their change.
    QSettings settings;
    ScannerSettings scanner = ScannerSettings::load(settings);
    const ScannerSettings scannerBefore = scanner;
    scanner.wedge.enabled = m_wedge->isChecked();
    scanner.serialEnabled = m_serial->isChecked();
    scanner.serial.portName = m_port->currentText();
    scanner.serial.baudRate = m_baud->currentData().toInt();
    const QString language = m_language->currentData().toString();
    const auto flag = [](bool b) { return b ? QStringLiteral("true") : QStringLiteral("false"); };
    SettingsChange change;
    change.database.insert(QStringLiteral("undo_window_seconds"), QString::number(undoSeconds));
    change.database.insert(QStringLiteral("business_time_zone"), zone);
    change.station.insert(QStringLiteral("sound"),
                          {flag(settings.value(QStringLiteral("station/sound"), true).toBool()),
                           flag(m_sound->isChecked())});
    change.station.insert(
        QStringLiteral("large_type"),
        {flag(settings.value(QStringLiteral("station/large_type"), false).toBool()),
         flag(m_largeType->isChecked())});
    change.station.insert(QStringLiteral("language"), {currentLanguage(), language});
    change.station.insert(QStringLiteral("scanner_wedge"),
                          {flag(scannerBefore.wedge.enabled), flag(scanner.wedge.enabled)});
    change.station.insert(QStringLiteral("scanner_serial"),
                          {flag(scannerBefore.serialEnabled), flag(scanner.serialEnabled)});
    change.station.insert(QStringLiteral("serial_port"),
                          {scannerBefore.serial.portName, scanner.serial.portName});
    change.station.insert(
        QStringLiteral("serial_baud"),
        {QString::number(scannerBefore.serial.baudRate), QString::number(scanner.serial.baudRate)});
    const bool sound = m_sound->isChecked();
    const bool largeType = m_largeType->isChecked();
    m_db.call(
        DbClient::Lane::Command, this,
        [actor = m_actor, change, central = m_db.isCentral()](DbSession &s) -> Result<int> {
            // Central mode: the site's settings change on the server first (checked and audited
            // there); the cache then holds the same values, for decisions taken offline. A
            // station's own settings need no server.
            SettingsRepository &cached = s.store->repositories().settings;
            const auto same = [&cached, &change] {
                for (auto it = change.database.cbegin(); it != change.database.cend(); ++it) {
                    if (cached.value(it.key()).value_or(std::nullopt) != it.value())
                        return false;
                }
                return true;
            };
            if (central && !same()) {
                auto site = s.onCentral(
                    [&change](PgStore &c) { return CentralAdmin(c).setSettings(change.database); });
                if (!site)
                    return std::unexpected(site.error());
            }
            return s.store->repositories().settings.change(actor, s.stationId,
                                                           s.store->clock().now(), change);
        },
        [this, sound, largeType, scanner, language](Result<int> r) {
            if (!r) {
                report(std::unexpected(r.error()), {});
                return;
            }
            QSettings station;
            station.setValue(QStringLiteral("station/sound"), sound);
            station.setValue(QStringLiteral("station/large_type"), largeType);
            scanner.save(station);
            saveLanguage(language);
            report({}, tr("Settings saved (%n changed).", nullptr, *r));
            Q_EMIT stationSettingsChanged();
            // At once: the main window builds its pages again in the new language (this one too,
            // later).
            setLanguage(language);
        });
}

QWidget *AdminPage::databaseRow(QWidget *parent)
{
    auto *row = new QWidget(parent);
    m_database = new QLabel(row);
    m_database->setObjectName(QStringLiteral("databaseText"));
    m_database->setWordWrap(true);
    m_database->setTextInteractionFlags(Qt::TextSelectableByMouse);
    auto *change = new QPushButton(tr("Change database…"), row);
    change->setObjectName(QStringLiteral("changeDatabase"));
    m_restart = new QPushButton(tr("Restart TraceTrack now"), row);
    m_restart->setObjectName(QStringLiteral("restartNow"));
    m_restart->hide();
    connect(change, &QPushButton::clicked, this, &AdminPage::changeDatabase);
    connect(m_restart, &QPushButton::clicked, this, [this] {
        // Without arguments: the new process opens the saved choice (a --db of this run would
        // override it). This one closes normally; the outbox is on disk either way.
        if (!QProcess::startDetached(QCoreApplication::applicationFilePath(), {})) {
            m_message->setText(tr("Could not start TraceTrack again; close it and start it."));
            return;
        }
        QCoreApplication::quit();
    });
    auto *buttons = new QHBoxLayout;
    buttons->setContentsMargins(0, 0, 0, 0);
    buttons->addWidget(change);
    buttons->addWidget(m_restart);
    buttons->addStretch(1);
    auto *l = new QVBoxLayout(row);
    l->setContentsMargins(0, 0, 0, 0);
    l->addWidget(m_database);
    l->addLayout(buttons);
    showDatabase();
    return row;
}

DatabaseChoice AdminPage::runningDatabase() const
{
    DatabaseChoice running = DatabaseChoice::load(QSettings());
    running.central = m_db.isCentral();
    if (running.central) {
        running.server = *m_db.target().central;
        running.cachePath = m_db.path();
    } else {
        running.sqlitePath = m_db.path();
    }
    return running;
}

QString AdminPage::databaseText() const
{
    return m_database->text();
}

void AdminPage::showDatabase()
{
    const QString running = runningDatabase().describe();
    const QString saved = DatabaseChoice::load(QSettings()).describe();
    m_database->setText(saved == running ? running
                                         : tr("%1\nAt the next start: %2").arg(running, saved));
}

void AdminPage::changeDatabase()
{
    auto *dialog = new DatabaseDialog(
        DatabaseChoice::load(QSettings()), runningDatabase(),
        [this] { return m_db.centralState().sync.queued; }, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::accepted, this,
            [this, dialog] { saveDatabaseChoice(dialog->choice()); });
    dialog->open();
}

void AdminPage::saveDatabaseChoice(const DatabaseChoice &choice)
{
    const DatabaseChoice before = DatabaseChoice::load(QSettings());
    SettingsChange change;
    change.station.insert(QStringLiteral("database"), {before.describe(), choice.describe()});
    if (before.effectiveStation() != choice.effectiveStation())
        change.station.insert(QStringLiteral("station_name"),
                              {before.effectiveStation(), choice.effectiveStation()});
    if (before.area != choice.area)
        change.station.insert(QStringLiteral("station_area"), {before.area, choice.area});
    m_db.call(
        DbClient::Lane::Command, this,
        [actor = m_actor, change](DbSession &s) {
            return s.store->repositories().settings.change(actor, s.stationId,
                                                           s.store->clock().now(), change);
        },
        [this, choice](Result<int> r) {
            if (!r) {
                report(std::unexpected(r.error()), {});
                return;
            }
            QSettings settings;
            choice.save(settings);
            showDatabase();
            m_restart->setVisible(runningDatabase().describe() != choice.describe());
            report({},
                   tr("Saved: this station opens %1 at its next start.").arg(choice.describe()));
        });
}

QString AdminPage::selectedUser() const
{
    const QModelIndex current = m_table->currentIndex();
    if (!current.isValid()) {
        m_message->setText(tr("Choose a user in the list first."));
        return {};
    }
    return current.data(UserListModel::UserNameRole).toString();
}

QStringList AdminPage::areaNames() const
{
    if (!m_db.isCentral())
        return m_areas;
    // The central database's active areas, as the Areas tab read them.
    QStringList names;
    const AreaListModel *areas = m_data->areaModel();
    for (int row = 0; row < areas->rowCount(); ++row) {
        if (const AreaRow *a = areas->areaAt(row); a && a->active)
            names.append(a->name);
    }
    return names;
}

void AdminPage::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    if (m_db.isCentral()) {
        // Other stations' changes: the central lists are read again each time the page shows.
        reloadUsers();
        m_data->reload();
    }
}

QString AdminPage::messageText() const
{
    return m_message->text();
}

void AdminPage::report(const Result<void> &result, const QString &done)
{
    m_message->setStyleSheet(result ? QStringLiteral("color: #1b7f3b;")
                                    : QStringLiteral("color: #b00020;"));
    m_message->setText(result ? done : localizedMessage(result.error().message));
    reloadUsers();
}

void AdminPage::reloadUsers()
{
    const auto shown = [this](Result<QList<UserInfo>> r) {
        if (r)
            m_users->setUsers(*r);
        else
            m_message->setText(localizedMessage(r.error().message));
    };
    if (m_db.isCentral()) {
        m_db.call(
            DbClient::Lane::Command, this,
            [](DbSession &s) { return s.onCentral([](PgStore &c) { return c.users(); }); }, shown);
        return;
    }
    m_db.call(
        DbClient::Lane::Query, this, [](DbSession &s) { return accounts(s).list(); }, shown);
}

void AdminPage::changeUser(LocalChange local, CentralChange central, const QString &done)
{
    m_db.call(
        DbClient::Lane::Command, this,
        [actor = m_actor, isCentral = m_db.isCentral(), local = std::move(local),
         central = std::move(central)](DbSession &s) -> Result<void> {
            if (isCentral)
                return succeeded(s.onCentral(central));
            auto service = accounts(s);
            return local(service, actor, s.stationId);
        },
        [this, done](Result<void> r) { report(r, done); });
}

void AdminPage::addUser(const QString &name, const QString &password, Role role,
                        const QString &area)
{
    changeUser(
        [=](AccountService &a, const Actor &actor, const QString &station) {
            return a.addUser(actor, station, name, password, role, area);
        },
        [=](PgStore &c) -> Result<QString> {
            const auto added = c.addUser(name, password, role);
            if (!added || area.isEmpty())
                return added;
            return CentralAdmin(c).setUserArea(name, area);
        },
        tr("User %1 created.").arg(name));
}

void AdminPage::setRole(const QString &name, Role role)
{
    changeUser(
        [=](AccountService &a, const Actor &actor, const QString &station) {
            return a.setRole(actor, station, name, role);
        },
        [=](PgStore &c) { return c.changeUser(PgStore::UserChange::Role, name, roleName(role)); },
        tr("%1 is now %2.").arg(name, localizedMessage(roleName(role))));
}

void AdminPage::setEnabled(const QString &name, bool enabled)
{
    changeUser([=](AccountService &a, const Actor &actor,
                   const QString &station) { return a.setEnabled(actor, station, name, enabled); },
               [=](PgStore &c) {
                   return c.changeUser(
                       enabled ? PgStore::UserChange::Enable : PgStore::UserChange::Disable, name);
               },
               enabled ? tr("%1 is enabled.").arg(name)
                       : tr("%1 is disabled; their history stays.").arg(name));
}

void AdminPage::resetPassword(const QString &name, const QString &password)
{
    changeUser(
        [=](AccountService &a, const Actor &actor, const QString &station) {
            return a.setPassword(actor, station, name, password);
        },
        [=](PgStore &c) { return c.changeUser(PgStore::UserChange::Password, name, password); },
        tr("The password of %1 was reset.").arg(name));
}

void AdminPage::unlock(const QString &name)
{
    changeUser([=](AccountService &a, const Actor &actor,
                   const QString &station) { return a.unlock(actor, station, name); },
               [=](PgStore &c) { return c.changeUser(PgStore::UserChange::Unlock, name); },
               tr("%1 can log in again.").arg(name));
}

void AdminPage::disableTotp(const QString &name)
{
    changeUser([=](AccountService &a, const Actor &actor,
                   const QString &station) { return a.disableTotp(actor, station, name); },
               [=](PgStore &c) { return CentralAdmin(c).disableTotp(name); },
               tr("%1 logs in with the password alone again.").arg(name));
}

} // namespace tt
