// Statistics counters of a replay batch (migration 005): added once at the end of the batch,
// into the roll-up too for days already rolled up; a client cannot switch the deferral on.

#include "core/clock.h"
#include "tests/pg/pgfixture.h"

#include <QSqlError>
#include <QSqlQuery>
#include <QTest>

using namespace tt;

class TstPgCounters : public QObject
{
    Q_OBJECT

private:
    tt::test::CentralDb m_central;
    std::unique_ptr<PgStore> m_admin;

    // One value read as the owner (sees every row).
    qint64 ownerValue(const QString &sql) const
    {
        const QString conn = QStringLiteral("tt-counters-read");
        qint64 v = -1;
        {
            auto db = openPostgres(m_central.owner, conn);
            if (db) {
                QSqlQuery q(*db);
                if (q.exec(sql) && q.next())
                    v = q.value(0).toLongLong();
            }
        }
        closePostgres(conn);
        return v;
    }

    // The "scans" total as tt_stats reads it (roll-up + counters since its cut-off).
    qint64 scanTotal() const
    {
        return ownerValue(
            QStringLiteral("SELECT (tt_stats('%1', current_date)->'totals'->>'scans')::bigint")
                .arg(m_admin->sessionToken()));
    }

    void verifyClean()
    {
        const auto mismatches = m_admin->verify();
        QVERIFY(mismatches);
        QVERIFY2(mismatches->isEmpty(),
                 qPrintable(mismatches->isEmpty() ? QString() : mismatches->first().check));
    }

private Q_SLOTS:
    void init()
    {
        TT_REQUIRE_CENTRAL(m_central);
        m_admin = m_central.login(QStringLiteral("admin"), tt::test::kAdminPassword,
                                  QStringLiteral("tt-counters"));
        QVERIFY(m_admin);
    }

    void cleanup()
    {
        m_admin.reset();
        m_central.drop();
    }

    // Ten commands dated ten days ago, replayed after the daily roll-up: the totals (roll-up +
    // recent counters) count them once, nothing stays deferred, verify is clean.
    void lateReplayAfterRollUp()
    {
        QVERIFY(m_central.ownerExec({QStringLiteral("SELECT tt_roll_up_stats()")}));
        QSqlQuery q(m_admin->database());
        q.prepare(QStringLiteral(
            "SELECT jsonb_array_length(tt_replay(?, (SELECT jsonb_agg(jsonb_build_object('id', "
            "gen_random_uuid(), "
            "'at', now() - interval '10 days', 'actor', 'admin', 'station', 'st-late', 'kind', "
            "CASE WHEN k = 0 THEN 'select_parent' ELSE 'link_child' END, 'code', 'SB77777', "
            "'parent', 'SB77777', "
            "'child', 'LATE' || lpad(k::text, 4, '0')) ORDER BY k) FROM generate_series(0, 9) "
            "k)))"));
        q.addBindValue(m_admin->sessionToken());
        QVERIFY2(q.exec() && q.next(), qPrintable(q.lastError().text()));
        QCOMPARE(q.value(0).toInt(), 10);
        QCOMPARE(ownerValue(QStringLiteral("SELECT count(*) FROM scans")), 10);
        QCOMPARE(ownerValue(QStringLiteral(
                     "SELECT coalesce(sum(value), 0) FROM stat_rollup WHERE metric = 'scans'")),
                 10);
        QCOMPARE(scanTotal(), 10);
        QCOMPARE(ownerValue(QStringLiteral("SELECT count(*) FROM deferred_counts")), 0);
        QCOMPARE(ownerValue(QStringLiteral("SELECT count(*) FROM replay_runs")), 0);
        verifyClean();
    }

    // A station setting tt.defer_counts on its connection: its commands still count at once.
    void forgedDeferralIsIgnored()
    {
        QSqlQuery q(m_admin->database());
        QVERIFY(q.exec(QStringLiteral("SELECT set_config('tt.defer_counts', 'on', false)")));
        const auto run = [&](const CommandBody &body) {
            return m_admin->execute(makeCommand(Actor{QStringLiteral("admin"), Role::Admin},
                                                QStringLiteral("st-forge"), SystemClock::instance(),
                                                body));
        };
        QVERIFY(run(cmd::SelectParent{QStringLiteral("SB00001"), {}}).ok());
        QVERIFY(
            run(cmd::LinkChild{QStringLiteral("SB00001"), QStringLiteral("FORGE001"), {}}).ok());
        QCOMPARE(ownerValue(QStringLiteral(
                     "SELECT coalesce(sum(value), 0) FROM stat_counters WHERE metric = 'scans'")),
                 2);
        QCOMPARE(ownerValue(QStringLiteral(
                     "SELECT coalesce(sum(value), 0) FROM stat_counters WHERE metric = 'links'")),
                 1);
        QCOMPARE(ownerValue(QStringLiteral("SELECT count(*) FROM deferred_counts")), 0);
        verifyClean();
    }
};

QTEST_MAIN(TstPgCounters)
#include "tst_pgcounters.moc"
