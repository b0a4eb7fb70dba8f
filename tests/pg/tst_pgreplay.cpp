// The set-based replay of a run of link_child commands for one parent (migration 009,
// tt_replay_links): it must write exactly what the same commands write one by one through
// tt_execute (rows, their order, audit, change feed, counters, command log and outcomes); a run
// it cannot take whole goes command by command with the same outcomes; a client cannot use its
// quiet row triggers to skip audit records.

#include "tests/pg/pgfixture.h"

#include <QSqlError>
#include <QSqlQuery>
#include <QTest>

using namespace tt;

class TstPgReplay : public QObject
{
    Q_OBJECT

private:
    tt::test::CentralDb m_central;
    std::optional<QSqlDatabase> m_db; // the superuser on the test database (reads every row)
    QString m_token;

    QStringList column(const QString &sql)
    {
        QSqlQuery q(*m_db);
        QStringList out;
        if (!q.exec(sql)) {
            qWarning("%s: %s", qPrintable(sql.left(100)), qPrintable(q.lastError().text()));
            return {QStringLiteral("FAILED")};
        }
        while (q.next())
            out.append(q.value(0).toString());
        return out;
    }

    QString value(const QString &sql)
    {
        const QStringList rows = column(sql);
        return rows.isEmpty() ? QString() : rows.first();
    }

    // The commands of one stream as a jsonb array (SQL): parent SB<n>, its bill, children
    // <x>CH1…<x>CH30 (the third weighed, the parent full at the end), then parent M444-<n> with 17
    // children of which the fifth, <x>CH2, is linked elsewhere already (a run that cannot go
    // set-based: linked_elsewhere, then parent_full). Stations <st> and <st>2; the times cross
    // midnight UTC.
    static QString stream(const QString &x, const QString &parent, const QString &station)
    {
        return QStringLiteral(
                   "(SELECT jsonb_agg(jsonb_strip_nulls(jsonb_build_object('id', "
                   "gen_random_uuid(), "
                   "'at', timestamptz '2026-11-20 23:59:50+00' + n * interval '1 s', 'actor', "
                   "'admin', "
                   "'station', CASE WHEN n BETWEEN 10 AND 15 THEN '%3' || '2' ELSE '%3' END, "
                   "'kind', CASE WHEN n IN (0, 32) THEN 'select_parent' WHEN n = 1 THEN "
                   "'add_parent_to_bill' "
                   "ELSE 'link_child' END, "
                   "'code', CASE n WHEN 0 THEN 'SB%2' WHEN 32 THEN 'M444-%2' END, 'bill', "
                   "'BILL-%1', "
                   "'parent', CASE WHEN n < 32 THEN 'sb%2' ELSE 'M444-%2' END, "
                   "'child', CASE WHEN n = 37 THEN '%1CH2' WHEN n < 32 THEN '%1ch' || (n - 1) ELSE "
                   "'%1CH' || n END, "
                   "'measured_weight_g', CASE WHEN n = 4 THEN 1500 END)) ORDER BY n) "
                   "FROM generate_series(0, 49) n)")
            .arg(x, parent, station);
    }

private Q_SLOTS:
    void init()
    {
        TT_REQUIRE_CENTRAL(m_central);
        auto info = parsePostgresUrl(m_central.serverUrl);
        QVERIFY(info);
        info->database = m_central.name;
        auto db = openPostgres(*info, QStringLiteral("tt-replay-super"));
        QVERIFY2(db, qPrintable(db ? QString() : db.error().message));
        m_db = *db;
        m_token = value(QStringLiteral("SELECT tt_login('admin', '%1', 'st-login')->>'token'")
                            .arg(tt::test::kAdminPassword));
        QVERIFY(!m_token.isEmpty());
        for (const char *bill : {"BILL-A", "BILL-B"})
            QCOMPARE(
                value(QStringLiteral(
                          "SELECT tt_execute('%1', jsonb_build_object('kind', 'create_bill', 'id', "
                          "gen_random_uuid(), 'station', 'st-c', 'bill', '%2', 'capacity', "
                          "5))->>'result'")
                          .arg(m_token, QLatin1String(bill))),
                QStringLiteral("ok"));
    }

    void cleanup()
    {
        m_db.reset();
        closePostgres(QStringLiteral("tt-replay-super"));
        m_central.drop();
    }

    // Stream A replayed in one tt_replay call, stream B (other codes, other stations) through
    // tt_execute one command at a time: every row they wrote is the same but for the codes.
    void runWritesWhatCommandByCommandWrites()
    {
        const QString feedStart =
            value(QStringLiteral("SELECT coalesce(max(seq), 0) FROM changes"));
        QSqlQuery q(*m_db);
        QVERIFY(q.exec(QStringLiteral("BEGIN")));
        QVERIFY(q.exec(QStringLiteral("SET LOCAL track_functions = 'all'")));
        const QStringList a = column(
            QStringLiteral("SELECT o->>'reason' FROM jsonb_array_elements(tt_replay('%1', %2)) o")
                .arg(m_token,
                     stream(QStringLiteral("A"), QStringLiteral("10001"), QStringLiteral("st-a"))));
        // The SB run (30 links) went set-based in one call; the M444 run command by command.
        QCOMPARE(value(QStringLiteral("SELECT calls FROM pg_stat_xact_user_functions WHERE "
                                      "funcname = 'tt_replay_links'")),
                 QStringLiteral("2"));
        QCOMPARE(value(QStringLiteral(
                     "SELECT calls FROM pg_stat_xact_user_functions WHERE funcname = 'tt_run'")),
                 QStringLiteral("20"));
        QVERIFY(q.exec(QStringLiteral("COMMIT")));
        const QString feedMiddle = value(QStringLiteral("SELECT max(seq) FROM changes"));
        const QStringList b =
            column(QStringLiteral("SELECT tt_execute('%1', c)->>'reason' FROM "
                                  "jsonb_array_elements(%2) WITH ORDINALITY "
                                  "x(c, n) ORDER BY n")
                       .arg(m_token, stream(QStringLiteral("B"), QStringLiteral("20001"),
                                            QStringLiteral("st-b"))));
        QCOMPARE(a.size(), 50);
        QCOMPARE(a, b);
        QCOMPARE(a.count(QString()), 48);
        QCOMPARE(a.count(QStringLiteral("linked_elsewhere")), 1);
        QCOMPARE(a.count(QStringLiteral("parent_full")), 1);

        // Stream A's names become stream B's.
        QVERIFY(q.exec(QStringLiteral(
            "CREATE FUNCTION pg_temp.ab(t text) RETURNS text LANGUAGE sql AS $$ SELECT "
            "replace(replace(replace("
            "replace(replace(t, 'SB10001', 'SB20001'), 'M444-10001', 'M444-20001'), 'ACH', 'BCH'), "
            "'BILL-A', 'BILL-B'), 'st-a', 'st-b') $$")));
        const auto same = [&](const char *what, const QString &rowsOf) {
            const QStringList ra = column(QStringLiteral("SELECT pg_temp.ab(r) FROM (%1) x(r, k)")
                                              .arg(rowsOf.arg(QStringLiteral("st-a"))));
            const QStringList rb = column(QStringLiteral("SELECT r FROM (%1) x(r, k)")
                                              .arg(rowsOf.arg(QStringLiteral("st-b"))));
            QVERIFY2(!ra.isEmpty() && !ra.contains(QStringLiteral("FAILED")), what);
            QVERIFY2(ra == rb,
                     qPrintable(QStringLiteral("%1 differ: %2 | %3")
                                    .arg(QLatin1String(what), ra.join(u'\n'), rb.join(u'\n'))));
        };
        same("audit records",
             QStringLiteral(
                 "SELECT concat_ws('|', action, entity, entity_id, actor, station, session, at, "
                 "before, after - 'command_id'), id FROM audit_log WHERE station LIKE '%1%' ORDER "
                 "BY id"));
        same("scans",
             QStringLiteral(
                 "SELECT concat_ws('|', at, username, station, code, action, parent, bill), id "
                 "FROM scans WHERE station LIKE '%1%' ORDER BY id"));
        same("links",
             QStringLiteral(
                 "SELECT concat_ws('|', p.code, c.code, l.linked_at, l.linked_by, l.station, "
                 "l.ended_at), l.id FROM links l JOIN bags p ON p.id = l.parent_id "
                 "JOIN bags c ON c.id = l.child_id WHERE l.station LIKE '%1%' ORDER BY l.id"));
        same("bags",
             QStringLiteral(
                 "SELECT concat_ws('|', code, role, type_id, nominal_weight_g, measured_weight_g, "
                 "capacity, expected_weight_g, child_count, contents_weight_g, created_at, "
                 "created_by, "
                 "station), id FROM bags WHERE station LIKE '%1%' ORDER BY id"));
        same("command log",
             QStringLiteral(
                 "SELECT concat_ws('|', kind, actor, author, station, issued_at, result, "
                 "outcome - 'command_id'), issued_at FROM command_log WHERE station LIKE '%1%' "
                 "ORDER BY issued_at, kind"));
        same("counters",
             QStringLiteral(
                 "SELECT concat_ws('|', day, station, metric, value), metric FROM stat_counters "
                 "WHERE station LIKE '%1%' ORDER BY day, station, metric"));
        same(
            "bills",
            QStringLiteral(
                "SELECT concat_ws('|', bill_code, capacity, status, parent_count, actual_weight_g, "
                "expected_weight_g), id FROM bills WHERE bill_code = replace(upper('%1'), 'ST', "
                "'BILL')"));
        // The change feed has no station: stream A's rows are those before stream B's.
        same("change feed",
             QStringLiteral("SELECT concat_ws('|', entity, entity_id, op), seq FROM changes WHERE "
                            "CASE WHEN '%1' = 'st-a' THEN seq > %2 AND seq <= %3 ELSE seq > %3 END "
                            "ORDER BY seq")
                 .arg(QStringLiteral("%1"), feedStart, feedMiddle));
        QCOMPARE(value(QStringLiteral("SELECT count(*) FROM tt_verify('%1')").arg(m_token)),
                 QStringLiteral("0"));
        QCOMPARE(value(QStringLiteral("SELECT count(*) FROM deferred_counts")),
                 QStringLiteral("0"));
        QCOMPARE(value(QStringLiteral("SELECT count(*) FROM replay_runs")), QStringLiteral("0"));
    }

    // The same batch sent twice (a lost answer): the second call writes nothing.
    void runReplayedTwiceIsAppliedOnce()
    {
        QSqlQuery q(*m_db);
        QVERIFY(q.exec(QStringLiteral("CREATE TEMP TABLE batch AS SELECT %1 AS c")
                           .arg(stream(QStringLiteral("A"), QStringLiteral("10001"),
                                       QStringLiteral("st-a")))));
        const QString first =
            value(QStringLiteral("SELECT tt_replay('%1', c) FROM batch").arg(m_token));
        const QString rows = QStringLiteral(
            "SELECT (SELECT count(*) FROM scans) || '/' || (SELECT count(*) FROM audit_log) "
            "|| '/' || (SELECT count(*) FROM changes) || '/' || (SELECT sum(value) FROM "
            "stat_counters)");
        const QString before = value(rows);
        const QString second =
            value(QStringLiteral("SELECT tt_replay('%1', c) FROM batch").arg(m_token));
        QCOMPARE(value(rows), before);
        QCOMPARE(second, first);
    }

    // A station setting tt.quiet itself: its commands, executed and replayed, are still audited,
    // fed and counted (quiet needs tt_replay's own transaction mark).
    void clientCannotQuietTheTriggers()
    {
        auto station = m_central.login(QStringLiteral("admin"), tt::test::kAdminPassword,
                                       QStringLiteral("tt-replay-st"));
        QVERIFY(station);
        QSqlQuery q(station->database());
        QVERIFY(q.exec(QStringLiteral("SELECT set_config('tt.quiet', 'on', false)")));
        const QString cmd =
            QStringLiteral("jsonb_build_object('id', gen_random_uuid(), 'kind', '%1', 'parent', "
                           "'SB30001', 'code', 'SB30001', 'child', '%2')");
        for (const QString &call :
             {QStringLiteral("tt_execute('%1', %2)")
                  .arg(station->sessionToken(),
                       cmd.arg(QStringLiteral("select_parent"), QString())),
              QStringLiteral("tt_execute('%1', %2)")
                  .arg(station->sessionToken(),
                       cmd.arg(QStringLiteral("link_child"), QStringLiteral("QUIET1"))),
              QStringLiteral("tt_replay('%1', jsonb_build_array(%2))")
                  .arg(station->sessionToken(),
                       cmd.arg(QStringLiteral("link_child"), QStringLiteral("QUIET2")))})
            QVERIFY2(q.exec(QStringLiteral("SELECT ") + call), qPrintable(q.lastError().text()));
        for (const char *child : {"QUIET1", "QUIET2"}) {
            QCOMPARE(value(QStringLiteral("SELECT count(*) FROM audit_log WHERE entity_id = '%1'")
                               .arg(QLatin1String(child))),
                     QStringLiteral("2"));
            QCOMPARE(value(QStringLiteral("SELECT count(*) FROM changes WHERE entity_id = '%1'")
                               .arg(QLatin1String(child))),
                     QStringLiteral("2"));
        }
        QCOMPARE(
            value(QStringLiteral("SELECT sum(value) FROM stat_counters WHERE metric = 'links'")),
            QStringLiteral("2"));
        QCOMPARE(value(QStringLiteral("SELECT count(*) FROM tt_verify('%1')").arg(m_token)),
                 QStringLiteral("0"));
    }
};

QTEST_MAIN(TstPgReplay)
#include "tst_pgreplay.moc"
