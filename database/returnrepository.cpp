#include "database/returnrepository.h"

#include "core/command.h"
#include "database/statementcache.h"

namespace tt {

namespace {

const QString kColumns =
    QStringLiteral("t.id, t.ticket_code, t.status, t.parent_count, t.weight_g, t.opened_at, "
                   "t.opened_by, t.station, t.closed_at, t.closed_by");

ReturnRow readTicket(const Rows &r)
{
    ReturnRow t;
    t.id = r.number(0);
    t.code = r.text(1);
    t.status = returnStatusFromName(r.text(2)).value_or(ReturnStatus::Open);
    t.parentCount = int(r.number(3));
    t.weightG = r.number(4);
    t.openedAt = fromIsoUtc(r.text(5));
    t.openedBy = r.text(6);
    t.station = r.text(7);
    if (!r.isNull(8))
        t.closedAt = fromIsoUtc(r.text(8));
    t.closedBy = r.text(9);
    return t;
}

Result<void> done(const Result<Rows> &r)
{
    if (!r)
        return std::unexpected(r.error());
    return {};
}

} // namespace

ReturnView ReturnRow::view() const
{
    ReturnView v;
    v.id = code;
    v.status = status;
    v.parentCount = parentCount;
    v.weightG = weightG;
    v.openedAt = openedAt;
    v.openedBy = openedBy;
    v.station = station;
    v.closedAt = closedAt;
    v.closedBy = closedBy;
    return v;
}

Result<std::optional<ReturnRow>> ReturnRepository::find(const QString &code)
{
    auto r = m_sql.run(QStringLiteral("SELECT ") + kColumns +
                           QStringLiteral(" FROM return_tickets t WHERE t.ticket_code = ?"),
                       {code}, QStringLiteral("looking up return ticket %1").arg(code));
    if (!r)
        return std::unexpected(r.error());
    if (!r->next())
        return std::optional<ReturnRow>();
    return std::optional<ReturnRow>(readTicket(*r));
}

Result<int> ReturnRepository::nextSequence(QDate businessDay)
{
    auto r = m_sql.run(
        QStringLiteral(
            "SELECT coalesce(max(sequence), 0) + 1 FROM return_tickets WHERE business_day = ?"),
        {businessDay.toString(Qt::ISODate)}, QStringLiteral("numbering a return ticket"));
    if (!r)
        return std::unexpected(r.error());
    return r->next() ? int(r->number(0)) : 1;
}

Result<ReturnRow> ReturnRepository::insert(const QString &code, QDate businessDay, int sequence,
                                           const QDateTime &at, const QString &by,
                                           const QString &station)
{
    auto r = m_sql.run(
        QStringLiteral("INSERT INTO return_tickets(ticket_code, business_day, sequence, opened_at, "
                       "opened_by, station) VALUES (?, ?, ?, ?, ?, ?)"),
        {code, businessDay.toString(Qt::ISODate), sequence, isoUtc(at), by,
         station.isEmpty() ? QVariant() : QVariant(station)},
        QStringLiteral("opening return ticket %1").arg(code));
    if (!r)
        return std::unexpected(r.error());
    ReturnRow t;
    t.id = r->lastInsertId().toLongLong();
    t.code = code;
    t.openedAt = at;
    t.openedBy = by;
    t.station = station;
    return t;
}

Result<bool> ReturnRepository::hasLine(qint64 ticketId, const QString &parentCode)
{
    auto r = m_sql.run(
        QStringLiteral("SELECT 1 FROM return_lines WHERE ticket_id = ? AND parent_code = ?"),
        {ticketId, parentCode}, QStringLiteral("looking up a return line"));
    if (!r)
        return std::unexpected(r.error());
    return r->next();
}

Result<void> ReturnRepository::addLine(qint64 ticketId, const ReturnLine &l)
{
    if (auto r = done(m_sql.run(
            QStringLiteral(
                "INSERT INTO return_lines(ticket_id, parent_code, bill_code, child_count, "
                "weight_g, returned_at, returned_by) VALUES (?, ?, ?, ?, ?, ?, ?)"),
            {ticketId, l.parentCode, l.billId, l.childCount, l.weightG, isoUtc(l.returnedAt),
             l.returnedBy},
            QStringLiteral("recording a returned parent")));
        !r)
        return r;
    return done(m_sql.run(
        QStringLiteral("UPDATE return_tickets SET parent_count = parent_count + 1, weight_g = "
                       "weight_g + ? WHERE id = ?"),
        {l.weightG, ticketId}, QStringLiteral("updating a return ticket's totals")));
}

Result<void> ReturnRepository::close(qint64 ticketId, ReturnStatus status, const QDateTime &at,
                                     const QString &by)
{
    return done(m_sql.run(
        QStringLiteral(
            "UPDATE return_tickets SET status = ?, closed_at = ?, closed_by = ? WHERE id = ?"),
        {returnStatusName(status), isoUtc(at), by, ticketId},
        QStringLiteral("closing a return ticket")));
}

Result<QList<ReturnLine>> ReturnRepository::lines(qint64 ticketId)
{
    auto r = m_sql.run(
        QStringLiteral(
            "SELECT parent_code, bill_code, child_count, weight_g, returned_at, returned_by "
            "FROM return_lines WHERE ticket_id = ? ORDER BY id"),
        {ticketId}, QStringLiteral("listing a return ticket's parents"));
    if (!r)
        return std::unexpected(r.error());
    QList<ReturnLine> out;
    while (r->next())
        out.append(ReturnLine{r->text(0), r->text(1), int(r->number(2)), r->number(3),
                              fromIsoUtc(r->text(4)), r->text(5)});
    return out;
}

Result<QList<ReturnRow>> ReturnRepository::list(const ReturnListFilter &f)
{
    const QString status = f.status ? returnStatusName(*f.status) : QString();
    auto r = m_sql.run(
        QStringLiteral("SELECT ") + kColumns +
            QStringLiteral(
                " FROM return_tickets t WHERE (? = '' OR t.status = ?) ORDER BY t.id DESC "
                "LIMIT ?"),
        {status, status, f.limit}, QStringLiteral("listing return tickets"));
    if (!r)
        return std::unexpected(r.error());
    QList<ReturnRow> out;
    while (r->next())
        out.append(readTicket(*r));
    return out;
}

} // namespace tt
