#include "database/demodata.h"

#include "core/clock.h"
#include "core/command.h"
#include "database/accountservice.h"
#include "database/sqlitestore.h"

namespace tt {

namespace {

Result<void> run(SqliteStore &store, const Actor &actor, const QString &station, CommandBody body)
{
    const Outcome o = store.execute(makeCommand(actor, station, store.clock(), std::move(body)));
    if (o.result == ResultKind::Rejected)
        return fail(o.reason, QStringLiteral("Demo data: %1").arg(o.message));
    return {};
}

} // namespace

Result<void> loadDemoData(SqliteStore &store)
{
    AccountService accounts(store.statements(), store.clock());
    const QString station = QStringLiteral("demo-station-1");
    if (auto r = accounts.initAdmin(QStringLiteral("admin"), demoPassword(), station); !r)
        return r;
    const Actor admin{QStringLiteral("admin"), Role::Admin};
    struct DemoUser { const char *name; Role role; const char *area; };
    for (const DemoUser &u : {DemoUser{"priya", Role::Biller, "Lucknow"}, DemoUser{"ravi", Role::Dispatcher, "Lucknow"},
                              DemoUser{"anita", Role::Dispatcher, "Jaipur"}}) {
        if (auto r = accounts.addUser(admin, station, QString::fromLatin1(u.name), demoPassword(), u.role,
                                      QString::fromLatin1(u.area));
            !r)
            return r;
    }
    const Actor ravi{QStringLiteral("ravi"), Role::Dispatcher};
    const Actor anita{QStringLiteral("anita"), Role::Dispatcher};
    const Actor priya{QStringLiteral("priya"), Role::Biller};
    int child = 1;
    const auto fill = [&](const Actor &who, const QString &parent, int children) -> Result<void> {
        if (auto r = run(store, who, station, cmd::SelectParent{parent, std::nullopt}); !r)
            return r;
        for (int i = 0; i < children; ++i) {
            const QString code = QStringLiteral("C%1").arg(child++, 6, 10, QLatin1Char('0'));
            if (auto r = run(store, who, station, cmd::LinkChild{parent, code, std::nullopt}); !r)
                return r;
        }
        return {};
    };
    for (int p = 1; p <= 4; ++p) {
        if (auto r = fill(p % 2 ? ravi : anita, QStringLiteral("SB%1").arg(p, 5, 10, QLatin1Char('0')), 30); !r)
            return r;
    }
    if (auto r = fill(ravi, QStringLiteral("M444-00001"), 15); !r)
        return r;
    if (auto r = fill(anita, QStringLiteral("SB00005"), 17); !r)
        return r;
    if (auto r = fill(ravi, QStringLiteral("SB00006"), 9); !r)
        return r;
    if (auto r = run(store, priya, station, cmd::CreateBill{QStringLiteral("BILL-2026-0001"), 2}); !r)
        return r;
    for (const char *p : {"SB00001", "SB00002"}) {
        if (auto r = run(store, priya, station, cmd::AddParentToBill{QStringLiteral("BILL-2026-0001"), QString::fromLatin1(p)}); !r)
            return r;
    }
    if (auto r = run(store, priya, station, cmd::CompleteBill{QStringLiteral("BILL-2026-0001")}); !r)
        return r;
    if (auto r = run(store, priya, station, cmd::CreateBill{QStringLiteral("BILL-2026-0002"), 5}); !r)
        return r;
    for (const char *p : {"SB00003", "M444-00001", "SB00005", "SB00006"}) {
        if (auto r = run(store, priya, station, cmd::AddParentToBill{QStringLiteral("BILL-2026-0002"), QString::fromLatin1(p)}); !r)
            return r;
    }
    // A finalised return ticket: SB00006 came back off BILL-2026-0002 with its 9 children.
    const Outcome opened = store.execute(makeCommand(priya, station, store.clock(), cmd::OpenReturn{}));
    if (!opened.ok())
        return fail(opened.reason, QStringLiteral("Demo data: %1").arg(opened.message));
    if (auto r = run(store, priya, station, cmd::ReturnParent{opened.ticket, QStringLiteral("SB00006")}); !r)
        return r;
    return run(store, priya, station, cmd::FinaliseReturn{opened.ticket});
}

} // namespace tt
