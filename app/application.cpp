#include "app/application.h"

#include "app/databasechoice.h"
#include "app/dbclient.h"
#include "app/firstrundialog.h"
#include "app/language.h"
#include "app/logindialog.h"
#include "app/mainwindow.h"
#include "app/screenshots.h"
#include "app/stationview.h"
#include "database/accountservice.h"
#include "database/demodata.h"
#include "database/sqliteconnection.h"
#include "database/sqlitestore.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QMessageBox>
#include <QSettings>
#include <QTextStream>
#include <QTimer>

#include <cstdio>

namespace tt {

namespace {

int report(bool interactive, const QString &message, int code)
{
    QTextStream(stderr) << "tracetrack: " << message << '\n';
    if (interactive)
        QMessageBox::critical(nullptr, QStringLiteral("TraceTrack"), message);
    return code;
}

// Central mode: the cache is created (or migrated) here, on local disk; everything that talks
// to the server runs in the client's threads, the login included.
int runCentral(const DatabaseChoice &choice, const QString &userName, const QString &stationId)
{
    const QString cache = choice.effectiveCachePath();
    if (auto r = prepareCache(cache); !r)
        return report(true, r.error().message, 6);
    auto db = std::make_unique<DbClient>(DbTarget{cache, choice.server});
    LoginDialog login(*db, stationId, userName);
    if (login.exec() != QDialog::Accepted)
        return 0;
    const Actor actor = login.actor();
    MainWindow window(std::move(db), actor, stationId);
    window.show();
    return QApplication::exec();
}

} // namespace

int runApplication(QApplication &app)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("TraceTrack scanning station"));
    parser.addHelpOption();
    const QCommandLineOption dbOption(
        QStringLiteral("db"),
        QStringLiteral("Database for this run: sqlite:PATH, or postgresql://USER:PASS@HOST:PORT/DB "
                       "(central mode, as the station role; see --cache). Default: the "
                       "saved choice of the first-run dialog."),
        QStringLiteral("db"));
    const QCommandLineOption cacheOption(
        QStringLiteral("cache"),
        QStringLiteral("Central mode: the station's local SQLite cache and outbox "
                       "(default: cache.db in the app's data directory)."),
        QStringLiteral("path"));
    const QCommandLineOption demoOption(QStringLiteral("demo"), QStringLiteral("Load demo data into an empty database."));
    const QCommandLineOption shotOption(QStringLiteral("screenshot"),
                                        QStringLiteral("Render the main window to a PNG file and exit."),
                                        QStringLiteral("file"));
    const QCommandLineOption userOption(QStringLiteral("user"), QStringLiteral("User name to log in with."),
                                        QStringLiteral("name"));
    const QCommandLineOption stationOption(QStringLiteral("station"), QStringLiteral("Station id."), QStringLiteral("id"));
    const QCommandLineOption allShotsOption(QStringLiteral("screenshot-all"),
                                            QStringLiteral("Render every main screen of the demo database to PNG files "
                                                           "in a directory and exit."),
                                            QStringLiteral("dir"));
    const QCommandLineOption probeOption(QStringLiteral("exit-at-login"),
                                         QStringLiteral("Print \"login-shown\" when the login window is on screen and "
                                                        "exit (start-up benchmark)."));
    const QCommandLineOption sizeOption(QStringLiteral("screenshot-size"),
                                        QStringLiteral("Window size for --screenshot-all (default 1366x768)."),
                                        QStringLiteral("WxH"));
    const QCommandLineOption langOption(QStringLiteral("lang"),
                                        QStringLiteral("Language for this run (%1), without changing the saved choice.")
                                            .arg(availableLanguages().join(QStringLiteral(", "))),
                                        QStringLiteral("code"));
    parser.addOptions({dbOption, cacheOption, demoOption, shotOption, userOption, stationOption,
                       allShotsOption, probeOption, langOption, sizeOption});
    parser.process(app);
    const QString language = parser.isSet(langOption) ? parser.value(langOption) : savedLanguage();
    if (!setLanguage(language))
        return report(false, QStringLiteral("Unknown language %1; use one of %2.")
                                 .arg(language, availableLanguages().join(QStringLiteral(", "))), 2);

    const QString screenshot = parser.value(shotOption);
    const QString screenshotDir = parser.value(allShotsOption);
    const bool interactive = screenshot.isEmpty() && screenshotDir.isEmpty();
    DatabaseChoice choice = DatabaseChoice::load(QSettings());
    const QString db = parser.value(dbOption);
    if (isPostgresUrl(db)) {
        auto info = parsePostgresUrl(db);
        if (!info)
            return report(false, info.error().message, 2);
        choice.central = true;
        choice.server = *info;
    } else if (!db.isEmpty()) {
        choice.central = false;
        choice.sqlitePath = db.startsWith(QLatin1String("sqlite:")) ? db.mid(7) : db;
    }
    if (parser.isSet(cacheOption))
        choice.cachePath = parser.value(cacheOption);
    const QString stationId =
        parser.isSet(stationOption) ? parser.value(stationOption) : choice.effectiveStation();
    if (choice.central) {
        if (!interactive)
            return report(
                false,
                QStringLiteral("--screenshot and --screenshot-all work on an embedded database."),
                2);
        return runCentral(choice, parser.value(userOption), stationId);
    }
    const QString path = choice.effectiveSqlitePath();

    auto store = SqliteStore::open(path);
    if (!store)
        return report(interactive, store.error().message, 6);

    AccountService accounts((*store)->statements(), (*store)->clock());
    const auto hasUsers = accounts.hasUsers();
    if (!hasUsers)
        return report(interactive, hasUsers.error().message, 6);
    QString userName = parser.value(userOption);
    bool demo = false;
    if (!*hasUsers) {
        if (parser.isSet(demoOption)) {
            if (auto r = loadDemoData(**store); !r)
                return report(interactive, r.error().message, 1);
            demo = true;
            userName = QStringLiteral("admin");
        } else if (interactive) {
            FirstRunDialog first(**store);
            if (first.exec() != QDialog::Accepted)
                return 0;
            if (first.choice().central) {
                store->reset();
                const DatabaseChoice central = first.choice();
                return runCentral(central, userName,
                                  parser.isSet(stationOption) ? stationId
                                                              : central.effectiveStation());
            }
            userName = first.adminName();
        }
    } else if (parser.isSet(demoOption)) {
        demo = true; // an existing demo database: log in as its admin for screenshots
        userName = userName.isEmpty() ? QStringLiteral("admin") : userName;
    }

    if (!screenshotDir.isEmpty()) {
        QSize size(1366, 768);
        if (parser.isSet(sizeOption)) {
            const QStringList wh = parser.value(sizeOption).split(u'x');
            size = wh.size() == 2 ? QSize(wh[0].toInt(), wh[1].toInt()) : QSize();
            if (size.width() < 320 || size.height() < 240)
                return report(false, QStringLiteral("--screenshot-size wants WxH, e.g. 1366x768."), 2);
        }
        return writeScreenshots(**store, screenshotDir, stationId, size);
    }

    std::optional<Actor> actor;
    if (!interactive) {
        if (demo) {
            const auto a = accounts.login(userName, demoPassword(), stationId);
            if (a)
                actor = *a;
        }
    } else {
        LoginDialog login(**store, stationId, userName);
        if (parser.isSet(probeOption)) {
            QTimer::singleShot(0, &login, [&login] {
                QTextStream(stdout) << "login-shown" << Qt::endl;
                login.reject();
            });
        }
        if (login.exec() != QDialog::Accepted)
            return 0;
        actor = login.actor();
    }

    // From here on the window's own database threads do all the work; the start-up connection goes.
    const QString dbPath = (*store)->path();
    store->reset();
    MainWindow window(dbPath, actor, stationId);
    if (!interactive) {
        window.show();
        if (demo && window.stationView())
            window.submitScan(QStringLiteral("SB00006"));
        window.db().waitIdle();
        QApplication::processEvents();
        if (!window.grab().save(screenshot))
            return report(false, QStringLiteral("Cannot write %1.").arg(screenshot), 1);
        QTextStream(stdout) << "Wrote " << screenshot << '\n';
        return 0;
    }
    window.show();
    return app.exec();
}

} // namespace tt
