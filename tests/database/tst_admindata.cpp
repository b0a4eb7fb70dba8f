#include "database/accountservice.h"
#include "database/repositories.h"
#include "database/sqlitestore.h"
#include "tests/database/storefixture.h"

#include <QJsonDocument>
#include <QTest>

using namespace tt;
using namespace tt::test;

Q_DECLARE_METATYPE(tt::CommandBody)
Q_DECLARE_METATYPE(tt::Reason)

namespace {

const Actor kAdmin{QStringLiteral("admin"), Role::Admin};
const Actor kBiller{QStringLiteral("meena"), Role::Biller};
const Actor kDispatcher{QStringLiteral("ravi"), Role::Dispatcher};

QString describe(const Outcome &o)
{
    return QStringLiteral("%1 %2 %3: %4")
        .arg(o.code, resultKindName(o.result), reasonName(o.reason), o.message);
}

// The admin tables in full, the audit and the command log: what a refused command must not touch.
QString adminState(const QSqlDatabase &db)
{
    QStringList parts;
    for (const char *sql :
         {"SELECT group_concat(id || name || role || pattern || capacity || nominal_weight_g || "
          "expected_weight_g || "
          "active, ';') FROM bag_types",
          "SELECT group_concat(id || name || active, ';') FROM areas",
          "SELECT group_concat(id || coalesce(area_id, '-') || active, ';') FROM stations",
          "SELECT count(*) FROM audit_log", "SELECT count(*) FROM command_log",
          "SELECT group_concat(username || coalesce(area_id, '-'), ';') FROM users"})
        parts << scalar(db, QString::fromLatin1(sql)).toString();
    return parts.join(QLatin1Char('|'));
}

} // namespace

#define EXPECT_OK(expr)                                                                            \
    do {                                                                                           \
        m_last = (expr);                                                                           \
        QVERIFY2(m_last.result == ResultKind::Ok, qPrintable(describe(m_last)));                   \
    } while (false)

// Rejected with the reason and a message, and nothing written at all.
#define EXPECT_REJECTED(expr, why)                                                                 \
    do {                                                                                           \
        const QString before_ = adminState(db());                                                  \
        const auto counts_ = snapshot(db());                                                       \
        m_last = (expr);                                                                           \
        QVERIFY2(m_last.result == ResultKind::Rejected && m_last.reason == (why),                  \
                 qPrintable(describe(m_last)));                                                    \
        QVERIFY2(!m_last.message.isEmpty(), "every answer has a message");                         \
        QCOMPARE(adminState(db()), before_);                                                       \
        QCOMPARE(snapshot(db()), counts_);                                                         \
    } while (false)

// Bag types, dispatch areas and stations edited by admins (BRIEF §3.5), audited (§3.6).
class TestAdminData : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void addBagTypeClassifiesNewCodes();
    void changeBagType();
    void deactivateInsteadOfDeletingAUsedType();
    void badBagTypes_data();
    void badBagTypes();
    void areas();
    void areaInUseIsDeactivatedNotDeleted();
    void stations();
    void onlyAdmins_data();
    void onlyAdmins();
    void settingsChangesAreAudited();

private:
    Outcome run(const Actor &actor, CommandBody body)
    {
        return m_store->execute(
            makeCommand(actor, QStringLiteral("ST1"), *m_clock, std::move(body)));
    }
    QSqlDatabase db() const { return m_store->database(); }
    // The last audit record of an action: "before -> after".
    QString lastAudit(const QString &action)
    {
        return scalar(db(), QStringLiteral("SELECT coalesce(before, '') || ' -> ' || "
                                           "json_remove(after, '$.command_id') FROM "
                                           "audit_log WHERE action = '%1' ORDER BY id DESC LIMIT 1")
                                .arg(action))
            .toString();
    }

    std::unique_ptr<ManualClock> m_clock;
    std::unique_ptr<SqliteStore> m_store;
    Outcome m_last;
    int m_connection = 0;
};

void TestAdminData::init()
{
    m_clock = std::make_unique<ManualClock>(startTime());
    m_store = openMemoryStore(*m_clock, QStringLiteral("admindata-%1").arg(++m_connection));
    QVERIFY(m_store);
}

void TestAdminData::cleanup()
{
    if (m_store)
        TT_VERIFY_CLEAN(*m_store);
    m_store.reset();
}

void TestAdminData::addBagTypeClassifiesNewCodes()
{
    // Before: JB0001 is a code of the CHILD type, so not a parent.
    EXPECT_REJECTED(run(kDispatcher, cmd::SelectParent{QStringLiteral("JB0001"), std::nullopt}),
                    Reason::WrongRole);
    const qint64 audits = rowCount(db(), QStringLiteral("audit_log"));
    EXPECT_OK(run(kAdmin, cmd::AddBagType{QStringLiteral(" JUMBO "), QStringLiteral("parent"),
                                          QStringLiteral("^JB\\d{4}$"), 60, 0, 61000}));
    QCOMPARE(rowCount(db(), QStringLiteral("audit_log")), audits + 1);
    QCOMPARE(
        lastAudit(QStringLiteral("bag_type.create")),
        QStringLiteral(
            " -> {\"active\":true,\"capacity\":60,\"expected_weight_g\":61000,\"name\":\"JUMBO\","
            "\"nominal_weight_g\":0,\"pattern\":\"^JB\\\\d{4}$\",\"role\":\"parent\"}"));
    // The store's cached types follow at once: the next scan of a JB code makes a JUMBO parent.
    EXPECT_OK(run(kDispatcher, cmd::SelectParent{QStringLiteral("jb0001"), std::nullopt}));
    QCOMPARE(m_last.capacity, 60);
    QCOMPARE((*m_store->bag(QStringLiteral("JB0001")))->typeName, QStringLiteral("JUMBO"));
    QCOMPARE(
        scalar(db(), QStringLiteral("SELECT actor FROM audit_log WHERE action = 'bag_type.create'"))
            .toString(),
        QStringLiteral("admin"));
}

void TestAdminData::changeBagType()
{
    EXPECT_OK(run(kDispatcher, cmd::SelectParent{QStringLiteral("SB00001"), std::nullopt}));
    EXPECT_OK(run(kAdmin, cmd::SetBagType{QStringLiteral("sb"), std::nullopt, 40, std::nullopt,
                                          41000, std::nullopt}));
    QCOMPARE(lastAudit(QStringLiteral("bag_type.update")),
             QStringLiteral(
                 "{\"active\":true,\"capacity\":30,\"expected_weight_g\":30000,\"name\":\"SB\","
                 "\"nominal_weight_g\":0,\"pattern\":\"^SB\\\\d{5}$\",\"role\":\"parent\"} -> "
                 "{\"active\":true,\"capacity\":40,\"expected_weight_g\":41000,\"name\":\"SB\","
                 "\"nominal_weight_g\":0,\"pattern\":\"^SB\\\\d{5}$\",\"role\":\"parent\"}"));
    // Bags made before keep what their type said then; new ones get the new values.
    QCOMPARE((*m_store->bag(QStringLiteral("SB00001")))->capacity, 30);
    EXPECT_OK(run(kDispatcher, cmd::SelectParent{QStringLiteral("SB00002"), std::nullopt}));
    QCOMPARE(m_last.capacity, 40);
    // Nothing to change: ok, no audit record.
    const qint64 audits = rowCount(db(), QStringLiteral("audit_log"));
    EXPECT_OK(run(kAdmin, cmd::SetBagType{QStringLiteral("SB"), std::nullopt, 40, std::nullopt,
                                          std::nullopt, std::nullopt}));
    QCOMPARE(rowCount(db(), QStringLiteral("audit_log")), audits);
}

void TestAdminData::deactivateInsteadOfDeletingAUsedType()
{
    EXPECT_OK(run(kDispatcher, cmd::SelectParent{QStringLiteral("M444-00001"), std::nullopt}));
    EXPECT_REJECTED(run(kAdmin, cmd::DeleteBagType{QStringLiteral("M444")}), Reason::BagInUse);
    QVERIFY2(m_last.message.contains(QStringLiteral("deactivate")), qPrintable(m_last.message));
    EXPECT_OK(run(kAdmin, cmd::SetBagType{QStringLiteral("M444"), std::nullopt, std::nullopt,
                                          std::nullopt, std::nullopt, false}));
    // No new M444 bags; the one there is keeps working.
    EXPECT_REJECTED(run(kDispatcher, cmd::SelectParent{QStringLiteral("M444-00002"), std::nullopt}),
                    Reason::InvalidCode);
    EXPECT_OK(run(kDispatcher, cmd::SelectParent{QStringLiteral("M444-00001"), std::nullopt}));
    EXPECT_OK(run(kDispatcher, cmd::LinkChild{QStringLiteral("M444-00001"), QStringLiteral("C0001"),
                                              std::nullopt}));
    // A type no bag uses can go.
    EXPECT_OK(run(kAdmin, cmd::AddBagType{QStringLiteral("TINY"), QStringLiteral("child"),
                                          QStringLiteral("^T-\\d{4}$"), 0, 250, 0}));
    EXPECT_OK(run(kAdmin, cmd::DeleteBagType{QStringLiteral("tiny")}));
    QVERIFY(!scalar(db(), QStringLiteral("SELECT count(*) FROM bag_types WHERE name = 'TINY'"))
                 .toBool());
    QVERIFY(lastAudit(QStringLiteral("bag_type.delete"))
                .endsWith(QStringLiteral("{\"deleted\":true}")));
}

void TestAdminData::badBagTypes_data()
{
    QTest::addColumn<CommandBody>("body");
    QTest::addColumn<Reason>("reason");
    const auto add = [](const char *name, const char *role, const char *pattern, qint64 capacity,
                        qint64 nominal, qint64 expected) {
        return CommandBody(cmd::AddBagType{QString::fromLatin1(name), QString::fromLatin1(role),
                                           QString::fromLatin1(pattern), capacity, nominal,
                                           expected});
    };
    QTest::newRow("name taken") << add("sb", "parent", "^XX\\d{4}$", 10, 0, 0)
                                << Reason::InvalidInput;
    QTest::newRow("prefix of SB") << add("S2", "parent", "^S\\d{6}$", 10, 0, 0)
                                  << Reason::InvalidInput;
    QTest::newRow("same prefix as M444-")
        << add("M2", "parent", "^M444-\\d{6}$", 10, 0, 0) << Reason::InvalidInput;
    QTest::newRow("capacity 0") << add("XL", "parent", "^XL\\d{4}$", 0, 0, 0)
                                << Reason::InvalidCapacity;
    QTest::newRow("capacity negative")
        << add("XL", "parent", "^XL\\d{4}$", -5, 0, 0) << Reason::InvalidCapacity;
    QTest::newRow("negative weight")
        << add("XL", "parent", "^XL\\d{4}$", 10, 0, -1) << Reason::InvalidInput;
    QTest::newRow("negative nominal")
        << add("TINY", "child", "^T-\\d{4}$", 0, -250, 0) << Reason::InvalidInput;
    QTest::newRow("unknown role") << add("XL", "box", "^XL\\d{4}$", 10, 0, 0)
                                  << Reason::InvalidInput;
    QTest::newRow("broken pattern")
        << add("XL", "parent", "^XL(\\d{4}$", 10, 0, 0) << Reason::InvalidInput;
    QTest::newRow("empty name") << add(" ", "parent", "^XL\\d{4}$", 10, 0, 0)
                                << Reason::InvalidInput;
    QTest::newRow("set unknown type")
        << CommandBody(cmd::SetBagType{QStringLiteral("XL"), std::nullopt, 5, std::nullopt,
                                       std::nullopt, std::nullopt})
        << Reason::InvalidInput;
    QTest::newRow("set pattern onto M444's")
        << CommandBody(cmd::SetBagType{QStringLiteral("SB"), QStringLiteral("^M444-\\d{5}$"),
                                       std::nullopt, std::nullopt, std::nullopt, std::nullopt})
        << Reason::InvalidInput;
    QTest::newRow("set capacity 0")
        << CommandBody(cmd::SetBagType{QStringLiteral("SB"), std::nullopt, 0, std::nullopt,
                                       std::nullopt, std::nullopt})
        << Reason::InvalidCapacity;
    QTest::newRow("set child capacity")
        << CommandBody(cmd::SetBagType{QStringLiteral("CHILD"), std::nullopt, 5, std::nullopt,
                                       std::nullopt, std::nullopt})
        << Reason::InvalidCapacity;
    QTest::newRow("delete unknown type")
        << CommandBody(cmd::DeleteBagType{QStringLiteral("XL")}) << Reason::InvalidInput;
}

void TestAdminData::badBagTypes()
{
    QFETCH(CommandBody, body);
    QFETCH(Reason, reason);
    EXPECT_REJECTED(run(kAdmin, body), reason);
}

void TestAdminData::areas()
{
    EXPECT_OK(run(kAdmin, cmd::AddArea{QStringLiteral("  Kota  ")}));
    QCOMPARE(lastAudit(QStringLiteral("area.create")),
             QStringLiteral(" -> {\"active\":true,\"name\":\"Kota\"}"));
    EXPECT_REJECTED(run(kAdmin, cmd::AddArea{QStringLiteral("KOTA")}), Reason::InvalidArea);
    EXPECT_REJECTED(run(kAdmin, cmd::AddArea{QStringLiteral("   ")}), Reason::InvalidArea);
    EXPECT_REJECTED(run(kAdmin, cmd::AddArea{QString(61, QLatin1Char('x'))}), Reason::InvalidArea);
    EXPECT_REJECTED(
        run(kAdmin, cmd::SetArea{QStringLiteral("Kota"), QStringLiteral("indore"), std::nullopt}),
        Reason::InvalidArea);
    EXPECT_REJECTED(
        run(kAdmin, cmd::SetArea{QStringLiteral("Nowhere"), QStringLiteral("X"), std::nullopt}),
        Reason::InvalidArea);
    EXPECT_OK(run(kAdmin, cmd::SetArea{QStringLiteral("kota"), QStringLiteral("Kota Junction"),
                                       std::nullopt}));
    QCOMPARE(
        lastAudit(QStringLiteral("area.update")),
        QStringLiteral(
            "{\"active\":true,\"name\":\"Kota\"} -> {\"active\":true,\"name\":\"Kota Junction\"}"));
    EXPECT_OK(run(kAdmin, cmd::SetArea{QStringLiteral("Kota Junction"), std::nullopt, false}));
    // An inactive area takes no new users and no new stations.
    AccountService accounts(m_store->statements(), *m_clock);
    const auto user = accounts.addUser(kAdmin, QStringLiteral("ST1"), QStringLiteral("kavita"),
                                       QStringLiteral("Disp4tch-Pass"), Role::Dispatcher,
                                       QStringLiteral("Kota Junction"));
    QVERIFY(!user);
    QCOMPARE(user.error().reason, Reason::InvalidArea);
    EXPECT_REJECTED(
        run(kAdmin, cmd::AddStation{QStringLiteral("KOTA-1"), QStringLiteral("Kota Junction")}),
        Reason::InvalidArea);
    EXPECT_OK(run(kAdmin, cmd::DeleteArea{QStringLiteral("Kota Junction")}));
}

void TestAdminData::areaInUseIsDeactivatedNotDeleted()
{
    EXPECT_OK(run(kAdmin, cmd::AddStation{QStringLiteral("DOCK-1"), QStringLiteral("Indore")}));
    EXPECT_REJECTED(run(kAdmin, cmd::DeleteArea{QStringLiteral("indore")}), Reason::InvalidArea);
    QVERIFY2(m_last.message.contains(QStringLiteral("deactivate")), qPrintable(m_last.message));
    EXPECT_REJECTED(run(kAdmin, cmd::DeleteArea{QStringLiteral("Nowhere")}), Reason::InvalidArea);
}

void TestAdminData::stations()
{
    EXPECT_OK(run(kAdmin, cmd::AddStation{QStringLiteral(" DOCK-1 "), QStringLiteral("lucknow")}));
    QCOMPARE(lastAudit(QStringLiteral("station.create")),
             QStringLiteral(" -> {\"active\":true,\"area\":\"Lucknow\"}"));
    EXPECT_REJECTED(
        run(kAdmin, cmd::AddStation{QStringLiteral("DOCK-1"), QStringLiteral("Indore")}),
        Reason::InvalidInput);
    EXPECT_REJECTED(
        run(kAdmin, cmd::AddStation{QStringLiteral("DOCK 2"), QStringLiteral("Indore")}),
        Reason::InvalidInput);
    EXPECT_REJECTED(
        run(kAdmin, cmd::AddStation{QStringLiteral("DOCK-2"), QStringLiteral("Atlantis")}),
        Reason::InvalidArea);
    EXPECT_REJECTED(run(kAdmin, cmd::SetStation{QStringLiteral("DOCK-9"), QStringLiteral("Indore"),
                                                std::nullopt}),
                    Reason::InvalidInput);
    EXPECT_REJECTED(run(kAdmin, cmd::SetStation{QStringLiteral("DOCK-1"),
                                                QStringLiteral("Atlantis"), std::nullopt}),
                    Reason::InvalidArea);
    EXPECT_OK(
        run(kAdmin, cmd::SetStation{QStringLiteral("DOCK-1"), QStringLiteral("Akola"), false}));
    QCOMPARE(
        lastAudit(QStringLiteral("station.update")),
        QStringLiteral(
            "{\"active\":true,\"area\":\"Lucknow\"} -> {\"active\":false,\"area\":\"Akola\"}"));
    const auto rows = m_store->repositories().admin.stations();
    QVERIFY(rows.has_value());
    QCOMPARE(rows->size(), 1);
    QCOMPARE(rows->first().area, QStringLiteral("Akola"));
    QVERIFY(!rows->first().active);
    QCOMPARE(rows->first().createdAt, startTime());
}

void TestAdminData::onlyAdmins_data()
{
    QTest::addColumn<CommandBody>("body");
    QTest::newRow("add_bag_type") << CommandBody(cmd::AddBagType{
        QStringLiteral("XL"), QStringLiteral("parent"), QStringLiteral("^XL\\d{4}$"), 10, 0, 0});
    QTest::newRow("set_bag_type") << CommandBody(cmd::SetBagType{
        QStringLiteral("SB"), std::nullopt, 10, std::nullopt, std::nullopt, std::nullopt});
    QTest::newRow("delete_bag_type") << CommandBody(cmd::DeleteBagType{QStringLiteral("SB")});
    QTest::newRow("add_area") << CommandBody(cmd::AddArea{QStringLiteral("Kota")});
    QTest::newRow("set_area") << CommandBody(
        cmd::SetArea{QStringLiteral("Indore"), std::nullopt, false});
    QTest::newRow("delete_area") << CommandBody(cmd::DeleteArea{QStringLiteral("Akola")});
    QTest::newRow("add_station") << CommandBody(
        cmd::AddStation{QStringLiteral("X1"), QStringLiteral("Indore")});
    QTest::newRow("set_station") << CommandBody(
        cmd::SetStation{QStringLiteral("X1"), std::nullopt, false});
}

void TestAdminData::onlyAdmins()
{
    QFETCH(CommandBody, body);
    EXPECT_REJECTED(run(kBiller, body), Reason::PermissionDenied);
    EXPECT_REJECTED(run(kDispatcher, body), Reason::PermissionDenied);
}

void TestAdminData::settingsChangesAreAudited()
{
    SettingsRepository &settings = m_store->repositories().settings;
    SettingsChange change;
    change.database.insert(QStringLiteral("business_time_zone"), QStringLiteral("Europe/Berlin"));
    change.database.insert(QStringLiteral("undo_window_seconds"), QStringLiteral("3600")); // as before: no record
    change.station.insert(QStringLiteral("sound"), {QStringLiteral("true"), QStringLiteral("false")});
    change.station.insert(QStringLiteral("language"), {QStringLiteral("en"), QStringLiteral("en")});

    const QString before = adminState(db());
    const auto denied = settings.change(kBiller, QStringLiteral("ST1"), m_clock->now(), change);
    QVERIFY(!denied);
    QCOMPARE(denied.error().reason, Reason::PermissionDenied);
    QCOMPARE(adminState(db()), before);
    QCOMPARE(**settings.value(QStringLiteral("business_time_zone")), QStringLiteral("Asia/Kolkata"));

    const qint64 undoBefore = *settings.number(QStringLiteral("undo_window_seconds"), 3600);
    QCOMPARE(undoBefore, 3600);
    const auto changed = settings.change(kAdmin, QStringLiteral("ST1"), m_clock->now(), change);
    QVERIFY2(changed.has_value(), qPrintable(changed ? QString() : changed.error().message));
    QCOMPARE(*changed, 2);
    QCOMPARE(**settings.value(QStringLiteral("business_time_zone")), QStringLiteral("Europe/Berlin"));
    QCOMPARE(scalar(db(), QStringLiteral("SELECT group_concat(action || ' ' || entity_id || ' ' || before || ' ' || "
                                         "after || ' ' || actor, '; ') FROM audit_log WHERE entity LIKE '%setting'"))
                 .toString(),
             QStringLiteral("setting.update business_time_zone {\"value\":\"Asia/Kolkata\"} {\"value\":\"Europe/Berlin\"} admin; "
                            "station_setting.update ST1/sound {\"value\":\"true\"} {\"value\":\"false\"} admin"));
    // Saving the same again changes and records nothing.
    const qint64 audits = rowCount(db(), QStringLiteral("audit_log"));
    change.station.clear();
    QCOMPARE(*settings.change(kAdmin, QStringLiteral("ST1"), m_clock->now(), change), 0);
    QCOMPARE(rowCount(db(), QStringLiteral("audit_log")), audits);
}

QTEST_GUILESS_MAIN(TestAdminData)
#include "tst_admindata.moc"
