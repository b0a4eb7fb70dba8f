#pragma once

#include <QByteArray>
#include <QJsonObject>
#include <QList>
#include <QProcessEnvironment>
#include <QString>
#include <QStringList>
#include <QTemporaryDir>

// Runs the built tracetrack-cli as a separate process, the way operators and scripts do.
class CliRunner
{
public:
    struct Run
    {
        int exitCode = -1;
        QByteArray out;
        QByteArray err;
        QList<QJsonObject> json() const; // one object per stdout line
    };

    CliRunner();
    bool isValid() const { return m_dir.isValid(); }
    QString dbPath() const { return m_dir.filePath(QStringLiteral("tt.db")); }
    QString dbArg() const { return QStringLiteral("sqlite:") + dbPath(); }
    QString tempPath(const QString &name) const { return m_dir.filePath(name); }

    // Runs with --db for this runner's database; password = TRACETRACK_PASSWORD when given.
    Run run(const QStringList &args, const QByteArray &stdinData = {}, const QString &password = {},
            const QProcessEnvironment &extra = {}) const;
    // init --admin admin with the admin password.
    bool init() const;
    // `verify` exits 0.
    bool verifyClean(QString *details = nullptr) const;

    static QString adminPassword() { return QStringLiteral("Admin-Pass-2026"); }
    static QString program();

private:
    QTemporaryDir m_dir;
};
