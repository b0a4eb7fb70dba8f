#pragma once

#include <QMainWindow>

#include <memory>
#include <optional>

#include "core/clock.h"
#include "core/command.h"

class QLabel;
class QListWidget;
class QStackedWidget;

namespace tt {

class AdminPage;
class BillsPage;
class ReturnsPage;
class DashboardPage;
class DbClient;
class KeyboardWedge;
class LockScreen;
class ScanHub;
class SearchPage;
class SelfTestModel;
class SerialScanSource;
class SessionGuard;
class SoundPlayer;
class StationView;

// The station's main window: navigation between the screens the user's role may use (station,
// bills, search, dashboard, admin), the status bar (user, mode, queue, scanner), the scanners
// (keyboard wedge whatever has focus, serial) and the lock screen after the session limits.
// Owns the DbClient, so no SQL runs in the GUI thread after start-up.
class MainWindow : public QMainWindow
{
    Q_OBJECT

public:
    enum class Page { Station, Bills, Search, Dashboard, Admin, Returns };

    // dbPath: an existing, migrated TraceTrack database. Without an actor the window only says
    // that nobody is logged in. sessionClock times the session limits (tests pass a ManualClock)
    // and must outlive the window.
    MainWindow(const QString &dbPath, std::optional<Actor> actor, const QString &stationId,
               const Clock &sessionClock = SystemClock::instance(), QWidget *parent = nullptr);
    // On a client the start-up made (central mode: the actor logged in on its command lane).
    MainWindow(std::unique_ptr<DbClient> db, std::optional<Actor> actor, const QString &stationId,
               const Clock &sessionClock = SystemClock::instance(), QWidget *parent = nullptr);
    ~MainWindow() override;

    // A complete scan from any source: goes to the bill editor when it shows an open bill, else to
    // the dispatch station, whatever widget has focus.
    void submitScan(const QString &raw);

    void showPage(Page page);
    Page currentPage() const;
    bool hasPage(Page page) const;

    void lock(const QString &reason);
    bool isLocked() const;

    DbClient &db() const { return *m_db; }
    StationView *stationView() const { return m_station; }
    BillsPage *billsPage() const { return m_bills; }
    ReturnsPage *returnsPage() const { return m_returns; } // billers and admins only
    SearchPage *searchPage() const { return m_search; }
    DashboardPage *dashboardPage() const { return m_dashboard; }
    AdminPage *adminPage() const { return m_admin; }
    LockScreen *lockScreen() const { return m_lock; }
    SessionGuard *sessionGuard() const { return m_guard; }
    SoundPlayer *soundPlayer() const { return m_sound; }
    KeyboardWedge *keyboardWedge() const { return m_wedge; }

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;
    // LanguageChange: the window in the new language; the pages other than the station are
    // built again (pointers from billsPage() etc. change), the session and scanners stay.
    void changeEvent(QEvent *event) override;

private:
    void addPage(Page page, const QString &title, QWidget *widget);
    void buildPages(); // every page after the station, with their connections
    void retranslate();
    void retranslateStatus();
    void setupScanners();
    void updateScannerState();
    void tryUnlock(const QString &password);
    void unlocked();
    void updateCentralState();

    std::unique_ptr<DbClient> m_db;
    std::optional<Actor> m_actor;
    QString m_stationId;
    QStackedWidget *m_outer = nullptr; // work area / lock screen
    QListWidget *m_nav = nullptr;
    QStackedWidget *m_pages = nullptr;
    QList<Page> m_pageOrder;
    StationView *m_station = nullptr;
    BillsPage *m_bills = nullptr;
    ReturnsPage *m_returns = nullptr;
    SearchPage *m_search = nullptr;
    DashboardPage *m_dashboard = nullptr;
    AdminPage *m_admin = nullptr;
    LockScreen *m_lock = nullptr;
    SessionGuard *m_guard = nullptr;
    SoundPlayer *m_sound = nullptr;
    ScanHub *m_hub = nullptr;
    KeyboardWedge *m_wedge = nullptr;
    SerialScanSource *m_serial = nullptr;
    QString m_serialPort;
    SelfTestModel *m_selfTest = nullptr;
    QLabel *m_userLabel = nullptr;
    QLabel *m_modeLabel = nullptr;
    QLabel *m_scannerLabel = nullptr;
    QLabel *m_lastLabel = nullptr;
    bool m_retranslatePending = false;
};

} // namespace tt
