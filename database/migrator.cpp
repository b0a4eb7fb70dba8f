#include "database/migrator.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QRegularExpression>
#include <QSqlQuery>

#include "core/command.h"
#include "database/sqlerror.h"
#include "database/sqliteconnection.h"
#include "database/sqlscript.h"
#include "database/transactionguard.h"

namespace tt {

namespace {

struct MigrationFile
{
    int version = 0;
    QString path;
};

QList<MigrationFile> migrationFiles(const QString &dialect)
{
    QList<MigrationFile> files;
    static const QRegularExpression name(QStringLiteral("^(\\d{3})_[a-z0-9_]+\\.sql$"));
    const QDir dir(QStringLiteral(":/sql/") + dialect);
    for (const QString &entry : dir.entryList(QDir::Files, QDir::Name)) {
        const auto m = name.match(entry);
        if (m.hasMatch())
            files.append({m.captured(1).toInt(), dir.filePath(entry)});
    }
    return files;
}

const QStringList kRequiredTables{
    QStringLiteral("settings"),     QStringLiteral("areas"),       QStringLiteral("stations"),
    QStringLiteral("users"),        QStringLiteral("bag_types"),   QStringLiteral("bags"),
    QStringLiteral("links"),        QStringLiteral("bills"),       QStringLiteral("bill_parents"),
    QStringLiteral("scans"),        QStringLiteral("audit_log"),   QStringLiteral("command_log"),
    QStringLiteral("stat_totals"),  QStringLiteral("stat_daily"),
};

// The central schema keeps statistics in stat_counters (per day, station, metric) instead.
const QStringList kRequiredPgTables{
    QStringLiteral("settings"),     QStringLiteral("areas"),       QStringLiteral("stations"),
    QStringLiteral("users"),        QStringLiteral("bag_types"),   QStringLiteral("bags"),
    QStringLiteral("links"),        QStringLiteral("bills"),       QStringLiteral("bill_parents"),
    QStringLiteral("scans"),        QStringLiteral("audit_log"),   QStringLiteral("command_log"),
    QStringLiteral("stat_counters"), QStringLiteral("sessions"),   QStringLiteral("changes"),
};

} // namespace

Migrator::Migrator(QSqlDatabase db, QString dialect)
    : m_db(std::move(db))
    , m_dialect(std::move(dialect))
{
}

bool Migrator::isPostgres() const
{
    return m_dialect == u"postgresql";
}

int Migrator::latestVersion() const
{
    const auto files = migrationFiles(m_dialect);
    return files.isEmpty() ? 0 : files.last().version;
}

Result<int> Migrator::currentVersion() const
{
    QSqlQuery q(m_db);
    const QString exists = isPostgres()
        ? QStringLiteral("SELECT CASE WHEN to_regclass('schema_migrations') IS NULL THEN 0 ELSE 1 END")
        : QStringLiteral("SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = "
                         "'schema_migrations'");
    if (!q.exec(exists))
        return std::unexpected(databaseError(QStringLiteral("reading the schema version"), q));
    if (!q.next() || q.value(0).toInt() == 0)
        return 0;
    if (!q.exec(QStringLiteral("SELECT coalesce(max(version), 0) FROM schema_migrations")) || !q.next())
        return std::unexpected(databaseError(QStringLiteral("reading the schema version"), q));
    return q.value(0).toInt();
}

Result<int> Migrator::migrate()
{
    auto current = currentVersion();
    if (!current)
        return current;
    const int latest = latestVersion();
    if (*current > latest)
        return fail(Reason::DatabaseError,
                    QStringLiteral("The database has schema version %1, newer than this program knows (%2); "
                                   "update TraceTrack.")
                        .arg(*current)
                        .arg(latest));
    for (const MigrationFile &file : migrationFiles(m_dialect)) {
        if (file.version <= *current)
            continue;
        QFile f(file.path);
        if (!f.open(QIODevice::ReadOnly))
            return fail(Reason::DatabaseError, QStringLiteral("Missing migration %1.").arg(file.path));
        const QStringList statements = splitSqlScript(QString::fromUtf8(f.readAll()));
        auto tx = TransactionGuard::begin(m_db);
        if (!tx)
            return std::unexpected(tx.error());
        QSqlQuery q(m_db);
        if (!q.exec(QStringLiteral("CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY "
                                   "KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)")))
            return std::unexpected(databaseError(QStringLiteral("creating schema_migrations"), q));
        for (const QString &statement : statements) {
            if (!q.exec(statement))
                return std::unexpected(databaseError(
                    QStringLiteral("applying migration %1").arg(QFileInfo(file.path).fileName()), q));
        }
        q.prepare(QStringLiteral("INSERT INTO schema_migrations(version, name, applied_at) VALUES (?, ?, ?)"));
        q.addBindValue(file.version);
        q.addBindValue(QFileInfo(file.path).fileName());
        q.addBindValue(isoUtc(QDateTime::currentDateTimeUtc()));
        if (!q.exec())
            return std::unexpected(databaseError(QStringLiteral("recording the migration"), q));
        if (!isPostgres() && !q.exec(QStringLiteral("PRAGMA application_id = %1").arg(kSqliteApplicationId)))
            return std::unexpected(databaseError(QStringLiteral("marking the database"), q));
        if (auto ok = tx->commit(); !ok)
            return std::unexpected(ok.error());
        *current = file.version;
    }
    if (auto ok = checkSchema(); !ok)
        return std::unexpected(ok.error());
    return *current;
}

Result<void> Migrator::checkSchema() const
{
    const auto version = currentVersion();
    if (!version)
        return std::unexpected(version.error());
    if (*version != latestVersion())
        return fail(Reason::DatabaseError,
                    QStringLiteral("The database has schema version %1 but this program needs %2; run "
                                   "`tracetrack-cli migrate`.")
                        .arg(*version)
                        .arg(latestVersion()));
    QSqlQuery q(m_db);
    for (const QString &table : isPostgres() ? kRequiredPgTables : kRequiredTables) {
        q.prepare(isPostgres() ? QStringLiteral("SELECT count(*) FROM pg_class WHERE relname = ? AND relnamespace = "
                                                "current_schema()::regnamespace AND relkind IN ('r', 'p')")
                               : QStringLiteral("SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = ?"));
        q.addBindValue(table);
        if (!q.exec() || !q.next())
            return std::unexpected(databaseError(QStringLiteral("checking the schema"), q));
        if (q.value(0).toInt() != 1)
            return fail(Reason::DatabaseError,
                        QStringLiteral("The database lacks table %1; it is damaged or not a TraceTrack "
                                       "database.")
                            .arg(table));
    }
    return {};
}

} // namespace tt
