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

    // tt_bag (migration 012: one statement for the session and the bag, one for its link or its
    // bill and children): every field of a parent on a bill, a linked child, a child whose link
    // was undone and an unknown code; refused without a valid session, also once a dispatcher's
    // session has expired.
    void bagLookupAnswersOnlyWithAValidSession()
    {
        QVERIFY(run(*m_admin, cmd::SelectParent{QStringLiteral("SB00007"), std::nullopt}).ok());
        QVERIFY(
            run(*m_admin, cmd::LinkChild{QStringLiteral("SB00007"), QStringLiteral("KID2"), 1200})
                .ok());
        QVERIFY(run(*m_admin,
                    cmd::LinkChild{QStringLiteral("SB00007"), QStringLiteral("KID1"), std::nullopt})
                    .ok());
        QVERIFY(run(*m_admin,
                    cmd::LinkChild{QStringLiteral("SB00007"), QStringLiteral("KID3"), std::nullopt})
                    .ok());
        QVERIFY(run(*m_admin, cmd::UndoLastLink{}).ok());
        QVERIFY(run(*m_admin, cmd::CreateBill{QStringLiteral("B-77"), 3}).ok());
        QVERIFY(
            run(*m_admin, cmd::AddParentToBill{QStringLiteral("B-77"), QStringLiteral("SB00007")})
                .ok());
        QVERIFY(m_central.addUser(*m_admin, QStringLiteral("dora"), QStringLiteral("dispatcher")));
        auto dora = loginAs(QStringLiteral("dora"), QStringLiteral("tt-reads-dora"));
        QVERIFY(dora);

        auto parent = dora->bag(QStringLiteral(" sb00007 "));
        QVERIFY2(parent && *parent, qPrintable(parent ? QString() : parent.error().message));
        QCOMPARE((*parent)->role, BagRole::Parent);
        QCOMPARE((*parent)->code, QStringLiteral("SB00007"));
        QCOMPARE((*parent)->typeName, QStringLiteral("SB"));
        QCOMPARE((*parent)->billId, QStringLiteral("B-77"));
        QCOMPARE((*parent)->children,
                 (QStringList{QStringLiteral("KID2"), QStringLiteral("KID1")}));
        QCOMPARE((*parent)->childCount, 2);
        QCOMPARE((*parent)->capacity, 30);
        QCOMPARE((*parent)->weightG, 2200); // 1 200 measured + 1 000 nominal
        QCOMPARE((*parent)->contentsWeightG, 2200);
        QCOMPARE((*parent)->expectedWeightG, 30000);
        QCOMPARE((*parent)->createdBy, QStringLiteral("admin"));
        QVERIFY((*parent)->createdAt.isValid());

        auto child = dora->bag(QStringLiteral("KID2"));
        QVERIFY(child && *child);
        QCOMPARE((*child)->role, BagRole::Child);
        QCOMPARE((*child)->typeName, QStringLiteral("CHILD"));
        QCOMPARE((*child)->parentCode, QStringLiteral("SB00007"));
        QCOMPARE((*child)->linkedBy, QStringLiteral("admin"));
        QVERIFY((*child)->linkedAt.isValid());
        QCOMPARE((*child)->weightG, 1200);
        QCOMPARE((*child)->measuredWeightG, std::optional<qint64>(1200));
        QVERIFY((*child)->billId.isEmpty());

        auto undone = dora->bag(QStringLiteral("KID3"));
        QVERIFY(undone && *undone);
        QVERIFY((*undone)->parentCode.isEmpty());
        QVERIFY(!(*undone)->linkedAt.isValid());
        QCOMPARE((*undone)->weightG, 1000);

        auto unknown = dora->bag(QStringLiteral("NOSUCH1"));
        QVERIFY(unknown);
        QVERIFY(!*unknown);

        // An invalid token, then the dispatcher's session past its end: refused, found or not.
        const QString token = dora->sessionToken();
        dora->setSessionToken(QStringLiteral("not-a-token"));
        for (const char *code : {"SB00007", "NOSUCH1"}) {
            const auto refused = dora->bag(QString::fromLatin1(code));
            QVERIFY2(!refused, code);
            QVERIFY2(refused.error().message.contains(QStringLiteral("session_expired")),
                     qPrintable(refused.error().message));
        }
        dora->setSessionToken(token);
        QVERIFY(dora->bag(QStringLiteral("KID1")).value().has_value());
        QVERIFY(m_central.ownerExec(
            {QStringLiteral("UPDATE sessions SET expires_at = now() - interval '1 second' "
                            "WHERE user_id = (SELECT id FROM users WHERE username = 'dora')")}));
        for (const char *code : {"SB00007", "NOSUCH1"}) {
            const auto refused = dora->bag(QString::fromLatin1(code));
            QVERIFY2(!refused, code);
            QVERIFY2(refused.error().message.contains(QStringLiteral("session_expired")),
                     qPrintable(refused.error().message));
        }
        QVERIFY(m_admin->bag(QStringLiteral("SB00007")).value().has_value());
    }

    // tt_search_bags answers as a plain scan would (the first `limit` codes containing the text
    // by id, sorted by code) for needles of every length, also the two-character ones that go
    // through the trigram index since migration 012 (codes with punctuation, a code of one other
    // character written by the owner) and the ones of one character.
    void searchMatchesAScan()
    {
        for (const char *code : {"SB00001", "SB00012", "SB09912"})
            QVERIFY(run(*m_admin, cmd::SelectParent{QString::fromLatin1(code), std::nullopt}).ok());
        QVERIFY(run(*m_admin, cmd::SelectParent{QStringLiteral("M444-00012"), std::nullopt}).ok());
        for (const char *code :
             {"XQ77", "12XQ", "QQXQ", "ZZ99", "9A9A", "M4AB", "AB44", "Q444", "B00Q"})
            QVERIFY2(run(*m_admin, cmd::RegisterBag{QString::fromLatin1(code), std::nullopt}).ok(),
                     code);
        // Codes a command cannot create (not printable ASCII): only the owner, triggers off.
        QVERIFY(m_central.ownerExec(
            {QStringLiteral("ALTER TABLE bags DISABLE TRIGGER USER"),
             QStringLiteral(
                 "INSERT INTO bags(code, type_id, role, created_at, created_by) SELECT c, id, "
                 "'child', now(), "
                 "'owner' FROM bag_types, unnest(ARRAY['\u00C4XQ1', 'K\u00C9B4', E'T\\tB4']) c "
                 "WHERE name = 'CHILD'"),
             QStringLiteral("ALTER TABLE bags ENABLE TRIGGER USER")}));
        QStringList needles{
            QStringLiteral("XZ"),   QStringLiteral("Q"),       QStringLiteral("-"),
            QStringLiteral("4-"),   QStringLiteral("-0"),      QStringLiteral("xq"),
            QStringLiteral(" b4 "), QStringLiteral("\u00C9B"), QStringLiteral("00012"),
            QStringLiteral("%"),    QStringLiteral("_")};
        const auto scan = [&](const QString &needle, int limit) {
            QStringList codes;
            const QString conn = QStringLiteral("tt-reads-scan");
            {
                auto db = openPostgres(m_central.owner, conn);
                if (!db)
                    return QStringList{db.error().message};
                QSqlQuery q(*db);
                q.prepare(QStringLiteral("SELECT code FROM (SELECT id, code FROM bags WHERE "
                                         "strpos(code, upper(btrim(coalesce(?, '')))) > 0 "
                                         "ORDER BY id LIMIT ?) t ORDER BY code"));
                q.addBindValue(needle);
                q.addBindValue(limit);
                if (!q.exec())
                    return QStringList{q.lastError().text()};
                while (q.next())
                    codes.append(q.value(0).toString());
            }
            closePostgres(conn);
            return codes;
        };
        // Every one- and two-character piece of every code.
        for (const QString &code : scan(QString(), 1000))
            for (int i = 0; i < code.size(); ++i)
                for (int n = 1; n <= 2 && i + n <= code.size(); ++n)
                    if (!needles.contains(code.mid(i, n)))
                        needles.append(code.mid(i, n));
        QVERIFY2(needles.size() > 40, qPrintable(scan(QString(), 1000).join(u',')));
        for (const QString &needle : std::as_const(needles)) {
            for (const int limit : {50, 2}) {
                const auto rows = m_admin->searchBags(needle, limit);
                QVERIFY2(rows, qPrintable(rows ? QString() : rows.error().message));
                QStringList codes;
                for (const BagRow &b : *rows)
                    codes.append(b.code);
                QVERIFY2(codes == scan(needle, limit),
                         qPrintable(QStringLiteral("%1 (limit %2): %3 / %4")
                                        .arg(needle)
                                        .arg(limit)
                                        .arg(codes.join(u','), scan(needle, limit).join(u','))));
            }
        }
    }
};

QTEST_GUILESS_MAIN(TstPgReads)
#include "tst_pgreads.moc"
