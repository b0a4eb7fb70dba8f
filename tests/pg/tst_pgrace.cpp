// Races on the central database (BRIEF §8 reliability): N stations, each on its own connection
// and session, compete for one child or one parent at the same moment; exactly one wins.

#include <QSemaphore>
#include <QTest>
#include <QThread>

#include <atomic>

#include "core/clock.h"
#include "tests/pg/pgfixture.h"

using namespace tt;

namespace {

constexpr int kStations = 20;

} // namespace

class TstPgRace : public QObject
{
    Q_OBJECT

private:
    tt::test::CentralDb m_central;
    std::unique_ptr<PgStore> m_admin;

    Outcome run(PgStore &store, CommandBody body)
    {
        return store.execute(makeCommand(Actor{QStringLiteral("admin"), Role::Admin}, QStringLiteral("st-race"),
                                         SystemClock::instance(), std::move(body)));
    }

    // Runs body(i, store) on kStations threads, each with its own connection and session,
    // released together; returns their outcomes.
    QList<Outcome> race(const std::function<CommandBody(int)> &body)
    {
        QList<Outcome> outcomes(kStations);
        QSemaphore ready;
        QSemaphore go;
        std::atomic<int> failures{0};
        QList<QThread *> threads;
        for (int i = 0; i < kStations; ++i) {
            threads << QThread::create([&, i] {
                const QString name = QStringLiteral("tt-race-%1").arg(i);
                auto store = m_central.login(QStringLiteral("admin"), tt::test::kAdminPassword, name,
                                             QStringLiteral("st-%1").arg(i));
                ready.release();
                go.acquire();
                if (!store) {
                    ++failures;
                    return;
                }
                outcomes[i] = store->execute(makeCommand(Actor{QStringLiteral("admin"), Role::Admin},
                                                         QStringLiteral("st-%1").arg(i), SystemClock::instance(),
                                                         body(i)));
            });
            threads.last()->start();
        }
        ready.acquire(kStations);
        go.release(kStations);
        for (QThread *t : threads) {
            t->wait();
            delete t;
        }
        if (failures)
            qWarning("%d stations could not log in", int(failures));
        return outcomes;
    }

    void verifyClean()
    {
        const auto mismatches = m_admin->verify();
        QVERIFY(mismatches);
        QVERIFY2(mismatches->isEmpty(), qPrintable(mismatches->isEmpty() ? QString() : mismatches->first().check));
    }

private Q_SLOTS:
    void init()
    {
        TT_REQUIRE_CENTRAL(m_central);
        m_admin = m_central.login(QStringLiteral("admin"), tt::test::kAdminPassword, QStringLiteral("tt-race-admin"));
        QVERIFY(m_admin);
    }

    void cleanup()
    {
        m_admin.reset();
        m_central.drop();
    }

    void oneChildTwentyParents_data()
    {
        QTest::addColumn<bool>("childExists");
        QTest::newRow("existing child") << true;
        QTest::newRow("new child") << false;
    }

    void oneChildTwentyParents()
    {
        QFETCH(bool, childExists);
        for (int i = 0; i < kStations; ++i)
            QVERIFY(run(*m_admin, cmd::SelectParent{QStringLiteral("SB%1").arg(i + 100, 5, 10, QLatin1Char('0')), {}}).ok());
        if (childExists)
            QVERIFY(run(*m_admin, cmd::RegisterBag{QStringLiteral("RACE0001"), {}}).ok());
        const QList<Outcome> outcomes = race([](int i) -> CommandBody {
            return cmd::LinkChild{QStringLiteral("SB%1").arg(i + 100, 5, 10, QLatin1Char('0')), QStringLiteral("RACE0001"), {}};
        });
        int ok = 0;
        int elsewhere = 0;
        for (const Outcome &o : outcomes) {
            ok += o.ok();
            elsewhere += o.reason == Reason::LinkedElsewhere;
        }
        QCOMPARE(ok, 1);
        QCOMPARE(elsewhere, kStations - 1);
        const auto child = m_admin->bag(QStringLiteral("RACE0001"));
        QVERIFY(child && *child);
        QVERIFY(!(*child)->parentCode.isEmpty());
        verifyClean();
    }

    void oneParentTwentyBills()
    {
        QVERIFY(run(*m_admin, cmd::SelectParent{QStringLiteral("SB00001"), {}}).ok());
        for (int i = 0; i < kStations; ++i)
            QVERIFY(run(*m_admin, cmd::CreateBill{QStringLiteral("RACE-%1").arg(i), 5}).ok());
        const QList<Outcome> outcomes = race([](int i) -> CommandBody {
            return cmd::AddParentToBill{QStringLiteral("RACE-%1").arg(i), QStringLiteral("SB00001")};
        });
        int ok = 0;
        int other = 0;
        for (const Outcome &o : outcomes) {
            ok += o.ok();
            other += o.reason == Reason::OnOtherBill;
        }
        QCOMPARE(ok, 1);
        QCOMPARE(other, kStations - 1);
        verifyClean();
    }

    void twentyStationsFillOneParent()
    {
        // M444 holds 15: of 20 different children racing for it, exactly 15 get in.
        QVERIFY(run(*m_admin, cmd::SelectParent{QStringLiteral("M444-00001"), {}}).ok());
        const QList<Outcome> outcomes = race([](int i) -> CommandBody {
            return cmd::LinkChild{QStringLiteral("M444-00001"), QStringLiteral("FILL%1").arg(i, 4, 10, QLatin1Char('0')), {}};
        });
        int ok = 0;
        int full = 0;
        for (const Outcome &o : outcomes) {
            ok += o.ok();
            full += o.reason == Reason::ParentFull;
        }
        QCOMPARE(ok, 15);
        QCOMPARE(full, 5);
        verifyClean();
    }
};

QTEST_GUILESS_MAIN(TstPgRace)
#include "tst_pgrace.moc"
