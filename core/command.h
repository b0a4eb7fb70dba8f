#pragma once

#include <QDateTime>
#include <QJsonObject>
#include <QString>
#include <QUuid>

#include <optional>
#include <variant>

#include "core/error.h"
#include "core/role.h"

namespace tt {

class Clock;

// Who acts: resolved from a login, never from input.
struct Actor
{
    QString user;
    Role role = Role::Dispatcher;
};

// Every command has a UUID, an actor, a station and a time (BRIEF §5).
struct CommandMeta
{
    QUuid id;
    Actor actor;
    QString station;
    QDateTime at; // UTC
};

namespace cmd {
struct SelectParent { QString code; std::optional<qint64> measuredWeightG; };
struct LinkChild { QString parentCode; QString childCode; std::optional<qint64> measuredWeightG; };
struct UndoLastLink {};
struct MoveChild { QString childCode; QString toParentCode; };
struct DeleteBag { QString code; };
struct CreateBill { QString billId; qint64 capacity = 0; };
struct AddParentToBill { QString billId; QString parentCode; };
struct RemoveParentFromBill { QString billId; QString parentCode; };
struct CompleteBill { QString billId; };
struct ReopenBill { QString billId; };
struct SetBillCapacity { QString billId; qint64 capacity = 0; };
struct DeleteBill { QString billId; };
// Creates a bag of the type its code classifies as, if it does not exist (import, labels).
struct RegisterBag { QString code; std::optional<qint64> measuredWeightG; };
// A scale reading: the measured gross weight of a parent bag (parentCode) or of a bill (billId);
// exactly one of them is set.
struct RecordWeight { QString parentCode; QString billId; qint64 grams = 0; };
// Returns (BRIEF §3.4): the store numbers a new ticket RTN-YYYYMMDD-NNNN (the outcome's ticket).
struct OpenReturn {};
struct ReturnParent { QString ticketId; QString parentCode; };
struct FinaliseReturn { QString ticketId; };
struct CancelReturn { QString ticketId; };
} // namespace cmd

using CommandBody = std::variant<cmd::SelectParent, cmd::LinkChild, cmd::UndoLastLink, cmd::MoveChild,
                                 cmd::DeleteBag, cmd::CreateBill, cmd::AddParentToBill,
                                 cmd::RemoveParentFromBill, cmd::CompleteBill, cmd::ReopenBill,
                                 cmd::SetBillCapacity, cmd::DeleteBill, cmd::RegisterBag,
                                 cmd::RecordWeight, cmd::OpenReturn, cmd::ReturnParent, cmd::FinaliseReturn,
                                 cmd::CancelReturn>;

struct Command
{
    CommandMeta meta;
    CommandBody body;
};

// A new command with a fresh UUID and the clock's time.
Command makeCommand(const Actor &actor, const QString &station, const Clock &clock, CommandBody body);

// "select_parent", "link_child", "undo", "move_child", … (command_log.kind, audit, outbox).
QString commandKind(const CommandBody &body);
Permission requiredPermission(const CommandBody &body);

// Lossless JSON form for the command log and the offline outbox.
QJsonObject commandToJson(const Command &command);
Result<Command> commandFromJson(const QJsonObject &json);

// ISO 8601 UTC with milliseconds, the one text form of times in the databases and JSON.
QString isoUtc(const QDateTime &t);
QDateTime fromIsoUtc(const QString &text);

} // namespace tt
