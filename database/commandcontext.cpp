#include "database/commandcontext.h"

#include "core/codenormalizer.h"

namespace tt {

Result<void> CommandContext::recordScan(const QString &code, const QString &action, const QString &parent,
                                        const QString &bill)
{
    if (auto r = repo.history.recordScan(ScanRecord{at(), user(), station(), code, action, parent, bill, commandId()});
        !r)
        return r;
    if (auto r = repo.statistics.addToTotal(QStringLiteral("scans"), 1); !r)
        return r;
    const QDate day = at().toUTC().date();
    if (auto r = repo.statistics.addToDaily(day, station(), QStringLiteral("scans"), 1); !r)
        return r;
    return repo.statistics.addToDaily(day, station(), QStringLiteral("scans.") + action, 1);
}

Result<void> CommandContext::audit(const QString &action, const QString &entity, const QString &entityId,
                                   const QJsonObject &before, const QJsonObject &after)
{
    QJsonObject a = after;
    if (!a.isEmpty())
        a.insert(QStringLiteral("command_id"), commandId());
    return repo.history.audit(AuditRecord{at(), user(), station(), action, entity, entityId, before, a});
}

Result<QString> bagCodeFrom(const QString &raw)
{
    const QString code = normalizeBagCode(raw);
    if (code.isEmpty() || code.size() > kMaxCodeLength || hasNonAsciiCharacters(code))
        return fail(Reason::InvalidCode, QStringLiteral("\"%1\" is not a bag code.").arg(code.left(60)));
    return code;
}

void describeParent(Outcome &o, const BagRow &p)
{
    o.parent = p.code;
    o.children = p.childCount;
    o.capacity = p.capacity;
}

void describeBill(Outcome &o, const BillRow &b)
{
    o.bill = b.code;
    o.billStatus = b.status;
    o.billParents = b.parentCount;
    o.billCapacity = b.capacity;
    o.actualWeightG = b.actualWeightG;
    o.expectedWeightG = b.expectedWeightG;
}

Result<BagType> classifyNewBag(const BagTypeSet &types, const QString &code, BagRole wanted)
{
    const auto type = types.classify(code);
    if (!type)
        return fail(Reason::InvalidCode, QStringLiteral("%1 matches no bag type.").arg(code));
    if (type->role != wanted)
        return fail(Reason::WrongRole, QStringLiteral("%1 is a %2 code and cannot be used as a %3.")
                                           .arg(code, bagRoleName(type->role), bagRoleName(wanted)));
    return *type;
}

Result<BagRow> createBag(CommandContext &ctx, const QString &code, const BagType &type,
                         std::optional<qint64> measuredWeightG)
{
    auto bag = ctx.repo.bags.insert(NewBag{code, type, measuredWeightG, ctx.at(), ctx.user(), ctx.station()});
    if (!bag)
        return bag;
    const bool parent = type.role == BagRole::Parent;
    if (auto r = ctx.repo.statistics.addToTotal(parent ? QStringLiteral("parents") : QStringLiteral("children"), 1);
        !r)
        return std::unexpected(r.error());
    QJsonObject after{{QStringLiteral("code"), code},
                      {QStringLiteral("type"), type.name},
                      {QStringLiteral("role"), bagRoleName(type.role)}};
    if (measuredWeightG)
        after.insert(QStringLiteral("measured_weight_g"), double(*measuredWeightG));
    if (auto r = ctx.audit(QStringLiteral("bag.create"), QStringLiteral("bag"), code, {}, after); !r)
        return std::unexpected(r.error());
    return bag;
}

Result<std::optional<BillRow>> changeContents(CommandContext &ctx, BagRow &parent, int deltaCount,
                                              qint64 deltaWeightG)
{
    if (auto r = ctx.repo.bags.adjustContents(parent.id, deltaCount, deltaWeightG); !r)
        return std::unexpected(r.error());
    parent.childCount += deltaCount;
    parent.contentsWeightG += deltaWeightG;
    auto bill = ctx.repo.bills.findOfParent(parent.id);
    if (!bill)
        return std::unexpected(bill.error());
    if (*bill && deltaWeightG != 0) {
        if (auto r = ctx.repo.bills.adjustTotals((*bill)->id, 0, deltaWeightG, 0); !r)
            return std::unexpected(r.error());
        (*bill)->actualWeightG += deltaWeightG;
    }
    return *bill;
}

} // namespace tt
