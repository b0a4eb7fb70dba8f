#pragma once

#include <QFile>
#include <QJsonObject>
#include <QString>
#include <QTextStream>

#include <memory>
#include <optional>

#include "core/command.h"
#include "core/error.h"
#include "core/outcome.h"

namespace tt {

class PgStore;
class SqliteStore;
class SyncedStore;

// BRIEF §9 exit codes.
enum ExitCode {
    ExitOk = 0,
    ExitRejected = 1,
    ExitUsage = 2,
    ExitBadCredentials = 3,
    ExitLocked = 4,
    ExitPermissionDenied = 5,
    ExitUnreachable = 6,
};

int exitCodeFor(Reason reason);

// Options that apply to every command.
struct GlobalOptions
{
    QString db;           // --db / TRACETRACK_DB; empty: the desktop app's embedded database
    QString user;         // --user / TRACETRACK_USER
    bool passwordStdin = false;
    bool json = false;
    QString station;      // --station / TRACETRACK_STATION; default cli@<host>
    QString totp;         // --totp / TRACETRACK_TOTP: the one-time code of an account that needs one
    QString cache;        // --cache / TRACETRACK_CACHE: the station's SQLite cache in central mode
};

// What every command works with: the options, the database, the acting user and the output.
class CliContext
{
public:
    CliContext(GlobalOptions options, QTextStream &out, QTextStream &err);
    ~CliContext();

    const GlobalOptions &options() const { return m_options; }
    bool json() const { return m_options.json; }
    QString station() const;

    // Opens the SQLite database named by --db (created only when create is true). With
    // --db postgresql://… it fails: see central().
    Result<SqliteStore *> store(bool create = false);
    // --db names a central PostgreSQL database.
    bool isCentral() const;
    // Connects to the central database named by --db as its user (the station role, or the
    // owner for migrate/init); DatabaseError (exit 6) when unreachable.
    Result<PgStore *> central();
    // Central mode with --cache: the station's synced store (works offline). Not logged in.
    bool isSynced() const;
    Result<SyncedStore *> synced();
    // Logs in --user with the password from TRACETRACK_PASSWORD or the first stdin line (and
    // the one-time code of --totp when the account has one).
    Result<Actor> login();
    // Central mode, after login(): the central store holding the session (with --cache the
    // synced store's, DatabaseError while it is unreachable).
    Result<PgStore *> centralSession();
    // A further secret (a new user's password): TRACETRACK_NEW_PASSWORD or the next stdin line.
    std::optional<QString> secret(const char *envName);

    // One line of stdin (without the line end); absent at end of input.
    std::optional<QByteArray> readInputLine();

    // Logs in, executes one command on the store, prints its outcome; returns 0 for ok and
    // duplicate, else the exit code of the reason.
    int execute(CommandBody body);

    // Prints a result: the JSON object with --json, else the text.
    void print(const QJsonObject &json, const QString &text);
    void printOutcome(const Outcome &outcome);
    // Prints the error to stderr (and as JSON on stdout with --json); returns its exit code.
    int fail(const Error &error);
    int usage(const QString &message);

    QTextStream &out() { return m_out; }
    QTextStream &err() { return m_err; }

private:
    Result<QString> password();

    GlobalOptions m_options;
    QTextStream &m_out;
    QTextStream &m_err;
    QFile m_stdin;
    std::unique_ptr<SqliteStore> m_store;
    std::unique_ptr<PgStore> m_central;
    std::unique_ptr<SyncedStore> m_synced;
};

} // namespace tt
