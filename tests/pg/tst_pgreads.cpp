// Central reads and user administration (migration 004): bag search through the trigram index,
// bill list, statistics and the dashboard summed from the per-station counters, users listed
// and changed by an admin — each through the session token, refused without one or without
// the permission.

#include "core/clock.h"
#include "tests/pg/pgfixture.h"

#include <QSqlQuery>
#include <QTest>
#include <QTimeZone>

using namespace tt;

class TstPgReads : public QObject
{
    Q_OBJECT

private:
    tt::test::CentralDb m_central;
    std::unique_ptr<PgStore> m_admin;

    Outcome run(PgStore &store, CommandBody body,
                const QString &station = QStringLiteral("st-reads"))
    {
        return store.execute(makeCommand(Actor{QStringLiteral("admin"), Role::Admin}, station,
                                         SystemClock::instance(), std::move(body)));
    }

    std::unique_ptr<PgStore> loginAs(const QString &user, const QString &connection)
    {
        return m_central.login(user, tt::test::kUserPassword, connection);
    }

private Q_SLOTS:
    void init()
    {
        TT_REQUIRE_CENTRAL(m_central);
        m_admin = m_central.login(QStringLiteral("admin"), tt::test::kAdminPassword,
                                  QStringLiteral("tt-reads-admin"));
        QVERIFY(m_admin);
    }

    void cleanup()
    {
        m_admin.reset();
        m_central.drop();
    }

    void searchFindsSubstringsOnly()
    {
        QVERIFY(run(*m_admin, cmd::SelectParent{QStringLiteral("SB12345"), std::nullopt}).ok());
        for (const char *child : {"AB12399", "XY99123", "ZZ88888", "A_B1"})
            run(*m_admin, cmd::LinkChild{QStringLiteral("SB12345"), QString::fromLatin1(child),
                                         std::nullopt});
        auto rows = m_admin->searchBags(QStringLiteral("123"), 50);
        QVERIFY2(rows, qPrintable(rows ? QString() : rows.error().message));
        QStringList codes;
        for (const BagRow &b : *rows)
            codes.append(b.code);
        // Sorted by code; the parent is found with its counts.
        QCOMPARE(codes, (QStringList{QStringLiteral("AB12399"), QStringLiteral("SB12345"),
                                     QStringLiteral("XY99123")}));
        QCOMPARE(rows->at(1).role, BagRole::Parent);
        QCOMPARE(rows->at(1).childCount, 3); // A_B1 is no bag code
        QCOMPARE(rows->at(1).capacity, 30);
        // Lower case and short needles; LIKE wildcards are plain characters.
        rows = m_admin->searchBags(QStringLiteral("zz8"), 50);
        QVERIFY(rows);
        QCOMPARE(rows->size(), 1);
        rows = m_admin->searchBags(QStringLiteral("9"), 2);
        QVERIFY(rows);
        QCOMPARE(rows->size(), 2);
        for (const char *wild : {"%", "_", "\\"}) {
            rows = m_admin->searchBags(QString::fromLatin1(wild), 50);
            QVERIFY(rows);
            QVERIFY2(rows->isEmpty(), wild);
        }
        m_admin->setSessionToken(QStringLiteral("not-a-token"));
        rows = m_admin->searchBags(QStringLiteral("123"), 50);
        QVERIFY(!rows);
        QCOMPARE(rows.error().reason, Reason::SessionExpired);
    }

    void billsListedNewestFirstWithFilters()
    {
        QVERIFY(run(*m_admin, cmd::CreateBill{QStringLiteral("B-001"), 1}).ok());
        QVERIFY(run(*m_admin, cmd::CreateBill{QStringLiteral("B-002"), 2}).ok());
        QVERIFY(run(*m_admin, cmd::SelectParent{QStringLiteral("SB00001"), std::nullopt}).ok());
        QVERIFY(
            run(*m_admin, cmd::AddParentToBill{QStringLiteral("B-001"), QStringLiteral("SB00001")})
                .ok());
        QVERIFY(run(*m_admin, cmd::CompleteBill{QStringLiteral("B-001")}).ok());
        auto all = m_admin->bills(BillListFilter{});
        QVERIFY(all);
        QCOMPARE(all->size(), 2);
        QCOMPARE(all->at(0).code, QStringLiteral("B-002"));
        QCOMPARE(all->at(1).status, BillStatus::Completed);
        QCOMPARE(all->at(1).parentCount, 1);
        QCOMPARE(all->at(1).expectedWeightG, 30000);
        auto open = m_admin->bills(BillListFilter{BillStatus::Open, QString(), 200});
        QVERIFY(open);
        QCOMPARE(open->size(), 1);
        QCOMPARE(open->at(0).code, QStringLiteral("B-002"));
        auto found = m_admin->bills(BillListFilter{std::nullopt, QStringLiteral("b-00"), 1});
        QVERIFY(found);
        QCOMPARE(found->size(), 1);
        found = m_admin->bills(BillListFilter{std::nullopt, QStringLiteral("%"), 10});
        QVERIFY(found);
        QVERIFY(found->isEmpty());
    }

    void statisticsSumEveryStation()
    {
        QVERIFY(run(*m_admin, cmd::SelectParent{QStringLiteral("SB00001"), std::nullopt},
                    QStringLiteral("st-a"))
                    .ok());
        QVERIFY(
            run(*m_admin,
                cmd::LinkChild{QStringLiteral("SB00001"), QStringLiteral("C0001"), std::nullopt},
                QStringLiteral("st-a"))
                .ok());
        QVERIFY(
            run(*m_admin,
                cmd::LinkChild{QStringLiteral("SB00001"), QStringLiteral("C0002"), std::nullopt},
                QStringLiteral("st-b"))
                .ok());
        QVERIFY(
            run(*m_admin, cmd::CreateBill{QStringLiteral("B-9"), 3}, QStringLiteral("st-c")).ok());
        // The counters are per station: summing must add them up.
        {
            QSqlQuery q(m_admin->database());
            QVERIFY(q.exec(QStringLiteral("BEGIN")));
            q.prepare(QStringLiteral("SELECT set_config('tt.session', ?, true)"));
            q.addBindValue(m_admin->sessionToken());
            QVERIFY(q.exec());
            QVERIFY(q.exec(QStringLiteral(
                "SELECT count(DISTINCT station) FROM stat_counters WHERE metric = 'scans'")));
            QVERIFY(q.next());
            QCOMPARE(q.value(0).toInt(), 2);
            QVERIFY(q.exec(QStringLiteral("COMMIT")));
        }
        const QDate today = QDateTime::currentDateTimeUtc().date();
        const auto s = m_admin->statistics(today);
        QVERIFY2(s, qPrintable(s ? QString() : s.error().message));
        QCOMPARE(s->totals.value(QStringLiteral("parents")), 1);
        QCOMPARE(s->totals.value(QStringLiteral("children")), 2);
        QCOMPARE(s->totals.value(QStringLiteral("links")), 2);
        QCOMPARE(s->totals.value(QStringLiteral("scans")), 3);
        QCOMPARE(s->totals.value(QStringLiteral("scans.link")), 2);
        QCOMPARE(s->totals.value(QStringLiteral("bills_open")), 1);
        QCOMPARE(s->today, s->totals);
        const auto yesterday = m_admin->statistics(today.addDays(-1));
        QVERIFY(yesterday);
        QVERIFY(yesterday->today.isEmpty());

        const QTimeZone utc = QTimeZone::utc();
        const auto d = m_admin->dashboard(today, utc, QStringLiteral("admin"), 7, 2);
        QVERIFY2(d, qPrintable(d ? QString() : d.error().message));
        QCOMPARE(d->totals, s->totals);
        QCOMPARE(d->scansToday, 3);
        QCOMPARE(d->userScansToday, 3);
        QCOMPARE(d->scansPerHour.size(), 24);
        QCOMPARE(d->scansPerHour.at(QDateTime::currentDateTimeUtc().time().hour()) > 0, true);
        QCOMPARE(d->scansPerDay.size(), 7);
        QCOMPARE(d->scansPerDay.last(), (QPair<QDate, qint64>{today, 3}));
        QCOMPARE(d->scansPerArea.size(), 1);
        QCOMPARE(d->lastScans.size(), 2);
        QCOMPARE(d->lastScans.at(0).code, QStringLiteral("C0002"));
        QCOMPARE(d->lastScans.at(0).station, QStringLiteral("st-b"));
        const auto other = m_admin->dashboard(today, utc, QStringLiteral("nobody"));
        QVERIFY(other);
        QCOMPARE(other->userScansToday, 0);

        m_admin->logout();
        const auto refused = m_admin->statistics(today);
        QVERIFY(!refused);
        QCOMPARE(refused.error().reason, Reason::SessionExpired);
        QVERIFY(!m_admin->dashboard(today, utc, {}));
    }

    // Totals after the daily roll-up are the same, and a late command (offline replay) on a
    // rolled-up day still counts once.
    void rollUpKeepsTotalsExact()
    {
        const Actor admin{QStringLiteral("admin"), Role::Admin};
        const QDateTime now = QDateTime::currentDateTimeUtc();
        auto at = [&](int daysAgo, CommandBody body) {
            return m_admin->execute(
                Command{CommandMeta{QUuid::createUuid(), admin, QStringLiteral("st-old"),
                                    now.addDays(-daysAgo)},
                        std::move(body)});
        };
        QVERIFY(at(10, cmd::SelectParent{QStringLiteral("SB00010"), std::nullopt}).ok());
        QVERIFY(
            at(10, cmd::LinkChild{QStringLiteral("SB00010"), QStringLiteral("OLD1"), std::nullopt})
                .ok());
        QVERIFY(run(*m_admin,
                    cmd::LinkChild{QStringLiteral("SB00010"), QStringLiteral("NEW1"), std::nullopt})
                    .ok());
        const auto before = m_admin->statistics(now.date());
        QVERIFY(before);
        QCOMPARE(before->totals.value(QStringLiteral("links")), 2);
        QVERIFY(m_central.ownerExec({QStringLiteral("SELECT tt_roll_up_stats()")}));
        auto after = m_admin->statistics(now.date());
        QVERIFY(after);
        QCOMPARE(after->totals, before->totals);
        QCOMPARE(after->today, before->today);

        // A command dated 5 days ago arrives after the roll-up: counted in both, once.
        QVERIFY(
            at(5, cmd::LinkChild{QStringLiteral("SB00010"), QStringLiteral("LATE1"), std::nullopt})
                .ok());
        after = m_admin->statistics(now.date());
        QVERIFY(after);
        QCOMPARE(after->totals.value(QStringLiteral("links")), 3);
        QCOMPARE(after->totals.value(QStringLiteral("children")), 3);
        QCOMPARE(after->totals.value(QStringLiteral("scans")),
                 before->totals.value(QStringLiteral("scans")) + 1);
        // Rolling up again moves only what is not rolled up yet; verify recomputes from the rows.
        QVERIFY(
            m_central.ownerExec({QStringLiteral("SELECT tt_roll_up_stats()"),
                                 QStringLiteral("SELECT tt_roll_up_stats(current_date + 10)")}));
        const auto again = m_admin->statistics(now.date());
        QVERIFY(again);
        QCOMPARE(again->totals, after->totals);
        const auto mismatches = m_admin->verify();
        QVERIFY(mismatches);
        QVERIFY(mismatches->isEmpty());
        // Stations cannot read or call the roll-up.
        QSqlQuery q(m_admin->database());
        QVERIFY(!q.exec(QStringLiteral("SELECT tt_roll_up_stats()")));
        QVERIFY(!q.exec(QStringLiteral("SELECT count(*) FROM stat_rollup")));
    }

    void usersAreAdministeredThroughTheSession()
    {
        QVERIFY(m_central.addUser(*m_admin, QStringLiteral("disp"), QStringLiteral("dispatcher")));
        auto added =
            m_admin->addUser(QStringLiteral("bill1"), tt::test::kUserPassword, Role::Biller);
        QVERIFY2(added, qPrintable(added ? QString() : added.error().message));
        QCOMPARE(m_admin->addUser(QStringLiteral("bill1"), tt::test::kUserPassword, Role::Biller)
                     .error()
                     .reason,
                 Reason::UserExists);
        auto users = m_admin->users();
        QVERIFY(users);
        QCOMPARE(users->size(), 3);
        QCOMPARE(users->at(1).username, QStringLiteral("bill1"));
        QCOMPARE(users->at(1).role, Role::Biller);

        auto disp = loginAs(QStringLiteral("disp"), QStringLiteral("tt-reads-disp"));
        QVERIFY(disp);
        QCOMPARE(disp->users().error().reason, Reason::PermissionDenied);
        QCOMPARE(disp->changeUser(PgStore::UserChange::Role, QStringLiteral("disp"),
                                  QStringLiteral("admin"))
                     .error()
                     .reason,
                 Reason::PermissionDenied);
        QCOMPARE(disp->changeUser(PgStore::UserChange::Password, QStringLiteral("bill1"),
                                  QStringLiteral("New-Pass-9876"))
                     .error()
                     .reason,
                 Reason::PermissionDenied);
        // Everyone sets their own password (policy checked).
        QCOMPARE(disp->changeUser(PgStore::UserChange::Password, QStringLiteral("disp"),
                                  QStringLiteral("short"))
                     .error()
                     .reason,
                 Reason::WeakPassword);
        QVERIFY(disp->changeUser(PgStore::UserChange::Password, QStringLiteral("disp"),
                                 QStringLiteral("New-Pass-9876")));
        QVERIFY(
            !PgStore::open(m_central.station, PgStoreOptions{QStringLiteral("tt-reads-x"), nullptr})
                 .value()
                 ->login(QStringLiteral("disp"), tt::test::kUserPassword, QStringLiteral("st")));
        closePostgres(QStringLiteral("tt-reads-x"));

        QCOMPARE(m_admin
                     ->changeUser(PgStore::UserChange::Role, QStringLiteral("admin"),
                                  QStringLiteral("biller"))
                     .error()
                     .reason,
                 Reason::OwnRole);
        QCOMPARE(m_admin->changeUser(PgStore::UserChange::Disable, QStringLiteral("admin"))
                     .error()
                     .reason,
                 Reason::LastAdmin);
        QCOMPARE(m_admin->changeUser(PgStore::UserChange::Enable, QStringLiteral("ghost"))
                     .error()
                     .reason,
                 Reason::UnknownUser);
        QCOMPARE(m_admin
                     ->changeUser(PgStore::UserChange::Role, QStringLiteral("disp"),
                                  QStringLiteral("king"))
                     .error()
                     .reason,
                 Reason::InvalidInput);

        // Disabling ends the user's sessions at once.
        QVERIFY(m_admin->changeUser(PgStore::UserChange::Disable, QStringLiteral("disp")));
        QCOMPARE(disp->statistics(QDate::currentDate()).error().reason, Reason::SessionExpired);
        users = m_admin->users();
        QVERIFY(users);
        QCOMPARE(users->at(2).enabled, false);
        QVERIFY(m_admin->changeUser(PgStore::UserChange::Enable, QStringLiteral("disp")));
        QVERIFY(m_admin->changeUser(PgStore::UserChange::Role, QStringLiteral("bill1"),
                                    QStringLiteral("admin")));
        users = m_admin->users();
        QVERIFY(users);
        QCOMPARE(users->at(1).role, Role::Admin);
        QCOMPARE(users->at(2).enabled, true);

        // Locked after five failures (over any connection), unlocked by the admin.
        auto probe = PgStore::open(m_central.station,
                                   PgStoreOptions{QStringLiteral("tt-reads-probe"), nullptr});
        QVERIFY(probe);
        for (int i = 0; i < 5; ++i)
            (void)(*probe)->login(QStringLiteral("disp"), QStringLiteral("Wrong-Pass-0000"),
                                  QStringLiteral("st"));
        QCOMPARE((*probe)
                     ->login(QStringLiteral("disp"), QStringLiteral("New-Pass-9876"),
                             QStringLiteral("st"))
                     .error()
                     .reason,
                 Reason::AccountLocked);
        users = m_admin->users();
        QVERIFY(users);
        QVERIFY(users->at(2).lockedUntil.has_value());
        QVERIFY(m_admin->changeUser(PgStore::UserChange::Unlock, QStringLiteral("disp")));
        QVERIFY((*probe)->login(QStringLiteral("disp"), QStringLiteral("New-Pass-9876"),
                                QStringLiteral("st")));

        // Each change is in the audit trail under the session's user.
        QSqlQuery q(m_admin->database());
        QVERIFY(q.exec(QStringLiteral("BEGIN")));
        q.prepare(QStringLiteral("SELECT set_config('tt.session', ?, true)"));
        q.addBindValue(m_admin->sessionToken());
        QVERIFY(q.exec());
        QVERIFY(q.exec(
            QStringLiteral("SELECT count(*) FILTER (WHERE action = 'user.unlock'), "
                           "count(*) FILTER (WHERE action = 'user.update' AND actor = 'admin') "
                           "FROM audit_log WHERE entity_id IN ('disp', 'bill1')")));
        QVERIFY(q.next());
        QCOMPARE(q.value(0).toInt(), 1);
        QCOMPARE(q.value(1).toInt(), 3); // disable, enable, role
        QVERIFY(q.exec(QStringLiteral("COMMIT")));
    }
};

QTEST_GUILESS_MAIN(TstPgReads)
#include "tst_pgreads.moc"
