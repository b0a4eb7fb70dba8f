// BRIEF §9 exit codes and the CLI's answers to bad invocations, bad credentials and bad files.

#include <QCryptographicHash>
#include <QFile>
#include <QProcessEnvironment>
#include <QTest>

#include "clirunner.h"

namespace {

QStringList as(const QString &user, QStringList args)
{
    return QStringList{QStringLiteral("--user"), user} + args;
}

QByteArray checksum(const QString &path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return {};
    return QCryptographicHash::hash(f.readAll(), QCryptographicHash::Sha256);
}

} // namespace

class TestCliExitCodes : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void usageErrors();
    void credentialsAndLockout();
    void permissions();
    void rejectedByRule();
    void userManagementRules();
    void unreachableAndForeignFiles_data();
    void unreachableAndForeignFiles();
    void initOnlyOnce();
};

void TestCliExitCodes::usageErrors()
{
    CliRunner cli;
    QVERIFY(cli.init());
    QCOMPARE(cli.run({QStringLiteral("frobnicate")}).exitCode, 2);
    QCOMPARE(cli.run(as(QStringLiteral("admin"), {QStringLiteral("bill"), QStringLiteral("create"), QStringLiteral("B-1")}),
                     {}, CliRunner::adminPassword())
                 .exitCode,
             2);
    QCOMPARE(cli.run(as(QStringLiteral("admin"), {QStringLiteral("station"), QStringLiteral("--bogus")}), {},
                     CliRunner::adminPassword())
                 .exitCode,
             2);
    QCOMPARE(cli.run({}).exitCode, 2);
    const auto help = cli.run({QStringLiteral("help")});
    QCOMPARE(help.exitCode, 0);
    QVERIFY(help.out.contains("station"));
}

void TestCliExitCodes::credentialsAndLockout()
{
    CliRunner cli;
    QVERIFY(cli.init());
    QCOMPARE(cli.run(as(QStringLiteral("admin"), {QStringLiteral("login")}), {}, CliRunner::adminPassword()).exitCode, 0);
    const auto wrong = cli.run(as(QStringLiteral("admin"), {QStringLiteral("--json"), QStringLiteral("login")}), {},
                               QStringLiteral("Wrong-Pass-2026"));
    QCOMPARE(wrong.exitCode, 3);
    const auto unknown = cli.run(as(QStringLiteral("nobody"), {QStringLiteral("--json"), QStringLiteral("login")}), {},
                                 QStringLiteral("Wrong-Pass-2026"));
    QCOMPARE(unknown.exitCode, 3);
    // Same answer for an unknown user and a wrong password.
    QCOMPARE(unknown.json().value(0).value(QStringLiteral("message")), wrong.json().value(0).value(QStringLiteral("message")));
    QCOMPARE(cli.run(as(QStringLiteral("admin"), {QStringLiteral("login")})).exitCode, 3); // no password at all
    // --password-stdin takes the first line.
    QCOMPARE(cli.run(as(QStringLiteral("admin"), {QStringLiteral("--password-stdin"), QStringLiteral("login")}),
                     CliRunner::adminPassword().toUtf8() + "\n")
                 .exitCode,
             0);
    // The successful login reset the count; five failures in a row lock the account, and then
    // even the right password is refused with exit code 4.
    for (int i = 0; i < 4; ++i)
        QCOMPARE(cli.run(as(QStringLiteral("admin"), {QStringLiteral("login")}), {}, QStringLiteral("Wrong-Pass-2026")).exitCode, 3);
    QCOMPARE(cli.run(as(QStringLiteral("admin"), {QStringLiteral("login")}), {}, CliRunner::adminPassword()).exitCode, 0);
    for (int i = 0; i < 5; ++i)
        cli.run(as(QStringLiteral("admin"), {QStringLiteral("login")}), {}, QStringLiteral("Wrong-Pass-2026"));
    QCOMPARE(cli.run(as(QStringLiteral("admin"), {QStringLiteral("login")}), {}, CliRunner::adminPassword()).exitCode, 4);
}

void TestCliExitCodes::permissions()
{
    CliRunner cli;
    QVERIFY(cli.init());
    QProcessEnvironment env;
    env.insert(QStringLiteral("TRACETRACK_NEW_PASSWORD"), QStringLiteral("Ravi-Pass-2026"));
    QCOMPARE(cli.run(as(QStringLiteral("admin"), {QStringLiteral("user"), QStringLiteral("add"), QStringLiteral("ravi"),
                                                  QStringLiteral("--role"), QStringLiteral("dispatcher"),
                                                  QStringLiteral("--area"), QStringLiteral("Lucknow")}),
                     {}, CliRunner::adminPassword(), env)
                 .exitCode,
             0);
    const QString pw = QStringLiteral("Ravi-Pass-2026");
    QCOMPARE(cli.run(as(QStringLiteral("ravi"), {QStringLiteral("bill"), QStringLiteral("create"), QStringLiteral("B-100"),
                                                 QStringLiteral("--capacity"), QStringLiteral("2")}),
                     {}, pw)
                 .exitCode,
             5);
    QCOMPARE(cli.run(as(QStringLiteral("ravi"), {QStringLiteral("user"), QStringLiteral("list")}), {}, pw).exitCode, 5);
    QCOMPARE(cli.run(as(QStringLiteral("ravi"), {QStringLiteral("bag"), QStringLiteral("move"), QStringLiteral("C0001"),
                                                 QStringLiteral("SB00001")}),
                     {}, pw)
                 .exitCode,
             5);
    // A dispatcher scans and views.
    const auto scans = cli.run(as(QStringLiteral("ravi"), {QStringLiteral("--json"), QStringLiteral("station")}),
                               "SB00010\nC1010\nTT:BILL:B-100\n", pw);
    QCOMPARE(scans.exitCode, 0);
    QCOMPARE(scans.json().value(1).value(QStringLiteral("result")).toString(), QStringLiteral("ok"));
    QCOMPARE(scans.json().value(2).value(QStringLiteral("reason")).toString(), QStringLiteral("permission_denied"));
    QCOMPARE(cli.run(as(QStringLiteral("ravi"), {QStringLiteral("bag"), QStringLiteral("show"), QStringLiteral("C1010")}), {}, pw)
                 .exitCode,
             0);
    QVERIFY(cli.verifyClean());
}

void TestCliExitCodes::rejectedByRule()
{
    CliRunner cli;
    QVERIFY(cli.init());
    const QString pw = CliRunner::adminPassword();
    QCOMPARE(cli.run(as(QStringLiteral("admin"), {QStringLiteral("bill"), QStringLiteral("create"), QStringLiteral("B-1"),
                                                  QStringLiteral("--capacity"), QStringLiteral("2")}),
                     {}, pw)
                 .exitCode,
             0);
    for (const char *capacity : {"0", "501", "-3"}) {
        QCOMPARE(cli.run(as(QStringLiteral("admin"), {QStringLiteral("bill"), QStringLiteral("create"), QStringLiteral("B-2"),
                                                      QStringLiteral("--capacity"), QString::fromLatin1(capacity)}),
                         {}, pw)
                     .exitCode,
                 1);
    }
    const auto complete = cli.run(as(QStringLiteral("admin"), {QStringLiteral("--json"), QStringLiteral("bill"),
                                                               QStringLiteral("complete"), QStringLiteral("b-1")}),
                                  {}, pw);
    QCOMPARE(complete.exitCode, 1);
    QCOMPARE(complete.json().value(0).value(QStringLiteral("reason")).toString(), QStringLiteral("bill_not_full"));
    const auto badId = cli.run(as(QStringLiteral("admin"), {QStringLiteral("--json"), QStringLiteral("bill"),
                                                            QStringLiteral("create"), QStringLiteral("B1'; DROP TABLE bills;--"),
                                                            QStringLiteral("--capacity"), QStringLiteral("2")}),
                               {}, pw);
    QCOMPARE(badId.exitCode, 1);
    QCOMPARE(badId.json().value(0).value(QStringLiteral("reason")).toString(), QStringLiteral("invalid_bill_id"));
    const auto dup = cli.run(as(QStringLiteral("admin"), {QStringLiteral("--json"), QStringLiteral("bill"),
                                                          QStringLiteral("create"), QStringLiteral("b-1"),
                                                          QStringLiteral("--capacity"), QStringLiteral("2")}),
                             {}, pw);
    QCOMPARE(dup.json().value(0).value(QStringLiteral("reason")).toString(), QStringLiteral("bill_exists"));
    QCOMPARE(cli.run(as(QStringLiteral("admin"), {QStringLiteral("bag"), QStringLiteral("show"), QStringLiteral("SB99999")}), {}, pw)
                 .exitCode,
             1);
    QVERIFY(cli.verifyClean());
}

void TestCliExitCodes::userManagementRules()
{
    CliRunner cli;
    QVERIFY(cli.init());
    const QString pw = CliRunner::adminPassword();
    const auto demote = cli.run(as(QStringLiteral("admin"), {QStringLiteral("--json"), QStringLiteral("user"),
                                                             QStringLiteral("set-role"), QStringLiteral("admin"),
                                                             QStringLiteral("biller")}),
                                {}, pw);
    QCOMPARE(demote.exitCode, 1);
    QCOMPARE(demote.json().value(0).value(QStringLiteral("reason")).toString(), QStringLiteral("own_role"));
    const auto disable = cli.run(as(QStringLiteral("admin"), {QStringLiteral("--json"), QStringLiteral("user"),
                                                              QStringLiteral("disable"), QStringLiteral("admin")}),
                                 {}, pw);
    QCOMPARE(disable.json().value(0).value(QStringLiteral("reason")).toString(), QStringLiteral("last_admin"));
    QProcessEnvironment weak;
    weak.insert(QStringLiteral("TRACETRACK_NEW_PASSWORD"), QStringLiteral("password"));
    const auto weakAdd = cli.run(as(QStringLiteral("admin"), {QStringLiteral("--json"), QStringLiteral("user"),
                                                              QStringLiteral("add"), QStringLiteral("sam"),
                                                              QStringLiteral("--role"), QStringLiteral("biller")}),
                                 {}, pw, weak);
    QCOMPARE(weakAdd.exitCode, 1);
    QCOMPARE(weakAdd.json().value(0).value(QStringLiteral("reason")).toString(), QStringLiteral("weak_password"));
    QVERIFY(!cli.run(as(QStringLiteral("admin"), {QStringLiteral("user"), QStringLiteral("list")}), {}, pw).out.contains("sam"));
}

void TestCliExitCodes::unreachableAndForeignFiles_data()
{
    QTest::addColumn<QByteArray>("content");
    QTest::newRow("text file") << QByteArray("hello, I am not a database\n");
    QTest::newRow("random bytes") << QByteArray::fromHex("deadbeef00ff13370102030405060708");
    QByteArray truncated("SQLite format 3\0", 16);
    truncated += QByteArray(20, '\x01');
    QTest::newRow("truncated sqlite header") << truncated;
    QTest::newRow("missing file") << QByteArray();
}

void TestCliExitCodes::unreachableAndForeignFiles()
{
    QFETCH(QByteArray, content);
    CliRunner cli;
    if (!content.isEmpty()) {
        QFile f(cli.dbPath());
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(content);
    }
    const QByteArray before = checksum(cli.dbPath());
    const auto r = cli.run(as(QStringLiteral("admin"), {QStringLiteral("--json"), QStringLiteral("station")}),
                           "SB00001\n", CliRunner::adminPassword());
    QCOMPARE(r.exitCode, 6);
    QVERIFY(!r.err.isEmpty());
    QCOMPARE(r.json().value(0).value(QStringLiteral("reason")).toString(), QStringLiteral("database_error"));
    QCOMPARE(checksum(cli.dbPath()), before);
    QCOMPARE(cli.run({QStringLiteral("verify")}).exitCode, 6);
    if (!content.isEmpty())
        QCOMPARE(cli.run({QStringLiteral("init"), QStringLiteral("--admin"), QStringLiteral("admin")}, {},
                         CliRunner::adminPassword())
                     .exitCode,
                 6);
    QCOMPARE(checksum(cli.dbPath()), before);
}

void TestCliExitCodes::initOnlyOnce()
{
    CliRunner cli;
    QVERIFY(cli.init());
    const auto again = cli.run({QStringLiteral("init"), QStringLiteral("--admin"), QStringLiteral("boss")}, {},
                               CliRunner::adminPassword());
    QCOMPARE(again.exitCode, 1);
    QCOMPARE(cli.run({QStringLiteral("--user"), QStringLiteral("boss"), QStringLiteral("login")}, {},
                     CliRunner::adminPassword())
                 .exitCode,
             3);
}

QTEST_GUILESS_MAIN(TestCliExitCodes)
#include "tst_cli_exitcodes.moc"
