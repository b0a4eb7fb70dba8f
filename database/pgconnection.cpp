#include "database/pgconnection.h"

#include <QSqlError>
#include <QSqlQuery>
#include <QUrl>

#include "database/sqlerror.h"

namespace tt {

QString PgConnectionInfo::displayName() const
{
    return QStringLiteral("postgresql://%1@%2:%3/%4").arg(user, host).arg(port).arg(database);
}

bool isPostgresUrl(const QString &url)
{
    return url.startsWith(QLatin1String("postgresql://")) || url.startsWith(QLatin1String("postgres://"));
}

Result<PgConnectionInfo> parsePostgresUrl(const QString &text)
{
    const QUrl url(text, QUrl::StrictMode);
    if (!isPostgresUrl(text) || !url.isValid() || url.host().isEmpty())
        return fail(Reason::InvalidInput,
                    QStringLiteral("--db takes postgresql://USER:PASS@HOST:PORT/DB, not \"%1\".")
                        .arg(url.isValid() ? url.toString(QUrl::RemovePassword).left(80) : text.left(20)));
    PgConnectionInfo info;
    info.host = url.host();
    info.port = url.port(5432);
    info.user = url.userName(QUrl::FullyDecoded);
    info.password = url.password(QUrl::FullyDecoded);
    info.database = url.path().mid(1);
    if (info.database.isEmpty())
        info.database = info.user;
    return info;
}

Result<QSqlDatabase> openPostgres(const PgConnectionInfo &info, const QString &connectionName)
{
    if (!QSqlDatabase::isDriverAvailable(QStringLiteral("QPSQL")))
        return fail(Reason::DatabaseError,
                    QStringLiteral("The Qt PostgreSQL driver (QPSQL, package libqt6sql6-psql) is not installed."));
    QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QPSQL"), connectionName);
    db.setHostName(info.host);
    db.setPort(info.port);
    db.setUserName(info.user);
    db.setPassword(info.password);
    db.setDatabaseName(info.database);
    QString options = QStringLiteral("connect_timeout=5;application_name=tracetrack;keepalives=1;keepalives_idle=5;"
                                     "keepalives_interval=2;keepalives_count=3;tcp_user_timeout=10000");
    if (info.statementTimeoutMs > 0)
        options += QStringLiteral(";options='-c statement_timeout=%1'").arg(info.statementTimeoutMs);
    db.setConnectOptions(options);
    if (!db.open()) {
        const QString detail = db.lastError().text().trimmed();
        db = QSqlDatabase();
        QSqlDatabase::removeDatabase(connectionName);
        return fail(Reason::DatabaseError, QStringLiteral("Cannot connect to %1: %2").arg(info.displayName(), detail));
    }
    QSqlQuery q(db);
    if (!q.exec(QStringLiteral("SET client_min_messages = warning"))) {
        const Error e = databaseError(QStringLiteral("configuring the connection"), q);
        q = QSqlQuery();
        db.close();
        db = QSqlDatabase();
        QSqlDatabase::removeDatabase(connectionName);
        return std::unexpected(e);
    }
    return db;
}

void closePostgres(const QString &connectionName)
{
    {
        QSqlDatabase db = QSqlDatabase::database(connectionName, false);
        if (db.isValid())
            db.close();
    }
    QSqlDatabase::removeDatabase(connectionName);
}

} // namespace tt
