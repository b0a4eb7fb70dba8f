#include "core/command.h"

#include "core/clock.h"

namespace tt {

namespace {

template<class... Ts>
struct Overloaded : Ts...
{
    using Ts::operator()...;
};

QJsonValue optionalWeight(const std::optional<qint64> &w)
{
    return w ? QJsonValue(double(*w)) : QJsonValue();
}

std::optional<qint64> weightFrom(const QJsonValue &v)
{
    if (v.isDouble())
        return qint64(v.toDouble());
    return std::nullopt;
}

QJsonValue optionalText(const std::optional<QString> &t)
{
    return t ? QJsonValue(*t) : QJsonValue();
}

std::optional<QString> textFrom(const QJsonValue &v)
{
    return v.isString() ? std::optional<QString>(v.toString()) : std::nullopt;
}

QJsonValue optionalFlag(const std::optional<bool> &b)
{
    return b ? QJsonValue(*b) : QJsonValue();
}

std::optional<bool> flagFrom(const QJsonValue &v)
{
    return v.isBool() ? std::optional<bool>(v.toBool()) : std::nullopt;
}

} // namespace

Command makeCommand(const Actor &actor, const QString &station, const Clock &clock, CommandBody body)
{
    return Command{CommandMeta{QUuid::createUuid(), actor, station, clock.now()}, std::move(body)};
}

QString commandKind(const CommandBody &body)
{
    return std::visit(
        Overloaded{
            [](const cmd::SelectParent &) { return QStringLiteral("select_parent"); },
            [](const cmd::LinkChild &) { return QStringLiteral("link_child"); },
            [](const cmd::UndoLastLink &) { return QStringLiteral("undo"); },
            [](const cmd::MoveChild &) { return QStringLiteral("move_child"); },
            [](const cmd::DeleteBag &) { return QStringLiteral("delete_bag"); },
            [](const cmd::CreateBill &) { return QStringLiteral("create_bill"); },
            [](const cmd::AddParentToBill &) { return QStringLiteral("add_parent_to_bill"); },
            [](const cmd::RemoveParentFromBill &) { return QStringLiteral("remove_parent_from_bill"); },
            [](const cmd::CompleteBill &) { return QStringLiteral("complete_bill"); },
            [](const cmd::ReopenBill &) { return QStringLiteral("reopen_bill"); },
            [](const cmd::SetBillCapacity &) { return QStringLiteral("set_bill_capacity"); },
            [](const cmd::DeleteBill &) { return QStringLiteral("delete_bill"); },
            [](const cmd::RegisterBag &) { return QStringLiteral("register_bag"); },
            [](const cmd::RecordWeight &) { return QStringLiteral("record_weight"); },
            [](const cmd::OpenReturn &) { return QStringLiteral("open_return"); },
            [](const cmd::ReturnParent &) { return QStringLiteral("return_parent"); },
            [](const cmd::FinaliseReturn &) { return QStringLiteral("finalise_return"); },
            [](const cmd::CancelReturn &) { return QStringLiteral("cancel_return"); },
            [](const cmd::AddBagType &) { return QStringLiteral("add_bag_type"); },
            [](const cmd::SetBagType &) { return QStringLiteral("set_bag_type"); },
            [](const cmd::DeleteBagType &) { return QStringLiteral("delete_bag_type"); },
            [](const cmd::AddArea &) { return QStringLiteral("add_area"); },
            [](const cmd::SetArea &) { return QStringLiteral("set_area"); },
            [](const cmd::DeleteArea &) { return QStringLiteral("delete_area"); },
            [](const cmd::AddStation &) { return QStringLiteral("add_station"); },
            [](const cmd::SetStation &) { return QStringLiteral("set_station"); },
        },
        body);
}

Permission requiredPermission(const CommandBody &body)
{
    return std::visit(Overloaded{
                          [](const cmd::SelectParent &) { return Permission::Scan; },
                          [](const cmd::LinkChild &) { return Permission::Scan; },
                          [](const cmd::UndoLastLink &) { return Permission::Scan; },
                          [](const cmd::MoveChild &) { return Permission::MoveChild; },
                          [](const cmd::DeleteBag &) { return Permission::MoveChild; },
                          [](const cmd::DeleteBill &) { return Permission::DeleteBill; },
                          [](const cmd::RegisterBag &) { return Permission::Scan; },
                          [](const cmd::RecordWeight &) { return Permission::Scan; },
                          [](const cmd::OpenReturn &) { return Permission::Returns; },
                          [](const cmd::ReturnParent &) { return Permission::Returns; },
                          [](const cmd::FinaliseReturn &) { return Permission::Returns; },
                          [](const cmd::CancelReturn &) { return Permission::Returns; },
                          // BRIEF §3.5: "delete bill, edit bag types, areas, stations" is one row.
                          [](const cmd::AddBagType &) { return Permission::DeleteBill; },
                          [](const cmd::SetBagType &) { return Permission::DeleteBill; },
                          [](const cmd::DeleteBagType &) { return Permission::DeleteBill; },
                          [](const cmd::AddArea &) { return Permission::DeleteBill; },
                          [](const cmd::SetArea &) { return Permission::DeleteBill; },
                          [](const cmd::DeleteArea &) { return Permission::DeleteBill; },
                          [](const cmd::AddStation &) { return Permission::DeleteBill; },
                          [](const cmd::SetStation &) { return Permission::DeleteBill; },
                          [](const auto &) { return Permission::ManageBills; },
                      },
                      body);
}

QJsonObject commandToJson(const Command &c)
{
    QJsonObject o{
        {QStringLiteral("id"), c.meta.id.toString(QUuid::WithoutBraces)},
        {QStringLiteral("actor"), c.meta.actor.user},
        {QStringLiteral("role"), roleName(c.meta.actor.role)},
        {QStringLiteral("station"), c.meta.station},
        {QStringLiteral("at"), isoUtc(c.meta.at)},
        {QStringLiteral("kind"), commandKind(c.body)},
    };
    std::visit(Overloaded{
                   [&](const cmd::SelectParent &b) {
                       o.insert(QStringLiteral("code"), b.code);
                       o.insert(QStringLiteral("measured_weight_g"), optionalWeight(b.measuredWeightG));
                   },
                   [&](const cmd::LinkChild &b) {
                       o.insert(QStringLiteral("parent"), b.parentCode);
                       o.insert(QStringLiteral("child"), b.childCode);
                       o.insert(QStringLiteral("measured_weight_g"), optionalWeight(b.measuredWeightG));
                   },
                   [&](const cmd::UndoLastLink &) {},
                   [&](const cmd::MoveChild &b) {
                       o.insert(QStringLiteral("child"), b.childCode);
                       o.insert(QStringLiteral("parent"), b.toParentCode);
                   },
                   [&](const cmd::DeleteBag &b) { o.insert(QStringLiteral("code"), b.code); },
                   [&](const cmd::CreateBill &b) {
                       o.insert(QStringLiteral("bill"), b.billId);
                       o.insert(QStringLiteral("capacity"), double(b.capacity));
                   },
                   [&](const cmd::AddParentToBill &b) {
                       o.insert(QStringLiteral("bill"), b.billId);
                       o.insert(QStringLiteral("parent"), b.parentCode);
                   },
                   [&](const cmd::RemoveParentFromBill &b) {
                       o.insert(QStringLiteral("bill"), b.billId);
                       o.insert(QStringLiteral("parent"), b.parentCode);
                   },
                   [&](const cmd::CompleteBill &b) { o.insert(QStringLiteral("bill"), b.billId); },
                   [&](const cmd::ReopenBill &b) { o.insert(QStringLiteral("bill"), b.billId); },
                   [&](const cmd::SetBillCapacity &b) {
                       o.insert(QStringLiteral("bill"), b.billId);
                       o.insert(QStringLiteral("capacity"), double(b.capacity));
                   },
                   [&](const cmd::DeleteBill &b) { o.insert(QStringLiteral("bill"), b.billId); },
                   [&](const cmd::RegisterBag &b) {
                       o.insert(QStringLiteral("code"), b.code);
                       o.insert(QStringLiteral("measured_weight_g"), optionalWeight(b.measuredWeightG));
                   },
                   [&](const cmd::RecordWeight &b) {
                       o.insert(QStringLiteral("parent"), b.parentCode);
                       o.insert(QStringLiteral("bill"), b.billId);
                       o.insert(QStringLiteral("grams"), double(b.grams));
                   },
                   [&](const cmd::OpenReturn &) {},
                   [&](const cmd::ReturnParent &b) {
                       o.insert(QStringLiteral("ticket"), b.ticketId);
                       o.insert(QStringLiteral("parent"), b.parentCode);
                   },
                   [&](const cmd::FinaliseReturn &b) { o.insert(QStringLiteral("ticket"), b.ticketId); },
                   [&](const cmd::CancelReturn &b) { o.insert(QStringLiteral("ticket"), b.ticketId); },
                   [&](const cmd::AddBagType &b) {
                       o.insert(QStringLiteral("name"), b.name);
                       o.insert(QStringLiteral("bag_role"), b.role);
                       o.insert(QStringLiteral("pattern"), b.pattern);
                       o.insert(QStringLiteral("capacity"), double(b.capacity));
                       o.insert(QStringLiteral("nominal_weight_g"), double(b.nominalWeightG));
                       o.insert(QStringLiteral("expected_weight_g"), double(b.expectedWeightG));
                   },
                   [&](const cmd::SetBagType &b) {
                       o.insert(QStringLiteral("name"), b.name);
                       o.insert(QStringLiteral("pattern"), optionalText(b.pattern));
                       o.insert(QStringLiteral("capacity"), optionalWeight(b.capacity));
                       o.insert(QStringLiteral("nominal_weight_g"), optionalWeight(b.nominalWeightG));
                       o.insert(QStringLiteral("expected_weight_g"), optionalWeight(b.expectedWeightG));
                       o.insert(QStringLiteral("active"), optionalFlag(b.active));
                   },
                   [&](const cmd::DeleteBagType &b) { o.insert(QStringLiteral("name"), b.name); },
                   [&](const cmd::AddArea &b) { o.insert(QStringLiteral("name"), b.name); },
                   [&](const cmd::SetArea &b) {
                       o.insert(QStringLiteral("name"), b.name);
                       o.insert(QStringLiteral("new_name"), optionalText(b.newName));
                       o.insert(QStringLiteral("active"), optionalFlag(b.active));
                   },
                   [&](const cmd::DeleteArea &b) { o.insert(QStringLiteral("name"), b.name); },
                   [&](const cmd::AddStation &b) {
                       o.insert(QStringLiteral("station_id"), b.stationId);
                       o.insert(QStringLiteral("area"), b.area);
                   },
                   [&](const cmd::SetStation &b) {
                       o.insert(QStringLiteral("station_id"), b.stationId);
                       o.insert(QStringLiteral("area"), optionalText(b.area));
                       o.insert(QStringLiteral("active"), optionalFlag(b.active));
                   },
               },
               c.body);
    return o;
}

Result<Command> commandFromJson(const QJsonObject &o)
{
    Command c;
    c.meta.id = QUuid::fromString(o.value(QStringLiteral("id")).toString());
    const auto role = roleFromName(o.value(QStringLiteral("role")).toString());
    c.meta.at = fromIsoUtc(o.value(QStringLiteral("at")).toString());
    if (c.meta.id.isNull() || !role || !c.meta.at.isValid())
        return fail(Reason::InvalidInput, QStringLiteral("A stored command lacks its id, role or time."));
    c.meta.actor = Actor{o.value(QStringLiteral("actor")).toString(), *role};
    c.meta.station = o.value(QStringLiteral("station")).toString();
    const QString kind = o.value(QStringLiteral("kind")).toString();
    const auto s = [&](const char *key) { return o.value(QLatin1String(key)).toString(); };
    const auto n = [&](const char *key) { return qint64(o.value(QLatin1String(key)).toDouble()); };
    const auto w = weightFrom(o.value(QStringLiteral("measured_weight_g")));
    if (kind == u"select_parent")
        c.body = cmd::SelectParent{s("code"), w};
    else if (kind == u"link_child")
        c.body = cmd::LinkChild{s("parent"), s("child"), w};
    else if (kind == u"undo")
        c.body = cmd::UndoLastLink{};
    else if (kind == u"move_child")
        c.body = cmd::MoveChild{s("child"), s("parent")};
    else if (kind == u"delete_bag")
        c.body = cmd::DeleteBag{s("code")};
    else if (kind == u"create_bill")
        c.body = cmd::CreateBill{s("bill"), n("capacity")};
    else if (kind == u"add_parent_to_bill")
        c.body = cmd::AddParentToBill{s("bill"), s("parent")};
    else if (kind == u"remove_parent_from_bill")
        c.body = cmd::RemoveParentFromBill{s("bill"), s("parent")};
    else if (kind == u"complete_bill")
        c.body = cmd::CompleteBill{s("bill")};
    else if (kind == u"reopen_bill")
        c.body = cmd::ReopenBill{s("bill")};
    else if (kind == u"set_bill_capacity")
        c.body = cmd::SetBillCapacity{s("bill"), n("capacity")};
    else if (kind == u"delete_bill")
        c.body = cmd::DeleteBill{s("bill")};
    else if (kind == u"register_bag")
        c.body = cmd::RegisterBag{s("code"), w};
    else if (kind == u"record_weight")
        c.body = cmd::RecordWeight{s("parent"), s("bill"), n("grams")};
    else if (kind == u"open_return")
        c.body = cmd::OpenReturn{};
    else if (kind == u"return_parent")
        c.body = cmd::ReturnParent{s("ticket"), s("parent")};
    else if (kind == u"finalise_return")
        c.body = cmd::FinaliseReturn{s("ticket")};
    else if (kind == u"cancel_return")
        c.body = cmd::CancelReturn{s("ticket")};
    else if (kind == u"add_bag_type")
        c.body = cmd::AddBagType{s("name"), s("bag_role"), s("pattern"), n("capacity"), n("nominal_weight_g"),
                                 n("expected_weight_g")};
    else if (kind == u"set_bag_type")
        c.body = cmd::SetBagType{s("name"), textFrom(o.value(QStringLiteral("pattern"))),
                                 weightFrom(o.value(QStringLiteral("capacity"))),
                                 weightFrom(o.value(QStringLiteral("nominal_weight_g"))),
                                 weightFrom(o.value(QStringLiteral("expected_weight_g"))),
                                 flagFrom(o.value(QStringLiteral("active")))};
    else if (kind == u"delete_bag_type")
        c.body = cmd::DeleteBagType{s("name")};
    else if (kind == u"add_area")
        c.body = cmd::AddArea{s("name")};
    else if (kind == u"set_area")
        c.body = cmd::SetArea{s("name"), textFrom(o.value(QStringLiteral("new_name"))),
                              flagFrom(o.value(QStringLiteral("active")))};
    else if (kind == u"delete_area")
        c.body = cmd::DeleteArea{s("name")};
    else if (kind == u"add_station")
        c.body = cmd::AddStation{s("station_id"), s("area")};
    else if (kind == u"set_station")
        c.body = cmd::SetStation{s("station_id"), textFrom(o.value(QStringLiteral("area"))),
                                 flagFrom(o.value(QStringLiteral("active")))};
    else
        return fail(Reason::InvalidInput, QStringLiteral("Unknown command kind \"%1\".").arg(kind));
    return c;
}

QString isoUtc(const QDateTime &t)
{
    // Formatted from the epoch milliseconds: QDateTime::toString() goes through time-zone code
    // and costs about twenty times more, on every record of every command.
    if (!t.isValid())
        return {};
    const qint64 ms = t.toMSecsSinceEpoch();
    qint64 days = ms / 86'400'000;
    qint64 rest = ms % 86'400'000;
    if (rest < 0) {
        rest += 86'400'000;
        --days;
    }
    const QDate date = QDate(1970, 1, 1).addDays(days);
    const int y = date.year();
    if (y < 0 || y > 9999)
        return t.toUTC().toString(Qt::ISODateWithMs);
    char buf[25];
    const auto put = [&buf](int at, int value, int width) {
        for (int i = width - 1; i >= 0; --i, value /= 10)
            buf[at + i] = char('0' + value % 10);
    };
    put(0, y, 4);
    buf[4] = '-';
    put(5, date.month(), 2);
    buf[7] = '-';
    put(8, date.day(), 2);
    buf[10] = 'T';
    put(11, int(rest / 3'600'000), 2);
    buf[13] = ':';
    put(14, int(rest / 60'000 % 60), 2);
    buf[16] = ':';
    put(17, int(rest / 1000 % 60), 2);
    buf[19] = '.';
    put(20, int(rest % 1000), 3);
    buf[23] = 'Z';
    return QString::fromLatin1(buf, 24);
}

QDateTime fromIsoUtc(const QString &text)
{
    QDateTime t = QDateTime::fromString(text, Qt::ISODateWithMs);
    if (!t.isValid())
        t = QDateTime::fromString(text, Qt::ISODate);
    return t.toUTC();
}

} // namespace tt
