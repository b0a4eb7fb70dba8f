#pragma once

#include "core/bagtype.h"
#include "core/error.h"

#include <QDate>
#include <QDateTime>
#include <QString>
#include <QTimeZone>

#include <optional>

namespace tt {

// BRIEF §3.4: a return ticket collects parent bags coming back. Open while bags are scanned,
// then finalised (at least one bag) or cancelled (the bags already returned stay returned).
enum class ReturnStatus { Open, Finalised, Cancelled };

QString returnStatusName(ReturnStatus status); // "open" / "finalised" / "cancelled"
std::optional<ReturnStatus> returnStatusFromName(QStringView name);

// Ticket ids are RTN-YYYYMMDD-NNNN: the business day the ticket was opened and its number that
// day (0001–9999).
constexpr int kMaxReturnsPerDay = 9999;

// The business day of an instant: its calendar date in the business time zone.
QDate businessDay(const QDateTime &at, const QTimeZone &zone);
// "RTN-20240301-0007"; invalid_input when the day already has kMaxReturnsPerDay tickets.
Result<QString> returnTicketId(QDate day, int sequence);
// The id normalised (trimmed, upper case); invalid_return_id unless it has the form above.
Result<QString> normalizeReturnId(QStringView raw);

struct ReturnFacts
{
    QString id;
    ReturnStatus status = ReturnStatus::Open;
    int parentCount = 0;
};

struct ReturnParentInput
{
    std::optional<ReturnFacts> ticket; // absent: unknown ticket
    QString parentCode;
    std::optional<BagRole> parentRole; // absent: unknown bag
    QString parentBillId;              // the bill the parent is on now, empty when none
    bool onThisTicket = false;         // the parent was already returned on this ticket
};

// unknown_return, return_not_open, unknown_bag, wrong_role, already_returned, not_on_any_bill.
// Accepted: the parent leaves its bill (a completed bill reopens) and keeps its children.
Result<void> decideReturnParent(const ReturnParentInput &input);
// unknown_return, return_not_open, return_empty.
Result<void> decideFinaliseReturn(const std::optional<ReturnFacts> &ticket);
// unknown_return, return_not_open.
Result<void> decideCancelReturn(const std::optional<ReturnFacts> &ticket);

} // namespace tt
