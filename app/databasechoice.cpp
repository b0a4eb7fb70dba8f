#include "app/databasechoice.h"

#include "database/centralsync.h"
#include "database/migrator.h"
#include "database/pgstore.h"
#include "database/sqliteconnection.h"
#include "database/sqlitestore.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QRegularExpression>
#include <QSettings>
#include <QSysInfo>
#include <QUuid>

namespace tt {

namespace {

// Translation context of the plain-words connection errors.
struct ConnectionText
{
    Q_DECLARE_TR_FUNCTIONS(tt::DatabaseChoice)
};

} // namespace

DatabaseChoice DatabaseChoice::load(const QSettings &settings)
{
    DatabaseChoice c;
    c.central = settings.value(QStringLiteral("database/mode")).toString() == u"central";
    c.sqlitePath = settings.value(QStringLiteral("database/path")).toString();
    c.server.host = settings.value(QStringLiteral("central/host")).toString();
    c.server.port = settings.value(QStringLiteral("central/port"), 5432).toInt();
    c.server.database =
        settings.value(QStringLiteral("central/database"), QStringLiteral("tracetrack")).toString();
    c.server.user =
        settings.value(QStringLiteral("central/user"), QStringLiteral("tt_station")).toString();
    c.server.password = settings.value(QStringLiteral("central/password")).toString();
    c.cachePath = settings.value(QStringLiteral("central/cache")).toString();
    c.station = settings.value(QStringLiteral("station/name")).toString();
    c.area = settings.value(QStringLiteral("station/area")).toString();
    return c;
}

void DatabaseChoice::save(QSettings &settings) const
{
    settings.setValue(QStringLiteral("database/mode"),
                      central ? QStringLiteral("central") : QStringLiteral("embedded"));
    settings.setValue(QStringLiteral("database/path"), sqlitePath);
    settings.setValue(QStringLiteral("central/host"), server.host);
    settings.setValue(QStringLiteral("central/port"), server.port);
    settings.setValue(QStringLiteral("central/database"), server.database);
    settings.setValue(QStringLiteral("central/user"), server.user);
    settings.setValue(QStringLiteral("central/password"), server.password);
    settings.setValue(QStringLiteral("central/cache"), cachePath);
    settings.setValue(QStringLiteral("station/name"), station);
    settings.setValue(QStringLiteral("station/area"), area);
    settings.sync();
    if (QFileInfo(settings.fileName()).isFile())
        QFile::setPermissions(settings.fileName(),
                              QFileDevice::ReadOwner | QFileDevice::WriteOwner);
}

QString DatabaseChoice::effectiveSqlitePath() const
{
    return sqlitePath.isEmpty() ? defaultDatabasePath() : sqlitePath;
}

QString DatabaseChoice::effectiveCachePath() const
{
    return cachePath.isEmpty() ? defaultCachePath() : cachePath;
}

QString DatabaseChoice::effectiveStation() const
{
    return station.isEmpty() ? QStringLiteral("desktop@") + QSysInfo::machineHostName() : station;
}

QString DatabaseChoice::describe() const
{
    if (!central)
        return ConnectionText::tr("Embedded: %1")
            .arg(QDir::toNativeSeparators(effectiveSqlitePath()));
    return ConnectionText::tr("Central: %1, cache %2")
        .arg(server.displayName(), QDir::toNativeSeparators(effectiveCachePath()));
}

bool DatabaseChoice::keepsQueueOf(const DatabaseChoice &current) const
{
    return !current.central ||
           (central && server.host == current.server.host && server.port == current.server.port &&
            server.database == current.server.database &&
            samePath(effectiveCachePath(), current.effectiveCachePath()));
}

bool samePath(const QString &a, const QString &b)
{
    return QFileInfo(a).absoluteFilePath() == QFileInfo(b).absoluteFilePath();
}

QString defaultCachePath()
{
    return QFileInfo(defaultDatabasePath()).absolutePath() + QStringLiteral("/cache.db");
}

Result<void> prepareCache(const QString &path)
{
    QDir().mkpath(QFileInfo(path).absolutePath());
    SqliteStoreOptions options;
    options.connectionName =
        QStringLiteral("tt-prepare-cache-") + QUuid::createUuid().toString(QUuid::Id128);
    auto store = SqliteStore::open(path, options);
    if (!store)
        return std::unexpected(store.error());
    return {};
}

QString explainConnectionError(const PgConnectionInfo &info, const QString &detail)
{
    const QString where = QStringLiteral("%1:%2").arg(info.host).arg(info.port);
    const auto has = [&detail](const char *text) { return detail.contains(QLatin1String(text)); };
    if (has("Connection refused"))
        return ConnectionText::tr(
                   "Nothing answers at %1 (connection refused): is PostgreSQL running "
                   "there, and is the port right?")
            .arg(where);
    if (has("password authentication failed") || has("no password supplied"))
        return ConnectionText::tr("The server at %1 refused user %2 with this password: check the "
                                  "station role's name and password.")
            .arg(where, info.user);
    if (has("not a migrated TraceTrack database"))
        return ConnectionText::tr("The database \"%1\" at %2 is not set up for TraceTrack yet: run "
                                  "`tracetrack-cli migrate` with the owner's credentials "
                                  "(docs/central.md).")
            .arg(info.database, where);
    if (detail.contains(QRegularExpression(QStringLiteral("database \"[^\"]*\" does not exist"))))
        return ConnectionText::tr(
                   "The server at %1 has no database \"%2\": check the database name.")
            .arg(where, info.database);
    if (has("schema version"))
        return ConnectionText::tr(
                   "The central database and this program are of different versions: %1")
            .arg(detail);
    if (has("could not translate host name"))
        return ConnectionText::tr("The host name \"%1\" is unknown: check the spelling or use the "
                                  "server's address.")
            .arg(info.host);
    if (has("timeout expired") || has("timed out"))
        return ConnectionText::tr("No answer from %1 within 5 seconds: check the address, the "
                                  "network and the firewall.")
            .arg(where);
    return ConnectionText::tr("Cannot use the central database: %1").arg(detail);
}

Result<ConnectionCheck> checkCentralConnection(const PgConnectionInfo &info)
{
    PgConnectionInfo checked = info;
    checked.statementTimeoutMs = 5000;
    const QString connection =
        QStringLiteral("tt-gui-check-") + QUuid::createUuid().toString(QUuid::Id128);
    auto store = PgStore::open(checked, PgStoreOptions{connection, nullptr});
    if (!store)
        return fail(Reason::DatabaseError, explainConnectionError(info, store.error().message));
    ConnectionCheck result;
    result.schemaVersion =
        Migrator((*store)->database(), QStringLiteral("postgresql")).latestVersion();
    auto latency = CentralSync(**store).ping();
    if (!latency)
        return fail(Reason::DatabaseError, explainConnectionError(info, latency.error().message));
    result.latencyMs = *latency;
    return result;
}

} // namespace tt
