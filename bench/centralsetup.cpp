#include "centralsetup.h"

#include <QFile>
#include <QSqlError>
#include <QSqlQuery>

#include "database/migrator.h"
#include "database/sqlscript.h"

namespace tt::bench {

namespace {

// Runs the statements on a connection of its own; false after printing the first failure.
bool run(const PgConnectionInfo &info, const QStringList &statements, QTextStream &out)
{
    const QString name = QStringLiteral("bench-setup");
    bool ok = true;
    {
        auto db = openPostgres(info, name);
        if (!db) {
            out << db.error().message << '\n';
            return false;
        }
        QSqlQuery q(*db);
        for (const QString &s : statements) {
            if (!q.exec(s)) {
                out << "FAILED " << s.left(100) << ": " << q.lastError().text() << '\n';
                ok = false;
                break;
            }
        }
    }
    closePostgres(name);
    return ok;
}

} // namespace

void centralConnections(const PgConnectionInfo &super, const QString &name, PgConnectionInfo &owner,
                        PgConnectionInfo &station)
{
    owner = super;
    owner.user = QStringLiteral("tt_owner");
    owner.password = kBenchOwnerPassword;
    owner.database = name;
    station = owner;
    station.user = QStringLiteral("tt_station");
    station.password = kBenchStationPassword;
}

bool createCentralDatabase(const PgConnectionInfo &super, const QString &name, PgConnectionInfo &owner,
                           PgConnectionInfo &station, QTextStream &out)
{
    if (!run(super,
             {QStringLiteral("DO $$ BEGIN "
                             "IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'tt_owner') THEN "
                             "CREATE ROLE tt_owner LOGIN PASSWORD '%1'; END IF; "
                             "IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'tt_station') THEN "
                             "CREATE ROLE tt_station LOGIN PASSWORD '%2'; END IF; END $$")
                  .arg(kBenchOwnerPassword, kBenchStationPassword),
              QStringLiteral("ALTER ROLE tt_owner PASSWORD '%1'").arg(kBenchOwnerPassword),
              QStringLiteral("ALTER ROLE tt_station PASSWORD '%1'").arg(kBenchStationPassword),
              QStringLiteral("DROP DATABASE IF EXISTS %1 WITH (FORCE)").arg(name),
              QStringLiteral("CREATE DATABASE %1 OWNER tt_owner").arg(name)},
             out))
        return false;
    centralConnections(super, name, owner, station);
    {
        auto db = openPostgres(owner, QStringLiteral("bench-migrate"));
        if (!db) {
            out << db.error().message << '\n';
            return false;
        }
        if (auto v = Migrator(*db, QStringLiteral("postgresql")).migrate(); !v) {
            out << "migrate: " << v.error().message << '\n';
            return false;
        }
    }
    closePostgres(QStringLiteral("bench-migrate"));
    // A draft migration measured before it goes into the tree (applied as the owner).
    if (const QString draft = QString::fromLocal8Bit(qgetenv("TT_BENCH_SQL")); !draft.isEmpty()) {
        QFile f(draft);
        if (!f.open(QIODevice::ReadOnly)) {
            out << "TT_BENCH_SQL: cannot read " << draft << '\n';
            return false;
        }
        if (!run(owner, splitSqlScript(QString::fromUtf8(f.readAll())), out))
            return false;
        out << "applied draft " << draft << '\n';
    }
    return run(owner, {QStringLiteral("SELECT tt_init_admin('admin', '%1')").arg(kBenchAdminPassword)}, out);
}

} // namespace tt::bench
