#include "app/screenshots.h"

#include "app/admindataeditor.h"
#include "app/adminpage.h"
#include "app/bagdetaildialog.h"
#include "app/billeditor.h"
#include "app/billspage.h"
#include "app/dashboardpage.h"
#include "app/databasedialog.h"
#include "app/dbclient.h"
#include "app/firstrundialog.h"
#include "app/language.h"
#include "app/lockscreen.h"
#include "app/logindialog.h"
#include "app/mainwindow.h"
#include "app/returnmodels.h"
#include "app/returnspage.h"
#include "app/searchpage.h"
#include "app/stationview.h"
#include "app/totpdialog.h"
#include "database/accountservice.h"
#include "database/demodata.h"
#include "database/sqlitestore.h"

#include <QApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QLineEdit>
#include <QSettings>
#include <QTabWidget>
#include <QTableView>
#include <QTextStream>
#include <QTimer>

namespace tt {

namespace {

void settle(DbClient &db, int ms = 150)
{
    db.waitIdle(10000);
    QElapsedTimer t;
    t.start();
    while (t.elapsed() < ms)
        QApplication::processEvents(QEventLoop::AllEvents, 20);
    db.waitIdle(10000);
}

bool save(QWidget *w, const QString &dir, const QString &name)
{
    QApplication::processEvents();
    // station.png in English, station-hi.png in Hindi.
    const QString language = currentLanguage();
    QString file = name;
    if (language != u"en")
        file.insert(file.lastIndexOf(u'.'), QString(QLatin1Char('-') + language));
    const QString path = QDir(dir).filePath(file);
    if (!w->grab().save(path)) {
        QTextStream(stderr) << "tracetrack: cannot write " << path << '\n';
        return false;
    }
    QTextStream(stdout) << "Wrote " << path << '\n';
    return true;
}

} // namespace

int writeScreenshots(SqliteStore &store, const QString &dir, const QString &stationId, QSize size)
{
    if (!QDir().mkpath(dir)) {
        QTextStream(stderr) << "tracetrack: cannot create " << dir << '\n';
        return 1;
    }
    bool ok = true;
    {
        FirstRunDialog first(store);
        first.show();
        ok &= save(&first, dir, QStringLiteral("first-run.png"));
        first.setCentral(true);
        ok &= save(&first, dir, QStringLiteral("first-run-central.png"));
    }
    {
        LoginDialog login(store, stationId, QStringLiteral("ravi"));
        login.show();
        ok &= save(&login, dir, QStringLiteral("login.png"));
    }
    AccountService accounts(store.statements(), store.clock());
    const auto ravi = accounts.login(QStringLiteral("ravi"), demoPassword(), stationId);
    const auto admin = accounts.login(QStringLiteral("admin"), demoPassword(), stationId);
    if (!ravi || !admin) {
        QTextStream(stderr) << "tracetrack: --screenshot-all needs the demo database (--demo)\n";
        return 1;
    }
    {
        // A dispatcher at work: a parent, a few children, a duplicate and a child of another
        // parent.
        MainWindow w(store.path(), *ravi, stationId);
        w.resize(size);
        w.show();
        for (const char *code :
             {"SB00006", "C900001", "C900002", "C900002", "C000001", "C900003"}) {
            w.submitScan(QString::fromLatin1(code));
            settle(w.db(), 0);
        }
        w.submitScan(QStringLiteral("C000001")); // linked elsewhere: the red answer stays on screen
        settle(w.db(), 300);
        ok &= save(&w, dir, QStringLiteral("station.png"));
        w.stationView()->setLargeType(true);
        settle(w.db());
        ok &= save(&w, dir, QStringLiteral("station-large.png"));
    }
    MainWindow w(store.path(), *admin, stationId);
    w.resize(size);
    w.show();
    settle(w.db());
    w.showPage(MainWindow::Page::Bills);
    w.billsPage()->editor()->openBill(QStringLiteral("BILL-2026-0002"));
    w.billsPage()->newIdField()->setText(QStringLiteral("BILL-2026-0003"));
    settle(w.db());
    ok &= save(&w, dir, QStringLiteral("bills.png"));
    w.showPage(MainWindow::Page::Returns);
    settle(w.db());
    if (!w.returnsPage()->listModel()->tickets().isEmpty())
        w.returnsPage()->openTicket(w.returnsPage()->listModel()->tickets().first().id);
    settle(w.db());
    ok &= save(&w, dir, QStringLiteral("returns.png"));

    w.showPage(MainWindow::Page::Search);
    w.searchPage()->showTab(0);
    settle(w.db());
    ok &= save(&w, dir, QStringLiteral("search-bags.png"));
    w.searchPage()->showTab(2);
    settle(w.db());
    ok &= save(&w, dir, QStringLiteral("search-scans.png"));
    w.searchPage()->showTab(3);
    settle(w.db());
    ok &= save(&w, dir, QStringLiteral("audit.png"));
    {
        BagDetailDialog detail(w.db(), QStringLiteral("SB00005"), &w);
        detail.show();
        settle(w.db());
        ok &= save(&detail, dir, QStringLiteral("bag-detail.png"));
    }
    w.showPage(MainWindow::Page::Dashboard);
    w.dashboardPage()->refresh();
    settle(w.db(), 400);
    ok &= save(&w, dir, QStringLiteral("dashboard.png"));
    w.showPage(MainWindow::Page::Admin);
    settle(w.db());
    ok &= save(&w, dir, QStringLiteral("admin-users.png"));
    if (auto *tabs = w.adminPage()->findChild<QTabWidget *>()) {
        tabs->setCurrentIndex(1);
        settle(w.db());
        ok &= save(&w, dir, QStringLiteral("admin-settings.png"));
        {
            // Settings -> database: the choice for the next start, here a central server.
            DatabaseChoice central = DatabaseChoice::load(QSettings());
            central.server = *parsePostgresUrl(
                QStringLiteral("postgresql://tt_station@db.site.example:5432/tracetrack"));
            DatabaseDialog database(central, w.adminPage()->runningDatabase(), {}, &w);
            database.setCentral(true);
            database.show();
            settle(w.db());
            ok &= save(&database, dir, QStringLiteral("settings-database.png"));
        }
        AdminDataEditor *data = w.adminPage()->dataEditor();
        for (const auto &[station, area] :
             {std::pair("LKO-DOCK-1", "Lucknow"), std::pair("IDR-DOCK-1", "Indore")})
            data->run(cmd::AddStation{QString::fromLatin1(station), QString::fromLatin1(area)});
        settle(w.db());
        data->reload();
        settle(w.db());
        data->selectBagType(0);
        const char *names[] = {"admin-bag-types.png", "admin-areas.png", "admin-stations.png"};
        for (int i = 0; i < 3; ++i) {
            tabs->setCurrentIndex(2 + i);
            settle(w.db());
            ok &= save(&w, dir, QString::fromLatin1(names[i]));
        }
        tabs->setCurrentIndex(0);
    }
    {
        TotpDialog totp(w.db(), *admin, &w);
        totp.show();
        settle(w.db());
        ok &= save(&totp, dir, QStringLiteral("totp.png"));
    }
    w.lock(QObject::tr("Locked after 30 minutes without activity."));
    settle(w.db());
    ok &= save(&w, dir, QStringLiteral("lock.png"));
    return ok ? 0 : 1;
}

} // namespace tt
