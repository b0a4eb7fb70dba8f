#pragma once

#include <QJsonObject>
#include <QString>
#include <QUuid>

#include "core/billrules.h"
#include "core/error.h"

namespace tt {

enum class ResultKind { Ok, Duplicate, Rejected, Queued };

QString resultKindName(ResultKind kind); // "ok", "duplicate", "rejected", "queued"

// What a command did, with the context the station shows (BRIEF §9 station JSON).
struct Outcome
{
    QUuid commandId;
    ResultKind result = ResultKind::Rejected;
    Reason reason = Reason::None;
    QString message;
    QString code; // the code the command was about

    // The parent in question (current parent at a dispatch station).
    QString parent;
    int children = 0;
    int capacity = 0;

    // The bill in question, when there is one.
    QString bill;
    BillStatus billStatus = BillStatus::Open;
    int billParents = 0;
    int billCapacity = 0;
    qint64 actualWeightG = 0;
    qint64 expectedWeightG = 0;

    // The return ticket in question (BRIEF §3.4), when there is one.
    QString ticket;

    bool ok() const { return result == ResultKind::Ok; }
    bool parentFull() const { return capacity > 0 && children >= capacity; }

    static Outcome rejected(const Error &error, const QString &code = {});

    // code, result, reason, message, parent, children, capacity, parent_full and, when a bill is
    // in question, bill, bill_status, bill_parents, bill_capacity, actual_weight_g,
    // expected_weight_g, variance_g; ticket when a return ticket is in question.
    QJsonObject toJson() const;
    // The inverse of toJson (also the central functions' answers); an unknown reason of a
    // rejection reads as database_error.
    static Outcome fromJson(const QJsonObject &json);
};

} // namespace tt
