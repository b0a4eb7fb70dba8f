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

} // namespace tt
