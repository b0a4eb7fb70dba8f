// The desktop station in central mode (BRIEF §5 "what a station shows"), offscreen, against the
// throwaway PostgreSQL of the ctest fixture through a socat proxy the test cuts and restores:
// scans are decided centrally while online; with the server cut the station says OFFLINE, scans
// are queued and counted on screen; when it is back the sync worker replays them in bounded
// rounds, the count returns to 0 and the central database holds every scan exactly once.
// Also: a NOTIFY on tt_changes pulls another station's change before the periodic sync; a
// replay conflict is counted and listed; "Test connection" names the reason of each failure.
// The Admin screen administers the central database: users (with an area), the lists of bag
// types, areas and stations as the server has them, the admin's one-time code; offline it says
// so and changes nothing.

#include "app/admindataeditor.h"
#include "app/adminpage.h"
#include "app/arealistmodel.h"
#include "app/bagtypelistmodel.h"
#include "app/centralform.h"
#include "app/conflictsdialog.h"
#include "app/dashboardpage.h"
#include "app/databasechoice.h"
#include "app/databasedialog.h"
#include "app/dbclient.h"
#include "app/firstrundialog.h"
#include "app/mainwindow.h"
#include "app/stationview.h"
#include "app/totpdialog.h"
#include "app/userlistmodel.h"
#include "core/clock.h"
#include "core/totp.h"
#include "database/repositories.h"
#include "database/sqlitestore.h"
#include "database/verifier.h"
#include "tests/pg/pgfixture.h"
#include "tests/pg/tcpproxy.h"

#include <QElapsedTimer>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace tt;

class TstCentral : public QObject
{
    Q_OBJECT

private:
    tt::test::CentralDb m_central;
    std::unique_ptr<PgStore> m_admin; // another station, directly on the central database
    tt::test::TcpProxy m_proxy;
    QTemporaryDir m_dir;
    int m_serverPort = 0;

    PgConnectionInfo viaProxy() const
    {
        PgConnectionInfo info = m_central.station;
        info.host = QStringLiteral("127.0.0.1");
        info.port = m_proxy.port();
        return info;
    }

    // Processes events until done() or the time is up.
    template<class Done> static void waitFor(Done done, int timeoutMs)
    {
        QElapsedTimer t;
        t.start();
        while (!done() && t.elapsed() < timeoutMs)
            QTest::qWait(10);
    }

    // A logged-in station window on its own cache.
    std::unique_ptr<MainWindow> openStation(const QString &name)
    {
        const QString cache = m_dir.filePath(name + QStringLiteral(".db"));
        if (auto r = prepareCache(cache); !r) {
            qWarning("%s", qPrintable(r.error().message));
            return nullptr;
        }
        auto db = std::make_unique<DbClient>(DbTarget{cache, viaProxy()});
        std::optional<Result<Actor>> login;
        db->call(
            DbClient::Lane::Command, db.get(),
            [name](DbSession &s) {
                return s.login(QStringLiteral("admin"), tt::test::kAdminPassword, name);
            },
            [&login](Result<Actor> r) { login = r; });
        waitFor([&login] { return login.has_value(); }, 20000);
        if (!login || !*login) {
            qWarning("login: %s", login ? qPrintable(login->error().message) : "no answer");
            return nullptr;
        }
        auto window = std::make_unique<MainWindow>(std::move(db), **login, name);
        window->show();
        return window;
    }

    // Scans and waits for every answer; returns the outcomes' result names.
    QStringList scan(MainWindow &w, const QStringList &codes)
    {
        QStringList results;
        for (const QString &code : codes) {
            w.submitScan(code);
            waitFor([&w] { return w.stationView()->pendingScans() == 0; }, 20000);
            results << resultKindName(w.stationView()->lastResult());
        }
        return results;
    }

    qint64 centralCount(const QString &sql) { return tt::test::sessionCount(*m_admin, sql); }
    int centralChildren(const QString &parent)
    {
        return tt::test::centralChildCount(*m_admin, parent);
    }

    // Another station links child into parent on the central database.
    bool centralLink(const QString &parent, const QString &child)
    {
        const Actor admin{QStringLiteral("admin"), Role::Admin};
        const auto run = [&](CommandBody body) {
            return m_admin
                ->execute(makeCommand(admin, QStringLiteral("st-other"), SystemClock::instance(),
                                      std::move(body)))
                .ok();
        };
        return run(cmd::SelectParent{parent, {}}) && run(cmd::LinkChild{parent, child, {}});
    }

    // Another station runs an admin command on the central database.
    bool centralRun(CommandBody body)
    {
        const Actor admin{QStringLiteral("admin"), Role::Admin};
        return m_admin
            ->execute(makeCommand(admin, QStringLiteral("st-other"), SystemClock::instance(),
                                  std::move(body)))
            .ok();
    }

    // The central database's user, read from another connection.
    std::optional<UserInfo> centralUser(const QString &name)
    {
        const auto users = m_admin->users();
        if (!users)
            return std::nullopt;
        for (const UserInfo &u : *users) {
            if (u.username == name)
                return u;
        }
        return std::nullopt;
    }

    // The admin page's answer to an action, once the lanes are idle.
    static QString answerOf(MainWindow &w, const std::function<void()> &action)
    {
        action();
        w.db().waitIdle(15000);
        return w.adminPage()->messageText();
    }

    // The central users table as its owner sees it (a station's session cannot read the column).
    bool adminHasOneTimeCode(bool on) const
    {
        return m_central.ownerExec(
            {QStringLiteral("DO $$ BEGIN IF (SELECT totp_enabled FROM users WHERE username = "
                            "'admin') IS DISTINCT FROM %1 THEN RAISE EXCEPTION 'totp_enabled "
                            "differs'; END IF; END $$")
                 .arg(on ? QStringLiteral("true") : QStringLiteral("false"))});
    }

    static bool listsBagType(AdminDataEditor &data, const QString &name)
    {
        for (int row = 0; row < data.bagTypeModel()->rowCount(); ++row) {
            if (data.bagTypeModel()->typeAt(row)->name == name)
                return true;
        }
        return false;
    }

    static bool listsArea(AdminDataEditor &data, const QString &name)
    {
        for (int row = 0; row < data.areaModel()->rowCount(); ++row) {
            if (data.areaModel()->areaAt(row)->name == name)
                return true;
        }
        return false;
    }

    QString testConnection(CentralForm &form, const QString &url)
    {
        form.setUrl(url);
        form.testConnection();
        if (!form.testing())
            return QStringLiteral("<answered on the GUI thread>: ") + form.message();
        waitFor([&form] { return !form.testing(); }, 15000);
        return form.message();
    }

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QCoreApplication::setOrganizationName(QStringLiteral("TraceTrackTest"));
        QCoreApplication::setApplicationName(QStringLiteral("tst_central"));
        TT_REQUIRE_CENTRAL(m_central);
        QVERIFY(m_dir.isValid());
        m_serverPort = m_central.station.port;
        m_admin = m_central.login(QStringLiteral("admin"), tt::test::kAdminPassword,
                                  QStringLiteral("tt-gui-admin"), QStringLiteral("st-other"));
        QVERIFY(m_admin);
        QVERIFY(m_proxy.start(m_serverPort));
    }

    void cleanupTestCase()
    {
        m_proxy.stop();
        m_admin.reset();
        m_central.drop();
    }

    void scansOnlineThenQueuedOfflineThenReplayedOnce()
    {
        auto w = openStation(QStringLiteral("st-gui-a"));
        QVERIFY(w);
        StationView *station = w->stationView();
        QTRY_VERIFY_WITH_TIMEOUT(w->db().centralState().online(), 10000);
        QTRY_VERIFY(station->connectionText().contains(QStringLiteral("Central: online")));
        const qint64 scansBefore = centralCount(QStringLiteral("SELECT count(*) FROM scans"));
        QCOMPARE(
            scan(*w, {QStringLiteral("SB00001"), QStringLiteral("C1001"), QStringLiteral("C1002")}),
            QStringList({QStringLiteral("ok"), QStringLiteral("ok"), QStringLiteral("ok")}));
        QCOMPARE(centralChildren(QStringLiteral("SB00001")), 2);
        QCOMPARE(centralCount(QStringLiteral("SELECT count(*) FROM scans")), scansBefore + 3);

        // The server goes away: the screen says so within a few seconds, scans queue.
        m_proxy.stop();
        QElapsedTimer noticed;
        noticed.start();
        QTRY_VERIFY_WITH_TIMEOUT(station->connectionText().contains(QStringLiteral("OFFLINE")),
                                 5000);
        qInfo("offline shown %lld ms after the cut", noticed.elapsed());
        QCOMPARE(
            scan(*w, {QStringLiteral("C1003"), QStringLiteral("C1004"), QStringLiteral("C1005")}),
            QStringList(
                {QStringLiteral("queued"), QStringLiteral("queued"), QStringLiteral("queued")}));
        QCOMPARE(station->counterText(), QStringLiteral("5/30"));
        QTRY_VERIFY_WITH_TIMEOUT(station->connectionText().contains(QStringLiteral("Queued: 3")),
                                 2000);
        QCOMPARE(centralChildren(QStringLiteral("SB00001")), 2); // nothing reached the server
        {
            // Leaving the central database while scans wait for it is refused; nothing saved.
            const QString elsewhere = m_dir.filePath(QStringLiteral("elsewhere.db"));
            DatabaseDialog dialog(DatabaseChoice::load(QSettings()),
                                  w->adminPage()->runningDatabase(),
                                  [&w] { return w->db().centralState().sync.queued; });
            QVERIFY(w->adminPage()->databaseText().startsWith(QStringLiteral("Central: ")));
            dialog.setCentral(false);
            dialog.setEmbeddedPath(elsewhere);
            dialog.save();
            QVERIFY2(dialog.message().contains(QStringLiteral("still queued for postgresql://")),
                     qPrintable(dialog.message()));
            QVERIFY(dialog.result() != QDialog::Accepted);
            QVERIFY(QSettings().value(QStringLiteral("database/path")).toString() != elsewhere);
        }
        if (const QByteArray dir = qgetenv("TT_SCREENSHOT_DIR"); !dir.isEmpty()) {
            QTest::qWait(500); // the flash is over
            QVERIFY(w->grab().save(QString::fromLocal8Bit(dir) +
                                   QStringLiteral("/station-central-offline.png")));
        }

        // Back: the periodic sync replays the queue; every scan exactly once.
        QVERIFY(m_proxy.start(m_serverPort));
        QTRY_VERIFY_WITH_TIMEOUT(
            w->db().centralState().online() && w->db().centralState().sync.queued == 0, 20000);
        QTRY_VERIFY_WITH_TIMEOUT(station->connectionText().contains(QStringLiteral("Queued: 0")),
                                 2000);
        QVERIFY(station->connectionText().contains(QStringLiteral("Central: online")));
        QVERIFY(!station->connectionText().contains(QStringLiteral("Last sync: never")));
        QCOMPARE(centralChildren(QStringLiteral("SB00001")), 5);
        QCOMPARE(centralCount(QStringLiteral("SELECT count(*) FROM scans")), scansBefore + 6);
        QCOMPARE(
            centralCount(QStringLiteral("SELECT count(*) - count(DISTINCT command_id) FROM scans")),
            0);
        QCOMPARE(centralCount(QStringLiteral("SELECT count(*) FROM conflicts")), 0);
        QVERIFY(m_admin->verify() && m_admin->verify()->isEmpty());
    }

    void longQueueReplaysInRoundsBetweenScans()
    {
        auto w = openStation(QStringLiteral("st-gui-b"));
        QVERIFY(w);
        QTRY_VERIFY_WITH_TIMEOUT(w->db().centralState().online(), 10000);
        w->db().setSyncBatch(20);
        QCOMPARE(scan(*w, {QStringLiteral("SB00002")}), QStringList{QStringLiteral("ok")});
        m_proxy.stop();
        QTRY_VERIFY_WITH_TIMEOUT(!w->db().centralState().online(), 5000);
        QStringList codes;
        for (int i = 0; i < 30; ++i)
            codes << QStringLiteral("SB%1").arg(10000 + i) << QStringLiteral("C%1").arg(50000 + i);
        for (const QString &r : scan(*w, codes))
            QCOMPARE(r, QStringLiteral("queued"));
        QTRY_COMPARE_WITH_TIMEOUT(w->db().centralState().sync.queued, 60, 2000);
        const qint64 roundsBefore = w->db().centralState().syncs;
        const qint64 scansBefore = centralCount(QStringLiteral("SELECT count(*) FROM scans"));

        QVERIFY(m_proxy.start(m_serverPort));
        QTRY_VERIFY_WITH_TIMEOUT(w->db().centralState().online(), 10000);
        // A scan while the queue drains waits behind one round at most and is queued behind the
        // rest (or decided centrally if the queue is already empty).
        QElapsedTimer answer;
        answer.start();
        const QString during = scan(*w, {QStringLiteral("C59999")}).constFirst();
        const qint64 answerMs = answer.elapsed();
        QVERIFY2(during == u"queued" || during == u"ok", qPrintable(during));
        QTRY_VERIFY_WITH_TIMEOUT(w->db().centralState().sync.queued == 0, 30000);
        const qint64 rounds = w->db().centralState().syncs - roundsBefore;
        qInfo("60-61 queued commands replayed in %lld rounds of at most 20; longest round %.1f ms; "
              "a scan during the "
              "replay answered in %lld ms (%s)",
              rounds, w->db().longestSyncMs(), answerMs, qPrintable(during));
        QVERIFY2(rounds >= 3,
                 qPrintable(QString::number(rounds))); // 60 / 20: bounded rounds, not one
        QCOMPARE(centralCount(QStringLiteral("SELECT count(*) FROM scans")), scansBefore + 61);
        QCOMPARE(
            centralCount(QStringLiteral("SELECT count(*) - count(DISTINCT command_id) FROM scans")),
            0);
    }

    void notificationPullsOtherStationsChanges()
    {
        auto w = openStation(QStringLiteral("st-gui-c"));
        QVERIFY(w);
        QTRY_VERIFY_WITH_TIMEOUT(w->db().centralState().online(), 10000);
        w->db().setSyncInterval(600000); // only the notification can pull now
        const qint64 before = w->db().centralState().syncs;
        QTRY_VERIFY_WITH_TIMEOUT(w->db().centralState().syncs > before || w->db().pending() == 0,
                                 5000);
        const auto cachedParent = [&w](const QString &code) {
            std::optional<QString> parent;
            w->db().call(
                DbClient::Lane::Query, w.get(), [code](DbSession &s) { return s.store->bag(code); },
                [&parent](Result<std::optional<BagDetails>> b) {
                    parent = b && *b ? (*b)->parentCode : QString();
                });
            waitFor([&parent] { return parent.has_value(); }, 5000);
            return parent.value_or(QStringLiteral("<no answer>"));
        };
        // Another station links; the server's coalesced NOTIFY (migration 005) wakes the station,
        // and so does one sent by hand (a server without it): the periodic sync is 10 min away.
        QElapsedTimer t;
        t.start();
        QVERIFY(centralLink(QStringLiteral("SB00030"), QStringLiteral("C3001")));
        QVERIFY(m_central.ownerExec({QStringLiteral("NOTIFY tt_changes")}));
        QTRY_COMPARE_WITH_TIMEOUT(cachedParent(QStringLiteral("C3001")), QStringLiteral("SB00030"),
                                  3000);
        qInfo("another station's link in the cache %lld ms after the NOTIFY", t.elapsed());
    }

    void conflictIsCountedAndListed()
    {
        auto w = openStation(QStringLiteral("st-gui-d"));
        QVERIFY(w);
        QTRY_VERIFY_WITH_TIMEOUT(w->db().centralState().online(), 10000);
        m_proxy.stop();
        QTRY_VERIFY_WITH_TIMEOUT(!w->db().centralState().online(), 5000);
        QCOMPARE(scan(*w, {QStringLiteral("SB00040"), QStringLiteral("C4001")}),
                 QStringList({QStringLiteral("queued"), QStringLiteral("queued")}));
        QVERIFY(centralLink(QStringLiteral("SB00041"), QStringLiteral("C4001")));
        QVERIFY(m_proxy.start(m_serverPort));
        QTRY_VERIFY_WITH_TIMEOUT(w->db().centralState().sync.conflicts == 1 &&
                                     w->db().centralState().sync.queued == 0,
                                 20000);
        QTRY_COMPARE_WITH_TIMEOUT(w->stationView()->conflictsButton()->text(),
                                  QStringLiteral("Conflicts: 1 …"), 2000);
        ConflictsDialog dialog(w->db(), true);
        QTRY_VERIFY_WITH_TIMEOUT(dialog.loaded(), 10000);
        QCOMPARE(dialog.stationRows(), 1);
        QVERIFY(dialog.allRows() >= 1);

        // The admin's health panel: reachable with a latency, and this station's last report.
        w->showPage(MainWindow::Page::Dashboard);
        QTRY_VERIFY_WITH_TIMEOUT(
            w->dashboardPage()->healthText().contains(QStringLiteral("st-gui-d")), 15000);
        QVERIFY(w->dashboardPage()->healthText().contains(QStringLiteral("reachable, round trip")));

        // The dashboard shows the site's figures (read into the cache by the sync): another
        // station's link counts; offline the last figures stay, with their time.
        const auto centralLinks = [this] {
            const auto f = m_admin->statistics(QDateTime::currentDateTimeUtc().date());
            return f ? QLocale().toString(f->totals.value(QStringLiteral("links"))) : QString();
        };
        QVERIFY(centralLink(QStringLiteral("SB00042"), QStringLiteral("C4002")));
        DashboardPage &dashboard = *w->dashboardPage();
        QTRY_COMPARE_WITH_TIMEOUT(dashboard.cardText(QStringLiteral("links")), centralLinks(),
                                  15000);
        QVERIFY(dashboard.sourceText().contains(QStringLiteral("central database as of")));
        const QString linksBefore = dashboard.cardText(QStringLiteral("links"));
        m_proxy.stop();
        QTRY_VERIFY_WITH_TIMEOUT(!w->db().centralState().online(), 5000);
        QVERIFY(centralLink(QStringLiteral("SB00042"), QStringLiteral("C4003")));
        QCOMPARE(scan(*w, {QStringLiteral("SB00043"), QStringLiteral("C4004")}),
                 QStringList({QStringLiteral("queued"), QStringLiteral("queued")}));
        QTRY_VERIFY_WITH_TIMEOUT(dashboard.sourceText().contains(QStringLiteral("(offline)")),
                                 5000);
        QVERIFY(dashboard.sourceText().contains(QStringLiteral("central database as of")));
        QCOMPARE(dashboard.cardText(QStringLiteral("links")), linksBefore);
        QVERIFY(m_proxy.start(m_serverPort));
        QTRY_COMPARE_WITH_TIMEOUT(dashboard.cardText(QStringLiteral("links")), centralLinks(),
                                  20000);
        QVERIFY(dashboard.cardText(QStringLiteral("links")) != linksBefore);
    }

    void adminScreenAdministersTheCentralDatabase()
    {
        auto w = openStation(QStringLiteral("st-gui-e"));
        QVERIFY(w);
        QTRY_VERIFY_WITH_TIMEOUT(w->db().centralState().online(), 10000);
        w->showPage(MainWindow::Page::Admin);
        AdminPage &page = *w->adminPage();
        AdminDataEditor &data = *page.dataEditor();

        // Another station's area and bag type appear in the lists after a refresh.
        QVERIFY(centralRun(cmd::AddArea{QStringLiteral("North Yard")}));
        QVERIFY(centralRun(cmd::AddBagType{QStringLiteral("XT"), QStringLiteral("child"),
                                           QStringLiteral("^XT\\d{4}$"), 0, 450, 0}));
        data.reload();
        QTRY_VERIFY_WITH_TIMEOUT(listsBagType(data, QStringLiteral("XT")), 10000);
        QVERIFY(listsArea(data, QStringLiteral("North Yard")));
        auto cachedTypes = [&w] {
            std::optional<QStringList> names;
            w->db().call(
                DbClient::Lane::Query, w.get(),
                [](DbSession &s) { return s.store->repositories().admin.bagTypes(); },
                [&names](Result<QList<BagType>> r) {
                    names = QStringList();
                    for (const BagType &t : r.value_or(QList<BagType>()))
                        names->append(t.name);
                });
            waitFor([&names] { return names.has_value(); }, 5000);
            return names.value_or(QStringList());
        };
        // (The cache does not learn other stations' bag types: the list came from the server.)
        QVERIFY2(!cachedTypes().contains(QStringLiteral("XT")),
                 "the cache has XT: test proves nothing");

        // A user with an area, added on the Admin screen, is in the central database.
        QCOMPARE(answerOf(*w,
                          [&page] {
                              page.addUser(QStringLiteral("ravi"), QStringLiteral("Dispatch-2024!"),
                                           Role::Dispatcher, QStringLiteral("North Yard"));
                          }),
                 QStringLiteral("User ravi created."));
        const auto ravi = centralUser(QStringLiteral("ravi"));
        QVERIFY(ravi);
        QCOMPARE(ravi->role, Role::Dispatcher);
        QCOMPARE(ravi->area, QStringLiteral("North Yard"));
        QTRY_VERIFY_WITH_TIMEOUT(page.userModel()->rowCount() >= 2, 5000);

        QCOMPARE(answerOf(*w, [&page] { page.setRole(QStringLiteral("ravi"), Role::Biller); }),
                 QStringLiteral("ravi is now biller."));
        QCOMPARE(centralUser(QStringLiteral("ravi"))->role, Role::Biller);
        QVERIFY(answerOf(*w, [&page] {
                    page.setEnabled(QStringLiteral("ravi"), false);
                }).startsWith(QStringLiteral("ravi is disabled")));
        QVERIFY(!centralUser(QStringLiteral("ravi"))->enabled);

        // The server's rules and words: a weak password and the last admin.
        const QString weak = answerOf(*w, [&page] {
            page.addUser(QStringLiteral("weak"), QStringLiteral("short"), Role::Biller, {});
        });
        QVERIFY2(weak.contains(QStringLiteral("at least 10 characters")), qPrintable(weak));
        QVERIFY(!centralUser(QStringLiteral("weak")));
        const QString self =
            answerOf(*w, [&page] { page.setRole(QStringLiteral("admin"), Role::Biller); });
        QVERIFY2(!self.contains(QStringLiteral("is now")), qPrintable(self));
        QCOMPARE(centralUser(QStringLiteral("admin"))->role, Role::Admin);

        if (const QByteArray dir = qgetenv("TT_SCREENSHOT_DIR"); !dir.isEmpty()) {
            page.reloadUsers();
            QVERIFY(w->db().waitIdle());
            QVERIFY(w->grab().save(QString::fromLocal8Bit(dir) +
                                   QStringLiteral("/admin-users-central.png")));
        }

        // Offline: clear words, nothing changed centrally or queued.
        m_proxy.stop();
        QTRY_VERIFY_WITH_TIMEOUT(!w->db().centralState().online(), 5000);
        const QString offline = answerOf(*w, [&page] {
            page.addUser(QStringLiteral("offline"), QStringLiteral("Dispatch-2024!"), Role::Biller,
                         {});
        });
        QVERIFY2(offline.contains(QStringLiteral("needs the central database; it is unreachable")),
                 qPrintable(offline));
        QVERIFY(answerOf(*w, [&page] {
                    page.unlock(QStringLiteral("ravi"));
                }).contains(QStringLiteral("it is unreachable")));
        std::optional<Outcome> refused;
        connect(&data, &AdminDataEditor::answered, this,
                [&refused](const Outcome &o) { refused = o; });
        data.run(cmd::AddArea{QStringLiteral("Offline Yard")});
        waitFor([&refused] { return refused.has_value(); }, 10000);
        QVERIFY(refused && refused->result == ResultKind::Rejected);
        QVERIFY2(data.messageText().contains(QStringLiteral("it is unreachable")),
                 qPrintable(data.messageText()));
        QCOMPARE(w->db().centralState().sync.queued, 0);
        QVERIFY(m_proxy.start(m_serverPort));
        QTRY_VERIFY_WITH_TIMEOUT(w->db().centralState().online(), 10000);
        QVERIFY(!centralUser(QStringLiteral("offline")));
        QCOMPARE(
            centralCount(QStringLiteral("SELECT count(*) FROM areas WHERE name = 'Offline Yard'")),
            0);

        // The admin's one-time code is kept centrally (and turned off again on the screen).
        {
            TotpDialog dialog(w->db(), Actor{QStringLiteral("admin"), Role::Admin}, &page);
            QSignalSpy shown(&dialog, &TotpDialog::secretShown);
            QVERIFY(shown.wait(15000));
            const auto secret = totp::fromBase32(dialog.secretText());
            QVERIFY(secret);
            dialog.confirm(totp::code(*secret, totp::stepAt(QDateTime::currentSecsSinceEpoch())));
            QTRY_COMPARE_WITH_TIMEOUT(dialog.result(), int(QDialog::Accepted), 10000);
        }
        QVERIFY(adminHasOneTimeCode(true));
        // The central list says so, and when the account was created, as an embedded one does.
        page.reloadUsers();
        const auto adminRow = [&page]() -> const UserInfo * {
            for (int row = 0; row < page.userModel()->rowCount(); ++row) {
                if (page.userModel()->userAt(row)->username == u"admin")
                    return page.userModel()->userAt(row);
            }
            return nullptr;
        };
        QTRY_VERIFY2_WITH_TIMEOUT(adminRow() && adminRow()->totpEnabled,
                                  qPrintable(page.messageText()), 10000);
        QVERIFY(adminRow()->createdAt.isValid());
        QVERIFY(qAbs(adminRow()->createdAt.secsTo(QDateTime::currentDateTimeUtc())) < 24 * 3600);
        QCOMPARE(answerOf(*w, [&page] { page.disableTotp(QStringLiteral("admin")); }),
                 QStringLiteral("admin logs in with the password alone again."));
        QVERIFY(adminHasOneTimeCode(false));
    }

    void testConnectionNamesTheReason()
    {
        auto local = SqliteStore::open(m_dir.filePath(QStringLiteral("first-run.db")));
        QVERIFY(local);
        FirstRunDialog dialog(**local);
        dialog.setCentral(true);
        const PgConnectionInfo s = m_central.station;
        const QString base = QStringLiteral("postgresql://%1:%2@127.0.0.1:%3/%4");
        QVERIFY(testConnection(*dialog.centralForm(),
                               base.arg(s.user, s.password).arg(s.port).arg(s.database))
                    .startsWith(QStringLiteral("Reachable: TraceTrack schema version")));
        const QString wrongPassword =
            testConnection(*dialog.centralForm(),
                           base.arg(s.user, QStringLiteral("nope")).arg(s.port).arg(s.database));
        if (wrongPassword.startsWith(QStringLiteral("Reachable"))) {
            // The test server (scripts/pg-harness) trusts every local connection, so it cannot
            // refuse a password; the message libpq gives for a refused one is classified instead.
            qInfo(
                "the test server trusts local connections: wrong password checked on libpq's text");
            const QString libpq =
                QStringLiteral("connection to server at \"127.0.0.1\", port 5432 failed: FATAL:  "
                               "password authentication failed "
                               "for user \"tt_station\"\nQPSQL: Unable to connect");
            QVERIFY(explainConnectionError(s, libpq).contains(
                QStringLiteral("refused user tt_station with this password")));
        } else {
            QVERIFY2(wrongPassword.contains(
                         QStringLiteral("refused user tt_station with this password")),
                     qPrintable(wrongPassword));
        }
        const QString closed =
            testConnection(*dialog.centralForm(),
                           base.arg(s.user, s.password).arg(tt::test::freePort()).arg(s.database));
        QVERIFY2(closed.contains(QStringLiteral("connection refused")), qPrintable(closed));
        const QString noDb = testConnection(
            *dialog.centralForm(),
            base.arg(s.user, s.password).arg(s.port).arg(QStringLiteral("no_such_db")));
        QVERIFY2(noDb.contains(QStringLiteral("has no database \"no_such_db\"")), qPrintable(noDb));
        const QString empty = m_central.name + QStringLiteral("_empty");
        QVERIFY(tt::test::superuserExec(
            m_central.serverUrl, {QStringLiteral("CREATE DATABASE %1 OWNER tt_owner").arg(empty)}));
        const QString notMigrated = testConnection(
            *dialog.centralForm(), base.arg(s.user, s.password).arg(s.port).arg(empty));
        tt::test::superuserExec(
            m_central.serverUrl,
            {QStringLiteral("DROP DATABASE IF EXISTS %1 WITH (FORCE)").arg(empty)});
        QVERIFY2(notMigrated.contains(QStringLiteral("not set up for TraceTrack")),
                 qPrintable(notMigrated));
    }
};

QTEST_MAIN(TstCentral)
#include "tst_central.moc"
