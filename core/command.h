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
// Admin data (BRIEF §3.5: bag types, areas, stations). An unset optional keeps the value; a type
// or area in use is deactivated, not deleted.
struct AddBagType
{
    QString name;
    QString role; // "parent" or "child"
    QString pattern;
    qint64 capacity = 0;
    qint64 nominalWeightG = 0;
    qint64 expectedWeightG = 0;
    bool operator==(const AddBagType &) const = default;
};
struct SetBagType
{
    QString name;
    std::optional<QString> pattern;
    std::optional<qint64> capacity;
    std::optional<qint64> nominalWeightG;
    std::optional<qint64> expectedWeightG;
    std::optional<bool> active;
    bool operator==(const SetBagType &) const = default;
};
struct DeleteBagType { QString name; bool operator==(const DeleteBagType &) const = default; };
struct AddArea { QString name; bool operator==(const AddArea &) const = default; };
struct SetArea
{
    QString name;
    std::optional<QString> newName;
    std::optional<bool> active;
    bool operator==(const SetArea &) const = default;
};
struct DeleteArea { QString name; bool operator==(const DeleteArea &) const = default; };
struct AddStation { QString stationId; QString area; bool operator==(const AddStation &) const = default; };
struct SetStation
{
    QString stationId;
    std::optional<QString> area;
    std::optional<bool> active;
    bool operator==(const SetStation &) const = default;
};
} // namespace cmd

using CommandBody = std::variant<cmd::SelectParent, cmd::LinkChild, cmd::UndoLastLink, cmd::MoveChild,
                                 cmd::DeleteBag, cmd::CreateBill, cmd::AddParentToBill,
                                 cmd::RemoveParentFromBill, cmd::CompleteBill, cmd::ReopenBill,
                                 cmd::SetBillCapacity, cmd::DeleteBill, cmd::RegisterBag,
                                 cmd::RecordWeight, cmd::OpenReturn, cmd::ReturnParent, cmd::FinaliseReturn,
                                 cmd::CancelReturn, cmd::AddBagType, cmd::SetBagType, cmd::DeleteBagType,
                                 cmd::AddArea, cmd::SetArea, cmd::DeleteArea, cmd::AddStation, cmd::SetStation>;

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
