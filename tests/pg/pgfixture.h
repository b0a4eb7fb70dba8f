#pragma once

// A fresh central database per test on the throwaway server of the ctest fixture (tests/pg/
// CMakeLists.txt starts it with scripts/pg-harness and writes its URL to TT_PG_STATE). Without
// a server the tests skip locally and fail under CI=true. Header-only, tests only.

#include <QFile>
#include <QSqlError>
#include <QSqlQuery>
#include <QTest>
#include <QUuid>

#include <memory>

#include "database/migrator.h"
#include "database/pgconnection.h"
#include "database/pgstore.h"

namespace tt::test {

inline const QString kOwnerPassword = QStringLiteral("Owner-Pass-2024");
inline const QString kStationPassword = QStringLiteral("Station-Pass-2024");
inline const QString kAdminPassword = QStringLiteral("Admin-Pass-1234");
inline const QString kUserPassword = QStringLiteral("User-Pass-1234");

// The superuser URL of the test server, or empty.
inline QString pgServerUrl()
{
    const QByteArray env = qgetenv("TT_PG_URL");
    if (!env.isEmpty())
        return QString::fromUtf8(env);
    QFile state(QString::fromLocal8Bit(qgetenv("TT_PG_STATE")));
    if (state.fileName().isEmpty() || !state.open(QIODevice::ReadOnly))
        return {};
    for (const QByteArray &line : state.readAll().split('\n')) {
        if (line.startsWith("TT_PG_URL="))
            return QString::fromUtf8(line.mid(10));
    }
    return {};
}

inline bool underCi()
{
    return !qgetenv("CI").isEmpty() && qgetenv("CI") != "false";
}

// Runs statements as the superuser; false (with a warning) on the first failure.
inline bool superuserExec(const QString &url, const QStringList &statements, const QString &database = {})
{
    auto info = parsePostgresUrl(url);
    if (!info)
        return false;
    if (!database.isEmpty())
        info->database = database;
    const QString name = QStringLiteral("tt-test-super-") + QUuid::createUuid().toString(QUuid::Id128);
    bool ok = true;
    {
        auto db = openPostgres(*info, name);
        if (!db) {
            qWarning("%s", qPrintable(db.error().message));
            return false;
        }
        QSqlQuery q(*db);
        for (const QString &s : statements) {
            if (!q.exec(s)) {
                qWarning("%s: %s", qPrintable(s.left(80)), qPrintable(q.lastError().text()));
                ok = false;
                break;
            }
        }
    }
    closePostgres(name);
    return ok;
}

// One migrated database with its first admin, owned by tt_owner; stations log in as tt_station.
struct CentralDb
{
    QString serverUrl;
    QString name;
    PgConnectionInfo owner;
    PgConnectionInfo station;

    // Creates the roles (once per server), the database, migrates it as the owner and creates
    // admin "admin" (kAdminPassword).
    bool create()
    {
        serverUrl = pgServerUrl();
        if (serverUrl.isEmpty())
            return false;
        name = QStringLiteral("tt_") + QUuid::createUuid().toString(QUuid::Id128);
        const QString roles = QStringLiteral(
            "DO $$ BEGIN "
            "  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'tt_owner') THEN "
            "    CREATE ROLE tt_owner LOGIN PASSWORD '%1'; END IF; "
            "  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'tt_station') THEN "
            "    CREATE ROLE tt_station LOGIN PASSWORD '%2'; END IF; "
            "EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL; END $$")
                                  .arg(kOwnerPassword, kStationPassword);
        if (!superuserExec(serverUrl, {QStringLiteral("SELECT pg_advisory_lock(4242)"), roles,
                                       QStringLiteral("SELECT pg_advisory_unlock(4242)"),
                                       QStringLiteral("CREATE DATABASE %1 OWNER tt_owner").arg(name)}))
            return false;
        auto base = parsePostgresUrl(serverUrl);
        owner = *base;
        owner.user = QStringLiteral("tt_owner");
        owner.password = kOwnerPassword;
        owner.database = name;
        station = owner;
        station.user = QStringLiteral("tt_station");
        station.password = kStationPassword;
        const QString conn = QStringLiteral("tt-test-owner-") + name;
        bool ok = false;
        {
            auto db = openPostgres(owner, conn);
            if (!db) {
                qWarning("%s", qPrintable(db.error().message));
                return false;
            }
            Migrator m(*db, QStringLiteral("postgresql"));
            auto v = m.migrate();
            if (!v)
                qWarning("migrate: %s", qPrintable(v.error().message));
            QSqlQuery q(*db);
            q.prepare(QStringLiteral("SELECT tt_init_admin(?, ?)"));
            q.addBindValue(QStringLiteral("admin"));
            q.addBindValue(kAdminPassword);
            ok = v && q.exec();
            if (v && !ok)
                qWarning("init admin: %s", qPrintable(q.lastError().text()));
        }
        closePostgres(conn);
        return ok;
    }

    // Runs statements as the owner.
    bool ownerExec(const QStringList &statements) const
    {
        const QString conn = QStringLiteral("tt-test-ownerx-") + QUuid::createUuid().toString(QUuid::Id128);
        bool ok = true;
        {
            auto db = openPostgres(owner, conn);
            if (!db)
                return false;
            QSqlQuery q(*db);
            for (const QString &s : statements) {
                if (!q.exec(s)) {
                    qWarning("%s: %s", qPrintable(s.left(80)), qPrintable(q.lastError().text()));
                    ok = false;
                    break;
                }
            }
        }
        closePostgres(conn);
        return ok;
    }

    // A store connected as tt_station and logged in as user.
    std::unique_ptr<PgStore> login(const QString &user, const QString &password, const QString &connection,
                                   const QString &stationId = QStringLiteral("st-test"), const Clock *clock = nullptr) const
    {
        auto store = PgStore::open(station, PgStoreOptions{connection, clock});
        if (!store) {
            qWarning("open: %s", qPrintable(store.error().message));
            return nullptr;
        }
        auto actor = (*store)->login(user, password, stationId);
        if (!actor) {
            qWarning("login %s: %s", qPrintable(user), qPrintable(actor.error().message));
            return nullptr;
        }
        return std::move(*store);
    }

    // Adds a user through tt_add_user with an admin's session.
    bool addUser(PgStore &admin, const QString &user, const QString &role) const
    {
        QSqlQuery q(admin.database());
        q.prepare(QStringLiteral("SELECT tt_add_user(?, ?, ?, ?)->>'result'"));
        q.addBindValue(admin.sessionToken());
        q.addBindValue(user);
        q.addBindValue(kUserPassword);
        q.addBindValue(role);
        return q.exec() && q.next() && q.value(0).toString() == u"ok";
    }

    void drop() const
    {
        if (!name.isEmpty())
            superuserExec(serverUrl, {QStringLiteral("DROP DATABASE IF EXISTS %1 WITH (FORCE)").arg(name)});
    }
};

// A count read with an admin's session (row-level security), or -1.
inline qint64 sessionCount(PgStore &admin, const QString &sql)
{
    QSqlQuery q(admin.database());
    q.exec(
        QStringLiteral("SELECT set_config('tt.session', '%1', false)").arg(admin.sessionToken()));
    if (!q.exec(sql) || !q.next())
        return -1;
    return q.value(0).toLongLong();
}

// A parent's child count on the central database, or -1.
inline int centralChildCount(PgStore &store, const QString &parent)
{
    auto b = store.bag(parent);
    return b && *b ? (*b)->childCount : -1;
}

} // namespace tt::test

// Skips locally, fails under CI, when there is no PostgreSQL to test against.
#define TT_REQUIRE_CENTRAL(central)                                                                            \
    do {                                                                                                       \
        if (!(central).create()) {                                                                             \
            if (tt::test::underCi())                                                                           \
                QFAIL("no PostgreSQL test server (scripts/pg-harness via the ctest fixture)");                 \
            QSKIP("no PostgreSQL test server; run through ctest (fixture tt_pg)");                             \
        }                                                                                                      \
    } while (false)
