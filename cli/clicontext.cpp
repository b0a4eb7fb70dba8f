#include "cli/clicontext.h"

#include <QJsonDocument>
#include <QSysInfo>

#include "core/clock.h"
#include "database/accountservice.h"
#include "database/pgconnection.h"
#include "database/pgstore.h"
#include "database/sqliteconnection.h"
#include "database/sqlitestore.h"
#include "database/syncedstore.h"

#include <cstdio>

namespace tt {

int exitCodeFor(Reason reason)
{
    switch (reason) {
    case Reason::None:
        return ExitOk;
    case Reason::BadCredentials:
    case Reason::AccountDisabled:
    case Reason::SessionExpired:
        return ExitBadCredentials;
    case Reason::AccountLocked:
        return ExitLocked;
    case Reason::PermissionDenied:
        return ExitPermissionDenied;
    case Reason::DatabaseError:
        return ExitUnreachable;
    default:
        return ExitRejected;
    }
}

CliContext::CliContext(GlobalOptions options, QTextStream &out, QTextStream &err)
    : m_options(std::move(options))
    , m_out(out)
    , m_err(err)
{
    m_stdin.open(stdin, QIODevice::ReadOnly);
}

CliContext::~CliContext() = default;

QString CliContext::station() const
{
    if (!m_options.station.isEmpty())
        return m_options.station;
    return QStringLiteral("cli@") + QSysInfo::machineHostName();
}

Result<SqliteStore *> CliContext::store(bool create)
{
    if (m_store)
        return m_store.get();
    QString db = m_options.db;
    QString path;
    if (db.isEmpty())
        path = defaultDatabasePath();
    else if (db.startsWith(QLatin1String("sqlite:")))
        path = db.mid(7);
    else if (isPostgresUrl(db))
        return tt::fail(Reason::InvalidInput,
                    QStringLiteral("This command is not available with a central (PostgreSQL) database yet; see "
                                   "docs/central.md."));
    else
        return tt::fail(Reason::InvalidInput,
                    QStringLiteral("--db takes sqlite:PATH or postgresql://USER:PASS@HOST:PORT/DB, not \"%1\".")
                        .arg(db.left(80)));
    if (path.isEmpty())
        return tt::fail(Reason::InvalidInput, QStringLiteral("--db sqlite: needs a file path."));
    if (!create && path != u":memory:" && !QFile::exists(path))
        return tt::fail(Reason::DatabaseError,
                    QStringLiteral("There is no database at %1; create it with `tracetrack-cli --db sqlite:%1 init "
                                   "--admin NAME`.")
                        .arg(path));
    SqliteStoreOptions options;
    options.create = create;
    auto store = SqliteStore::open(path, options);
    if (!store)
        return std::unexpected(store.error());
    m_store = std::move(*store);
    return m_store.get();
}

bool CliContext::isCentral() const
{
    return isPostgresUrl(m_options.db);
}

Result<PgStore *> CliContext::central()
{
    if (m_central)
        return m_central.get();
    const auto info = parsePostgresUrl(m_options.db);
    if (!info)
        return std::unexpected(info.error());
    auto store = PgStore::open(*info);
    if (!store)
        return std::unexpected(store.error());
    m_central = std::move(*store);
    return m_central.get();
}

bool CliContext::isSynced() const
{
    return isCentral() && !m_options.cache.isEmpty();
}

Result<SyncedStore *> CliContext::synced()
{
    if (m_synced)
        return m_synced.get();
    const auto info = parsePostgresUrl(m_options.db);
    if (!info)
        return std::unexpected(info.error());
    SyncedStoreOptions options;
    options.cachePath = m_options.cache;
    options.central = *info;
    auto store = SyncedStore::open(options);
    if (!store)
        return std::unexpected(store.error());
    m_synced = std::move(*store);
    return m_synced.get();
}

std::optional<QByteArray> CliContext::readInputLine()
{
    if (!m_stdin.isOpen() || m_stdin.atEnd())
        return std::nullopt;
    QByteArray line = m_stdin.readLine();
    if (line.isEmpty() && m_stdin.atEnd())
        return std::nullopt;
    if (line.endsWith('\n'))
        line.chop(1);
    if (line.endsWith('\r'))
        line.chop(1);
    return line;
}

Result<QString> CliContext::password()
{
    if (m_options.passwordStdin) {
        const auto line = readInputLine();
        if (!line)
            return tt::fail(Reason::BadCredentials, QStringLiteral("--password-stdin: no password on standard input."));
        return QString::fromUtf8(*line);
    }
    const QByteArray env = qgetenv("TRACETRACK_PASSWORD");
    if (env.isNull())
        return tt::fail(Reason::BadCredentials,
                    QStringLiteral("No password: set TRACETRACK_PASSWORD or use --password-stdin."));
    return QString::fromUtf8(env);
}

std::optional<QString> CliContext::secret(const char *envName)
{
    const QByteArray env = qgetenv(envName);
    if (!env.isNull())
        return QString::fromUtf8(env);
    const auto line = readInputLine();
    if (!line)
        return std::nullopt;
    return QString::fromUtf8(*line);
}

Result<Actor> CliContext::login()
{
    if (m_options.user.isEmpty())
        return tt::fail(Reason::BadCredentials, QStringLiteral("No user: use --user NAME or set TRACETRACK_USER."));
    if (isSynced()) {
        auto s = synced();
        if (!s)
            return std::unexpected(s.error());
        const auto pw = password();
        if (!pw)
            return std::unexpected(pw.error());
        return (*s)->login(m_options.user, *pw, station(), m_options.totp);
    }
    if (isCentral()) {
        auto c = central();
        if (!c)
            return std::unexpected(c.error());
        const auto pw = password();
        if (!pw)
            return std::unexpected(pw.error());
        return (*c)->login(m_options.user, *pw, station(), m_options.totp);
    }
    auto s = store();
    if (!s)
        return std::unexpected(s.error());
    const auto pw = password();
    if (!pw)
        return std::unexpected(pw.error());
    AccountService accounts((*s)->statements(), (*s)->clock());
    return accounts.login(m_options.user, *pw, station(), m_options.totp);
}

Result<PgStore *> CliContext::centralSession()
{
    if (!isSynced())
        return central();
    auto s = synced();
    if (!s)
        return std::unexpected(s.error());
    if (PgStore *pg = (*s)->central())
        return pg;
    return tt::fail(Reason::DatabaseError,
                    QStringLiteral("The central database cannot be reached; this command needs it."));
}

int CliContext::execute(CommandBody body)
{
    const auto actor = login();
    if (!actor)
        return fail(actor.error());
    if (isSynced()) {
        SyncedStore *c = *synced();
        const Outcome o = c->execute(makeCommand(*actor, station(), c->cache().clock(), std::move(body)));
        printOutcome(o);
        return o.result == ResultKind::Rejected ? exitCodeFor(o.reason) : int(ExitOk);
    }
    if (isCentral()) {
        PgStore *c = *central();
        const Outcome o = c->execute(makeCommand(*actor, station(), c->clock(), std::move(body)));
        printOutcome(o);
        return o.result == ResultKind::Rejected ? exitCodeFor(o.reason) : int(ExitOk);
    }
    auto s = store();
    const Outcome o = (*s)->execute(makeCommand(*actor, station(), (*s)->clock(), std::move(body)));
    printOutcome(o);
    return o.result == ResultKind::Rejected ? exitCodeFor(o.reason) : int(ExitOk);
}

void CliContext::print(const QJsonObject &json, const QString &text)
{
    if (m_options.json)
        m_out << QString::fromUtf8(QJsonDocument(json).toJson(QJsonDocument::Compact)) << '\n';
    else
        m_out << text << '\n';
    m_out.flush();
}

void CliContext::printOutcome(const Outcome &o)
{
    const QString tag = o.result == ResultKind::Ok          ? QStringLiteral("OK        ")
                        : o.result == ResultKind::Duplicate ? QStringLiteral("DUPLICATE ")
                        : o.result == ResultKind::Queued    ? QStringLiteral("QUEUED    ")
                                                            : QStringLiteral("REJECTED  ");
    QString text = tag + o.message;
    if (o.result == ResultKind::Rejected)
        text += QStringLiteral(" [%1]").arg(reasonName(o.reason));
    print(o.toJson(), text);
}

int CliContext::fail(const Error &error)
{
    if (m_options.json) {
        m_out << QString::fromUtf8(QJsonDocument(QJsonObject{{QStringLiteral("result"), QStringLiteral("error")},
                                                             {QStringLiteral("reason"), reasonName(error.reason)},
                                                             {QStringLiteral("message"), error.message}})
                                       .toJson(QJsonDocument::Compact))
              << '\n';
        m_out.flush();
    }
    m_err << "tracetrack-cli: " << error.message << '\n';
    m_err.flush();
    return exitCodeFor(error.reason);
}

int CliContext::usage(const QString &message)
{
    m_err << "tracetrack-cli: " << message << "\nSee `tracetrack-cli help`.\n";
    m_err.flush();
    return ExitUsage;
}

} // namespace tt
