#include "database/sqliteconnection.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSqlError>
#include <QSqlQuery>
#include <QStandardPaths>
#include <QtEndian>

#include "database/sqlerror.h"

namespace tt {

namespace {

Error refuse(const QString &path, const QString &why)
{
    return Error{Reason::DatabaseError,
                 QStringLiteral("%1 %2; it was not opened and has not been changed.").arg(path, why)};
}

// Reads the 100-byte SQLite header without opening the file as a database.
Result<quint32> readHeaderApplicationId(const QString &path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return std::unexpected(refuse(path, QStringLiteral("cannot be read (%1)").arg(f.errorString())));
    const QByteArray header = f.read(100);
    if (header.size() < 100 || !header.startsWith(QByteArrayLiteral("SQLite format 3\0")))
        return std::unexpected(refuse(path, QStringLiteral("is not a TraceTrack database (not SQLite, or damaged)")));
    return qFromBigEndian<quint32>(header.constData() + 68);
}

Result<void> checkForeign(const QString &path, const QString &connectionName)
{
    const QString probeName = connectionName + QStringLiteral("-probe");
    Result<void> result;
    {
        QSqlDatabase probe = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), probeName);
        probe.setDatabaseName(path);
        probe.setConnectOptions(QStringLiteral("QSQLITE_OPEN_READONLY"));
        if (!probe.open()) {
            result = std::unexpected(refuse(path, QStringLiteral("cannot be opened")));
        } else {
            QSqlQuery q(probe);
            // A database of ours whose header is not checkpointed yet (created just before a
            // crash): the application id is in the write-ahead log.
            const bool ours = q.exec(QStringLiteral("PRAGMA application_id")) && q.next() &&
                              quint32(q.value(0).toLongLong()) == kSqliteApplicationId;
            if (!ours && (!q.exec(QStringLiteral("SELECT count(*) FROM sqlite_master")) || !q.next()))
                result = std::unexpected(refuse(path, QStringLiteral("is damaged or not a database")));
            else if (!ours && q.value(0).toLongLong() > 0)
                result = std::unexpected(
                    refuse(path, QStringLiteral("is a SQLite database of another program")));
        }
        probe.close();
    }
    QSqlDatabase::removeDatabase(probeName);
    return result;
}

} // namespace

Result<QSqlDatabase> openSqlite(const QString &path, const QString &connectionName,
                                const SqliteOpenOptions &options)
{
    if (path.trimmed().isEmpty())
        return fail(Reason::DatabaseError, QStringLiteral("No database file was named."));
    const bool memory = path == u":memory:";
    if (!memory) {
        const QFileInfo info(path);
        if (info.exists()) {
            if (!info.isFile())
                return std::unexpected(refuse(path, QStringLiteral("is not a file")));
            if (info.size() > 0) {
                const auto appId = readHeaderApplicationId(path);
                if (!appId)
                    return std::unexpected(appId.error());
                if (*appId != kSqliteApplicationId && *appId != 0)
                    return std::unexpected(
                        refuse(path, QStringLiteral("is a SQLite database of another program")));
                if (*appId == 0) {
                    if (auto ok = checkForeign(path, connectionName); !ok)
                        return std::unexpected(ok.error());
                }
            }
        } else if (!options.create || options.readOnly) {
            return fail(Reason::DatabaseError, QStringLiteral("There is no database at %1.").arg(path));
        } else if (!QDir().mkpath(info.absolutePath())) {
            return fail(Reason::DatabaseError,
                        QStringLiteral("Cannot create the folder %1.").arg(info.absolutePath()));
        }
    }

    QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), connectionName);
    db.setDatabaseName(path);
    if (options.readOnly)
        db.setConnectOptions(QStringLiteral("QSQLITE_OPEN_READONLY;QSQLITE_BUSY_TIMEOUT=5000"));
    else
        db.setConnectOptions(QStringLiteral("QSQLITE_BUSY_TIMEOUT=5000"));
    if (!db.open()) {
        const Error e = databaseError(QStringLiteral("opening %1").arg(path), db.lastError());
        db = QSqlDatabase();
        QSqlDatabase::removeDatabase(connectionName);
        return std::unexpected(e);
    }
    QSqlQuery q(db);
    QStringList pragmas{QStringLiteral("PRAGMA foreign_keys = ON")};
    if (!options.readOnly) {
        if (!memory)
            pragmas << QStringLiteral("PRAGMA journal_mode = WAL");
        pragmas << QStringLiteral("PRAGMA synchronous = FULL");
    }
    for (const QString &pragma : std::as_const(pragmas)) {
        if (!q.exec(pragma)) {
            const Error e = databaseError(QStringLiteral("preparing %1").arg(path), q);
            q = QSqlQuery();
            db.close();
            db = QSqlDatabase();
            QSqlDatabase::removeDatabase(connectionName);
            return std::unexpected(e);
        }
    }
    return db;
}

void closeDatabase(const QString &connectionName)
{
    {
        QSqlDatabase db = QSqlDatabase::database(connectionName, false);
        if (db.isOpen())
            db.close();
    }
    QSqlDatabase::removeDatabase(connectionName);
}

QString defaultDatabasePath()
{
    QString dir = QStandardPaths::writableLocation(QStandardPaths::AppDataLocation);
    if (dir.isEmpty())
        dir = QDir::homePath() + QStringLiteral("/.local/share/TraceTrack");
    return dir + QStringLiteral("/tracetrack.db");
}

} // namespace tt
