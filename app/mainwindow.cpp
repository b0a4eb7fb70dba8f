#include "app/mainwindow.h"

#include "app/adminpage.h"
#include "app/billeditor.h"
#include "app/billspage.h"
#include "app/dashboardpage.h"
#include "app/dbclient.h"
#include "app/feedbacktext.h"
#include "app/format.h"
#include "app/lockscreen.h"
#include "app/returnspage.h"
#include "app/searchpage.h"
#include "app/sessionguard.h"
#include "app/soundplayer.h"
#include "app/stationview.h"
#include "scanner/keyboardwedge.h"
#include "scanner/scanhub.h"
#include "scanner/scannersettings.h"
#include "scanner/selftestmodel.h"
#include "scanner/serialscansource.h"

#include <QAction>
#include <QApplication>
#include <QEvent>
#include <QHBoxLayout>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QSettings>
#include <QStackedWidget>
#include <QStatusBar>
#include <QStyle>

namespace tt {

MainWindow::MainWindow(const QString &dbPath, std::optional<Actor> actor, const QString &stationId,
                       const Clock &sessionClock, QWidget *parent)
    : MainWindow(std::make_unique<DbClient>(dbPath), std::move(actor), stationId, sessionClock,
                 parent)
{}

MainWindow::MainWindow(std::unique_ptr<DbClient> db, std::optional<Actor> actor,
                       const QString &stationId, const Clock &sessionClock, QWidget *parent)
    : QMainWindow(parent)
    , m_db(std::move(db))
    , m_actor(std::move(actor))
    , m_stationId(stationId)
{
    setWindowTitle(tr("TraceTrack — %1").arg(stationId));
    setObjectName(QStringLiteral("mainWindow"));
    resize(1366, 768);
    connect(m_db.get(), &DbClient::failed, this, [this](const QString &message) {
        statusBar()->showMessage(tr("Database problem: %1").arg(message));
    });
    if (!m_actor) {
        auto *label = new QLabel(tr("<h1>TraceTrack</h1><p>Log in to scan.</p>"), this);
        label->setAlignment(Qt::AlignCenter);
        setCentralWidget(label);
        return;
    }
    const Actor &a = *m_actor;
    m_db->setActor(a, stationId);
    m_sound = new SoundPlayer(this);
    m_sound->setEnabled(QSettings().value(QStringLiteral("station/sound"), true).toBool()
                        && !qEnvironmentVariableIsSet("TT_MUTE"));
    m_selfTest = new SelfTestModel(this);

    m_nav = new QListWidget(this);
    m_nav->setObjectName(QStringLiteral("navigation"));
    m_nav->setFixedWidth(170);
    m_nav->setFocusPolicy(Qt::NoFocus);
    QFont navFont = font();
    navFont.setPointSize(14);
    m_nav->setFont(navFont);
    m_nav->setStyleSheet(QStringLiteral("QListWidget { background: #263238; color: white; border: none; } "
                                        "QListWidget::item { padding: 14px 10px; } "
                                        "QListWidget::item:selected { background: #1f5fa8; }"));
    m_pages = new QStackedWidget(this);

    m_station = new StationView(*m_db, a, stationId, this);
    m_station->setLargeType(QSettings().value(QStringLiteral("station/large_type"), false).toBool());
    addPage(Page::Station, tr("Station"), m_station);
    buildPages();
    connect(m_nav, &QListWidget::currentRowChanged, m_pages, &QStackedWidget::setCurrentIndex);
    m_nav->setCurrentRow(0);

    auto *work = new QWidget(this);
    auto *workLayout = new QHBoxLayout(work);
    workLayout->setContentsMargins(0, 0, 0, 0);
    workLayout->setSpacing(0);
    workLayout->addWidget(m_nav);
    workLayout->addWidget(m_pages, 1);
    m_lock = new LockScreen(a.user, this);
    m_lock->setCodeVisible(a.role == Role::Admin); // only admins can have a second factor
    m_outer = new QStackedWidget(this);
    m_outer->addWidget(work);
    m_outer->addWidget(m_lock);
    setCentralWidget(m_outer);

    m_userLabel = new QLabel(this);
    m_modeLabel = new QLabel(this);
    retranslateStatus();
    m_scannerLabel = new QLabel(this);
    m_lastLabel = new QLabel(this);
    statusBar()->addWidget(m_userLabel);
    statusBar()->addWidget(m_lastLabel, 1);
    statusBar()->addPermanentWidget(m_scannerLabel);
    statusBar()->addPermanentWidget(m_modeLabel);

    // Keyboard alone: Ctrl+1..6 switch screens, Ctrl+L locks.
    for (int i = 0; i < m_pageOrder.size(); ++i) {
        auto *go = new QAction(this);
        go->setShortcut(QKeySequence(Qt::CTRL | Qt::Key(Qt::Key_1 + i)));
        connect(go, &QAction::triggered, this, [this, i] { m_nav->setCurrentRow(i); });
        addAction(go);
    }
    auto *lockAction = new QAction(tr("Lock"), this);
    lockAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_L));
    connect(lockAction, &QAction::triggered, this, [this] { lock(tr("Locked by the user.")); });
    addAction(lockAction);

    connect(m_station, &StationView::outcomeShown, this, [this](const Outcome &o) {
        m_sound->play(o.result);
        m_lastLabel->setText(
            QStringLiteral("%1 %2").arg(resultMark(o.result), localizedMessage(o.message)));
        m_lastLabel->setStyleSheet(QStringLiteral("color: %1; font-weight: bold;").arg(resultColour(o.result).name()));
    });

    m_guard = new SessionGuard(sessionClock, SessionPolicy{}, this);
    connect(m_guard, &SessionGuard::expired, this, [this](SessionState state) {
        lock(state == SessionState::AbsoluteExpired ? tr("Sessions end after one hour; please log in again.")
                                                    : tr("Locked after 30 minutes without activity."));
    });
    connect(m_lock, &LockScreen::unlockRequested, this, &MainWindow::tryUnlock);
    m_guard->start();
    qApp->installEventFilter(this);
    setupScanners();
    connect(m_db.get(), &DbClient::centralStateChanged, this, &MainWindow::updateCentralState);
    updateCentralState();
}

void MainWindow::updateCentralState()
{
    if (!m_db->isCentral()) {
        m_modeLabel->setText(tr("embedded · queue 0"));
        return;
    }
    const CentralState &c = m_db->centralState();
    m_station->setCentralState(c);
    const QString sync = c.sync.lastSyncAt ? formatClock(*c.sync.lastSyncAt) : tr("never");
    m_modeLabel->setText(tr("central · %1 · queue %2 · last sync %3")
                             .arg(c.online() ? tr("online") : tr("OFFLINE"))
                             .arg(c.sync.queued)
                             .arg(sync));
    m_modeLabel->setStyleSheet(c.online() ? QString()
                                          : QStringLiteral("color: #b00020; font-weight: bold;"));
}

void MainWindow::buildPages()
{
    const Actor &a = *m_actor;
    m_bills = new BillsPage(*m_db, a, this);
    addPage(Page::Bills, tr("Bills"), m_bills);
    m_search = new SearchPage(*m_db, a, this);
    addPage(Page::Search, tr("Search"), m_search);
    m_dashboard = new DashboardPage(*m_db, a, this);
    addPage(Page::Dashboard, tr("Dashboard"), m_dashboard);
    if (isAllowed(a.role, Permission::Returns)) {
        m_returns = new ReturnsPage(*m_db, a, this);
        addPage(Page::Returns, tr("Returns"), m_returns);
        connect(m_returns, &ReturnsPage::outcomeShown, this, [this](const Outcome &o) { m_sound->play(o.result); });
    }
    if (isAllowed(a.role, Permission::Administer)) {
        m_admin = new AdminPage(*m_db, a, m_stationId, m_selfTest, this);
        addPage(Page::Admin, tr("Admin"), m_admin);
    }
    connect(m_bills->editor(), &BillEditor::outcomeShown, this, [this](const Outcome &o) { m_sound->play(o.result); });
    connect(m_search, &SearchPage::billRequested, this, [this](const QString &id) {
        showPage(Page::Bills);
        m_bills->editor()->openBill(id);
    });
    if (m_admin)
        connect(m_admin, &AdminPage::stationSettingsChanged, this, [this] {
            QSettings settings;
            m_sound->setEnabled(settings.value(QStringLiteral("station/sound"), true).toBool());
            m_station->setLargeType(settings.value(QStringLiteral("station/large_type"), false).toBool());
        });
}

void MainWindow::changeEvent(QEvent *event)
{
    // Later: the change may come from a page's own slot (Admin → Settings → Save).
    if (event->type() == QEvent::LanguageChange && m_pages && !m_retranslatePending) {
        m_retranslatePending = true;
        QMetaObject::invokeMethod(this, &MainWindow::retranslate, Qt::QueuedConnection);
    }
    QMainWindow::changeEvent(event);
}

void MainWindow::retranslate()
{
    m_retranslatePending = false;
    setWindowTitle(tr("TraceTrack — %1").arg(m_stationId));
    // The station view and the lock screen translate themselves in place (a scan may be on its
    // way); the other pages are built again in the new language, on the same page.
    const Page current = currentPage();
    while (m_pages->count() > 1) {
        QWidget *page = m_pages->widget(m_pages->count() - 1);
        m_pages->removeWidget(page);
        page->deleteLater();
        delete m_nav->takeItem(m_nav->count() - 1);
    }
    m_pageOrder.resize(1);
    m_bills = nullptr;
    m_returns = nullptr;
    m_search = nullptr;
    m_dashboard = nullptr;
    m_admin = nullptr;
    buildPages();
    m_nav->item(0)->setText(tr("Station"));
    showPage(current);
    retranslateStatus();
    updateScannerState();
}

void MainWindow::retranslateStatus()
{
    m_userLabel->setText(tr("%1 (%2)").arg(m_actor->user, localizedMessage(roleName(m_actor->role))));
    updateCentralState();
}

MainWindow::~MainWindow()
{
    qApp->removeEventFilter(this);
    if (m_wedge)
        m_wedge->uninstall();
    // The pages' pending answers are dropped with them; the client stops its threads last.
    delete m_outer;
    m_outer = nullptr;
}

void MainWindow::addPage(Page page, const QString &title, QWidget *widget)
{
    static const QStyle::StandardPixmap icons[] = {QStyle::SP_DialogApplyButton, QStyle::SP_FileDialogDetailedView,
                                                   QStyle::SP_FileDialogContentsView, QStyle::SP_ComputerIcon,
                                                   QStyle::SP_FileDialogInfoView, QStyle::SP_ArrowBack};
    auto *item = new QListWidgetItem(style()->standardIcon(icons[int(page)]), title, m_nav);
    item->setSizeHint(QSize(160, 52));
    m_pages->addWidget(widget);
    m_pageOrder.append(page);
}

void MainWindow::setupScanners()
{
    QSettings settings;
    const ScannerSettings s = ScannerSettings::load(settings);
    m_hub = new ScanHub(this);
    m_hub->setDebounceMs(s.debounceMs);
    connect(m_hub, &ScanHub::scanReady, this, [this](const ScanEvent &event) { submitScan(event.text); });
    connect(m_hub, &ScanHub::traced, m_selfTest, &SelfTestModel::append);
    connect(m_hub, &ScanHub::rejected, this, [this](const QString &source, const QString &message) {
        m_lastLabel->setText(tr("%1: %2").arg(source, message));
    });
    if (s.wedge.enabled) {
        m_wedge = new KeyboardWedge(this);
        m_wedge->setOptions(s.wedge);
        m_wedge->install();
        m_hub->addSource(m_wedge);
    }
    if (s.serialEnabled && !s.serial.portName.isEmpty()) {
        m_serial = new SerialScanSource(this);
        m_serial->setPortSettings(s.serial);
        m_serial->setFrameOptions(s.frames);
        m_hub->addSource(m_serial);
        m_serialPort = s.serial.portName;
        m_serial->start();
        connect(m_serial, &SerialScanSource::connectedChanged, this, [this](bool c) {
            const QString text = c ? tr("serial %1 connected").arg(m_serialPort) : tr("serial %1 not connected").arg(m_serialPort);
            m_station->setScannerState(text, c);
            m_scannerLabel->setText(tr("Scanner: %1").arg(text));
        });
    }
    updateScannerState();
}

void MainWindow::updateScannerState()
{
    QStringList state;
    bool ok = true;
    if (m_wedge)
        state << tr("keyboard wedge ready");
    if (m_serial) {
        ok = m_serial->isConnected();
        state << (ok ? tr("serial %1 connected").arg(m_serialPort) : tr("serial %1 not connected").arg(m_serialPort));
    }
    if (state.isEmpty()) {
        state << tr("typed input only");
        ok = false;
    }
    m_station->setScannerState(state.join(QStringLiteral(", ")), ok);
    m_scannerLabel->setText(tr("Scanner: %1").arg(state.join(QStringLiteral(", "))));
}

void MainWindow::submitScan(const QString &raw)
{
    if (!m_station)
        return;
    if (m_guard)
        m_guard->noteActivity();
    if (!isLocked() && currentPage() == Page::Bills && m_bills->editor()->acceptsScans()) {
        m_bills->editor()->scanParent(raw);
        return;
    }
    if (!isLocked() && currentPage() == Page::Returns && m_returns->acceptsScans()) {
        m_returns->scanParent(raw);
        return;
    }
    m_station->scan(raw);
}

void MainWindow::showPage(Page page)
{
    const int index = int(m_pageOrder.indexOf(page));
    if (index >= 0 && m_nav)
        m_nav->setCurrentRow(index);
}

MainWindow::Page MainWindow::currentPage() const
{
    if (!m_nav || m_nav->currentRow() < 0)
        return Page::Station;
    return m_pageOrder.value(m_nav->currentRow(), Page::Station);
}

bool MainWindow::hasPage(Page page) const
{
    return m_pageOrder.contains(page);
}

void MainWindow::lock(const QString &reason)
{
    if (!m_lock)
        return;
    m_guard->lockNow();
    m_station->setLocked(true);
    m_lock->setReason(reason);
    m_lock->reset();
    m_outer->setCurrentWidget(m_lock);
    m_lock->passwordField()->setFocus();
}

bool MainWindow::isLocked() const
{
    return m_outer && m_outer->currentWidget() == m_lock;
}

void MainWindow::tryUnlock(const QString &password)
{
    const QString user = m_actor->user;
    m_db->call(
        DbClient::Lane::Command, this,
        [user, password, code = m_lock->takeCode()](DbSession &s) {
            return s.login(user, password, s.stationId, code);
        },
        [this](Result<Actor> r) {
            if (!r) {
                m_lock->fail(localizedMessage(r.error().message));
                return;
            }
            if (r->user != m_actor->user) {
                m_lock->fail(tr("Only %1 can unlock this station.").arg(m_actor->user));
                return;
            }
            unlocked();
        });
}

void MainWindow::unlocked()
{
    m_guard->start();
    m_station->setLocked(false);
    m_lock->reset();
    m_outer->setCurrentIndex(0);
}

bool MainWindow::eventFilter(QObject *watched, QEvent *event)
{
    if (m_guard && !isLocked()) {
        switch (event->type()) {
        case QEvent::KeyPress:
        case QEvent::MouseButtonPress:
        case QEvent::Wheel:
            m_guard->noteActivity();
            break;
        default:
            break;
        }
    }
    return QMainWindow::eventFilter(watched, event);
}

} // namespace tt
