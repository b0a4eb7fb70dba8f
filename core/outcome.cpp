#include "core/outcome.h"

namespace tt {

QString resultKindName(ResultKind kind)
{
    switch (kind) {
    case ResultKind::Ok:
        return QStringLiteral("ok");
    case ResultKind::Duplicate:
        return QStringLiteral("duplicate");
    case ResultKind::Rejected:
        return QStringLiteral("rejected");
    case ResultKind::Queued:
        return QStringLiteral("queued");
    }
    Q_UNREACHABLE();
    return {};
}

Outcome Outcome::rejected(const Error &error, const QString &code)
{
    Outcome o;
    o.result = ResultKind::Rejected;
    o.reason = error.reason;
    o.message = error.message;
    o.code = code;
    return o;
}

QJsonObject Outcome::toJson() const
{
    QJsonObject o{
        {QStringLiteral("code"), code},
        {QStringLiteral("result"), resultKindName(result)},
        {QStringLiteral("reason"), reasonName(reason)},
        {QStringLiteral("message"), message},
        {QStringLiteral("parent"), parent.isEmpty() ? QJsonValue() : QJsonValue(parent)},
        {QStringLiteral("children"), children},
        {QStringLiteral("capacity"), capacity},
        {QStringLiteral("parent_full"), parentFull()},
    };
    if (!bill.isEmpty()) {
        o.insert(QStringLiteral("bill"), bill);
        o.insert(QStringLiteral("bill_status"), billStatusName(billStatus));
        o.insert(QStringLiteral("bill_parents"), billParents);
        o.insert(QStringLiteral("bill_capacity"), billCapacity);
        o.insert(QStringLiteral("actual_weight_g"), double(actualWeightG));
        o.insert(QStringLiteral("expected_weight_g"), double(expectedWeightG));
        o.insert(QStringLiteral("variance_g"), double(actualWeightG - expectedWeightG));
    }
    if (!ticket.isEmpty())
        o.insert(QStringLiteral("ticket"), ticket);
    if (!commandId.isNull())
        o.insert(QStringLiteral("command_id"), commandId.toString(QUuid::WithoutBraces));
    return o;
}

namespace {

QString textOf(const QJsonValue &v)
{
    return v.isString() ? v.toString() : QString();
}

} // namespace

Outcome Outcome::fromJson(const QJsonObject &o)
{
    Outcome out;
    const QString result = o.value(QStringLiteral("result")).toString();
    out.result = result == u"ok"          ? ResultKind::Ok
                 : result == u"duplicate" ? ResultKind::Duplicate
                 : result == u"queued"    ? ResultKind::Queued
                                          : ResultKind::Rejected;
    out.reason = reasonFromName(o.value(QStringLiteral("reason")).toString())
                     .value_or(out.result == ResultKind::Rejected ? Reason::DatabaseError : Reason::None);
    out.message = o.value(QStringLiteral("message")).toString();
    out.code = textOf(o.value(QStringLiteral("code")));
    out.parent = textOf(o.value(QStringLiteral("parent")));
    out.children = o.value(QStringLiteral("children")).toInt();
    out.capacity = o.value(QStringLiteral("capacity")).toInt();
    out.bill = textOf(o.value(QStringLiteral("bill")));
    out.billStatus = billStatusFromName(o.value(QStringLiteral("bill_status")).toString()).value_or(BillStatus::Open);
    out.billParents = o.value(QStringLiteral("bill_parents")).toInt();
    out.billCapacity = o.value(QStringLiteral("bill_capacity")).toInt();
    out.actualWeightG = qint64(o.value(QStringLiteral("actual_weight_g")).toDouble());
    out.expectedWeightG = qint64(o.value(QStringLiteral("expected_weight_g")).toDouble());
    out.ticket = textOf(o.value(QStringLiteral("ticket")));
    out.commandId = QUuid::fromString(o.value(QStringLiteral("command_id")).toString());
    return out;
}

} // namespace tt
