// tracetrack-cli for admins: the TOTP second factor (user totp, --totp, TRACETRACK_TOTP) and the
// bag type, area and station commands, end to end against a real database file.

#include "clirunner.h"
#include "core/totp.h"

#include <QDateTime>
#include <QProcessEnvironment>
#include <QTest>

namespace {

QStringList admin(QStringList args)
{
    return QStringList{QStringLiteral("--user"), QStringLiteral("admin")} + args;
}

// The code an authenticator app shows now (plus steps).
QString codeFor(const QString &secretBase32, int stepOffset = 0)
{
    return tt::totp::code(*tt::totp::fromBase32(secretBase32),
                          tt::totp::stepAt(QDateTime::currentSecsSinceEpoch()) + stepOffset);
}

} // namespace

class TestCliAdmin : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void totp();
    void bagTypes();
    void areasAndStations();
    void onlyAdminsEdit();
};

void TestCliAdmin::totp()
{
    CliRunner cli;
    QVERIFY(cli.init());
    const QString pw = CliRunner::adminPassword();
    QProcessEnvironment newPassword;
    newPassword.insert(QStringLiteral("TRACETRACK_NEW_PASSWORD"),
                       QStringLiteral("Carol-Admin-2026"));
    QCOMPARE(cli.run(admin({QStringLiteral("user"), QStringLiteral("add"), QStringLiteral("carol"),
                            QStringLiteral("--role"), QStringLiteral("admin")}),
                     {}, pw, newPassword)
                 .exitCode,
             0);
    QCOMPARE(
        cli.run(admin({QStringLiteral("user"), QStringLiteral("totp"), QStringLiteral("bogus")}),
                {}, pw)
            .exitCode,
        2);
    QCOMPARE(
        cli.run(admin({QStringLiteral("user"), QStringLiteral("totp"), QStringLiteral("confirm")}),
                {}, pw)
            .exitCode,
        2);

    const auto enable = cli.run(admin({QStringLiteral("--json"), QStringLiteral("user"),
                                       QStringLiteral("totp"), QStringLiteral("enable")}),
                                {}, pw);
    QCOMPARE(enable.exitCode, 0);
    const QString secret = enable.json().value(0).value(QStringLiteral("secret")).toString();
    QCOMPARE(secret.size(), 32);
    QVERIFY(enable.json()
                .value(0)
                .value(QStringLiteral("uri"))
                .toString()
                .startsWith(QStringLiteral("otpauth://totp/")));
    // Pending: the password alone still works, and a wrong code does not confirm.
    QCOMPARE(cli.run(admin({QStringLiteral("login")}), {}, pw).exitCode, 0);
    QCOMPARE(cli.run(admin({QStringLiteral("user"), QStringLiteral("totp"),
                            QStringLiteral("confirm"), codeFor(secret, 5)}),
                     {}, pw)
                 .exitCode,
             1);

    // Codes of three consecutive steps, all inside the ±1 window of the step they are used in as
    // long as the clock does not cross a step before the confirmation: start early in a step.
    const qint64 intoStep = QDateTime::currentSecsSinceEpoch() % tt::totp::kStepSeconds;
    if (intoStep > tt::totp::kStepSeconds - 4)
        QTest::qWait(int(tt::totp::kStepSeconds - intoStep + 1) * 1000);
    const QString previous = codeFor(secret, -1);
    const QString current = codeFor(secret, 0);
    const QString next = codeFor(secret, 1);
    QCOMPARE(cli.run(admin({QStringLiteral("user"), QStringLiteral("totp"),
                            QStringLiteral("confirm"), previous}),
                     {}, pw)
                 .exitCode,
             0);

    const auto missing = cli.run(admin({QStringLiteral("login")}), {}, pw);
    QCOMPARE(missing.exitCode, 3);
    QVERIFY2(missing.err.contains("one-time code"), missing.err.constData());
    const auto wrong = cli.run(admin({QStringLiteral("--json"), QStringLiteral("--totp"),
                                      codeFor(secret, 4), QStringLiteral("login")}),
                               {}, pw);
    const auto wrongPassword = cli.run(admin({QStringLiteral("--json"), QStringLiteral("login")}),
                                       {}, QStringLiteral("Wrong-Pass-2026"));
    QCOMPARE(wrong.exitCode, 3);
    QCOMPARE(wrong.json().value(0).value(QStringLiteral("message")),
             wrongPassword.json().value(0).value(QStringLiteral("message")));

    // TRACETRACK_TOTP and --totp; each code works once.
    QProcessEnvironment env;
    env.insert(QStringLiteral("TRACETRACK_TOTP"), current);
    QCOMPARE(cli.run(admin({QStringLiteral("login")}), {}, pw, env).exitCode, 0);
    QCOMPARE(cli.run(admin({QStringLiteral("--totp"), current, QStringLiteral("login")}), {}, pw)
                 .exitCode,
             3);
    QCOMPARE(
        cli.run(admin({QStringLiteral("--totp"), next, QStringLiteral("login")}), {}, pw).exitCode,
        0);
    QCOMPARE(
        cli.run(admin({QStringLiteral("--totp"), next, QStringLiteral("login")}), {}, pw).exitCode,
        3);

    // Another admin turns it off (a lost phone); then the password alone logs in again.
    const QStringList carol{QStringLiteral("--user"), QStringLiteral("carol")};
    QCOMPARE(cli.run(carol + QStringList{QStringLiteral("user"), QStringLiteral("totp"),
                                         QStringLiteral("disable"), QStringLiteral("admin")},
                     {}, QStringLiteral("Carol-Admin-2026"))
                 .exitCode,
             0);
    QCOMPARE(cli.run(admin({QStringLiteral("login")}), {}, pw).exitCode, 0);
}

void TestCliAdmin::bagTypes()
{
    CliRunner cli;
    QVERIFY(cli.init());
    const QString pw = CliRunner::adminPassword();
    const auto add = cli.run(
        admin({QStringLiteral("bagtype"), QStringLiteral("add"), QStringLiteral("JUMBO"),
               QStringLiteral("--role"), QStringLiteral("parent"), QStringLiteral("--pattern"),
               QStringLiteral("^JB\\d{4}$"), QStringLiteral("--capacity"), QStringLiteral("60"),
               QStringLiteral("--expected-g"), QStringLiteral("61000")}),
        {}, pw);
    QVERIFY2(add.exitCode == 0, add.err.constData());
    // Overlapping prefix, capacity 0, a number that is not one: refused with a message.
    const auto overlap = cli.run(
        admin({QStringLiteral("bagtype"), QStringLiteral("add"), QStringLiteral("SB2"),
               QStringLiteral("--role"), QStringLiteral("parent"), QStringLiteral("--pattern"),
               QStringLiteral("^SB9\\d{4}$"), QStringLiteral("--capacity"), QStringLiteral("10")}),
        {}, pw);
    QCOMPARE(overlap.exitCode, 1);
    QVERIFY2(overlap.out.contains("overlaps"), overlap.out.constData());
    QCOMPARE(
        cli.run(admin({QStringLiteral("bagtype"), QStringLiteral("set"), QStringLiteral("JUMBO"),
                       QStringLiteral("--capacity"), QStringLiteral("0")}),
                {}, pw)
            .exitCode,
        1);
    QCOMPARE(
        cli.run(admin({QStringLiteral("bagtype"), QStringLiteral("set"), QStringLiteral("JUMBO"),
                       QStringLiteral("--capacity"), QStringLiteral("many")}),
                {}, pw)
            .exitCode,
        2);
    QCOMPARE(cli.run(admin({QStringLiteral("bagtype"), QStringLiteral("set"),
                            QStringLiteral("JUMBO"), QStringLiteral("--capacity"),
                            QStringLiteral("80"), QStringLiteral("--inactive")}),
                     {}, pw)
                 .exitCode,
             0);
    const auto list = cli.run(
        admin({QStringLiteral("--json"), QStringLiteral("bagtype"), QStringLiteral("list")}), {},
        pw);
    QCOMPARE(list.exitCode, 0);
    const auto rows = list.json();
    QCOMPARE(rows.size(), 4);
    QCOMPARE(rows.at(3).value(QStringLiteral("name")).toString(), QStringLiteral("JUMBO"));
    QCOMPARE(rows.at(3).value(QStringLiteral("capacity")).toInt(), 80);
    QCOMPARE(rows.at(3).value(QStringLiteral("active")).toBool(), false);
    // No bag has the type: it can go (a type in use is refused; see tst_admindata).
    QCOMPARE(cli.run(admin({QStringLiteral("bagtype"), QStringLiteral("delete"),
                            QStringLiteral("JUMBO")}),
                     {}, pw)
                 .exitCode,
             0);
    QVERIFY(cli.verifyClean());
}

void TestCliAdmin::areasAndStations()
{
    CliRunner cli;
    QVERIFY(cli.init());
    const QString pw = CliRunner::adminPassword();
    const auto ok = [&](const QStringList &args) {
        const auto r = cli.run(admin(args), {}, pw);
        if (r.exitCode != 0)
            qWarning("%s: %s", qPrintable(args.join(QLatin1Char(' '))), r.err.constData());
        return r.exitCode == 0;
    };
    QVERIFY(ok({QStringLiteral("area"), QStringLiteral("add"), QStringLiteral("Kota")}));
    QCOMPARE(cli.run(admin({QStringLiteral("area"), QStringLiteral("add"), QStringLiteral("kota")}),
                     {}, pw)
                 .exitCode,
             1);
    QVERIFY(ok({QStringLiteral("area"), QStringLiteral("rename"), QStringLiteral("Kota"),
                QStringLiteral("Kota Junction")}));
    QVERIFY(ok({QStringLiteral("station-admin"), QStringLiteral("add"), QStringLiteral("DOCK-1"),
                QStringLiteral("--area"), QStringLiteral("Kota Junction")}));
    const auto inUse = cli.run(
        admin({QStringLiteral("area"), QStringLiteral("delete"), QStringLiteral("Kota Junction")}),
        {}, pw);
    QCOMPARE(inUse.exitCode, 1);
    QVERIFY2(inUse.out.contains("deactivate"), inUse.out.constData());
    QVERIFY(
        ok({QStringLiteral("area"), QStringLiteral("disable"), QStringLiteral("Kota Junction")}));
    QCOMPARE(cli.run(admin({QStringLiteral("station-admin"), QStringLiteral("add"),
                            QStringLiteral("DOCK-2"), QStringLiteral("--area"),
                            QStringLiteral("Kota Junction")}),
                     {}, pw)
                 .exitCode,
             1);
    QVERIFY(ok({QStringLiteral("station-admin"), QStringLiteral("set"), QStringLiteral("DOCK-1"),
                QStringLiteral("--area"), QStringLiteral("Indore"), QStringLiteral("--inactive")}));
    const auto stations = cli.run(
        admin({QStringLiteral("--json"), QStringLiteral("station-admin"), QStringLiteral("list")}),
        {}, pw);
    QCOMPARE(stations.json().size(), 1);
    QCOMPARE(stations.json().at(0).value(QStringLiteral("area")).toString(),
             QStringLiteral("Indore"));
    QCOMPARE(stations.json().at(0).value(QStringLiteral("active")).toBool(), false);
    const auto areas = cli.run(
        admin({QStringLiteral("--json"), QStringLiteral("area"), QStringLiteral("list")}), {}, pw);
    bool found = false;
    for (const QJsonObject &a : areas.json()) {
        if (a.value(QStringLiteral("name")).toString() == u"Kota Junction") {
            found = true;
            QCOMPARE(a.value(QStringLiteral("active")).toBool(), false);
            QCOMPARE(a.value(QStringLiteral("stations")).toInt(), 0);
        }
    }
    QVERIFY(found);
    QVERIFY(
        ok({QStringLiteral("area"), QStringLiteral("delete"), QStringLiteral("Kota Junction")}));
}

void TestCliAdmin::onlyAdminsEdit()
{
    CliRunner cli;
    QVERIFY(cli.init());
    QProcessEnvironment env;
    env.insert(QStringLiteral("TRACETRACK_NEW_PASSWORD"), QStringLiteral("Bill3r-Pass-2026"));
    QCOMPARE(cli.run(admin({QStringLiteral("user"), QStringLiteral("add"), QStringLiteral("meena"),
                            QStringLiteral("--role"), QStringLiteral("biller")}),
                     {}, CliRunner::adminPassword(), env)
                 .exitCode,
             0);
    const QStringList biller{QStringLiteral("--user"), QStringLiteral("meena")};
    const QString pw = QStringLiteral("Bill3r-Pass-2026");
    QCOMPARE(cli.run(biller + QStringList{QStringLiteral("area"), QStringLiteral("add"),
                                          QStringLiteral("Kota")},
                     {}, pw)
                 .exitCode,
             5);
    QCOMPARE(cli.run(biller + QStringList{QStringLiteral("bagtype"), QStringLiteral("set"),
                                          QStringLiteral("SB"), QStringLiteral("--capacity"),
                                          QStringLiteral("40")},
                     {}, pw)
                 .exitCode,
             5);
    QCOMPARE(cli.run(biller + QStringList{QStringLiteral("station-admin"), QStringLiteral("add"),
                                          QStringLiteral("X"), QStringLiteral("--area"),
                                          QStringLiteral("Indore")},
                     {}, pw)
                 .exitCode,
             5);
    QCOMPARE(cli.run(biller + QStringList{QStringLiteral("user"), QStringLiteral("totp"),
                                          QStringLiteral("enable")},
                     {}, pw)
                 .exitCode,
             5);
    // Reading is for everyone.
    QCOMPARE(
        cli.run(biller + QStringList{QStringLiteral("bagtype"), QStringLiteral("list")}, {}, pw)
            .exitCode,
        0);
}

QTEST_GUILESS_MAIN(TestCliAdmin)
#include "tst_cli_admin.moc"
