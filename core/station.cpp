#include "core/station.h"

#include "core/billid.h"
#include "core/clock.h"
#include "core/linkrules.h"
#include "core/scaninterpreter.h"
#include "core/store.h"

namespace tt {

Station::Station(Store &store, const Clock &clock, Actor actor, QString stationId)
    : m_store(store)
    , m_clock(clock)
    , m_actor(std::move(actor))
    , m_station(std::move(stationId))
{
}

Result<void> Station::reloadBagTypes()
{
    auto types = m_store.bagTypes();
    if (!types)
        return std::unexpected(types.error());
    m_types = std::move(*types);
    m_typesLoaded = true;
    return {};
}

Outcome Station::scan(QStringView raw)
{
    const InterpretedScan s = interpretScan(raw);
    switch (s.kind) {
    case InterpretedScan::Kind::Invalid:
        return withContext(Outcome::rejected(s.error, s.shown));
    case InterpretedScan::Kind::Command:
        return handleCommandCode(int(s.action), s.argument, s.shown);
    case InterpretedScan::Kind::BagCode:
        break;
    }
    return handleBagCode(s.code, s.measuredWeightG);
}

Outcome Station::handleBagCode(const QString &code, std::optional<qint64> measuredWeightG)
{
    if (!m_typesLoaded) {
        if (auto ok = reloadBagTypes(); !ok)
            return withContext(Outcome::rejected(ok.error(), code));
    }
    const std::optional<BagType> type = m_types.classify(code);
    if (!type)
        return withContext(Outcome::rejected(
            Error{Reason::InvalidCode,
                  QStringLiteral("%1 matches no bag type (for example SB12345, M444-12345 or a child code "
                                 "of 4–20 letters and digits).")
                      .arg(code)},
            code));

    if (!m_bill.isEmpty()) {
        if (type->role != BagRole::Parent)
            return withContext(Outcome::rejected(
                Error{Reason::WrongRole,
                      QStringLiteral("%1 is a child bag; scan parent bags onto bill %2 (TT:DONE leaves bill "
                                     "mode).")
                          .arg(code, m_bill)},
                code));
        return execute(cmd::AddParentToBill{m_bill, code}, code);
    }

    if (type->role == BagRole::Parent) {
        Outcome o = execute(cmd::SelectParent{code, measuredWeightG}, code);
        if (o.ok() || o.result == ResultKind::Queued) { // queued: decided offline, the same for the station
            m_parent = o.parent;
            remember(o);
        }
        return o;
    }

    if (m_parent.isEmpty()) {
        const auto decided = decideLink(LinkInput{std::nullopt, code, std::nullopt, std::nullopt});
        return withContext(Outcome::rejected(decided.error(), code));
    }
    return execute(cmd::LinkChild{m_parent, code, measuredWeightG}, code);
}

Outcome Station::handleCommandCode(int actionValue, const QString &argument, const QString &shown)
{
    using Action = InterpretedScan::Action;
    switch (Action(actionValue)) {
    case Action::Undo: {
        Outcome o = execute(cmd::UndoLastLink{}, shown);
        o.code = shown;
        return o;
    }
    case Action::Done: {
        Outcome o = withContext(Outcome{});
        o.result = ResultKind::Ok;
        o.code = shown;
        if (!m_bill.isEmpty()) {
            o.message = QStringLiteral("Left bill %1 (%2/%3 parent bags).")
                            .arg(m_bill)
                            .arg(m_context.billParents)
                            .arg(m_context.billCapacity);
            leaveBillMode();
            return o;
        }
        if (m_parent.isEmpty())
            return withContext(Outcome::rejected(
                Error{Reason::NoParentSelected, QStringLiteral("No parent bag is selected.")}, shown));
        o.message = QStringLiteral("%1 done with %2/%3 child bags; scan the next parent bag.")
                        .arg(m_parent)
                        .arg(m_context.children)
                        .arg(m_context.capacity);
        m_parent.clear();
        m_context = Outcome{};
        return o;
    }
    case Action::SelectBill:
        return selectBill(argument);
    case Action::CompleteBill:
        if (m_bill.isEmpty())
            return withContext(Outcome::rejected(
                Error{Reason::NoBillSelected,
                      QStringLiteral("No bill is selected; scan TT:BILL:<id> first.")},
                shown));
        {
            Outcome o = execute(cmd::CompleteBill{m_bill}, shown);
            o.code = shown;
            return o;
        }
    case Action::None:
        break;
    }
    return withContext(Outcome::rejected(Error{Reason::InvalidCode, QStringLiteral("Unknown command.")}, shown));
}

Outcome Station::selectBill(const QString &rawId)
{
    const QString shown = QStringLiteral("TT:BILL:") + rawId;
    if (!isAllowed(m_actor.role, Permission::ManageBills))
        return withContext(Outcome::rejected(
            Error{Reason::PermissionDenied,
                  QStringLiteral("%1 (%2) may not work on bills.").arg(m_actor.user, roleName(m_actor.role))},
            shown));
    const auto id = normalizeBillId(rawId);
    if (!id)
        return withContext(Outcome::rejected(id.error(), shown));
    const auto bill = m_store.bill(*id);
    if (!bill)
        return withContext(Outcome::rejected(bill.error(), shown));
    if (!*bill)
        return withContext(Outcome::rejected(
            Error{Reason::UnknownBill, QStringLiteral("There is no bill %1.").arg(*id)}, shown));
    const BillDetails &b = **bill;
    Outcome o;
    o.result = ResultKind::Ok;
    o.code = shown;
    o.bill = b.id;
    o.billStatus = b.status;
    o.billParents = b.parentCount;
    o.billCapacity = b.capacity;
    o.actualWeightG = b.weights.actualG;
    o.expectedWeightG = b.weights.expectedG;
    o.message = QStringLiteral("Bill %1 selected (%2/%3 parent bags); scan parent bags onto it.")
                    .arg(b.id)
                    .arg(b.parentCount)
                    .arg(b.capacity);
    m_bill = b.id;
    m_parent.clear();
    m_context = Outcome{};
    remember(o);
    return o;
}

Outcome Station::recordWeight(qint64 grams)
{
    const QString shown = QStringLiteral("%1 g").arg(grams);
    if (!m_bill.isEmpty())
        return execute(cmd::RecordWeight{{}, m_bill, grams}, shown);
    if (!m_parent.isEmpty())
        return execute(cmd::RecordWeight{m_parent, {}, grams}, shown);
    return withContext(Outcome::rejected(
        Error{Reason::NoParentSelected, QStringLiteral("Scan a parent bag or select a bill before weighing.")}, shown));
}

void Station::leaveBillMode()
{
    m_bill.clear();
    m_context.bill.clear();
}

Outcome Station::execute(CommandBody body, const QString &code)
{
    const Command command = makeCommand(m_actor, m_station, m_clock, std::move(body));
    Outcome o = m_store.execute(command);
    if (o.code.isEmpty())
        o.code = code;
    remember(o);
    return withContext(std::move(o));
}

void Station::remember(const Outcome &o)
{
    if (!o.parent.isEmpty() && o.parent == m_parent) {
        m_context.parent = o.parent;
        m_context.children = o.children;
        m_context.capacity = o.capacity;
    }
    if (!o.bill.isEmpty() && o.bill == m_bill) {
        m_context.bill = o.bill;
        m_context.billStatus = o.billStatus;
        m_context.billParents = o.billParents;
        m_context.billCapacity = o.billCapacity;
        m_context.actualWeightG = o.actualWeightG;
        m_context.expectedWeightG = o.expectedWeightG;
    }
}

Outcome Station::withContext(Outcome o) const
{
    if (o.parent.isEmpty() && !m_parent.isEmpty()) {
        o.parent = m_context.parent;
        o.children = m_context.children;
        o.capacity = m_context.capacity;
    }
    if (o.bill.isEmpty() && !m_bill.isEmpty()) {
        o.bill = m_context.bill;
        o.billStatus = m_context.billStatus;
        o.billParents = m_context.billParents;
        o.billCapacity = m_context.billCapacity;
        o.actualWeightG = m_context.actualWeightG;
        o.expectedWeightG = m_context.expectedWeightG;
    }
    return o;
}

} // namespace tt
