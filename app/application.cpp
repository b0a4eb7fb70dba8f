#include "app/application.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QMessageBox>
#include <QSysInfo>
#include <QTextStream>

#include "app/firstrundialog.h"
#include "app/logindialog.h"
#include "app/mainwindow.h"
#include "app/stationview.h"
#include "database/accountservice.h"
#include "database/demodata.h"
#include "database/sqliteconnection.h"
#include "database/sqlitestore.h"

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

} // namespace

int runApplication(QApplication &app)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("TraceTrack scanning station"));
    parser.addHelpOption();
    const QCommandLineOption dbOption(QStringLiteral("db"), QStringLiteral("Database (sqlite:PATH)."), QStringLiteral("db"));
    const QCommandLineOption demoOption(QStringLiteral("demo"), QStringLiteral("Load demo data into an empty database."));
    const QCommandLineOption shotOption(QStringLiteral("screenshot"),
                                        QStringLiteral("Render the main window to a PNG file and exit."),
                                        QStringLiteral("file"));
    const QCommandLineOption userOption(QStringLiteral("user"), QStringLiteral("User name to log in with."),
                                        QStringLiteral("name"));
    const QCommandLineOption stationOption(QStringLiteral("station"), QStringLiteral("Station id."), QStringLiteral("id"));
    parser.addOptions({dbOption, demoOption, shotOption, userOption, stationOption});
    parser.process(app);

    const QString screenshot = parser.value(shotOption);
    const bool interactive = screenshot.isEmpty();
    QString path = parser.value(dbOption);
    if (path.startsWith(QLatin1String("sqlite:")))
        path = path.mid(7);
    if (path.isEmpty())
        path = defaultDatabasePath();
    const QString stationId = parser.isSet(stationOption) ? parser.value(stationOption)
                                                          : QStringLiteral("desktop@") + QSysInfo::machineHostName();

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
            userName = first.adminName();
        }
    } else if (parser.isSet(demoOption)) {
        demo = true; // an existing demo database: log in as its admin for screenshots
        userName = userName.isEmpty() ? QStringLiteral("admin") : userName;
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
        if (login.exec() != QDialog::Accepted)
            return 0;
        actor = login.actor();
    }

    MainWindow window(**store, actor, stationId);
    if (!interactive) {
        if (demo && window.stationView())
            window.stationView()->scan(QStringLiteral("SB00006"));
        window.show();
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
