// `tracetrack-cli return …` end to end (BRIEF §3.4, §9): JSON answers, exit codes, the ticket
// read back, and a clean verify afterwards.

#include <QJsonArray>
#include <QProcessEnvironment>
#include <QTest>

#include "clirunner.h"

namespace {

QStringList as(const QString &user, QStringList args)
{
    return QStringList{QStringLiteral("--user"), user, QStringLiteral("--json")} + args;
}

QStringList words(const char *text)
{
    return QString::fromUtf8(text).split(QLatin1Char(' '));
}

} // namespace

class TestCliReturns : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void returnsEndToEnd();
};

void TestCliReturns::returnsEndToEnd()
{
    CliRunner cli;
    QVERIFY(cli.init());
    const QString pw = CliRunner::adminPassword();
    const auto admin = [&](QStringList args) { return cli.run(as(QStringLiteral("admin"), args), {}, pw); };
    // Two parents on a completed bill: SB00001 with two children, SB00002 with one.
    QCOMPARE(cli.run(as(QStringLiteral("admin"), {QStringLiteral("station")}),
                     "SB00001\nC0001\nC0002\nSB00002\nC0003\nSB00003\n", pw)
                 .exitCode,
             0);
    QCOMPARE(admin(words("bill create B-1 --capacity 2")).exitCode, 0);
    QCOMPARE(admin(words("bill add B-1 SB00001 SB00002")).exitCode, 0);
    QCOMPARE(admin(words("bill complete B-1")).exitCode, 0);

    const auto opened = admin(words("return open"));
    QCOMPARE(opened.exitCode, 0);
    const QString ticket = opened.json().value(0).value(QStringLiteral("ticket")).toString();
    QVERIFY2(ticket.startsWith(QStringLiteral("RTN-")) && ticket.endsWith(QStringLiteral("-0001")), opened.out.constData());

    const auto added = admin({QStringLiteral("return"), QStringLiteral("add"), ticket.toLower(), QStringLiteral("sb00001")});
    QCOMPARE(added.exitCode, 0);
    const QJsonObject line = added.json().value(0);
    QCOMPARE(line.value(QStringLiteral("result")).toString(), QStringLiteral("ok"));
    QCOMPARE(line.value(QStringLiteral("bill")).toString(), QStringLiteral("B-1"));
    QCOMPARE(line.value(QStringLiteral("bill_status")).toString(), QStringLiteral("open"));
    QCOMPARE(line.value(QStringLiteral("bill_parents")).toInt(), 1);
    QCOMPARE(line.value(QStringLiteral("children")).toInt(), 2);

    // Rejections: exit 1 with the reason; several parents report the worst.
    const auto again = admin({QStringLiteral("return"), QStringLiteral("add"), ticket, QStringLiteral("SB00001"),
                              QStringLiteral("C0001"), QStringLiteral("SB00003")});
    QCOMPARE(again.exitCode, 1);
    QCOMPARE(again.json().size(), 3);
    QCOMPARE(again.json().value(0).value(QStringLiteral("reason")).toString(), QStringLiteral("already_returned"));
    QCOMPARE(again.json().value(1).value(QStringLiteral("reason")).toString(), QStringLiteral("wrong_role"));
    QCOMPARE(again.json().value(2).value(QStringLiteral("reason")).toString(), QStringLiteral("not_on_any_bill"));
    const auto badId = admin(words("return finalise RTN-2024"));
    QCOMPARE(badId.exitCode, 1);
    QCOMPARE(badId.json().value(0).value(QStringLiteral("reason")).toString(), QStringLiteral("invalid_return_id"));
    const auto unknown = admin(words("return show RTN-20200101-0001"));
    QCOMPARE(unknown.exitCode, 1);
    QCOMPARE(unknown.json().value(0).value(QStringLiteral("reason")).toString(), QStringLiteral("unknown_return"));
    QCOMPARE(admin(words("return add")).exitCode, 2);
    QCOMPARE(admin(words("return list --status closed")).exitCode, 2);

    const auto shown = admin({QStringLiteral("return"), QStringLiteral("show"), ticket});
    QCOMPARE(shown.exitCode, 0);
    const QJsonObject t = shown.json().value(0);
    QCOMPARE(t.value(QStringLiteral("status")).toString(), QStringLiteral("open"));
    QCOMPARE(t.value(QStringLiteral("parents")).toInt(), 1);
    QCOMPARE(t.value(QStringLiteral("weight_g")).toInt(), 2000);
    const QJsonObject first = t.value(QStringLiteral("lines")).toArray().first().toObject();
    QCOMPARE(first.value(QStringLiteral("parent")).toString(), QStringLiteral("SB00001"));
    QCOMPARE(first.value(QStringLiteral("bill")).toString(), QStringLiteral("B-1"));
    QCOMPARE(first.value(QStringLiteral("children")).toInt(), 2);

    // A dispatcher may not touch returns (exit 5).
    QProcessEnvironment env;
    env.insert(QStringLiteral("TRACETRACK_NEW_PASSWORD"), QStringLiteral("Ravi-Pass-2026"));
    QCOMPARE(cli.run(as(QStringLiteral("admin"), words("user add ravi --role dispatcher --area Lucknow")), {}, pw, env).exitCode, 0);
    const auto denied = cli.run(as(QStringLiteral("ravi"), {QStringLiteral("return"), QStringLiteral("cancel"), ticket}),
                                {}, QStringLiteral("Ravi-Pass-2026"));
    QCOMPARE(denied.exitCode, 5);
    QCOMPARE(denied.json().value(0).value(QStringLiteral("reason")).toString(), QStringLiteral("permission_denied"));

    QCOMPARE(admin({QStringLiteral("return"), QStringLiteral("finalise"), ticket}).exitCode, 0);
    const auto closed = admin({QStringLiteral("return"), QStringLiteral("cancel"), ticket});
    QCOMPARE(closed.exitCode, 1);
    QCOMPARE(closed.json().value(0).value(QStringLiteral("reason")).toString(), QStringLiteral("return_not_open"));
    const auto listed = admin(words("return list --status finalised"));
    QCOMPARE(listed.exitCode, 0);
    QCOMPARE(listed.json().size(), 1);
    QCOMPARE(listed.json().value(0).value(QStringLiteral("ticket")).toString(), ticket);
    QCOMPARE(admin(words("return list --status open")).json().size(), 0);
    QString details;
    QVERIFY2(cli.verifyClean(&details), qPrintable(details));
}

QTEST_GUILESS_MAIN(TestCliReturns)
#include "tst_cli_returns.moc"
