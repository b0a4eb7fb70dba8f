#include <QFile>
#include <QProcess>
#include <QTest>
#include <QTimeZone>

#include "clirunner.h"

// tracetrack-cli report / export / import end to end, as a separate process.
class TestCliReports : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void exportThenDryRunImportIsAllOk_data();
    void exportThenDryRunImportIsAllOk();
    void reports();
    void importErrors();

private:
    CliRunner::Run admin(const QStringList &args) const { return m_cli.run(QStringList{QStringLiteral("--user"), QStringLiteral("admin")} + args, {}, CliRunner::adminPassword()); }
    static QString pdfText(const QString &path)
    {
        QProcess p;
        p.start(QStringLiteral("pdftotext"), {path, QStringLiteral("-")});
        p.waitForFinished();
        return QString::fromUtf8(p.readAllStandardOutput());
    }
    void writeFile(const QString &name, const QByteArray &bytes) const
    {
        QFile f(m_cli.tempPath(name));
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(bytes);
    }

    CliRunner m_cli;
};

void TestCliReports::initTestCase()
{
    QVERIFY(m_cli.isValid());
    QVERIFY(m_cli.init());
    QByteArray links("parent_code,child_code,child_weight_g\n");
    for (int p = 1; p <= 4; ++p)
        for (int c = 0; c < 30; ++c)
            links += QStringLiteral("SB%1,CX%2%3,%4\n").arg(p, 5, 10, QLatin1Char('0')).arg(p).arg(c, 3, 10, QLatin1Char('0'))
                         .arg(c == 0 ? QStringLiteral("1200") : QString()).toUtf8();
    writeFile(QStringLiteral("links.csv"), links);
    auto r = admin({QStringLiteral("--json"), QStringLiteral("import"), QStringLiteral("links"), m_cli.tempPath(QStringLiteral("links.csv"))});
    QVERIFY2(r.exitCode == 0, r.err.constData());
    QCOMPARE(r.json().last().value(QStringLiteral("ok")).toInt(), 120);
    writeFile(QStringLiteral("bills.csv"), "bill_id,capacity,parent_code,status\nBILL-7,2,SB00001,completed\n"
                                           "BILL-7,2,SB00002,completed\nBILL-8,3,SB00003,\n");
    r = admin({QStringLiteral("import"), QStringLiteral("bills"), m_cli.tempPath(QStringLiteral("bills.csv"))});
    QVERIFY2(r.exitCode == 0, r.err.constData());
}

void TestCliReports::exportThenDryRunImportIsAllOk_data()
{
    QTest::addColumn<QString>("entity");
    QTest::addColumn<QString>("format");
    for (const char *e : {"bags", "links", "bills"})
        for (const char *f : {"csv", "xlsx"})
            QTest::newRow(QByteArray(e).append(' ').append(f).constData()) << QString::fromLatin1(e) << QString::fromLatin1(f);
}

void TestCliReports::exportThenDryRunImportIsAllOk()
{
    QFETCH(QString, entity);
    QFETCH(QString, format);
    const QString file = m_cli.tempPath(entity + QLatin1Char('.') + format);
    auto r = admin({QStringLiteral("--json"), QStringLiteral("export"), entity, QStringLiteral("--output"), file});
    QVERIFY2(r.exitCode == 0, r.err.constData());
    const int rows = r.json().last().value(QStringLiteral("rows")).toInt();
    QVERIFY(rows > 0);
    const QString results = m_cli.tempPath(entity + QStringLiteral("-results.csv"));
    r = admin({QStringLiteral("--json"), QStringLiteral("import"), entity, file, QStringLiteral("--dry-run"),
               QStringLiteral("--results"), results});
    QVERIFY2(r.exitCode == 0, r.err.constData());
    const QJsonObject summary = r.json().last();
    QCOMPARE(summary.value(QStringLiteral("dry_run")).toBool(), true);
    QCOMPARE(summary.value(QStringLiteral("rows")).toInt(), rows);
    QCOMPARE(summary.value(QStringLiteral("errors")).toInt(), 0);
    // Already in the database: every row is ok or a harmless duplicate.
    QCOMPARE(summary.value(QStringLiteral("ok")).toInt() + summary.value(QStringLiteral("duplicates")).toInt(), rows);
    QFile f(results);
    QVERIFY(f.open(QIODevice::ReadOnly));
    QCOMPARE(f.readAll().count('\n'), rows + 1);
}

void TestCliReports::reports()
{
    const QString bill = m_cli.tempPath(QStringLiteral("bill.pdf"));
    auto r = admin({QStringLiteral("report"), QStringLiteral("bill"), QStringLiteral("bill-7"), QStringLiteral("--output"), bill});
    QVERIFY2(r.exitCode == 0, r.err.constData());
    const QString text = pdfText(bill);
    QVERIFY(text.contains(QStringLiteral("Bill BILL-7")));
    QVERIFY(text.contains(QStringLiteral("SB00001")) && text.contains(QStringLiteral("SB00002")));
    QVERIFY2(text.contains(QStringLiteral("Variance: +0.400 kg (+0.7 %)")), qPrintable(text)); // one child of each weighed 1.2 kg

    const QString labels = m_cli.tempPath(QStringLiteral("labels.pdf"));
    r = admin({QStringLiteral("report"), QStringLiteral("labels"), QStringLiteral("SB00001"), QStringLiteral("CX1000"),
               QStringLiteral("--bill"), QStringLiteral("BILL-7"), QStringLiteral("--output"), labels});
    QVERIFY2(r.exitCode == 0, r.err.constData());
    QVERIFY(pdfText(labels).contains(QStringLiteral("CX1000")));
    const QString zpl = m_cli.tempPath(QStringLiteral("labels.zpl"));
    r = admin({QStringLiteral("report"), QStringLiteral("labels"), QStringLiteral("SB00001"), QStringLiteral("--symbology"),
               QStringLiteral("code128"), QStringLiteral("--output"), zpl});
    QVERIFY2(r.exitCode == 0, r.err.constData());
    QFile z(zpl);
    QVERIFY(z.open(QIODevice::ReadOnly));
    QVERIFY(z.readAll().contains("^FDSB00001^FS"));

    const QString commands = m_cli.tempPath(QStringLiteral("commands.pdf"));
    r = admin({QStringLiteral("report"), QStringLiteral("commands"), QStringLiteral("--bill"), QStringLiteral("BILL-8"),
               QStringLiteral("--output"), commands});
    QVERIFY2(r.exitCode == 0, r.err.constData());
    QVERIFY(pdfText(commands).contains(QStringLiteral("TT:BILL:BILL-8")));

    const QString eod = m_cli.tempPath(QStringLiteral("eod.csv"));
    const QString today = QDateTime::currentDateTimeUtc().toTimeZone(QTimeZone("Asia/Kolkata")).date().toString(Qt::ISODate);
    r = admin({QStringLiteral("--json"), QStringLiteral("report"), QStringLiteral("eod"), QStringLiteral("--date"), today,
               QStringLiteral("--csv"), eod, QStringLiteral("--output"), m_cli.tempPath(QStringLiteral("eod.pdf"))});
    QVERIFY2(r.exitCode == 0, r.err.constData());
    QCOMPARE(r.json().last().value(QStringLiteral("links")).toInt(), 120);
    QCOMPARE(r.json().last().value(QStringLiteral("bills_completed")).toInt(), 1);
    QCOMPARE(r.json().last().value(QStringLiteral("parents_filled")).toInt(), 4);
}

void TestCliReports::importErrors()
{
    // A damaged file: a clear message and a rule/usage exit code, never a crash.
    writeFile(QStringLiteral("bad.xlsx"), "PK\x03\x04 this is not really a zip");
    auto r = admin({QStringLiteral("import"), QStringLiteral("bags"), m_cli.tempPath(QStringLiteral("bad.xlsx"))});
    QVERIFY(r.exitCode > 0 && r.exitCode < 128);
    QVERIFY2(r.err.contains("truncated or damaged"), r.err.constData());
    // Rows breaking rules: exit 1, the good rows applied, per-row reasons in the results file.
    writeFile(QStringLiteral("mixed.csv"), "parent_code,child_code\nSB00009,CY0001\nSB00009,CX1000\nSB00009,SB00001\n");
    const QString results = m_cli.tempPath(QStringLiteral("mixed-results.csv"));
    r = admin({QStringLiteral("--json"), QStringLiteral("import"), QStringLiteral("links"), m_cli.tempPath(QStringLiteral("mixed.csv")),
               QStringLiteral("--results"), results});
    QCOMPARE(r.exitCode, 1);
    QCOMPARE(r.json().last().value(QStringLiteral("ok")).toInt(), 1);
    QCOMPARE(r.json().last().value(QStringLiteral("errors")).toInt(), 2);
    QFile f(results);
    QVERIFY(f.open(QIODevice::ReadOnly));
    const QByteArray text = f.readAll();
    QVERIFY(text.contains("3,error,linked_elsewhere,"));
    QVERIFY(text.contains("4,error,wrong_role,"));
}

QTEST_MAIN(TestCliReports)
#include "tst_cli_reports.moc"
