// SyncedStore (BRIEF §5): a station on a local cache and the central database, reached through a
// TCP proxy (socat) this test can cut and restore. Online the central database decides; cut
// off, commands are decided on the cache and queued; sync replays them exactly once; a replay
// the central rules reject becomes a conflict and central state wins in the cache; other
// stations' changes reach the cache through the change feed; logins work offline for users who
// logged in at this station before; an expired session is renewed without losing a scan.

#include "core/clock.h"
#include "core/station.h"
#include "core/totp.h"
#include "database/centraladmin.h"
#include "database/centralsync.h"
#include "database/dashboardquery.h"
#include "database/eodquery.h"
#include "database/sqlitestore.h"
#include "database/statementcache.h"
#include "database/syncedstore.h"
#include "database/verifier.h"
#include "tests/pg/pgfixture.h"
#include "tests/pg/tcpproxy.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

#include <functional>
#include <numeric>

using namespace tt;

namespace {

QStringList mismatchesOf(const Result<QList<Mismatch>> &r)
{
    QStringList out;
    if (!r)
        return {QStringLiteral("verify failed: ") + r.error().message};
    for (const Mismatch &m : *r)
        out << QStringLiteral("%1 %2: %3 vs %4").arg(m.check, m.key, m.stored, m.computed);
    return out;
}

} // namespace

class TstSyncedStore : public QObject
{
    Q_OBJECT

private:
    tt::test::CentralDb m_central;
    std::unique_ptr<PgStore> m_admin; // another station, directly on the central database
    tt::test::TcpProxy m_proxy;
    QTemporaryDir m_dir;
    int m_serverPort = 0;

    std::unique_ptr<SyncedStore> openStation(const QString &cacheName, const QString &prefix,
                                             const std::function<void(SyncedStoreOptions &)> &tune = {})
    {
        SyncedStoreOptions o;
        o.cachePath = m_dir.filePath(cacheName);
        o.central = m_central.station;
        o.central.host = QStringLiteral("127.0.0.1");
        o.central.port = m_proxy.port();
        o.connectionPrefix = prefix;
        o.retryIntervalMs = 0; // every command may try again (the tests cut and restore at will)
        if (tune)
            tune(o);
        auto store = SyncedStore::open(o);
        if (!store) {
            qWarning("%s", qPrintable(store.error().message));
            return nullptr;
        }
        return std::move(*store);
    }

    Outcome centralRun(CommandBody body)
    {
        return m_admin->execute(makeCommand(Actor{QStringLiteral("admin"), Role::Admin}, QStringLiteral("st-other"),
                                            SystemClock::instance(), std::move(body)));
    }

    int centralChildren(const QString &parent)
    {
        return tt::test::centralChildCount(*m_admin, parent);
    }

    QString cachedParentOf(SyncedStore &s, const QString &child)
    {
        auto b = s.cache().bag(child);
        return b && *b ? (*b)->parentCode : QStringLiteral("<none>");
    }

    void verifyBoth(SyncedStore &s)
    {
        QCOMPARE(mismatchesOf(Verifier(s.cache().statements()).run()), QStringList());
        QCOMPARE(mismatchesOf(m_admin->verify()), QStringList());
    }

    qint64 centralCount(const QString &sql) { return tt::test::sessionCount(*m_admin, sql); }

private Q_SLOTS:
    void initTestCase()
    {
        TT_REQUIRE_CENTRAL(m_central);
        QVERIFY(m_dir.isValid());
        m_serverPort = m_central.station.port;
        m_admin = m_central.login(QStringLiteral("admin"), tt::test::kAdminPassword, QStringLiteral("tt-sync-admin"),
                                  QStringLiteral("st-other"));
        QVERIFY(m_admin);
        QVERIFY(m_proxy.start(m_serverPort));
    }

    void cleanupTestCase()
    {
        m_proxy.stop();
        m_admin.reset();
        m_central.drop();
    }

    void onlineCommandsAreDecidedCentrallyAndCached()
    {
        auto s = openStation(QStringLiteral("a.db"), QStringLiteral("st-a"));
        QVERIFY(s);
        auto actor = s->login(QStringLiteral("admin"), tt::test::kAdminPassword, QStringLiteral("st-a"));
        QVERIFY2(actor, actor ? "" : qPrintable(actor.error().message));
        QVERIFY(s->online());
        Station st(*s, SystemClock::instance(), *actor, QStringLiteral("st-a"));
        for (const char *code : {"SB00001", "C1001", "C1002"})
            QCOMPARE(resultKindName(st.scan(QString::fromLatin1(code)).result), QStringLiteral("ok"));
        const Outcome dup = st.scan(QStringLiteral("C1001"));
        QCOMPARE(resultKindName(dup.result), QStringLiteral("duplicate"));
        QCOMPARE(centralChildren(QStringLiteral("SB00001")), 2);
        QCOMPARE(cachedParentOf(*s, QStringLiteral("C1002")), QStringLiteral("SB00001"));
        QCOMPARE(s->status().queued, 0);
        verifyBoth(*s);
    }

    void offlineCommandsQueueAndReplayExactlyOnce()
    {
        auto s = openStation(QStringLiteral("a.db"), QStringLiteral("st-a2"));
        QVERIFY(s);
        auto actor = s->login(QStringLiteral("admin"), tt::test::kAdminPassword, QStringLiteral("st-a"));
        QVERIFY(actor);
        Station st(*s, SystemClock::instance(), *actor, QStringLiteral("st-a"));
        QCOMPARE(st.scan(QStringLiteral("SB00001")).result, ResultKind::Ok);
        const qint64 scansBefore = centralCount(QStringLiteral("SELECT count(*) FROM scans"));

        m_proxy.stop();
        const Outcome first = st.scan(QStringLiteral("C1003"));
        QCOMPARE(resultKindName(first.result), QStringLiteral("queued"));
        QCOMPARE(first.children, 3); // decided on the cache, which knows C1001 and C1002
        QVERIFY(!s->online());
        QCOMPARE(resultKindName(st.scan(QStringLiteral("C1004")).result), QStringLiteral("queued"));
        QCOMPARE(resultKindName(st.scan(QStringLiteral("C1004")).result), QStringLiteral("duplicate"));
        QCOMPARE(resultKindName(st.scan(QStringLiteral("SB00002")).result), QStringLiteral("queued"));
        const Outcome other = st.scan(QStringLiteral("C1001"));
        QCOMPARE(reasonName(other.reason), QStringLiteral("linked_elsewhere")); // local rules, no queue
        QCOMPARE(resultKindName(st.scan(QStringLiteral("C1005")).result), QStringLiteral("queued"));
        QCOMPARE(s->status().queued, 4);
        QCOMPARE(centralChildren(QStringLiteral("SB00001")), 2); // nothing reached the server yet
        auto offlineSync = s->sync();
        QVERIFY(!offlineSync);
        QCOMPARE(reasonName(offlineSync.error().reason), QStringLiteral("database_error"));

        QVERIFY(m_proxy.start(m_serverPort));
        auto synced = s->sync();
        QVERIFY2(synced, synced ? "" : qPrintable(synced.error().message));
        QCOMPARE(synced->replayed, 4);
        QCOMPARE(synced->conflicts, 0);
        QCOMPARE(s->status().queued, 0);
        QVERIFY(s->status().lastSyncAt.has_value());
        QCOMPARE(centralChildren(QStringLiteral("SB00001")), 4);
        QCOMPARE(centralChildren(QStringLiteral("SB00002")), 1);
        const qint64 scansAfter = centralCount(QStringLiteral("SELECT count(*) FROM scans"));
        QCOMPARE(scansAfter - scansBefore, 4);
        verifyBoth(*s);

        // The same commands again (a station that replays twice): answered from the command log.
        QList<QJsonObject> again;
        {
            auto rows = s->cache().statements().run(QStringLiteral("SELECT command FROM outbox ORDER BY seq"), {},
                                                   QStringLiteral("test"));
            QVERIFY(rows);
            while (rows->next())
                again << QJsonDocument::fromJson(rows->text(0).toUtf8()).object();
        }
        QCOMPARE(again.size(), 4);
        auto replayed = CentralSync(*m_admin).replay(again);
        QVERIFY(replayed);
        QCOMPARE(replayed->size(), 4);
        for (const Outcome &o : *replayed)
            QCOMPARE(resultKindName(o.result), QStringLiteral("ok"));
        QCOMPARE(centralCount(QStringLiteral("SELECT count(*) FROM scans")), scansAfter);
        QCOMPARE(centralChildren(QStringLiteral("SB00001")), 4);
        QCOMPARE(s->sync()->replayed, 0);
    }

    void rejectedReplayBecomesConflictAndCentralWins()
    {
        auto s = openStation(QStringLiteral("b.db"), QStringLiteral("st-b"));
        QVERIFY(s);
        auto actor = s->login(QStringLiteral("admin"), tt::test::kAdminPassword, QStringLiteral("st-b"));
        QVERIFY(actor);
        QVERIFY(s->sync());
        Station st(*s, SystemClock::instance(), *actor, QStringLiteral("st-b"));
        m_proxy.stop();
        QCOMPARE(resultKindName(st.scan(QStringLiteral("SB00010")).result), QStringLiteral("queued"));
        QCOMPARE(resultKindName(st.scan(QStringLiteral("C2001")).result), QStringLiteral("queued"));
        QCOMPARE(resultKindName(st.scan(QStringLiteral("C2002")).result), QStringLiteral("queued"));
        // Meanwhile another station puts C2001 into SB00011.
        QCOMPARE(centralRun(cmd::SelectParent{QStringLiteral("SB00011"), {}}).result, ResultKind::Ok);
        QCOMPARE(centralRun(cmd::LinkChild{QStringLiteral("SB00011"), QStringLiteral("C2001"), {}}).result,
                 ResultKind::Ok);

        QVERIFY(m_proxy.start(m_serverPort));
        auto synced = s->sync();
        QVERIFY2(synced, synced ? "" : qPrintable(synced.error().message));
        QCOMPARE(synced->replayed, 3);
        QCOMPARE(synced->conflicts, 1);
        auto conflicts = s->conflicts();
        QVERIFY(conflicts);
        QCOMPARE(conflicts->size(), 1);
        const Outcome central = Outcome::fromJson(conflicts->first().centralOutcome);
        QCOMPARE(reasonName(central.reason), QStringLiteral("linked_elsewhere"));
        QCOMPARE(conflicts->first().command.value(QStringLiteral("kind")).toString(), QStringLiteral("link_child"));
        // Central state wins in the cache; the other queued link went through.
        QCOMPARE(cachedParentOf(*s, QStringLiteral("C2001")), QStringLiteral("SB00011"));
        QCOMPARE(cachedParentOf(*s, QStringLiteral("C2002")), QStringLiteral("SB00010"));
        QCOMPARE(centralChildren(QStringLiteral("SB00010")), 1);
        QCOMPARE(m_central.ownerExec({QStringLiteral("DO $$ BEGIN IF (SELECT count(*) FROM conflicts WHERE kind = "
                                                     "'link_child' AND outcome->>'reason' = 'linked_elsewhere') <> 1 "
                                                     "THEN RAISE EXCEPTION 'conflict not recorded'; END IF; END $$")}),
                 true);
        verifyBoth(*s);
    }

    void otherStationsChangesReachTheCache()
    {
        auto s = openStation(QStringLiteral("c.db"), QStringLiteral("st-c"));
        QVERIFY(s);
        QVERIFY(s->login(QStringLiteral("admin"), tt::test::kAdminPassword, QStringLiteral("st-c")));
        QVERIFY(s->sync()); // a new cache: the working set and the feed position
        QCOMPARE(centralRun(cmd::SelectParent{QStringLiteral("SB00020"), {}}).result, ResultKind::Ok);
        QCOMPARE(centralRun(cmd::LinkChild{QStringLiteral("SB00020"), QStringLiteral("C3001"), {}}).result,
                 ResultKind::Ok);
        QCOMPARE(centralRun(cmd::MoveChild{QStringLiteral("C1001"), QStringLiteral("SB00020")}).result, ResultKind::Ok);
        auto synced = s->sync();
        QVERIFY(synced);
        QVERIFY(synced->refreshed > 0);
        QCOMPARE(cachedParentOf(*s, QStringLiteral("C3001")), QStringLiteral("SB00020"));
        QCOMPARE(cachedParentOf(*s, QStringLiteral("C1001")), QStringLiteral("SB00020"));
        auto parent = s->cache().bag(QStringLiteral("SB00020"));
        QVERIFY(parent && *parent);
        QCOMPARE((*parent)->childCount, 2);
        QCOMPARE(mismatchesOf(Verifier(s->cache().statements()).run()), QStringList());
    }

    // The dashboard of a station in central mode shows the site's figures: another station's
    // scans and links after a sync; offline the last ones with their time, plus this station's
    // queued scans; after the replay nothing counted twice.
    void siteFiguresReachTheDashboard()
    {
        auto s = openStation(QStringLiteral("d.db"), QStringLiteral("st-d"), [](SyncedStoreOptions &o) {
            o.statsIntervalMs = 0;
            o.dashboardIntervalMs = 0;
            o.workingSetLimit = 1; // the cache knows a little of the site
        });
        QVERIFY(s);
        auto actor = s->login(QStringLiteral("admin"), tt::test::kAdminPassword, QStringLiteral("st-d"));
        QVERIFY(actor);
        auto first = s->sync();
        QVERIFY(first);
        QVERIFY(first->statsMs >= 0);
        QVERIFY(first->dashboardMs >= 0);
        qInfo("central counters read and stored in %.1f ms, the central dashboard in %.1f ms", first->statsMs,
              first->dashboardMs);
        const QTimeZone zone = EodQuery(s->cache().database()).businessTimeZone();
        const QDate today = QDateTime::currentDateTimeUtc().toTimeZone(zone).date();
        DashboardQuery q(s->cache().statements());
        const auto figures = [&] {
            auto f = q.loadCentral(today, zone, QStringLiteral("admin"));
            if (!f)
                qWarning("%s", qPrintable(f.error().message));
            return f.value_or(DashboardFigures{});
        };
        const auto sumOf = [](const QList<qint64> &values) { return std::accumulate(values.begin(), values.end(), 0LL); };
        const qint64 scans0 = centralCount(QStringLiteral("SELECT count(*) FROM scans"));
        const DashboardFigures before = figures();
        QVERIFY(before.centralAsOf);
        const auto central = m_admin->statistics(QDateTime::currentDateTimeUtc().date());
        QVERIFY(central);
        QCOMPARE(before.totals, central->totals); // the site's, not the cache's own
        QVERIFY(q.load(today, zone, {})->totals.value(QStringLiteral("links")) < before.totals.value(QStringLiteral("links")));

        QCOMPARE(centralRun(cmd::SelectParent{QStringLiteral("SB00070"), {}}).result, ResultKind::Ok);
        for (const char *child : {"C7101", "C7102"})
            QCOMPARE(centralRun(cmd::LinkChild{QStringLiteral("SB00070"), QString::fromLatin1(child), {}}).result,
                     ResultKind::Ok);
        QVERIFY(s->sync());
        const DashboardFigures after = figures();
        const qint64 scans1 = centralCount(QStringLiteral("SELECT count(*) FROM scans"));
        QCOMPARE(after.totals.value(QStringLiteral("links")), before.totals.value(QStringLiteral("links")) + 2);
        QCOMPARE(after.totals.value(QStringLiteral("parents")), before.totals.value(QStringLiteral("parents")) + 1);
        QCOMPARE(after.scansToday - before.scansToday, scans1 - scans0);
        QCOMPARE(sumOf(after.scansPerHour), after.scansToday);
        QCOMPARE(after.scansPerDay.last().second, after.scansToday);
        QVERIFY(!after.lastScans.isEmpty());
        QCOMPARE(after.lastScans.first().code, QStringLiteral("C7102"));
        QCOMPARE(after.lastScans.first().station, QStringLiteral("st-other"));
        QCOMPARE(after.pendingScans, 0);

        // Offline: the last figures stay, with their time; this station's queued scans are added.
        m_proxy.stop();
        Station st(*s, SystemClock::instance(), *actor, QStringLiteral("st-d"));
        QCOMPARE(resultKindName(st.scan(QStringLiteral("SB00071")).result), QStringLiteral("queued"));
        QCOMPARE(resultKindName(st.scan(QStringLiteral("C7110")).result), QStringLiteral("queued"));
        QCOMPARE(centralRun(cmd::LinkChild{QStringLiteral("SB00070"), QStringLiteral("C7103"), {}}).result,
                 ResultKind::Ok);
        QVERIFY(!s->sync());
        const DashboardFigures offline = figures();
        QCOMPARE(offline.centralAsOf, after.centralAsOf);
        QCOMPARE(offline.totals, after.totals);
        QCOMPARE(offline.pendingScans, 2);
        QCOMPARE(offline.scansToday, after.scansToday + 2);
        QCOMPARE(offline.userScansToday, after.userScansToday + 2);
        QCOMPARE(offline.lastScans.first().code, QStringLiteral("C7110"));

        // Back: the queued scans are replayed and counted once, centrally.
        QVERIFY(m_proxy.start(m_serverPort));
        auto back = s->sync();
        QVERIFY2(back, back ? "" : qPrintable(back.error().message));
        QCOMPARE(back->replayed, 2);
        const DashboardFigures synced = figures();
        const qint64 scans2 = centralCount(QStringLiteral("SELECT count(*) FROM scans"));
        QVERIFY(*synced.centralAsOf > *after.centralAsOf);
        QCOMPARE(synced.pendingScans, 0);
        QCOMPARE(synced.scansToday - after.scansToday, scans2 - scans1);
        QCOMPARE(synced.totals.value(QStringLiteral("links")), after.totals.value(QStringLiteral("links")) + 2);
    }

    // The desktop's way: tt_dashboard on a connection of its own; a later sync stores it.
    void dashboardReadInBackground()
    {
        auto s = openStation(QStringLiteral("e.db"), QStringLiteral("st-e"), [](SyncedStoreOptions &o) {
            o.dashboardIntervalMs = 0;
            o.dashboardInBackground = true;
        });
        QVERIFY(s);
        QVERIFY(s->login(QStringLiteral("admin"), tt::test::kAdminPassword, QStringLiteral("st-e")));
        auto first = s->sync();
        QVERIFY(first);
        QCOMPARE(first->dashboardMs, -1.0); // started, not waited for
        QCOMPARE(centralRun(cmd::SelectParent{QStringLiteral("SB00072"), {}}).result, ResultKind::Ok);
        QCOMPARE(centralRun(cmd::LinkChild{QStringLiteral("SB00072"), QStringLiteral("C7201"), {}}).result,
                 ResultKind::Ok);
        const QTimeZone zone = EodQuery(s->cache().database()).businessTimeZone();
        const QDate today = QDateTime::currentDateTimeUtc().toTimeZone(zone).date();
        DashboardQuery q(s->cache().statements());
        double longestMs = 0;
        const auto lastCode = [&] {
            if (auto r = s->sync())
                longestMs = std::max(longestMs, r->dashboardMs);
            auto f = q.loadCentral(today, zone, QStringLiteral("admin"));
            return f && !f->lastScans.isEmpty() ? f->lastScans.first().code : QString();
        };
        QTRY_COMPARE_WITH_TIMEOUT(lastCode(), QStringLiteral("C7201"), 10000);
        qInfo("storing a dashboard read in the background held sync() for at most %.1f ms", longestMs);
    }

    void offlineLoginUsesTheCachedVerifier()
    {
        m_proxy.stop();
        auto s = openStation(QStringLiteral("a.db"), QStringLiteral("st-a3"));
        QVERIFY(s);
        auto wrong = s->login(QStringLiteral("admin"), QStringLiteral("Wrong-Pass-1234"), QStringLiteral("st-a"));
        QVERIFY(!wrong);
        QCOMPARE(reasonName(wrong.error().reason), QStringLiteral("bad_credentials"));
        auto unknown = s->login(QStringLiteral("nobody"), QStringLiteral("Some-Pass-1234"), QStringLiteral("st-a"));
        QVERIFY(!unknown);
        QVERIFY2(unknown.error().message.contains(QStringLiteral("never logged in")), qPrintable(unknown.error().message));
        auto actor = s->login(QStringLiteral("admin"), tt::test::kAdminPassword, QStringLiteral("st-a"));
        QVERIFY2(actor, actor ? "" : qPrintable(actor.error().message));
        QCOMPARE(actor->role, Role::Admin);
        QVERIFY(!s->online());
        Station st(*s, SystemClock::instance(), *actor, QStringLiteral("st-a"));
        QCOMPARE(resultKindName(st.scan(QStringLiteral("SB00030")).result), QStringLiteral("queued"));
        QVERIFY(m_proxy.start(m_serverPort));
        QCOMPARE(resultKindName(st.scan(QStringLiteral("C4001")).result), QStringLiteral("ok")); // back: queue first
        QCOMPARE(s->status().queued, 0);
        QCOMPARE(centralChildren(QStringLiteral("SB00030")), 1);
    }

    // An admin with a one-time code logs in at a station only while the central database can
    // check the code; the cache keeps no secret, so offline that account is refused.
    void oneTimeCodeAccountsLogInOnlyOnline()
    {
        QVERIFY(m_central.addUser(*m_admin, QStringLiteral("tess"), QStringLiteral("admin")));
        auto tess = m_central.login(QStringLiteral("tess"), tt::test::kUserPassword, QStringLiteral("tt-sync-tess"));
        QVERIFY(tess);
        CentralAdmin account(*tess);
        const auto enrolment = account.beginTotp(QStringLiteral("tess"));
        QVERIFY2(enrolment, enrolment ? "" : qPrintable(enrolment.error().message));
        const auto secret = totp::fromBase32(enrolment->secretBase32);
        QVERIFY(secret);
        const qint64 step = totp::stepAt(QDateTime::currentSecsSinceEpoch());
        QVERIFY(account.confirmTotp(totp::code(*secret, step)));

        auto online = openStation(QStringLiteral("t.db"), QStringLiteral("st-t1"));
        QVERIFY(online);
        const auto noCode = online->login(QStringLiteral("tess"), tt::test::kUserPassword, QStringLiteral("st-t"));
        QVERIFY(!noCode);
        QCOMPARE(reasonName(noCode.error().reason), QStringLiteral("bad_credentials"));
        const auto withCode = online->login(QStringLiteral("tess"), tt::test::kUserPassword, QStringLiteral("st-t"),
                                            totp::code(*secret, step + 1));
        QVERIFY2(withCode, withCode ? "" : qPrintable(withCode.error().message));
        online.reset();

        m_proxy.stop();
        auto offline = openStation(QStringLiteral("t.db"), QStringLiteral("st-t2"));
        QVERIFY(offline);
        const auto refused = offline->login(QStringLiteral("tess"), tt::test::kUserPassword, QStringLiteral("st-t"),
                                            totp::code(*secret, step + 2));
        QVERIFY(m_proxy.start(m_serverPort));
        QVERIFY(!refused);
        QVERIFY2(refused.error().message.contains(QStringLiteral("one-time code")), qPrintable(refused.error().message));
    }

    void expiredSessionIsRenewedWithoutLosingAScan()
    {
        auto s = openStation(QStringLiteral("a.db"), QStringLiteral("st-a4"));
        QVERIFY(s);
        auto actor = s->login(QStringLiteral("admin"), tt::test::kAdminPassword, QStringLiteral("st-a"));
        QVERIFY(actor);
        Station st(*s, SystemClock::instance(), *actor, QStringLiteral("st-a"));
        QCOMPARE(st.scan(QStringLiteral("SB00040")).result, ResultKind::Ok);
        QVERIFY(m_central.ownerExec({QStringLiteral("UPDATE sessions SET expires_at = now() - interval '1 second' "
                                                    "WHERE station = 'st-a'")}));
        const Outcome o = st.scan(QStringLiteral("C5001"));
        QCOMPARE(resultKindName(o.result), QStringLiteral("ok"));
        QCOMPARE(centralChildren(QStringLiteral("SB00040")), 1);
        verifyBoth(*s);
    }
};

QTEST_GUILESS_MAIN(TstSyncedStore)
#include "tst_syncedstore.moc"
