#include <QSet>
#include <QTest>

#include "core/clock.h"
#include "core/command.h"
#include "core/role.h"

using namespace tt;

Q_DECLARE_METATYPE(tt::Role)
Q_DECLARE_METATYPE(tt::Permission)
Q_DECLARE_METATYPE(tt::CommandBody)

namespace {

const QList<Role> kRoles{Role::Dispatcher, Role::Biller, Role::Admin};

} // namespace

// BRIEF §3.5: the full permission table, every role × every row, and every command mapped to
// the row that governs it.
class TestPermissions : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void table_data();
    void table();
    void everyCellIsTested();
    void commandPermission_data();
    void commandPermission();
    void roleNames();
    void permissionNamesAreDistinct();
};

void TestPermissions::table_data()
{
    QTest::addColumn<Permission>("permission");
    QTest::addColumn<bool>("dispatcher");
    QTest::addColumn<bool>("biller");
    QTest::addColumn<bool>("admin");

    // | action                                                  | dispatcher | biller | admin |
    QTest::newRow("scan / link / undo own last link") << Permission::Scan << true << true << true;
    QTest::newRow("search, view bags, bills, scans") << Permission::View << true << true << true;
    QTest::newRow("move child, delete an unlinked bag") << Permission::MoveChild << false << true << true;
    QTest::newRow("bills: create, scan parents, complete, reopen, remove parent")
        << Permission::ManageBills << false << true << true;
    QTest::newRow("returns") << Permission::Returns << false << true << true;
    QTest::newRow("delete bill, edit bag types, areas, stations") << Permission::DeleteBill << false << false << true;
    QTest::newRow("users, import, EOD report, audit log, health dashboard, settings")
        << Permission::Administer << false << false << true;
}

void TestPermissions::table()
{
    QFETCH(Permission, permission);
    QFETCH(bool, dispatcher);
    QFETCH(bool, biller);
    QFETCH(bool, admin);
    QCOMPARE(isAllowed(Role::Dispatcher, permission), dispatcher);
    QCOMPARE(isAllowed(Role::Biller, permission), biller);
    QCOMPARE(isAllowed(Role::Admin, permission), admin);
}

void TestPermissions::everyCellIsTested()
{
    // The enum has exactly the seven rows of the table above; a new row must be added there.
    QSet<QString> names;
    for (int p = int(Permission::Scan); p <= int(Permission::Administer); ++p)
        names.insert(permissionName(Permission(p)));
    QCOMPARE(names.size(), 7);
    // Admin may do everything; the roles are ordered by power.
    for (int p = int(Permission::Scan); p <= int(Permission::Administer); ++p) {
        const auto perm = Permission(p);
        QVERIFY(isAllowed(Role::Admin, perm));
        QVERIFY(!isAllowed(Role::Dispatcher, perm) || isAllowed(Role::Biller, perm));
    }
}

void TestPermissions::commandPermission_data()
{
    QTest::addColumn<CommandBody>("body");
    QTest::addColumn<Permission>("permission");

    QTest::newRow("select_parent") << CommandBody(cmd::SelectParent{QStringLiteral("SB00001"), {}})
                                   << Permission::Scan;
    QTest::newRow("link_child") << CommandBody(cmd::LinkChild{QStringLiteral("SB00001"), QStringLiteral("C0001"), {}})
                                << Permission::Scan;
    QTest::newRow("undo") << CommandBody(cmd::UndoLastLink{}) << Permission::Scan;
    QTest::newRow("register_bag") << CommandBody(cmd::RegisterBag{QStringLiteral("C0001"), {}}) << Permission::Scan;
    QTest::newRow("record_weight") << CommandBody(cmd::RecordWeight{QStringLiteral("SB00001"), {}, 1000})
                                   << Permission::Scan;
    QTest::newRow("move_child") << CommandBody(cmd::MoveChild{QStringLiteral("C0001"), QStringLiteral("SB00002")})
                                << Permission::MoveChild;
    QTest::newRow("delete_bag") << CommandBody(cmd::DeleteBag{QStringLiteral("C0001")}) << Permission::MoveChild;
    QTest::newRow("create_bill") << CommandBody(cmd::CreateBill{QStringLiteral("B-1"), 10}) << Permission::ManageBills;
    QTest::newRow("add_parent_to_bill")
        << CommandBody(cmd::AddParentToBill{QStringLiteral("B-1"), QStringLiteral("SB00001")})
        << Permission::ManageBills;
    QTest::newRow("remove_parent_from_bill")
        << CommandBody(cmd::RemoveParentFromBill{QStringLiteral("B-1"), QStringLiteral("SB00001")})
        << Permission::ManageBills;
    QTest::newRow("complete_bill") << CommandBody(cmd::CompleteBill{QStringLiteral("B-1")}) << Permission::ManageBills;
    QTest::newRow("reopen_bill") << CommandBody(cmd::ReopenBill{QStringLiteral("B-1")}) << Permission::ManageBills;
    QTest::newRow("set_bill_capacity") << CommandBody(cmd::SetBillCapacity{QStringLiteral("B-1"), 20})
                                       << Permission::ManageBills;
    QTest::newRow("delete_bill") << CommandBody(cmd::DeleteBill{QStringLiteral("B-1")}) << Permission::DeleteBill;
    QTest::newRow("open_return") << CommandBody(cmd::OpenReturn{}) << Permission::Returns;
    QTest::newRow("return_parent")
        << CommandBody(cmd::ReturnParent{QStringLiteral("RTN-20240301-0001"), QStringLiteral("SB00001")})
        << Permission::Returns;
    QTest::newRow("finalise_return") << CommandBody(cmd::FinaliseReturn{QStringLiteral("RTN-20240301-0001")})
                                     << Permission::Returns;
    QTest::newRow("cancel_return") << CommandBody(cmd::CancelReturn{QStringLiteral("RTN-20240301-0001")})
                                   << Permission::Returns;
    QTest::newRow("add_bag_type") << CommandBody(cmd::AddBagType{}) << Permission::DeleteBill;
    QTest::newRow("set_bag_type") << CommandBody(cmd::SetBagType{}) << Permission::DeleteBill;
    QTest::newRow("delete_bag_type") << CommandBody(cmd::DeleteBagType{}) << Permission::DeleteBill;
    QTest::newRow("add_area") << CommandBody(cmd::AddArea{}) << Permission::DeleteBill;
    QTest::newRow("set_area") << CommandBody(cmd::SetArea{}) << Permission::DeleteBill;
    QTest::newRow("delete_area") << CommandBody(cmd::DeleteArea{}) << Permission::DeleteBill;
    QTest::newRow("add_station") << CommandBody(cmd::AddStation{}) << Permission::DeleteBill;
    QTest::newRow("set_station") << CommandBody(cmd::SetStation{}) << Permission::DeleteBill;
}

void TestPermissions::commandPermission()
{
    QFETCH(CommandBody, body);
    QFETCH(Permission, permission);
    QCOMPARE(requiredPermission(body), permission);
    QCOMPARE(commandKind(body), QString::fromLatin1(QTest::currentDataTag()));
}

void TestPermissions::roleNames()
{
    QStringList names;
    for (const Role r : kRoles) {
        names << roleName(r);
        QCOMPARE(roleFromName(roleName(r)), std::optional(r));
    }
    QCOMPARE(names, (QStringList{QStringLiteral("dispatcher"), QStringLiteral("biller"), QStringLiteral("admin")}));
    QVERIFY(!roleFromName(u"root").has_value());
    QVERIFY(!roleFromName(u"").has_value());
    QVERIFY(!roleFromName(u"admin ").has_value());
}

void TestPermissions::permissionNamesAreDistinct()
{
    QStringList names;
    for (int p = int(Permission::Scan); p <= int(Permission::Administer); ++p)
        names << permissionName(Permission(p));
    QCOMPARE(names,
             (QStringList{QStringLiteral("scan"), QStringLiteral("view"), QStringLiteral("move_child"),
                          QStringLiteral("manage_bills"), QStringLiteral("returns"), QStringLiteral("delete_bill"),
                          QStringLiteral("administer")}));
}

QTEST_APPLESS_MAIN(TestPermissions)
#include "tst_permissions.moc"
