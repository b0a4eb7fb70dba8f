#include "database/pgstore.h"

#include "database/admincommands.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLoggingCategory>
#include <QSqlError>
#include <QRegularExpression>
#include <QSqlQuery>
#include <QTimeZone>

#include "core/billid.h"
#include "core/clock.h"
#include "core/codenormalizer.h"
#include "database/migrator.h"
#include "database/sqlerror.h"

namespace tt {

Q_DECLARE_LOGGING_CATEGORY(lcDb)

namespace {

// Transient outcomes of concurrency that a repeated call resolves: serialization failure,
// deadlock, and a unique violation between two stations creating the same row.
bool isRetryable(const QSqlError &e)
{
    const QString state = e.nativeErrorCode();
    return state == u"40001" || state == u"40P01" || state == u"23505";
}

QDateTime timeFrom(const QJsonValue &v)
{
    if (!v.isString())
        return {};
    QDateTime t = QDateTime::fromString(v.toString(), Qt::ISODateWithMs);
    return t.isValid() ? t.toUTC() : t;
}

QString textOf(const QJsonValue &v)
{
    return v.isString() ? v.toString() : QString();
}

QJsonObject objectOf(const QString &text)
{
    return QJsonDocument::fromJson(text.toUtf8()).object();
}

// A row of return_tickets as tt_return / tt_returns give it (to_jsonb of the row).
ReturnView returnFrom(const QJsonObject &o)
{
    ReturnView v;
    v.id = o.value(QStringLiteral("ticket_code")).toString();
    v.status = returnStatusFromName(o.value(QStringLiteral("status")).toString()).value_or(ReturnStatus::Open);
    v.parentCount = o.value(QStringLiteral("parent_count")).toInt();
    v.weightG = qint64(o.value(QStringLiteral("weight_g")).toDouble());
    v.openedAt = timeFrom(o.value(QStringLiteral("opened_at")));
    v.openedBy = o.value(QStringLiteral("opened_by")).toString();
    v.station = textOf(o.value(QStringLiteral("station")));
    v.closedAt = timeFrom(o.value(QStringLiteral("closed_at")));
    v.closedBy = textOf(o.value(QStringLiteral("closed_by")));
    for (const QJsonValue &line : o.value(QStringLiteral("lines")).toArray()) {
        const QJsonObject l = line.toObject();
        v.lines.append(ReturnLine{l.value(QStringLiteral("parent")).toString(), l.value(QStringLiteral("bill")).toString(),
                                  l.value(QStringLiteral("children")).toInt(),
                                  qint64(l.value(QStringLiteral("weight_g")).toDouble()),
                                  timeFrom(l.value(QStringLiteral("returned_at"))),
                                  l.value(QStringLiteral("returned_by")).toString()});
    }
    return v;
}

} // namespace

PgStore::PgStore(QString connectionName, const Clock &clock)
    : m_connectionName(std::move(connectionName))
    , m_clock(&clock)
{
}

Result<std::unique_ptr<PgStore>> PgStore::open(const PgConnectionInfo &info, const PgStoreOptions &options)
{
    auto db = openPostgres(info, options.connectionName);
    if (!db)
        return std::unexpected(db.error());
    Result<void> checked;
    {
        // Stations cannot read schema_migrations; tt_schema_version() tells them.
        const int latest = Migrator(*db, QStringLiteral("postgresql")).latestVersion();
        QSqlQuery q(*db);
        if (!q.exec(QStringLiteral("SELECT tt_schema_version()")) || !q.next())
            checked = fail(Reason::DatabaseError,
                           QStringLiteral("%1 is not a migrated TraceTrack database (%2); run `tracetrack-cli "
                                          "migrate` with the owner's credentials.")
                               .arg(info.displayName(), q.lastError().text().trimmed()));
        else if (q.value(0).toInt() != latest)
            checked = fail(Reason::DatabaseError,
                           QStringLiteral("The central database has schema version %1 but this program needs %2.")
                               .arg(q.value(0).toInt())
                               .arg(latest));
    }
    if (!checked) {
        *db = QSqlDatabase();
        closePostgres(options.connectionName);
        return std::unexpected(checked.error());
    }
    const Clock &clock = options.clock ? *options.clock : static_cast<const Clock &>(SystemClock::instance());
    return std::unique_ptr<PgStore>(new PgStore(options.connectionName, clock));
}

PgStore::~PgStore()
{
    m_prepared.clear();
    m_failed.reset();
    closePostgres(m_connectionName);
}

QSqlDatabase PgStore::database() const
{
    return QSqlDatabase::database(m_connectionName, false);
}

QSqlQuery *PgStore::prepared(const QString &sql, bool &ready)
{
    ready = true;
    if (const auto it = m_prepared.constFind(sql); it != m_prepared.cend())
        return it->get();
    auto q = std::make_shared<QSqlQuery>(database());
    q->setForwardOnly(true);
    ready = q->prepare(sql);
    if (ready)
        m_prepared.insert(sql, q);
    else
        m_failed = q; // keeps the error for the caller
    return q.get();
}

Result<QSqlQuery *> PgStore::run(const QString &sql, const QVariantList &values, const QString &what)
{
    QSqlDatabase db = database();
    for (int attempt = 1;; ++attempt) {
        bool ready = false;
        QSqlQuery *q = prepared(sql, ready);
        if (ready) {
            for (int i = 0; i < values.size(); ++i)
                q->bindValue(i, values.at(i));
            if (q->exec())
                return q;
        }
        const QSqlError e = q->lastError();
        if (e.nativeErrorCode() == u"26000" && attempt < 8) {
            // The kept statement is gone on the server (DEALLOCATE, DISCARD): prepare it again.
            m_prepared.remove(sql);
            continue;
        }
        if (attempt < 8 && isRetryable(e)) {
            qCDebug(lcDb) << what << "retried after" << e.nativeErrorCode();
            continue;
        }
        if (e.nativeErrorCode() == u"42501") {
            // The read functions' session and permission checks (tt_require): reason, DETAIL.
            static const QRegularExpression checked(
                QStringLiteral("^(?:ERROR:\\s*)?(session_expired|permission_denied)\\s*\\nDETAIL:\\s*([^\\n]*)"));
            const auto m = checked.match(e.databaseText());
            if (m.hasMatch())
                return fail(m.captured(1) == u"session_expired" ? Reason::SessionExpired : Reason::PermissionDenied,
                            m.captured(2).trimmed());
        }
        if (e.type() == QSqlError::ConnectionError || !db.isOpen() || e.nativeErrorCode().isEmpty()) {
            // Lost connection: one reconnect (the kept statements went with it), then report the
            // database unreachable.
            m_prepared.clear();
            m_failed.reset();
            db.close();
            if (attempt < 2 && db.open()) {
                QSqlQuery(db).exec(QStringLiteral("SET client_min_messages = warning"));
                continue;
            }
        }
        return std::unexpected(databaseError(what, e));
    }
}

Result<QString> PgStore::callText(const QString &sql, const QVariantList &values, const QString &what)
{
    auto q = run(sql, values, what);
    if (!q)
        return std::unexpected(q.error());
    if (!(*q)->next() || (*q)->value(0).isNull())
        return QString();
    return (*q)->value(0).toString();
}

Result<QString> PgStore::answer(const QString &json)
{
    const QJsonObject o = objectOf(json);
    const QString message = o.value(QStringLiteral("message")).toString();
    if (o.value(QStringLiteral("result")).toString() == u"ok")
        return message;
    return fail(reasonFromName(o.value(QStringLiteral("reason")).toString()).value_or(Reason::DatabaseError), message);
}

Result<Actor> PgStore::login(const QString &user, const QString &password, const QString &station,
                             const QString &totpCode)
{
    auto r = callText(QStringLiteral("SELECT tt_login(?, ?, ?, ?)::text"),
                      {user, password, station, totpCode.isEmpty() ? QVariant() : QVariant(totpCode)},
                      QStringLiteral("logging in"));
    if (!r)
        return std::unexpected(r.error());
    const QJsonObject o = objectOf(*r);
    if (o.value(QStringLiteral("result")).toString() != u"ok") {
        const auto reason = reasonFromName(o.value(QStringLiteral("reason")).toString());
        return fail(reason.value_or(Reason::BadCredentials), o.value(QStringLiteral("message")).toString());
    }
    m_token = o.value(QStringLiteral("token")).toString();
    m_loginNeededCode = o.value(QStringLiteral("totp")).toBool();
    const auto role = roleFromName(o.value(QStringLiteral("role")).toString());
    return Actor{o.value(QStringLiteral("user")).toString(), role.value_or(Role::Dispatcher)};
}

void PgStore::logout()
{
    if (m_token.isEmpty())
        return;
    (void)callText(QStringLiteral("SELECT tt_logout(?)"), {m_token}, QStringLiteral("logging out"));
    m_token.clear();
}

Outcome PgStore::execute(const Command &command)
{
    const QString json = QString::fromUtf8(QJsonDocument(commandToJson(command)).toJson(QJsonDocument::Compact));
    auto r = callText(QStringLiteral("SELECT tt_execute(?, ?::jsonb)::text"), {m_token, json},
                      QStringLiteral("executing %1").arg(commandKind(command.body)));
    Outcome o = r ? Outcome::fromJson(objectOf(*r)) : Outcome::rejected(r.error());
    o.commandId = command.meta.id;
    if (changesBagTypes(command.body))
        m_typesLoaded = false; // read again by the next bagTypes()
    return o;
}

QList<Outcome> PgStore::executeBatch(const QList<Command> &commands)
{
    QList<Outcome> outcomes;
    outcomes.reserve(commands.size());
    for (const Command &c : commands)
        outcomes.append(execute(c));
    return outcomes;
}

Result<BagTypeSet> PgStore::bagTypes()
{
    if (m_typesLoaded)
        return m_types;
    auto r = callText(QStringLiteral("SELECT tt_bag_types(?)::text"), {m_token}, QStringLiteral("reading bag types"));
    if (!r)
        return std::unexpected(r.error());
    QList<BagType> types;
    for (const QJsonValue &v : QJsonDocument::fromJson(r->toUtf8()).array()) {
        const QJsonObject o = v.toObject();
        BagType t;
        t.id = qint64(o.value(QStringLiteral("id")).toDouble());
        t.name = o.value(QStringLiteral("name")).toString();
        t.role = o.value(QStringLiteral("role")).toString() == u"parent" ? BagRole::Parent : BagRole::Child;
        t.pattern = o.value(QStringLiteral("pattern")).toString();
        t.capacity = o.value(QStringLiteral("capacity")).toInt();
        t.nominalWeightG = qint64(o.value(QStringLiteral("nominal_weight_g")).toDouble());
        t.expectedWeightG = qint64(o.value(QStringLiteral("expected_weight_g")).toDouble());
        t.active = o.value(QStringLiteral("active")).toBool(true);
        types.append(t);
    }
    m_types = BagTypeSet(types);
    m_typesLoaded = true;
    return m_types;
}

Result<std::optional<BagDetails>> PgStore::bag(const QString &rawCode)
{
    auto r = callText(QStringLiteral("SELECT tt_bag(?, ?)::text"), {m_token, normalizeBagCode(rawCode)},
                      QStringLiteral("reading a bag"));
    if (!r)
        return std::unexpected(r.error());
    if (r->isEmpty())
        return std::optional<BagDetails>();
    const QJsonObject o = objectOf(*r);
    BagDetails d;
    d.id = qint64(o.value(QStringLiteral("id")).toDouble());
    d.code = o.value(QStringLiteral("code")).toString();
    d.role = o.value(QStringLiteral("role")).toString() == u"parent" ? BagRole::Parent : BagRole::Child;
    d.typeName = o.value(QStringLiteral("type")).toString();
    d.createdAt = timeFrom(o.value(QStringLiteral("created_at")));
    d.createdBy = o.value(QStringLiteral("created_by")).toString();
    d.weightG = qint64(o.value(QStringLiteral("weight_g")).toDouble());
    if (o.value(QStringLiteral("measured_weight_g")).isDouble())
        d.measuredWeightG = qint64(o.value(QStringLiteral("measured_weight_g")).toDouble());
    d.parentCode = textOf(o.value(QStringLiteral("parent")));
    d.linkedBy = textOf(o.value(QStringLiteral("linked_by")));
    d.linkedAt = timeFrom(o.value(QStringLiteral("linked_at")));
    d.capacity = o.value(QStringLiteral("capacity")).toInt();
    d.childCount = o.value(QStringLiteral("child_count")).toInt();
    d.contentsWeightG = qint64(o.value(QStringLiteral("contents_weight_g")).toDouble());
    d.expectedWeightG = qint64(o.value(QStringLiteral("expected_weight_g")).toDouble());
    d.billId = textOf(o.value(QStringLiteral("bill")));
    for (const QJsonValue &c : o.value(QStringLiteral("children")).toArray())
        d.children.append(c.toString());
    return std::optional<BagDetails>(d);
}

Result<std::optional<BillDetails>> PgStore::bill(const QString &rawId)
{
    const auto id = normalizeBillId(rawId);
    if (!id)
        return std::unexpected(id.error());
    auto r = callText(QStringLiteral("SELECT tt_bill(?, ?)::text"), {m_token, *id}, QStringLiteral("reading a bill"));
    if (!r)
        return std::unexpected(r.error());
    if (r->isEmpty())
        return std::optional<BillDetails>();
    const QJsonObject o = objectOf(*r);
    BillDetails d;
    d.id = o.value(QStringLiteral("bill_code")).toString();
    d.status = billStatusFromName(o.value(QStringLiteral("status")).toString()).value_or(BillStatus::Open);
    d.capacity = o.value(QStringLiteral("capacity")).toInt();
    d.parentCount = o.value(QStringLiteral("parent_count")).toInt();
    d.weights = BillWeights{qint64(o.value(QStringLiteral("actual_weight_g")).toDouble()),
                            qint64(o.value(QStringLiteral("expected_weight_g")).toDouble())};
    d.createdBy = o.value(QStringLiteral("created_by")).toString();
    d.createdAt = timeFrom(o.value(QStringLiteral("created_at")));
    d.completedBy = textOf(o.value(QStringLiteral("completed_by")));
    d.completedAt = timeFrom(o.value(QStringLiteral("completed_at")));
    for (const QJsonValue &v : o.value(QStringLiteral("lines")).toArray()) {
        const QJsonObject l = v.toObject();
        BillLine line;
        line.parentCode = l.value(QStringLiteral("parent")).toString();
        line.childCount = l.value(QStringLiteral("children")).toInt();
        line.capacity = l.value(QStringLiteral("capacity")).toInt();
        line.actualWeightG = qint64(l.value(QStringLiteral("actual_weight_g")).toDouble());
        line.expectedWeightG = qint64(l.value(QStringLiteral("expected_weight_g")).toDouble());
        line.addedAt = timeFrom(l.value(QStringLiteral("added_at")));
        line.addedBy = l.value(QStringLiteral("added_by")).toString();
        d.lines.append(line);
    }
    return std::optional<BillDetails>(d);
}

Result<std::optional<ReturnView>> PgStore::returnTicket(const QString &rawId)
{
    const auto id = normalizeReturnId(rawId);
    if (!id)
        return std::unexpected(id.error());
    auto r = callText(QStringLiteral("SELECT tt_return(?, ?)::text"), {m_token, *id},
                      QStringLiteral("reading a return ticket"));
    if (!r)
        return std::unexpected(r.error());
    if (r->isEmpty())
        return std::optional<ReturnView>();
    return std::optional<ReturnView>(returnFrom(objectOf(*r)));
}

Result<QList<ReturnView>> PgStore::returnTickets(const ReturnListFilter &filter)
{
    auto r = callText(QStringLiteral("SELECT tt_returns(?, ?, ?)::text"),
                      {m_token, filter.status ? QVariant(returnStatusName(*filter.status)) : QVariant(QMetaType(QMetaType::QString)),
                       filter.limit},
                      QStringLiteral("listing return tickets"));
    if (!r)
        return std::unexpected(r.error());
    QList<ReturnView> out;
    for (const QJsonValue &v : QJsonDocument::fromJson(r->toUtf8()).array())
        out.append(returnFrom(v.toObject()));
    return out;
}

Result<QList<Mismatch>> PgStore::verify()
{
    QSqlQuery q(database());
    q.setForwardOnly(true);
    q.prepare(QStringLiteral("SELECT check_name, key, stored, computed FROM tt_verify(?)"));
    q.addBindValue(m_token);
    if (!q.exec())
        return std::unexpected(databaseError(QStringLiteral("verifying the central database"), q));
    QList<Mismatch> out;
    while (q.next())
        out.append(Mismatch{q.value(0).toString(), q.value(1).toString(), q.value(2).toString(), q.value(3).toString()});
    return out;
}

Result<QList<BagRow>> PgStore::searchBags(const QString &text, int limit)
{
    auto q = run(QStringLiteral("SELECT code, role, child_count, capacity FROM tt_search_bags(?, ?, ?)"),
                 {m_token, text, limit}, QStringLiteral("searching bags"));
    if (!q)
        return std::unexpected(q.error());
    QList<BagRow> out;
    while ((*q)->next()) {
        BagRow b;
        b.code = (*q)->value(0).toString();
        b.role = (*q)->value(1).toString() == u"parent" ? BagRole::Parent : BagRole::Child;
        b.childCount = (*q)->value(2).toInt();
        b.capacity = (*q)->value(3).toInt();
        out.append(b);
    }
    return out;
}

Result<QList<BillRow>> PgStore::bills(const BillListFilter &filter)
{
    const QVariant status = filter.status ? QVariant(billStatusName(*filter.status)) : QVariant(QMetaType(QMetaType::QString));
    auto q = run(QStringLiteral("SELECT bill_code, status, parent_count, capacity, actual_weight_g, expected_weight_g "
                                "FROM tt_bills(?, ?, ?, ?)"),
                 {m_token, status, filter.search, filter.limit}, QStringLiteral("listing bills"));
    if (!q)
        return std::unexpected(q.error());
    QList<BillRow> out;
    while ((*q)->next()) {
        BillRow b;
        b.code = (*q)->value(0).toString();
        b.status = billStatusFromName((*q)->value(1).toString()).value_or(BillStatus::Open);
        b.parentCount = (*q)->value(2).toInt();
        b.capacity = (*q)->value(3).toInt();
        b.actualWeightG = (*q)->value(4).toLongLong();
        b.expectedWeightG = (*q)->value(5).toLongLong();
        out.append(b);
    }
    return out;
}

namespace {

QMap<QString, qint64> countersOf(const QJsonValue &v)
{
    QMap<QString, qint64> out;
    const QJsonObject o = v.toObject();
    for (auto it = o.begin(); it != o.end(); ++it)
        out.insert(it.key(), qint64(it.value().toDouble()));
    return out;
}

} // namespace

Result<DashboardFigures> PgStore::statistics(const QDate &day)
{
    auto r = callText(QStringLiteral("SELECT tt_stats(?, ?::date)::text"), {m_token, day.toString(Qt::ISODate)},
                      QStringLiteral("reading statistics"));
    if (!r)
        return std::unexpected(r.error());
    const QJsonObject o = objectOf(*r);
    DashboardFigures f;
    f.totals = countersOf(o.value(QStringLiteral("totals")));
    f.today = countersOf(o.value(QStringLiteral("today")));
    return f;
}

Result<DashboardFigures> PgStore::dashboard(const QDate &today, const QTimeZone &zone, const QString &user, int days,
                                            int lastScans)
{
    const QDateTime dayStart = QDateTime(today, QTime(0, 0), zone).toUTC();
    const QDateTime dayEnd = QDateTime(today.addDays(1), QTime(0, 0), zone).toUTC();
    const QDate utcToday = QDateTime::currentDateTimeUtc().date();
    auto r = callText(QStringLiteral("SELECT tt_dashboard(?, ?::date, ?::timestamptz, ?::timestamptz, ?, ?, ?, ?)::text"),
                      {m_token, utcToday.toString(Qt::ISODate), isoUtc(dayStart), isoUtc(dayEnd),
                       zone.offsetFromUtc(dayStart) / 60, user, days, lastScans},
                      QStringLiteral("reading the dashboard"));
    if (!r)
        return std::unexpected(r.error());
    const QJsonObject o = objectOf(*r);
    DashboardFigures f;
    f.totals = countersOf(o.value(QStringLiteral("totals")));
    f.today = countersOf(o.value(QStringLiteral("today")));
    f.scansPerHour = QList<qint64>(24, 0);
    const auto perHour = countersOf(o.value(QStringLiteral("per_hour")));
    for (auto it = perHour.begin(); it != perHour.end(); ++it) {
        const int hour = it.key().toInt();
        if (hour >= 0 && hour < 24) {
            f.scansPerHour[hour] += it.value();
            f.scansToday += it.value();
        }
    }
    f.userScansToday = qint64(o.value(QStringLiteral("user_today")).toDouble());
    const auto perDay = countersOf(o.value(QStringLiteral("per_day")));
    const QDate first = today.addDays(-(days - 1));
    for (int i = 0; i < days; ++i) {
        const QDate d = first.addDays(i);
        f.scansPerDay.append({d, perDay.value(d.toString(Qt::ISODate))});
    }
    for (const QJsonValue &v : o.value(QStringLiteral("per_area")).toArray())
        f.scansPerArea.append({v.toArray().at(0).toString(), qint64(v.toArray().at(1).toDouble())});
    for (const QJsonValue &v : o.value(QStringLiteral("last")).toArray()) {
        const QJsonObject s = v.toObject();
        f.lastScans.append(ScanRecord{timeFrom(s.value(QStringLiteral("at"))), textOf(s.value(QStringLiteral("username"))),
                                      textOf(s.value(QStringLiteral("station"))), textOf(s.value(QStringLiteral("code"))),
                                      textOf(s.value(QStringLiteral("action"))), textOf(s.value(QStringLiteral("parent"))),
                                      textOf(s.value(QStringLiteral("bill"))), textOf(s.value(QStringLiteral("command_id")))});
    }
    return f;
}

Result<QList<UserInfo>> PgStore::users()
{
    auto q = run(QStringLiteral("SELECT username, role, area, enabled, failed_logins, locked_until, created_at, "
                                "totp_enabled FROM tt_users(?)"),
                 {m_token}, QStringLiteral("listing users"));
    if (!q)
        return std::unexpected(q.error());
    QList<UserInfo> out;
    while ((*q)->next()) {
        UserInfo u;
        u.username = (*q)->value(0).toString();
        u.role = roleFromName((*q)->value(1).toString()).value_or(Role::Dispatcher);
        u.area = (*q)->value(2).toString();
        u.enabled = (*q)->value(3).toBool();
        u.failedLogins = (*q)->value(4).toInt();
        if (!(*q)->value(5).isNull())
            u.lockedUntil = (*q)->value(5).toDateTime().toUTC();
        u.createdAt = (*q)->value(6).toDateTime().toUTC();
        u.totpEnabled = (*q)->value(7).toBool();
        out.append(u);
    }
    return out;
}

ScopedSetting PgStore::deadlineLifted()
{
    return ScopedSetting(database(), QStringLiteral("SET statement_timeout = 0"),
                         QStringLiteral("RESET statement_timeout"));
}

Result<QString> PgStore::hashingCall(const QString &sql, const QVariantList &values, const QString &what)
{
    const ScopedSetting lifted = deadlineLifted();
    auto r = callText(sql, values, what);
    if (!r)
        return std::unexpected(r.error());
    return answer(*r);
}

Result<QString> PgStore::addUser(const QString &user, const QString &password, Role role)
{
    return hashingCall(QStringLiteral("SELECT tt_add_user(?, ?, ?, ?)::text"), {m_token, user, password, roleName(role)},
                       QStringLiteral("adding a user"));
}

Result<QString> PgStore::changeUser(UserChange change, const QString &user, const QString &value)
{
    static const char *const actions[] = {"role", "enable", "disable", "unlock", "password"};
    return hashingCall(QStringLiteral("SELECT tt_change_user(?, ?, ?, ?)::text"),
                       {m_token, QString::fromLatin1(actions[int(change)]), user, value},
                       QStringLiteral("changing a user"));
}

} // namespace tt
