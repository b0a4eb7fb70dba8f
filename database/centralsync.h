#pragma once

#include <QDateTime>
#include <QJsonArray>
#include <QJsonObject>
#include <QList>
#include <QStringList>

#include "core/error.h"
#include "core/outcome.h"

namespace tt {

class PgStore;

// What changed centrally after a sequence number (tt_changes) or what a new cache should load
// (tt_working_set): the bags and bills to refresh and the sequence to continue from.
struct ChangeSet
{
    qint64 head = 0;
    QStringList bags;
    QStringList bills;
    bool more = false;
};

// The central calls of the sync worker (resources/sql/postgresql/003_sync.sql), on the
// connection and session of a PgStore. An expired session is Reason::SessionExpired; an
// unreachable server Reason::DatabaseError.
class CentralSync
{
public:
    explicit CentralSync(PgStore &central) : m_central(central) {}

    // Replays commands (JSON forms, in order) in one round trip; one outcome per command the
    // server handled (fewer when the session ended on the way).
    Result<QList<Outcome>> replay(const QList<QJsonObject> &commands);
    Result<ChangeSet> changes(qint64 after, int limit);
    Result<ChangeSet> workingSet(int limit);
    Result<QJsonObject> snapshot(const QStringList &bags, const QStringList &bills);
    // Reports the station's outbox (tt_station_report); returns the central time.
    Result<QDateTime> report(const QJsonObject &status);
    // A round trip, in milliseconds.
    Result<double> ping();

    // Admin views (row-level security: an admin session): every station's conflicts, newest
    // first, and every station's last report (health).
    Result<QJsonArray> conflicts(int limit);
    Result<QJsonArray> stations();

private:
    Result<QJsonArray> rows(const QString &sql, const QVariantList &values, const QString &what);
    Result<QJsonObject> callObject(const QString &sql, const QVariantList &values, const QString &what);

    PgStore &m_central;
};

} // namespace tt
