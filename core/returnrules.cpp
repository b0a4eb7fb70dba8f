#include "core/returnrules.h"

#include "core/codenormalizer.h"

#include <QRegularExpression>

namespace tt {

QString returnStatusName(ReturnStatus status)
{
    switch (status) {
    case ReturnStatus::Open:
        return QStringLiteral("open");
    case ReturnStatus::Finalised:
        return QStringLiteral("finalised");
    case ReturnStatus::Cancelled:
        return QStringLiteral("cancelled");
    }
    Q_UNREACHABLE();
    return {};
}

std::optional<ReturnStatus> returnStatusFromName(QStringView name)
{
    for (const ReturnStatus s :
         {ReturnStatus::Open, ReturnStatus::Finalised, ReturnStatus::Cancelled}) {
        if (name == returnStatusName(s))
            return s;
    }
    return std::nullopt;
}

QDate businessDay(const QDateTime &at, const QTimeZone &zone)
{
    return zone.isValid() ? at.toTimeZone(zone).date() : at.toUTC().date();
}

Result<QString> returnTicketId(QDate day, int sequence)
{
    if (sequence < 1 || sequence > kMaxReturnsPerDay)
        return fail(
            Reason::InvalidInput,
            QStringLiteral("%1 already has %2 return tickets; no more can be opened that day.")
                .arg(day.toString(Qt::ISODate))
                .arg(kMaxReturnsPerDay));
    return QStringLiteral("RTN-%1-%2")
        .arg(day.toString(QStringLiteral("yyyyMMdd")))
        .arg(sequence, 4, 10, QLatin1Char('0'));
}

Result<QString> normalizeReturnId(QStringView raw)
{
    static const QRegularExpression form(QStringLiteral("^RTN-(\\d{8})-(\\d{4})$"));
    const QString id = normalizeBagCode(raw);
    const auto m = form.match(id);
    if (!m.hasMatch() || !QDate::fromString(m.captured(1), QStringLiteral("yyyyMMdd")).isValid() ||
        m.captured(2) == u"0000")
        return fail(Reason::InvalidReturnId,
                    QStringLiteral("\"%1\" is not a return ticket id: use RTN-YYYYMMDD-NNNN.")
                        .arg(id.left(60)));
    return id;
}

namespace {

Error unknownReturn()
{
    return Error{Reason::UnknownReturn, QStringLiteral("There is no such return ticket.")};
}

Result<void> checkOpen(const std::optional<ReturnFacts> &ticket)
{
    if (!ticket)
        return std::unexpected(unknownReturn());
    if (ticket->status != ReturnStatus::Open)
        return fail(Reason::ReturnNotOpen,
                    QStringLiteral("Return ticket %1 is %2; it cannot change.")
                        .arg(ticket->id, returnStatusName(ticket->status)));
    return {};
}

} // namespace

Result<void> decideReturnParent(const ReturnParentInput &in)
{
    if (auto ok = checkOpen(in.ticket); !ok)
        return ok;
    if (!in.parentRole)
        return fail(Reason::UnknownBag,
                    QStringLiteral("There is no parent bag %1.").arg(in.parentCode));
    if (*in.parentRole != BagRole::Parent)
        return fail(
            Reason::WrongRole,
            QStringLiteral("%1 is a child bag; only parent bags are returned.").arg(in.parentCode));
    if (in.onThisTicket)
        return fail(
            Reason::AlreadyReturned,
            QStringLiteral("%1 is already on return ticket %2.").arg(in.parentCode, in.ticket->id));
    if (in.parentBillId.isEmpty())
        return fail(
            Reason::NotOnAnyBill,
            QStringLiteral("%1 is not on any bill; only billed parent bags can be returned.")
                .arg(in.parentCode));
    return {};
}

Result<void> decideFinaliseReturn(const std::optional<ReturnFacts> &ticket)
{
    if (auto ok = checkOpen(ticket); !ok)
        return ok;
    if (ticket->parentCount < 1)
        return fail(Reason::ReturnEmpty,
                    QStringLiteral(
                        "Return ticket %1 has no bags: scan at least one parent bag, or cancel it.")
                        .arg(ticket->id));
    return {};
}

Result<void> decideCancelReturn(const std::optional<ReturnFacts> &ticket)
{
    return checkOpen(ticket);
}

} // namespace tt
