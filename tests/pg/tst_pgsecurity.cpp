// The security model with direct SQL as the station role (BRIEF §3.5, §3.6): no table can be
// read or written without a valid session, writes only through the functions, the permission
// table enforced by the database, audit rows append-only, lockout counted centrally.

#include <QElapsedTimer>
#include <QSqlError>
#include <QSqlQuery>
#include <QTest>

#include "core/clock.h"
#include "core/totp.h"
#include "database/centraladmin.h"
#include "tests/pg/pgfixture.h"

using namespace tt;

namespace {

// Every table of the central schema with a column to write.
const QList<QPair<QString, QString>> kTables{
    {QStringLiteral("settings"), QStringLiteral("value")},       {QStringLiteral("areas"), QStringLiteral("name")},
    {QStringLiteral("stations"), QStringLiteral("last_seen")},   {QStringLiteral("roles"), QStringLiteral("name")},
    {QStringLiteral("role_permissions"), QStringLiteral("permission")},
    {QStringLiteral("users"), QStringLiteral("role")},           {QStringLiteral("sessions"), QStringLiteral("expires_at")},
    {QStringLiteral("bag_types"), QStringLiteral("capacity")},   {QStringLiteral("bags"), QStringLiteral("child_count")},
    {QStringLiteral("links"), QStringLiteral("ended_at")},       {QStringLiteral("bills"), QStringLiteral("status")},
    {QStringLiteral("bill_parents"), QStringLiteral("added_by")}, {QStringLiteral("scans"), QStringLiteral("code")},
    {QStringLiteral("audit_log"), QStringLiteral("actor")},      {QStringLiteral("changes"), QStringLiteral("op")},
    {QStringLiteral("command_log"), QStringLiteral("result")},   {QStringLiteral("stat_counters"), QStringLiteral("value")},
    {QStringLiteral("login_dummy"), QStringLiteral("hash")},     {QStringLiteral("schema_migrations"), QStringLiteral("name")},
    {QStringLiteral("return_tickets"), QStringLiteral("status")}, {QStringLiteral("return_lines"), QStringLiteral("bill_code")},
};

} // namespace

class TstPgSecurity : public QObject
{
    Q_OBJECT

private:
    tt::test::CentralDb m_central;
    std::unique_ptr<PgStore> m_admin;
    QString m_ticket; // an open return ticket with SB00002 on it

    // A bare station connection (no login) for direct SQL.
    std::unique_ptr<PgStore> bareStation(const QString &name)
    {
        auto s = PgStore::open(m_central.station, PgStoreOptions{name, nullptr});
        return s ? std::move(*s) : nullptr;
    }

    // Runs sql in a transaction with tt.session = token (none when empty); true when it succeeded.
    static bool runWithSession(QSqlDatabase db, const QString &token, const QString &sql, QString *error = nullptr)
    {
        QSqlQuery q(db);
        q.exec(QStringLiteral("BEGIN"));
        if (!token.isEmpty()) {
            q.prepare(QStringLiteral("SELECT set_config('tt.session', ?, true)"));
            q.addBindValue(token);
            q.exec();
        }
        const bool ok = q.exec(sql);
        if (!ok && error)
            *error = q.lastError().text();
        if (ok)
            while (q.next()) {
            }
        QSqlQuery(db).exec(QStringLiteral("ROLLBACK"));
        return ok;
    }

    Outcome run(PgStore &store, CommandBody body, const QString &user = QStringLiteral("admin"))
    {
        return store.execute(makeCommand(Actor{user, Role::Admin}, QStringLiteral("st-sec"), SystemClock::instance(),
                                         std::move(body)));
    }

private Q_SLOTS:
    void init()
    {
        TT_REQUIRE_CENTRAL(m_central);
        m_admin = m_central.login(QStringLiteral("admin"), tt::test::kAdminPassword, QStringLiteral("tt-sec-admin"));
        QVERIFY(m_admin);
        // Rows in every table, so that a refused SELECT cannot pass as an empty answer.
        QVERIFY(run(*m_admin, cmd::SelectParent{QStringLiteral("SB00001"), {}}).ok());
        QVERIFY(run(*m_admin, cmd::LinkChild{QStringLiteral("SB00001"), QStringLiteral("C0001"), {}}).ok());
        QVERIFY(run(*m_admin, cmd::CreateBill{QStringLiteral("B-1"), 1}).ok());
        QVERIFY(run(*m_admin, cmd::AddParentToBill{QStringLiteral("B-1"), QStringLiteral("SB00001")}).ok());
        QVERIFY(run(*m_admin, cmd::SelectParent{QStringLiteral("SB00002"), {}}).ok());
        QVERIFY(run(*m_admin, cmd::CreateBill{QStringLiteral("B-2"), 1}).ok());
        QVERIFY(run(*m_admin, cmd::AddParentToBill{QStringLiteral("B-2"), QStringLiteral("SB00002")}).ok());
        m_ticket = run(*m_admin, cmd::OpenReturn{}).ticket;
        QVERIFY(run(*m_admin, cmd::ReturnParent{m_ticket, QStringLiteral("SB00002")}).ok());
        QVERIFY(m_central.addUser(*m_admin, QStringLiteral("dora"), QStringLiteral("dispatcher")));
    }

    void cleanup()
    {
        m_admin.reset();
        m_central.drop();
    }

    void tablesNeedAValidSession_data()
    {
        QTest::addColumn<QString>("session");
        QTest::newRow("no session") << QString();
        QTest::newRow("invalid session") << QStringLiteral("00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff");
        QTest::newRow("expired session") << QStringLiteral("expired");
    }

    void tablesNeedAValidSession()
    {
        QFETCH(QString, session);
        if (session == u"expired") {
            auto s = m_central.login(QStringLiteral("dora"), tt::test::kUserPassword, QStringLiteral("tt-sec-exp"));
            QVERIFY(s);
            session = s->sessionToken();
            QVERIFY(m_central.ownerExec({QStringLiteral("UPDATE sessions SET last_used = now() - interval '31 minutes'")}));
            // Expired: a command is refused as well.
            const Outcome o = run(*s, cmd::SelectParent{QStringLiteral("SB00002"), {}}, QStringLiteral("dora"));
            QCOMPARE(reasonName(o.reason), QStringLiteral("session_expired"));
        }
        auto station = bareStation(QStringLiteral("tt-sec-bare"));
        QVERIFY(station);
        const QSqlDatabase db = station->database();
        for (const auto &[table, column] : kTables) {
            QString error;
            QVERIFY2(!runWithSession(db, session, QStringLiteral("SELECT * FROM %1").arg(table), &error),
                     qPrintable(QStringLiteral("SELECT on %1 was allowed").arg(table)));
            QVERIFY2(!runWithSession(db, session, QStringLiteral("INSERT INTO %1 DEFAULT VALUES").arg(table)),
                     qPrintable(QStringLiteral("INSERT into %1 was allowed").arg(table)));
            QVERIFY2(!runWithSession(db, session, QStringLiteral("UPDATE %1 SET %2 = %2").arg(table, column)),
                     qPrintable(QStringLiteral("UPDATE of %1 was allowed").arg(table)));
            QVERIFY2(!runWithSession(db, session, QStringLiteral("DELETE FROM %1").arg(table)),
                     qPrintable(QStringLiteral("DELETE from %1 was allowed").arg(table)));
        }
    }

    void validSessionReadsButNeverWrites()
    {
        auto station = bareStation(QStringLiteral("tt-sec-read"));
        QVERIFY(station);
        const QString token = m_admin->sessionToken();
        QVERIFY(runWithSession(station->database(), token, QStringLiteral("SELECT * FROM bags")));
        QVERIFY(runWithSession(station->database(), token, QStringLiteral("SELECT * FROM audit_log")));
        QVERIFY(!runWithSession(station->database(), token, QStringLiteral("SELECT * FROM users")));
        QVERIFY(!runWithSession(station->database(), token, QStringLiteral("SELECT * FROM sessions")));
        for (const auto &[table, column] : kTables) {
            QVERIFY2(!runWithSession(station->database(), token, QStringLiteral("UPDATE %1 SET %2 = %2").arg(table, column)),
                     qPrintable(table));
            QVERIFY2(!runWithSession(station->database(), token, QStringLiteral("DELETE FROM %1").arg(table)),
                     qPrintable(table));
        }
        // Internal functions are not callable by stations; a forged setting gives no identity.
        QVERIFY(!runWithSession(station->database(), QString(),
                                QStringLiteral("SELECT tt_cmd_create_bill('{\"bill\":\"HACK-1\",\"capacity\":1}')")));
        QVERIFY(!runWithSession(station->database(), QString(),
                                QStringLiteral("SELECT tt_init_admin('mallory', 'Mallory-Pass-123')")));
        QSqlQuery q(station->database());
        QVERIFY(q.exec(QStringLiteral("SELECT set_config('tt.actor', 'admin', false)")));
        QVERIFY(q.exec(QStringLiteral("SELECT tt_execute(NULL, '{\"id\":\"5d2c7b8e-1111-4111-8111-111111111111\","
                                      "\"kind\":\"create_bill\",\"bill\":\"HACK-2\",\"capacity\":1}')->>'reason'")));
        QVERIFY(q.next());
        QCOMPARE(q.value(0).toString(), QStringLiteral("session_expired"));
    }

    void dispatcherCannotManage()
    {
        auto dora = m_central.login(QStringLiteral("dora"), tt::test::kUserPassword, QStringLiteral("tt-sec-dora"));
        QVERIFY(dora);
        const auto denied = [&](CommandBody body) {
            const Outcome o = run(*dora, std::move(body), QStringLiteral("dora"));
            return o.result == ResultKind::Rejected && o.reason == Reason::PermissionDenied;
        };
        QVERIFY(denied(cmd::CreateBill{QStringLiteral("B-9"), 5}));
        QVERIFY(denied(cmd::CompleteBill{QStringLiteral("B-1")}));
        QVERIFY(denied(cmd::RemoveParentFromBill{QStringLiteral("B-1"), QStringLiteral("SB00001")}));
        QVERIFY(denied(cmd::DeleteBill{QStringLiteral("B-1")}));
        QVERIFY(denied(cmd::MoveChild{QStringLiteral("C0001"), QStringLiteral("SB00002")}));
        // Returns: biller and admin only; nothing of the ticket changes.
        QVERIFY(denied(cmd::OpenReturn{}));
        QVERIFY(denied(cmd::ReturnParent{m_ticket, QStringLiteral("SB00001")}));
        QVERIFY(denied(cmd::FinaliseReturn{m_ticket}));
        QVERIFY(denied(cmd::CancelReturn{m_ticket}));
        // Bag types, areas and stations: admins only.
        QVERIFY(denied(cmd::AddBagType{QStringLiteral("Sack"), QStringLiteral("parent"), QStringLiteral("^SK\\d{4}$"), 5,
                                       0, 0}));
        QVERIFY(denied(cmd::SetBagType{QStringLiteral("SB"), std::nullopt, 99, std::nullopt, std::nullopt, std::nullopt}));
        QVERIFY(denied(cmd::DeleteBagType{QStringLiteral("M444")}));
        QVERIFY(denied(cmd::AddArea{QStringLiteral("Backyard")}));
        QVERIFY(denied(cmd::SetArea{QStringLiteral("Lucknow"), std::nullopt, false}));
        QVERIFY(denied(cmd::AddStation{QStringLiteral("rogue"), QStringLiteral("Lucknow")}));
        QVERIFY(denied(cmd::SetStation{QStringLiteral("tt-sec"), std::nullopt, false}));
        const auto ticket = m_admin->returnTicket(m_ticket);
        QVERIFY(ticket && *ticket);
        QCOMPARE((*ticket)->status, ReturnStatus::Open);
        QCOMPARE((*ticket)->lines.size(), 1);
        QCOMPARE(m_admin->bag(QStringLiteral("SB00001")).value()->billId, QStringLiteral("B-1"));
        QVERIFY(!runWithSession(dora->database(), QString(),
                                QStringLiteral("SELECT tt_cmd_cancel_return('{\"ticket\":\"%1\"}')").arg(m_ticket)));
        // Users: the admin function refuses, the table is out of reach.
        QSqlQuery q(dora->database());
        q.prepare(QStringLiteral("SELECT tt_add_user(?, 'eve', 'Eve-Pass-12345', 'admin')->>'reason'"));
        q.addBindValue(dora->sessionToken());
        QVERIFY(q.exec() && q.next());
        QCOMPARE(q.value(0).toString(), QStringLiteral("permission_denied"));
        QVERIFY(!runWithSession(dora->database(), dora->sessionToken(),
                                QStringLiteral("UPDATE users SET role = 'admin' WHERE username = 'dora'")));
        QVERIFY(!runWithSession(dora->database(), dora->sessionToken(),
                                QStringLiteral("UPDATE bag_types SET capacity = 99")));
        QVERIFY(!runWithSession(dora->database(), dora->sessionToken(), QStringLiteral("SELECT * FROM audit_log")));
        // Scanning is allowed.
        QVERIFY(run(*dora, cmd::SelectParent{QStringLiteral("SB00005"), {}}, QStringLiteral("dora")).ok());
    }

    void auditIsAppendOnlyAndWrittenByTheDatabase()
    {
        auto station = bareStation(QStringLiteral("tt-sec-audit"));
        QVERIFY(station);
        const QString token = m_admin->sessionToken();
        QVERIFY(!runWithSession(station->database(), token, QStringLiteral("UPDATE audit_log SET actor = 'x'")));
        QVERIFY(!runWithSession(station->database(), token, QStringLiteral("DELETE FROM audit_log")));
        QVERIFY(!runWithSession(station->database(), token, QStringLiteral("TRUNCATE audit_log")));
        // Audit rows carry the session's user, whatever actor the command claims.
        const Outcome o = m_admin->execute(makeCommand(Actor{QStringLiteral("somebody-else"), Role::Admin},
                                                       QStringLiteral("st-sec"), SystemClock::instance(),
                                                       cmd::SelectParent{QStringLiteral("SB00007"), {}}));
        QVERIFY(o.ok());
        QSqlQuery q(station->database());
        q.exec(QStringLiteral("BEGIN"));
        q.prepare(QStringLiteral("SELECT set_config('tt.session', ?, true)"));
        q.addBindValue(token);
        QVERIFY(q.exec());
        QVERIFY(q.exec(QStringLiteral("SELECT actor FROM audit_log WHERE action = 'bag.create' AND entity_id = 'SB00007'")));
        QVERIFY(q.next());
        QCOMPARE(q.value(0).toString(), QStringLiteral("admin"));
        QVERIFY(q.exec(QStringLiteral("SELECT count(*) FROM audit_log WHERE action LIKE 'login.%'")));
        QVERIFY(q.next());
        QVERIFY(q.value(0).toInt() >= 1);
        q.exec(QStringLiteral("ROLLBACK"));
    }

    void lockoutAcrossStations()
    {
        auto a = bareStation(QStringLiteral("tt-sec-lock-a"));
        auto b = bareStation(QStringLiteral("tt-sec-lock-b"));
        QVERIFY(a && b);
        for (int i = 0; i < 4; ++i) {
            PgStore &s = i % 2 ? *b : *a;
            const auto r = s.login(QStringLiteral("dora"), QStringLiteral("Wrong-Pass-0000"), QStringLiteral("st-%1").arg(i % 2));
            QVERIFY(!r);
            QCOMPARE(r.error().reason, Reason::BadCredentials);
        }
        const auto fifth = b->login(QStringLiteral("dora"), QStringLiteral("Wrong-Pass-0000"), QStringLiteral("st-1"));
        QVERIFY(!fifth);
        QCOMPARE(fifth.error().reason, Reason::AccountLocked);
        const auto right = a->login(QStringLiteral("dora"), tt::test::kUserPassword, QStringLiteral("st-0"));
        QVERIFY(!right);
        QCOMPARE(right.error().reason, Reason::AccountLocked);
        // Others are not affected.
        QVERIFY(a->login(QStringLiteral("admin"), tt::test::kAdminPassword, QStringLiteral("st-0")));
    }

    // The admin's one-time code (migration 008): set up and confirmed through the session, then
    // required at login; each code once; wrong codes count towards the lockout; admins only.
    void oneTimeCodeForAdmins()
    {
        CentralAdmin admin(*m_admin);
        const auto enrolment = admin.beginTotp(QStringLiteral("admin"));
        QVERIFY2(enrolment, enrolment ? "" : qPrintable(enrolment.error().message));
        QVERIFY(enrolment->uri.startsWith(QStringLiteral("otpauth://totp/TraceTrack:admin?secret=")));
        const auto secret = totp::fromBase32(enrolment->secretBase32);
        QVERIFY(secret && secret->size() == totp::kSecretBytes);
        const qint64 step = totp::stepAt(QDateTime::currentSecsSinceEpoch());
        QCOMPARE(admin.confirmTotp(totp::code(*secret, step - 7)).error().reason, Reason::InvalidInput);
        QVERIFY(admin.confirmTotp(totp::code(*secret, step)));

        auto station = bareStation(QStringLiteral("tt-sec-totp"));
        QVERIFY(station);
        const auto login = [&](const QString &code) {
            return station->login(QStringLiteral("admin"), tt::test::kAdminPassword, QStringLiteral("st-t"), code);
        };
        const auto none = login({});
        QCOMPARE(none.error().reason, Reason::BadCredentials);
        QCOMPARE(none.error().message, QStringLiteral("This account needs the one-time code from its authenticator app."));
        QCOMPARE(login(totp::code(*secret, step)).error().reason, Reason::BadCredentials); // used to confirm
        QVERIFY(login(totp::code(*secret, step + 1)));
        QCOMPARE(login(totp::code(*secret, step + 1)).error().reason, Reason::BadCredentials); // once only

        auto dora = m_central.login(QStringLiteral("dora"), tt::test::kUserPassword, QStringLiteral("tt-sec-dora-totp"));
        QVERIFY(dora);
        QCOMPARE(CentralAdmin(*dora).beginTotp(QStringLiteral("dora")).error().reason, Reason::PermissionDenied);
        QCOMPARE(CentralAdmin(*dora).disableTotp(QStringLiteral("admin")).error().reason, Reason::PermissionDenied);

        // The password alone is not enough to guess codes: wrong codes lock the account.
        for (int i = 0; i < 3; ++i)
            QCOMPARE(login(totp::code(*secret, step - 10 - i)).error().reason, Reason::BadCredentials);
        QCOMPARE(login(totp::code(*secret, step - 20)).error().reason, Reason::AccountLocked);
        QCOMPARE(login(totp::code(*secret, step + 1)).error().reason, Reason::AccountLocked);

        const auto off = admin.disableTotp(QStringLiteral("admin"));
        QVERIFY2(off, off ? "" : qPrintable(off.error().message));
        QCOMPARE(*off, QStringLiteral("One-time code of admin off."));
    }

    void unknownUserLooksLikeWrongPassword()
    {
        auto s = bareStation(QStringLiteral("tt-sec-unknown"));
        QVERIFY(s);
        QElapsedTimer t;
        t.start();
        const auto unknown = s->login(QStringLiteral("nobody"), QStringLiteral("Some-Pass-1234"), QStringLiteral("st"));
        const qint64 unknownMs = t.restart();
        const auto wrong = s->login(QStringLiteral("admin"), QStringLiteral("Some-Pass-1234"), QStringLiteral("st"));
        const qint64 wrongMs = t.elapsed();
        QVERIFY(!unknown && !wrong);
        QCOMPARE(unknown.error().reason, wrong.error().reason);
        QCOMPARE(unknown.error().message, wrong.error().message);
        QVERIFY2(unknownMs * 3 >= wrongMs && wrongMs * 3 >= unknownMs,
                 qPrintable(QStringLiteral("unknown %1 ms, wrong password %2 ms").arg(unknownMs).arg(wrongMs)));
    }
};

QTEST_GUILESS_MAIN(TstPgSecurity)
#include "tst_pgsecurity.moc"
