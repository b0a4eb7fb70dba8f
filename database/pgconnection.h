#pragma once

#include <QSqlDatabase>
#include <QString>

#include "core/error.h"

namespace tt {

// The parts of --db postgresql://USER:PASS@HOST:PORT/DB (also postgres://). User and password
// are percent-decoded; the port defaults to 5432.
struct PgConnectionInfo
{
    QString host;
    int port = 5432;
    QString user;
    QString password;
    QString database;
    // Server-side limit per statement (0: none); a station's commands use a short one so that a
    // slow server is treated like an unreachable one.
    int statementTimeoutMs = 0;

    // The URL again, without the password (for messages).
    QString displayName() const;
};

bool isPostgresUrl(const QString &url);
Result<PgConnectionInfo> parsePostgresUrl(const QString &url);

// Opens a named QPSQL connection in the calling thread (connect timeout 5 s, a dead peer
// noticed within about 10 s by TCP keepalives and tcp_user_timeout, client_min_messages=warning). Unreachable server, unknown database or refused credentials
// are Reason::DatabaseError (exit code 6) with the server's message.
Result<QSqlDatabase> openPostgres(const PgConnectionInfo &info, const QString &connectionName);

// Closes and removes the named connection (no QSqlDatabase handle to it may remain).
void closePostgres(const QString &connectionName);

} // namespace tt
