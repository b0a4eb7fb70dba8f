#include "clirunner.h"

#include <QJsonDocument>
#include <QProcess>

QList<QJsonObject> CliRunner::Run::json() const
{
    QList<QJsonObject> objects;
    for (const QByteArray &line : out.split('\n')) {
        if (!line.trimmed().isEmpty())
            objects.append(QJsonDocument::fromJson(line).object());
    }
    return objects;
}

CliRunner::CliRunner() = default;

QString CliRunner::program()
{
    return QStringLiteral(TT_BINARY_DIR "/cli/tracetrack-cli");
}

CliRunner::Run CliRunner::run(const QStringList &args, const QByteArray &stdinData, const QString &password,
                              const QProcessEnvironment &extra) const
{
    QProcess p;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.remove(QStringLiteral("TRACETRACK_DB"));
    env.remove(QStringLiteral("TRACETRACK_USER"));
    env.remove(QStringLiteral("TRACETRACK_PASSWORD"));
    env.remove(QStringLiteral("TRACETRACK_NEW_PASSWORD"));
    env.remove(QStringLiteral("TRACETRACK_TOTP"));
    if (!password.isNull())
        env.insert(QStringLiteral("TRACETRACK_PASSWORD"), password);
    for (const QString &key : extra.keys())
        env.insert(key, extra.value(key));
    p.setProcessEnvironment(env);
    p.start(program(), QStringList{QStringLiteral("--db"), dbArg()} + args);
    p.waitForStarted();
    if (!stdinData.isEmpty())
        p.write(stdinData);
    p.closeWriteChannel();
    p.waitForFinished(120000);
    Run r;
    r.exitCode = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
    r.out = p.readAllStandardOutput();
    r.err = p.readAllStandardError();
    return r;
}

bool CliRunner::init() const
{
    return run({QStringLiteral("init"), QStringLiteral("--admin"), QStringLiteral("admin")}, {}, adminPassword())
               .exitCode
        == 0;
}

bool CliRunner::verifyClean(QString *details) const
{
    const Run r = run({QStringLiteral("verify")});
    if (details)
        *details = QString::fromUtf8(r.out + r.err);
    return r.exitCode == 0;
}
