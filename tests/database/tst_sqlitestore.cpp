#include <QJsonDocument>
#include <QSqlError>
#include <QTemporaryDir>
#include <QTest>

#include "core/codenormalizer.h"
#include "database/sqlitestore.h"
#include "tests/database/storefixture.h"

using namespace tt;
using namespace tt::test;

Q_DECLARE_METATYPE(tt::CommandBody)
Q_DECLARE_METATYPE(tt::Role)

namespace {

const Actor kAdmin{QStringLiteral("admin"), Role::Admin};
const Actor kBiller{QStringLiteral("meena"), Role::Biller};
const Actor kDispatcher{QStringLiteral("ravi"), Role::Dispatcher};
const Actor kDispatcher2{QStringLiteral("sunil"), Role::Dispatcher};

QString describe(const Outcome &o)
{
    return QStringLiteral("%1 %2 %3: %4").arg(o.code, resultKindName(o.result), reasonName(o.reason), o.message);
}

QString child(int n)
{
    return QStringLiteral("C%1").arg(n, 4, 10, QLatin1Char('0'));
}

} // namespace

// Runs a command and checks that it succeeded.
#define EXPECT_OK(expr)                                                                                                \
    do {                                                                                                               \
        m_last = (expr);                                                                                               \
        QVERIFY2(m_last.result == ResultKind::Ok, qPrintable(describe(m_last)));                                       \
    } while (false)

// Runs a command, checks its result and reason, and that it wrote nothing at all.
#define EXPECT_NOTHING_WRITTEN(expr, kind, why)                                                                        \
    do {                                                                                                               \
        const auto before_ = snapshot(db());                                                                           \
        m_last = (expr);                                                                                               \
        QVERIFY2(m_last.result == (kind) && m_last.reason == (why), qPrintable(describe(m_last)));                     \
        QVERIFY2(!m_last.message.isEmpty(), "every answer has a message");                                             \
        QCOMPARE(snapshot(db()), before_);                                                                             \
    } while (false)

#define EXPECT_REJECTED(expr, why) EXPECT_NOTHING_WRITTEN(expr, ResultKind::Rejected, why)

// Every command and reason code against the real embedded store (BRIEF §3.2, §3.3, §3.6).
class TestSqliteStore : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();

    // Parents and children.
    void selectParent();
    void selectParentRejections_data();
    void selectParentRejections();
    void linkReasons();
    void linkedElsewhereNamesParentAndUser();
    void parentFull();
    void linkBadChildCodes_data();
    void linkBadChildCodes();
    void measuredWeights();

    // Undo and move.
    void undoKeepsHistory();
    void undoWindow_data();
    void undoWindow();
    void undoWindowSetting();
    void nothingToUndo();
    void undoAfterMove();
    void move();
    void moveReasons();
    void deleteBag();
    void registerBag();
    void recordWeight();

    // Bills.
    void createBill_data();
    void createBill();
    void billIdsAreCaseInsensitive();
    void addParentReasons();
    void addParentHostileCodes_data();
    void addParentHostileCodes();
    void completeAndReopen();
    void removeParentReopens();
    void capacity();
    void deleteBill();
    void weights();

    // Cross-cutting guarantees.
    void sameCommandTwiceAppliesOnce();
    void permissionDenied_data();
    void permissionDenied();
    void batchIsolatesBadCommands();
    void batchAppliesRepeatedUuidOnce();
    void everyChangeIsAudited();
    void auditLogIsAppendOnly();
    void verifyReportsCorruption();
    void databaseConstraintsBackTheRules();
    void persistsAcrossReopen();

    // Returns (BRIEF §3.4).
    void returnTicketsAreNumberedPerBusinessDay();
    void returnTakesParentOffItsBill();
    void returnReasons();
    void finaliseAndCancel();
    void returnsNeedPermission();
    void openReturnTwiceAppliesOnce();
    void verifyChecksReturnTotals();

private:
    Outcome run(const Actor &actor, CommandBody body, const QString &station = QStringLiteral("ST1"))
    {
        return m_store->execute(makeCommand(actor, station, *m_clock, std::move(body)));
    }
    Command command(const Actor &actor, CommandBody body)
    {
        return makeCommand(actor, QStringLiteral("ST1"), *m_clock, std::move(body));
    }
    // A parent with n children C<first>…, linked by actor.
    void fill(const QString &parent, int n, int first, const Actor &actor = kDispatcher)
    {
        EXPECT_OK(run(actor, cmd::SelectParent{parent, std::nullopt}));
        for (int i = 0; i < n; ++i)
            EXPECT_OK(run(actor, cmd::LinkChild{parent, child(first + i), std::nullopt}));
    }
    BagDetails bag(const QString &code)
    {
        const auto b = m_store->bag(code);
        if (!b || !*b)
            return {};
        return **b;
    }
    ReturnView ticket(const QString &id)
    {
        const auto t = m_store->returnTicket(id);
        if (!t || !*t)
            return {};
        return **t;
    }
    // Two billed parents on B-1 (capacity 2, completed): SB00001 with 3 children, SB00002 with 2.
    void billTwoParents()
    {
        fill(QStringLiteral("SB00001"), 3, 1);
        fill(QStringLiteral("SB00002"), 2, 11);
        EXPECT_OK(run(kBiller, cmd::CreateBill{QStringLiteral("B-1"), 2}));
        EXPECT_OK(run(kBiller, cmd::AddParentToBill{QStringLiteral("B-1"), QStringLiteral("SB00001")}));
        EXPECT_OK(run(kBiller, cmd::AddParentToBill{QStringLiteral("B-1"), QStringLiteral("SB00002")}));
        EXPECT_OK(run(kBiller, cmd::CompleteBill{QStringLiteral("B-1")}));
    }
    BillDetails bill(const QString &id)
    {
        const auto b = m_store->bill(id);
        if (!b || !*b)
            return {};
        return **b;
    }
    QSqlDatabase db() const { return m_store->database(); }
    bool exec(const QString &sql, QString *error = nullptr)
    {
        QSqlQuery q(db());
        const bool ok = q.exec(sql);
        if (error)
            *error = q.lastError().text();
        return ok;
    }

    std::unique_ptr<ManualClock> m_clock;
    std::unique_ptr<SqliteStore> m_store;
    Outcome m_last;
    int m_connection = 0;
};

void TestSqliteStore::init()
{
    m_clock = std::make_unique<ManualClock>(startTime());
    m_store = openMemoryStore(*m_clock, QStringLiteral("store-%1").arg(++m_connection));
    QVERIFY(m_store);
}

void TestSqliteStore::cleanup()
{
    if (m_store)
        TT_VERIFY_CLEAN(*m_store);
    m_store.reset();
    m_clock.reset();
}

void TestSqliteStore::selectParent()
{
    EXPECT_OK(run(kDispatcher, cmd::SelectParent{QStringLiteral(" sb00001 "), std::nullopt}));
    QCOMPARE(m_last.code, QStringLiteral("SB00001"));
    QCOMPARE(m_last.parent, QStringLiteral("SB00001"));
    QCOMPARE(m_last.capacity, 30);
    QVERIFY(!m_last.commandId.isNull());
    const BagDetails p = bag(QStringLiteral("SB00001"));
    QCOMPARE(p.role, BagRole::Parent);
    QCOMPARE(p.typeName, QStringLiteral("SB"));
    QCOMPARE(p.capacity, 30);
    QCOMPARE(p.expectedWeightG, 30000);
    QCOMPARE(p.createdBy, QStringLiteral("ravi"));
    QCOMPARE(p.createdAt, startTime());
    QCOMPARE(rowCount(db(), QStringLiteral("scans")), 1);
    QCOMPARE(scalar(db(), QStringLiteral("SELECT action FROM audit_log")).toString(), QStringLiteral("bag.create"));
    QCOMPARE(scalar(db(), QStringLiteral("SELECT value FROM stat_totals WHERE metric = 'parents'")).toInt(), 1);

    // Selecting it again records the scan but creates nothing.
    EXPECT_OK(run(kDispatcher, cmd::SelectParent{QStringLiteral("SB00001"), std::nullopt}));
    QCOMPARE(rowCount(db(), QStringLiteral("bags")), 1);
    QCOMPARE(rowCount(db(), QStringLiteral("scans")), 2);

    EXPECT_OK(run(kDispatcher, cmd::SelectParent{QStringLiteral("M444-12345"), std::nullopt}));
    QCOMPARE(m_last.capacity, 15);
    QCOMPARE(bag(QStringLiteral("M444-12345")).expectedWeightG, 15000);
}

void TestSqliteStore::selectParentRejections_data()
{
    QTest::addColumn<QString>("code");
    QTest::addColumn<QString>("reason");
    QTest::newRow("child code") << QStringLiteral("C0001") << QStringLiteral("wrong_role");
    QTest::newRow("existing child") << QStringLiteral("C0009") << QStringLiteral("wrong_role");
    QTest::newRow("SB123456") << QStringLiteral("SB123456") << QStringLiteral("invalid_code");
    QTest::newRow("M444-") << QStringLiteral("M444-") << QStringLiteral("invalid_code");
    QTest::newRow("empty") << QString() << QStringLiteral("invalid_code");
    QTest::newRow("control characters") << QStringLiteral("\u0001\u0002") << QStringLiteral("invalid_code");
    QTest::newRow("10 kB") << QString(10240, QLatin1Char('S')) << QStringLiteral("invalid_code");
    QTest::newRow("Cyrillic look-alike") << QString::fromUtf16(u"\u0421B00001") << QStringLiteral("invalid_code");
    QTest::newRow("long s look-alike") << QString::fromUtf16(u"\u017FB00001") << QStringLiteral("invalid_code");
    QTest::newRow("SQL fragment") << QStringLiteral("SB00001'; DROP TABLE bags;--") << QStringLiteral("invalid_code");
}

void TestSqliteStore::selectParentRejections()
{
    QFETCH(QString, code);
    QFETCH(QString, reason);
    EXPECT_OK(run(kDispatcher, cmd::RegisterBag{QStringLiteral("C0009"), std::nullopt}));
    const auto before = snapshot(db());
    m_last = run(kDispatcher, cmd::SelectParent{code, std::nullopt});
    QCOMPARE(resultKindName(m_last.result), QStringLiteral("rejected"));
    QCOMPARE(reasonName(m_last.reason), reason);
    QVERIFY(!m_last.message.isEmpty());
    QVERIFY2(m_last.message.size() < 400, "a long code is not echoed in full");
    QCOMPARE(snapshot(db()), before);
    QVERIFY(scalar(db(), QStringLiteral("SELECT count(*) FROM sqlite_master WHERE name = 'bags'")).toInt() == 1);
}

void TestSqliteStore::linkReasons()
{
    fill(QStringLiteral("SB00001"), 1, 1);
    EXPECT_OK(run(kDispatcher, cmd::SelectParent{QStringLiteral("SB00002"), std::nullopt}));
    EXPECT_OK(run(kDispatcher, cmd::RegisterBag{QStringLiteral("C0100"), std::nullopt}));

    EXPECT_REJECTED(run(kDispatcher, cmd::LinkChild{QString(), child(2), std::nullopt}), Reason::NoParentSelected);
    EXPECT_REJECTED(run(kDispatcher, cmd::LinkChild{QStringLiteral("SB00009"), child(2), std::nullopt}),
                    Reason::UnknownBag);
    EXPECT_REJECTED(run(kDispatcher, cmd::LinkChild{QStringLiteral("C0100"), child(2), std::nullopt}),
                    Reason::WrongRole);
    EXPECT_REJECTED(run(kDispatcher, cmd::LinkChild{QStringLiteral("SB00001"), QStringLiteral("SB00001"), std::nullopt}),
                    Reason::SelfLink);
    EXPECT_REJECTED(run(kDispatcher, cmd::LinkChild{QStringLiteral("SB00001"), QStringLiteral("SB00002"), std::nullopt}),
                    Reason::WrongRole);
    EXPECT_REJECTED(run(kDispatcher, cmd::LinkChild{QStringLiteral("SB00001"), QStringLiteral("SB00003"), std::nullopt}),
                    Reason::WrongRole);
    EXPECT_REJECTED(run(kDispatcher, cmd::LinkChild{QStringLiteral("SB00001"), QStringLiteral("M444-00001"),
                                                    std::nullopt}),
                    Reason::WrongRole);
    EXPECT_NOTHING_WRITTEN(run(kDispatcher, cmd::LinkChild{QStringLiteral("sb00001"), QStringLiteral("c0001"),
                                                           std::nullopt}),
                           ResultKind::Duplicate, Reason::Duplicate);
    QCOMPARE(m_last.children, 1);
    EXPECT_REJECTED(run(kDispatcher, cmd::LinkChild{QStringLiteral("SB00002"), child(1), std::nullopt}),
                    Reason::LinkedElsewhere);
    // A free existing child links.
    EXPECT_OK(run(kDispatcher, cmd::LinkChild{QStringLiteral("SB00002"), QStringLiteral("C0100"), std::nullopt}));
    QCOMPARE(m_last.children, 1);
    QCOMPARE(bag(QStringLiteral("C0100")).parentCode, QStringLiteral("SB00002"));
}

void TestSqliteStore::linkedElsewhereNamesParentAndUser()
{
    fill(QStringLiteral("SB00001"), 1, 1, kDispatcher);
    EXPECT_OK(run(kDispatcher2, cmd::SelectParent{QStringLiteral("SB00002"), std::nullopt}));
    EXPECT_REJECTED(run(kDispatcher2, cmd::LinkChild{QStringLiteral("SB00002"), child(1), std::nullopt}),
                    Reason::LinkedElsewhere);
    QVERIFY2(m_last.message.contains(QStringLiteral("SB00001")), qPrintable(m_last.message));
    QVERIFY2(m_last.message.contains(QStringLiteral("ravi")), qPrintable(m_last.message));
}

void TestSqliteStore::parentFull()
{
    fill(QStringLiteral("SB00001"), 30, 1);
    QVERIFY(m_last.parentFull());
    QCOMPARE(scalar(db(), QStringLiteral("SELECT sum(value) FROM stat_daily WHERE metric = 'parents_filled'")).toInt(),
             1);
    EXPECT_REJECTED(run(kDispatcher, cmd::LinkChild{QStringLiteral("SB00001"), child(31), std::nullopt}),
                    Reason::ParentFull);
    QVERIFY2(m_last.message.contains(QStringLiteral("30/30")), qPrintable(m_last.message));
    // Duplicate wins over full: the child is already in it.
    EXPECT_NOTHING_WRITTEN(run(kDispatcher, cmd::LinkChild{QStringLiteral("SB00001"), child(30), std::nullopt}),
                           ResultKind::Duplicate, Reason::Duplicate);
    QCOMPARE(bag(QStringLiteral("SB00001")).childCount, 30);
    // Undo makes room again.
    EXPECT_OK(run(kDispatcher, cmd::UndoLastLink{}));
    EXPECT_OK(run(kDispatcher, cmd::LinkChild{QStringLiteral("SB00001"), child(31), std::nullopt}));
    QCOMPARE(bag(QStringLiteral("SB00001")).childCount, 30);
}

void TestSqliteStore::linkBadChildCodes_data()
{
    QTest::addColumn<QString>("code");
    QTest::newRow("SB123456") << QStringLiteral("SB123456");
    QTest::newRow("3 characters") << QStringLiteral("C01");
    QTest::newRow("hyphen") << QStringLiteral("C-001");
    QTest::newRow("empty") << QString();
    QTest::newRow("spaces") << QStringLiteral("   ");
    QTest::newRow("10 kB") << QString(10240, QLatin1Char('C'));
    QTest::newRow("binary") << QString::fromLatin1("\xff\xfe\x01\x80\x90", 5);
    QTest::newRow("Cyrillic") << QString::fromUtf16(u"\u04210001");
    QTest::newRow("full-width digits") << QString::fromUtf16(u"C\uFF10\uFF10\uFF10\uFF11");
    QTest::newRow("sharp s look-alike") << QString::fromUtf16(u"C00\u00DF");
    QTest::newRow("SQL fragment") << QStringLiteral("C0001' OR '1'='1");
    QTest::newRow("SQL drop") << QStringLiteral("C1;DROP TABLE links");
}

void TestSqliteStore::linkBadChildCodes()
{
    QFETCH(QString, code);
    EXPECT_OK(run(kDispatcher, cmd::SelectParent{QStringLiteral("SB00001"), std::nullopt}));
    EXPECT_REJECTED(run(kDispatcher, cmd::LinkChild{QStringLiteral("SB00001"), code, std::nullopt}), Reason::InvalidCode);
    QVERIFY2(m_last.message.size() < 400, qPrintable(QString::number(m_last.message.size())));
    QCOMPARE(rowCount(db(), QStringLiteral("links")), 0);
}

void TestSqliteStore::measuredWeights()
{
    EXPECT_OK(run(kDispatcher, cmd::SelectParent{QStringLiteral("SB00001"), std::nullopt}));
    EXPECT_OK(run(kDispatcher, cmd::LinkChild{QStringLiteral("SB00001"), child(1), 1234}));
    EXPECT_OK(run(kDispatcher, cmd::RegisterBag{child(2), 777}));
    EXPECT_OK(run(kDispatcher, cmd::LinkChild{QStringLiteral("SB00001"), child(2), std::nullopt}));
    EXPECT_OK(run(kDispatcher, cmd::LinkChild{QStringLiteral("SB00001"), child(3), std::nullopt}));
    QCOMPARE(bag(child(1)).weightG, 1234);
    QCOMPARE(bag(child(1)).measuredWeightG, std::optional<qint64>(1234));
    QCOMPARE(bag(child(2)).weightG, 777);
    QCOMPARE(bag(child(3)).weightG, 1000);
    QVERIFY(!bag(child(3)).measuredWeightG.has_value());
    QCOMPARE(bag(QStringLiteral("SB00001")).contentsWeightG, 1234 + 777 + 1000);
    EXPECT_REJECTED(run(kDispatcher, cmd::LinkChild{QStringLiteral("SB00001"), child(4), -5}), Reason::InvalidInput);
    EXPECT_REJECTED(run(kDispatcher, cmd::LinkChild{QStringLiteral("SB00001"), child(4), 10'000'001}),
                    Reason::InvalidInput);
}

void TestSqliteStore::undoKeepsHistory()
{
    fill(QStringLiteral("SB00001"), 2, 1);
    const qint64 scansBefore = rowCount(db(), QStringLiteral("scans"));
    EXPECT_OK(run(kDispatcher, cmd::UndoLastLink{}));
    QCOMPARE(m_last.code, child(2));
    QCOMPARE(m_last.children, 1);
    // The child bag and all scans stay; the link row only gets ended_at.
    QCOMPARE(rowCount(db(), QStringLiteral("bags")), 3);
    QCOMPARE(rowCount(db(), QStringLiteral("links")), 2);
    QCOMPARE(rowCount(db(), QStringLiteral("scans")), scansBefore + 1);
    QSqlQuery q(db());
    QVERIFY(q.exec(QStringLiteral("SELECT l.ended_at, l.ended_by, l.end_reason FROM links l JOIN bags c ON c.id = "
                                  "l.child_id WHERE c.code = 'C0002'")));
    QVERIFY(q.next());
    QCOMPARE(fromIsoUtc(q.value(0).toString()), startTime());
    QCOMPARE(q.value(1).toString(), QStringLiteral("ravi"));
    QCOMPARE(q.value(2).toString(), QStringLiteral("undo"));
    QCOMPARE(scalar(db(), QStringLiteral("SELECT count(*) FROM scans WHERE code = 'C0002'")).toInt(), 2);
    QCOMPARE(scalar(db(), QStringLiteral("SELECT count(*) FROM audit_log WHERE action = 'link.undo'")).toInt(), 1);
    const BagDetails c2 = bag(child(2));
    QCOMPARE(c2.code, child(2));
    QVERIFY(c2.parentCode.isEmpty());
    QCOMPARE(bag(QStringLiteral("SB00001")).children, QStringList{child(1)});
}

void TestSqliteStore::undoWindow_data()
{
    QTest::addColumn<int>("seconds");
    QTest::addColumn<bool>("ok");
    QTest::newRow("immediately") << 0 << true;
    QTest::newRow("59 minutes") << 59 * 60 << true;
    QTest::newRow("exactly 1 h") << 3600 << true;
    QTest::newRow("1 h + 1 s") << 3601 << false;
    QTest::newRow("next day") << 86400 << false;
}

void TestSqliteStore::undoWindow()
{
    QFETCH(int, seconds);
    QFETCH(bool, ok);
    fill(QStringLiteral("SB00001"), 1, 1);
    m_clock->advanceSeconds(seconds);
    if (ok) {
        EXPECT_OK(run(kDispatcher, cmd::UndoLastLink{}));
    } else {
        EXPECT_REJECTED(run(kDispatcher, cmd::UndoLastLink{}), Reason::UndoWindowExpired);
        QCOMPARE(bag(child(1)).parentCode, QStringLiteral("SB00001"));
    }
}

void TestSqliteStore::undoWindowSetting()
{
    QVERIFY(exec(QStringLiteral("UPDATE settings SET value = '300' WHERE key = 'undo_window_seconds'")));
    fill(QStringLiteral("SB00001"), 2, 1);
    m_clock->advanceSeconds(301);
    EXPECT_REJECTED(run(kDispatcher, cmd::UndoLastLink{}), Reason::UndoWindowExpired);
    QVERIFY2(m_last.message.contains(QStringLiteral("5 minutes")), qPrintable(m_last.message));
}

void TestSqliteStore::nothingToUndo()
{
    EXPECT_REJECTED(run(kDispatcher, cmd::UndoLastLink{}), Reason::NothingToUndo);
    fill(QStringLiteral("SB00001"), 1, 1, kDispatcher);
    // Someone else's link is not mine to undo.
    EXPECT_REJECTED(run(kDispatcher2, cmd::UndoLastLink{}), Reason::NothingToUndo);
    EXPECT_OK(run(kDispatcher, cmd::UndoLastLink{}));
    EXPECT_REJECTED(run(kDispatcher, cmd::UndoLastLink{}), Reason::NothingToUndo);
}

void TestSqliteStore::undoAfterMove()
{
    fill(QStringLiteral("SB00001"), 2, 1, kDispatcher);
    EXPECT_OK(run(kBiller, cmd::SelectParent{QStringLiteral("SB00002"), std::nullopt}));
    EXPECT_OK(run(kBiller, cmd::MoveChild{child(2), QStringLiteral("SB00002")}));
    // The dispatcher's last link in force is now C0001: C0002 was moved away.
    EXPECT_OK(run(kDispatcher, cmd::UndoLastLink{}));
    QCOMPARE(m_last.code, child(1));
    QCOMPARE(bag(child(2)).parentCode, QStringLiteral("SB00002"));
    EXPECT_REJECTED(run(kDispatcher, cmd::UndoLastLink{}), Reason::NothingToUndo);
}

void TestSqliteStore::move()
{
    fill(QStringLiteral("SB00001"), 3, 1);
    EXPECT_OK(run(kDispatcher, cmd::SelectParent{QStringLiteral("SB00002"), std::nullopt}));
    m_clock->advanceSeconds(60);
    EXPECT_OK(run(kBiller, cmd::MoveChild{QStringLiteral("c0002"), QStringLiteral("sb00002")}));
    QCOMPARE(m_last.parent, QStringLiteral("SB00002"));
    QCOMPARE(m_last.children, 1);
    QVERIFY2(m_last.message.contains(QStringLiteral("SB00001")), qPrintable(m_last.message));
    QCOMPARE(bag(QStringLiteral("SB00001")).childCount, 2);
    QCOMPARE(bag(QStringLiteral("SB00002")).childCount, 1);
    QCOMPARE(bag(child(2)).parentCode, QStringLiteral("SB00002"));
    QCOMPARE(bag(child(2)).linkedBy, QStringLiteral("meena"));
    QCOMPARE(scalar(db(), QStringLiteral("SELECT end_reason FROM links WHERE ended_at IS NOT NULL")).toString(),
             QStringLiteral("move"));
    QCOMPARE(rowCount(db(), QStringLiteral("links")), 4);

    // One audited step with before and after.
    QSqlQuery q(db());
    QVERIFY(q.exec(QStringLiteral("SELECT actor, station, entity_id, before, after, at FROM audit_log WHERE action = "
                                  "'link.move'")));
    QVERIFY(q.next());
    QCOMPARE(q.value(0).toString(), QStringLiteral("meena"));
    QCOMPARE(q.value(1).toString(), QStringLiteral("ST1"));
    QCOMPARE(q.value(2).toString(), child(2));
    const QJsonObject before = QJsonDocument::fromJson(q.value(3).toString().toUtf8()).object();
    const QJsonObject after = QJsonDocument::fromJson(q.value(4).toString().toUtf8()).object();
    QCOMPARE(before.value(QStringLiteral("parent")).toString(), QStringLiteral("SB00001"));
    QCOMPARE(after.value(QStringLiteral("parent")).toString(), QStringLiteral("SB00002"));
    QCOMPARE(after.value(QStringLiteral("command_id")).toString(), m_last.commandId.toString(QUuid::WithoutBraces));
    QCOMPARE(fromIsoUtc(q.value(5).toString()), startTime().addSecs(60));
    QVERIFY(!q.next());

    // A free child is put into a parent.
    EXPECT_OK(run(kAdmin, cmd::RegisterBag{child(9), std::nullopt}));
    EXPECT_OK(run(kAdmin, cmd::MoveChild{child(9), QStringLiteral("SB00002")}));
    QCOMPARE(bag(QStringLiteral("SB00002")).childCount, 2);
}

void TestSqliteStore::moveReasons()
{
    fill(QStringLiteral("SB00001"), 2, 1);
    fill(QStringLiteral("SB00002"), 30, 100);
    EXPECT_OK(run(kDispatcher, cmd::SelectParent{QStringLiteral("SB00003"), std::nullopt}));

    EXPECT_REJECTED(run(kDispatcher, cmd::MoveChild{child(1), QStringLiteral("SB00003")}), Reason::PermissionDenied);
    EXPECT_REJECTED(run(kBiller, cmd::MoveChild{QStringLiteral("C9999"), QStringLiteral("SB00003")}),
                    Reason::UnknownBag);
    EXPECT_REJECTED(run(kBiller, cmd::MoveChild{QStringLiteral("SB00001"), QStringLiteral("SB00003")}),
                    Reason::WrongRole);
    EXPECT_REJECTED(run(kBiller, cmd::MoveChild{child(1), QStringLiteral("SB00009")}), Reason::UnknownBag);
    EXPECT_REJECTED(run(kBiller, cmd::MoveChild{child(1), child(2)}), Reason::WrongRole);
    EXPECT_REJECTED(run(kBiller, cmd::MoveChild{child(1), QStringLiteral("SB00002")}), Reason::ParentFull);
    EXPECT_REJECTED(run(kBiller, cmd::MoveChild{child(1), QStringLiteral("SB123456")}), Reason::UnknownBag);
    EXPECT_REJECTED(run(kBiller, cmd::MoveChild{child(1), QString(10240, QLatin1Char('S'))}), Reason::InvalidCode);
    EXPECT_NOTHING_WRITTEN(run(kBiller, cmd::MoveChild{child(1), QStringLiteral("SB00001")}), ResultKind::Duplicate,
                           Reason::Duplicate);

    // Completed bills on either side.
    EXPECT_OK(run(kBiller, cmd::CreateBill{QStringLiteral("B-1"), 1}));
    EXPECT_OK(run(kBiller, cmd::AddParentToBill{QStringLiteral("B-1"), QStringLiteral("SB00001")}));
    EXPECT_OK(run(kBiller, cmd::CompleteBill{QStringLiteral("B-1")}));
    EXPECT_REJECTED(run(kBiller, cmd::MoveChild{child(1), QStringLiteral("SB00003")}), Reason::BillCompleted);
    EXPECT_OK(run(kBiller, cmd::RegisterBag{child(50), std::nullopt}));
    EXPECT_REJECTED(run(kBiller, cmd::MoveChild{child(50), QStringLiteral("SB00001")}), Reason::BillCompleted);
}

void TestSqliteStore::deleteBag()
{
    fill(QStringLiteral("SB00001"), 2, 1);
    EXPECT_OK(run(kBiller, cmd::RegisterBag{child(50), std::nullopt}));
    EXPECT_OK(run(kBiller, cmd::RegisterBag{QStringLiteral("SB00050"), std::nullopt}));
    EXPECT_OK(run(kBiller, cmd::SelectParent{QStringLiteral("SB00060"), std::nullopt}));

    EXPECT_REJECTED(run(kDispatcher, cmd::DeleteBag{child(50)}), Reason::PermissionDenied);
    EXPECT_REJECTED(run(kBiller, cmd::DeleteBag{QStringLiteral("C9999")}), Reason::UnknownBag);
    EXPECT_REJECTED(run(kBiller, cmd::DeleteBag{child(1)}), Reason::BagInUse);
    EXPECT_REJECTED(run(kBiller, cmd::DeleteBag{QStringLiteral("SB00001")}), Reason::BagInUse);
    EXPECT_REJECTED(run(kBiller, cmd::DeleteBag{QString(10240, QLatin1Char('C'))}), Reason::InvalidCode);

    EXPECT_OK(run(kBiller, cmd::CreateBill{QStringLiteral("B-1"), 2}));
    EXPECT_OK(run(kBiller, cmd::AddParentToBill{QStringLiteral("B-1"), QStringLiteral("SB00060")}));
    EXPECT_REJECTED(run(kBiller, cmd::DeleteBag{QStringLiteral("SB00060")}), Reason::BagInUse);

    // An undone child keeps its link history, so it cannot be deleted either.
    EXPECT_OK(run(kDispatcher, cmd::UndoLastLink{}));
    EXPECT_REJECTED(run(kBiller, cmd::DeleteBag{child(2)}), Reason::BagInUse);

    EXPECT_OK(run(kBiller, cmd::DeleteBag{child(50)}));
    EXPECT_OK(run(kAdmin, cmd::DeleteBag{QStringLiteral("sb00050")}));
    QVERIFY(!m_store->bag(child(50))->has_value());
    QVERIFY(!m_store->bag(QStringLiteral("SB00050"))->has_value());
    QCOMPARE(scalar(db(), QStringLiteral("SELECT count(*) FROM audit_log WHERE action = 'bag.delete'")).toInt(), 2);
    QCOMPARE(scalar(db(), QStringLiteral("SELECT before FROM audit_log WHERE action = 'bag.delete' AND entity_id = "
                                         "'C0050'"))
                 .toString()
                 .contains(QStringLiteral("C0050")),
             true);
    // The code is free again and may come back.
    EXPECT_OK(run(kBiller, cmd::RegisterBag{child(50), std::nullopt}));
}

void TestSqliteStore::registerBag()
{
    EXPECT_OK(run(kDispatcher, cmd::RegisterBag{QStringLiteral("c0001"), std::nullopt}));
    QCOMPARE(bag(child(1)).role, BagRole::Child);
    EXPECT_OK(run(kDispatcher, cmd::RegisterBag{QStringLiteral("M444-00001"), std::nullopt}));
    QCOMPARE(m_last.capacity, 15);
    EXPECT_NOTHING_WRITTEN(run(kDispatcher, cmd::RegisterBag{QStringLiteral("C0001"), std::nullopt}),
                           ResultKind::Duplicate, Reason::Duplicate);
    EXPECT_REJECTED(run(kDispatcher, cmd::RegisterBag{QStringLiteral("SB1234"), std::nullopt}), Reason::InvalidCode);
    EXPECT_REJECTED(run(kDispatcher, cmd::RegisterBag{QStringLiteral("C0002"), -1}), Reason::InvalidInput);
}

void TestSqliteStore::recordWeight()
{
    fill(QStringLiteral("SB00001"), 2, 1);
    EXPECT_OK(run(kBiller, cmd::CreateBill{QStringLiteral("B-1"), 1}));
    EXPECT_OK(run(kBiller, cmd::AddParentToBill{QStringLiteral("B-1"), QStringLiteral("SB00001")}));

    EXPECT_OK(run(kDispatcher, cmd::RecordWeight{QStringLiteral("sb00001"), QString(), 2150}));
    QCOMPARE(bag(QStringLiteral("SB00001")).measuredWeightG, std::optional<qint64>(2150));
    // The computed weights do not change: the measured gross is shown beside them.
    QCOMPARE(bag(QStringLiteral("SB00001")).contentsWeightG, 2000);
    QCOMPARE(bill(QStringLiteral("B-1")).weights.actualG, 2000);

    EXPECT_OK(run(kBiller, cmd::RecordWeight{QString(), QStringLiteral("b-1"), 2300}));
    QCOMPARE(scalar(db(), QStringLiteral("SELECT measured_weight_g FROM bills")).toInt(), 2300);
    QCOMPARE(bill(QStringLiteral("B-1")).weights.actualG, 2000);

    EXPECT_REJECTED(run(kBiller, cmd::RecordWeight{child(1), QString(), 900}), Reason::WrongRole);
    EXPECT_REJECTED(run(kBiller, cmd::RecordWeight{QStringLiteral("SB00009"), QString(), 900}), Reason::UnknownBag);
    EXPECT_REJECTED(run(kBiller, cmd::RecordWeight{QString(), QStringLiteral("B-9"), 900}), Reason::UnknownBill);
    EXPECT_REJECTED(run(kBiller, cmd::RecordWeight{QStringLiteral("SB00001"), QStringLiteral("B-1"), 900}),
                    Reason::InvalidInput);
    EXPECT_REJECTED(run(kBiller, cmd::RecordWeight{QString(), QString(), 900}), Reason::InvalidInput);
    EXPECT_REJECTED(run(kBiller, cmd::RecordWeight{QStringLiteral("SB00001"), QString(), -900}), Reason::InvalidInput);
}

void TestSqliteStore::createBill_data()
{
    QTest::addColumn<QString>("id");
    QTest::addColumn<qint64>("capacity");
    QTest::addColumn<QString>("reason"); // "" = created

    QTest::newRow("capacity 1") << QStringLiteral("B-001") << qint64(1) << QString();
    QTest::newRow("capacity 500") << QStringLiteral("B-500") << qint64(500) << QString();
    QTest::newRow("capacity 0") << QStringLiteral("B-000") << qint64(0) << QStringLiteral("invalid_capacity");
    QTest::newRow("capacity 501") << QStringLiteral("B-501") << qint64(501) << QStringLiteral("invalid_capacity");
    QTest::newRow("capacity -1") << QStringLiteral("B-NEG") << qint64(-1) << QStringLiteral("invalid_capacity");
    QTest::newRow("capacity 2^33") << QStringLiteral("B-BIG") << (qint64(1) << 33) << QStringLiteral("invalid_capacity");
    QTest::newRow("id too short") << QStringLiteral("B1") << qint64(10) << QStringLiteral("invalid_bill_id");
    QTest::newRow("id 51 characters") << QString(51, QLatin1Char('B')) << qint64(10) << QStringLiteral("invalid_bill_id");
    QTest::newRow("empty id") << QString() << qint64(10) << QStringLiteral("invalid_bill_id");
    QTest::newRow("SQL fragment") << QStringLiteral("B1'; DROP TABLE bills;--") << qint64(10)
                                  << QStringLiteral("invalid_bill_id");
    QTest::newRow("SQL OR") << QStringLiteral("B1' OR '1'='1") << qint64(10) << QStringLiteral("invalid_bill_id");
    QTest::newRow("Greek look-alike") << QString::fromUtf16(u"\u0392-001") << qint64(10)
                                      << QStringLiteral("invalid_bill_id");
    QTest::newRow("Cyrillic look-alike") << QString::fromUtf16(u"B-\u041E01") << qint64(10)
                                         << QStringLiteral("invalid_bill_id");
    QTest::newRow("10 kB id") << QString(10240, QLatin1Char('B')) << qint64(10) << QStringLiteral("invalid_bill_id");
    QTest::newRow("binary id") << QString::fromLatin1("B\xff\xfe\x80-1", 6) << qint64(10)
                               << QStringLiteral("invalid_bill_id");
}

void TestSqliteStore::createBill()
{
    QFETCH(QString, id);
    QFETCH(qint64, capacity);
    QFETCH(QString, reason);
    if (reason.isEmpty()) {
        EXPECT_OK(run(kBiller, cmd::CreateBill{id, capacity}));
        const BillDetails b = bill(id);
        QCOMPARE(b.id, id);
        QCOMPARE(b.capacity, int(capacity));
        QCOMPARE(b.status, BillStatus::Open);
        QCOMPARE(b.createdBy, QStringLiteral("meena"));
        QCOMPARE(scalar(db(), QStringLiteral("SELECT value FROM stat_totals WHERE metric = 'bills_open'")).toInt(), 1);
        return;
    }
    const auto before = snapshot(db());
    m_last = run(kBiller, cmd::CreateBill{id, capacity});
    QCOMPARE(resultKindName(m_last.result), QStringLiteral("rejected"));
    QCOMPARE(reasonName(m_last.reason), reason);
    QVERIFY2(!m_last.message.isEmpty() && m_last.message.size() < 400, qPrintable(m_last.message.left(100)));
    QCOMPARE(snapshot(db()), before);
    QCOMPARE(scalar(db(), QStringLiteral("SELECT count(*) FROM sqlite_master WHERE name = 'bills'")).toInt(), 1);
}

void TestSqliteStore::billIdsAreCaseInsensitive()
{
    EXPECT_OK(run(kBiller, cmd::CreateBill{QStringLiteral("inv-7"), 3}));
    QCOMPARE(m_last.bill, QStringLiteral("INV-7"));
    EXPECT_REJECTED(run(kBiller, cmd::CreateBill{QStringLiteral("INV-7"), 3}), Reason::BillExists);
    EXPECT_REJECTED(run(kBiller, cmd::CreateBill{QStringLiteral(" Inv-7 "), 5}), Reason::BillExists);
    QCOMPARE(bill(QStringLiteral("Inv-7")).id, QStringLiteral("INV-7"));
}

void TestSqliteStore::addParentReasons()
{
    fill(QStringLiteral("SB00001"), 1, 1);
    EXPECT_OK(run(kDispatcher, cmd::SelectParent{QStringLiteral("SB00002"), std::nullopt}));
    EXPECT_OK(run(kDispatcher, cmd::SelectParent{QStringLiteral("SB00003"), std::nullopt}));
    EXPECT_OK(run(kBiller, cmd::CreateBill{QStringLiteral("B-1"), 1}));
    EXPECT_OK(run(kBiller, cmd::CreateBill{QStringLiteral("B-2"), 1}));
    EXPECT_OK(run(kBiller, cmd::CreateBill{QStringLiteral("B-3"), 2}));

    EXPECT_REJECTED(run(kBiller, cmd::AddParentToBill{QStringLiteral("B-9"), QStringLiteral("SB00001")}),
                    Reason::UnknownBill);
    EXPECT_REJECTED(run(kBiller, cmd::AddParentToBill{QStringLiteral("X"), QStringLiteral("SB00001")}),
                    Reason::InvalidBillId);
    EXPECT_REJECTED(run(kBiller, cmd::AddParentToBill{QStringLiteral("B-1"), QStringLiteral("SB00009")}),
                    Reason::UnknownBag);
    EXPECT_REJECTED(run(kBiller, cmd::AddParentToBill{QStringLiteral("B-1"), child(1)}), Reason::WrongRole);

    EXPECT_OK(run(kBiller, cmd::AddParentToBill{QStringLiteral("b-1"), QStringLiteral("sb00001")}));
    QCOMPARE(m_last.billParents, 1);
    QCOMPARE(bag(QStringLiteral("SB00001")).billId, QStringLiteral("B-1"));
    EXPECT_NOTHING_WRITTEN(run(kBiller, cmd::AddParentToBill{QStringLiteral("B-1"), QStringLiteral("SB00001")}),
                           ResultKind::Duplicate, Reason::Duplicate);
    EXPECT_REJECTED(run(kBiller, cmd::AddParentToBill{QStringLiteral("B-2"), QStringLiteral("SB00001")}),
                    Reason::OnOtherBill);
    QVERIFY2(m_last.message.contains(QStringLiteral("B-1")), qPrintable(m_last.message));
    EXPECT_REJECTED(run(kBiller, cmd::AddParentToBill{QStringLiteral("B-1"), QStringLiteral("SB00002")}),
                    Reason::BillFull);
    EXPECT_OK(run(kBiller, cmd::CompleteBill{QStringLiteral("B-1")}));
    EXPECT_OK(run(kBiller, cmd::RemoveParentFromBill{QStringLiteral("B-1"), QStringLiteral("SB00001")}));
    EXPECT_OK(run(kBiller, cmd::AddParentToBill{QStringLiteral("B-1"), QStringLiteral("SB00001")}));
    EXPECT_OK(run(kBiller, cmd::CompleteBill{QStringLiteral("B-1")}));
    // A completed bill refuses before it is full; this one is both.
    EXPECT_REJECTED(run(kBiller, cmd::AddParentToBill{QStringLiteral("B-1"), QStringLiteral("SB00002")}),
                    Reason::BillCompleted);
    EXPECT_OK(run(kBiller, cmd::AddParentToBill{QStringLiteral("B-3"), QStringLiteral("SB00002")}));
    EXPECT_OK(run(kBiller, cmd::AddParentToBill{QStringLiteral("B-3"), QStringLiteral("SB00003")}));
    QCOMPARE(bill(QStringLiteral("B-3")).lines.size(), 2);
    QCOMPARE(bill(QStringLiteral("B-3")).lines.at(0).parentCode, QStringLiteral("SB00002"));
    QCOMPARE(bill(QStringLiteral("B-3")).lines.at(0).addedBy, QStringLiteral("meena"));
}

void TestSqliteStore::addParentHostileCodes_data()
{
    QTest::addColumn<QString>("code");
    QTest::newRow("empty") << QString();
    QTest::newRow("10 kB") << QString(10240, QLatin1Char('S'));
    QTest::newRow("SQL fragment") << QStringLiteral("SB00001' OR '1'='1");
    QTest::newRow("Cyrillic look-alike") << QString::fromUtf16(u"\u0421B00001");
    QTest::newRow("binary") << QString::fromLatin1("\xff\xfe\x80\x01", 4);
}

void TestSqliteStore::addParentHostileCodes()
{
    QFETCH(QString, code);
    fill(QStringLiteral("SB00001"), 1, 1);
    EXPECT_OK(run(kBiller, cmd::CreateBill{QStringLiteral("B-1"), 2}));
    const auto before = snapshot(db());
    m_last = run(kBiller, cmd::AddParentToBill{QStringLiteral("B-1"), code});
    QVERIFY2(m_last.result == ResultKind::Rejected, qPrintable(describe(m_last)));
    QVERIFY2(m_last.reason == Reason::InvalidCode || m_last.reason == Reason::UnknownBag,
             qPrintable(describe(m_last)));
    QVERIFY2(m_last.message.size() < 400,
             qPrintable(QStringLiteral("a %1-character message echoes the code").arg(m_last.message.size())));
    QCOMPARE(snapshot(db()), before);
}

void TestSqliteStore::completeAndReopen()
{
    fill(QStringLiteral("SB00001"), 1, 1);
    fill(QStringLiteral("SB00002"), 1, 2);
    EXPECT_OK(run(kBiller, cmd::CreateBill{QStringLiteral("B-1"), 2}));
    EXPECT_REJECTED(run(kBiller, cmd::CompleteBill{QStringLiteral("B-1")}), Reason::BillNotFull);
    EXPECT_OK(run(kBiller, cmd::AddParentToBill{QStringLiteral("B-1"), QStringLiteral("SB00001")}));
    EXPECT_REJECTED(run(kBiller, cmd::CompleteBill{QStringLiteral("B-1")}), Reason::BillNotFull);
    QVERIFY2(m_last.message.contains(QStringLiteral("1 of 2")), qPrintable(m_last.message));
    QCOMPARE(bill(QStringLiteral("B-1")).status, BillStatus::Open); // saved, continue later
    EXPECT_OK(run(kBiller, cmd::AddParentToBill{QStringLiteral("B-1"), QStringLiteral("SB00002")}));
    m_clock->advanceSeconds(90);
    EXPECT_OK(run(kBiller, cmd::CompleteBill{QStringLiteral("B-1")}));
    QCOMPARE(m_last.billStatus, BillStatus::Completed);
    BillDetails b = bill(QStringLiteral("B-1"));
    QCOMPARE(b.status, BillStatus::Completed);
    QCOMPARE(b.completedBy, QStringLiteral("meena"));
    QCOMPARE(b.completedAt, startTime().addSecs(90));
    QCOMPARE(scalar(db(), QStringLiteral("SELECT value FROM stat_totals WHERE metric = 'bills_completed'")).toInt(), 1);
    EXPECT_REJECTED(run(kBiller, cmd::CompleteBill{QStringLiteral("B-1")}), Reason::BillCompleted);
    EXPECT_REJECTED(run(kBiller, cmd::CompleteBill{QStringLiteral("B-9")}), Reason::UnknownBill);

    EXPECT_OK(run(kBiller, cmd::ReopenBill{QStringLiteral("b-1")}));
    QCOMPARE(bill(QStringLiteral("B-1")).status, BillStatus::Open);
    QCOMPARE(scalar(db(), QStringLiteral("SELECT value FROM stat_totals WHERE metric = 'bills_open'")).toInt(), 1);
    EXPECT_REJECTED(run(kBiller, cmd::ReopenBill{QStringLiteral("B-1")}), Reason::InvalidInput);
    EXPECT_REJECTED(run(kBiller, cmd::ReopenBill{QStringLiteral("B-9")}), Reason::UnknownBill);
    // Reopened, a child can go in again.
    EXPECT_OK(run(kDispatcher, cmd::LinkChild{QStringLiteral("SB00001"), child(3), std::nullopt}));
    EXPECT_OK(run(kBiller, cmd::CompleteBill{QStringLiteral("B-1")}));
}

void TestSqliteStore::removeParentReopens()
{
    fill(QStringLiteral("SB00001"), 2, 1);
    EXPECT_OK(run(kBiller, cmd::CreateBill{QStringLiteral("B-1"), 1}));
    EXPECT_OK(run(kBiller, cmd::AddParentToBill{QStringLiteral("B-1"), QStringLiteral("SB00001")}));
    EXPECT_OK(run(kBiller, cmd::CompleteBill{QStringLiteral("B-1")}));
    EXPECT_REJECTED(run(kBiller, cmd::RemoveParentFromBill{QStringLiteral("B-1"), QStringLiteral("SB00002")}),
                    Reason::NotOnBill);
    EXPECT_REJECTED(run(kBiller, cmd::RemoveParentFromBill{QStringLiteral("B-9"), QStringLiteral("SB00001")}),
                    Reason::UnknownBill);
    EXPECT_OK(run(kBiller, cmd::RemoveParentFromBill{QStringLiteral("B-1"), QStringLiteral("SB00001")}));
    QCOMPARE(m_last.billStatus, BillStatus::Open);
    QVERIFY2(m_last.message.contains(QStringLiteral("open again")), qPrintable(m_last.message));
    const BillDetails b = bill(QStringLiteral("B-1"));
    QCOMPARE(b.status, BillStatus::Open);
    QCOMPARE(b.parentCount, 0);
    QCOMPARE(b.weights.actualG, 0);
    QCOMPARE(b.weights.expectedG, 0);
    QVERIFY(bag(QStringLiteral("SB00001")).billId.isEmpty());
    EXPECT_REJECTED(run(kBiller, cmd::RemoveParentFromBill{QStringLiteral("B-1"), QStringLiteral("SB00001")}),
                    Reason::NotOnBill);
}

void TestSqliteStore::capacity()
{
    for (int p = 1; p <= 3; ++p)
        EXPECT_OK(run(kDispatcher, cmd::SelectParent{QStringLiteral("SB0000%1").arg(p), std::nullopt}));
    EXPECT_OK(run(kBiller, cmd::CreateBill{QStringLiteral("B-1"), 5}));
    for (int p = 1; p <= 3; ++p)
        EXPECT_OK(run(kBiller, cmd::AddParentToBill{QStringLiteral("B-1"), QStringLiteral("SB0000%1").arg(p)}));
    EXPECT_REJECTED(run(kBiller, cmd::SetBillCapacity{QStringLiteral("B-1"), 2}), Reason::CapacityBelowLinked);
    EXPECT_REJECTED(run(kBiller, cmd::SetBillCapacity{QStringLiteral("B-1"), 0}), Reason::InvalidCapacity);
    EXPECT_REJECTED(run(kBiller, cmd::SetBillCapacity{QStringLiteral("B-1"), 501}), Reason::InvalidCapacity);
    EXPECT_REJECTED(run(kBiller, cmd::SetBillCapacity{QStringLiteral("B-9"), 5}), Reason::UnknownBill);
    EXPECT_NOTHING_WRITTEN(run(kBiller, cmd::SetBillCapacity{QStringLiteral("B-1"), 5}), ResultKind::Duplicate,
                           Reason::Duplicate);
    EXPECT_OK(run(kBiller, cmd::SetBillCapacity{QStringLiteral("B-1"), 3}));
    QCOMPARE(bill(QStringLiteral("B-1")).capacity, 3);
    QCOMPARE(scalar(db(), QStringLiteral("SELECT count(*) FROM audit_log WHERE action = 'bill.capacity'")).toInt(), 1);
    EXPECT_OK(run(kBiller, cmd::CompleteBill{QStringLiteral("B-1")}));
    EXPECT_REJECTED(run(kBiller, cmd::SetBillCapacity{QStringLiteral("B-1"), 4}), Reason::BillCompleted);
    EXPECT_OK(run(kBiller, cmd::ReopenBill{QStringLiteral("B-1")}));
    EXPECT_OK(run(kBiller, cmd::SetBillCapacity{QStringLiteral("B-1"), 500}));
}

void TestSqliteStore::deleteBill()
{
    fill(QStringLiteral("SB00001"), 1, 1);
    fill(QStringLiteral("SB00002"), 1, 2);
    EXPECT_OK(run(kBiller, cmd::CreateBill{QStringLiteral("B-1"), 2}));
    EXPECT_OK(run(kBiller, cmd::AddParentToBill{QStringLiteral("B-1"), QStringLiteral("SB00001")}));
    EXPECT_OK(run(kBiller, cmd::AddParentToBill{QStringLiteral("B-1"), QStringLiteral("SB00002")}));
    EXPECT_OK(run(kBiller, cmd::CompleteBill{QStringLiteral("B-1")}));

    EXPECT_REJECTED(run(kBiller, cmd::DeleteBill{QStringLiteral("B-1")}), Reason::PermissionDenied);
    EXPECT_REJECTED(run(kDispatcher, cmd::DeleteBill{QStringLiteral("B-1")}), Reason::PermissionDenied);
    EXPECT_REJECTED(run(kAdmin, cmd::DeleteBill{QStringLiteral("B-9")}), Reason::UnknownBill);
    EXPECT_OK(run(kAdmin, cmd::DeleteBill{QStringLiteral("B-1")}));
    QVERIFY(!m_store->bill(QStringLiteral("B-1"))->has_value());
    QVERIFY(bag(QStringLiteral("SB00001")).billId.isEmpty());
    QCOMPARE(rowCount(db(), QStringLiteral("bill_parents")), 0);
    QCOMPARE(scalar(db(), QStringLiteral("SELECT value FROM stat_totals WHERE metric = 'bills_completed'")).toInt(), 0);
    const QJsonObject before = QJsonDocument::fromJson(
                                   scalar(db(), QStringLiteral("SELECT before FROM audit_log WHERE action = "
                                                               "'bill.delete'"))
                                       .toString()
                                       .toUtf8())
                                   .object();
    QCOMPARE(before.value(QStringLiteral("parent_codes")).toVariant().toStringList(),
             (QStringList{QStringLiteral("SB00001"), QStringLiteral("SB00002")}));
    QCOMPARE(scalar(db(), QStringLiteral("SELECT actor FROM audit_log WHERE action = 'bill.delete'")).toString(),
             QStringLiteral("admin"));
    // The parents are free: a child can be linked and they go on a new bill.
    EXPECT_OK(run(kDispatcher, cmd::LinkChild{QStringLiteral("SB00001"), child(3), std::nullopt}));
    EXPECT_OK(run(kBiller, cmd::CreateBill{QStringLiteral("B-2"), 2}));
    EXPECT_OK(run(kBiller, cmd::AddParentToBill{QStringLiteral("B-2"), QStringLiteral("SB00001")}));
    QCOMPARE(m_last.actualWeightG, 2000);
    // And the old id may be used again.
    EXPECT_OK(run(kBiller, cmd::CreateBill{QStringLiteral("B-1"), 1}));
}

void TestSqliteStore::weights()
{
    // Issue 2: 5 children on an SB parent on a bill → actual 5 000 g, expected 30 000 g,
    // variance −25 000 g; then totals follow every link, undo and move without a recalculation.
    fill(QStringLiteral("SB00001"), 5, 1);
    EXPECT_OK(run(kDispatcher, cmd::SelectParent{QStringLiteral("SB00002"), std::nullopt}));
    EXPECT_OK(run(kBiller, cmd::CreateBill{QStringLiteral("B-W"), 3}));
    EXPECT_OK(run(kBiller, cmd::AddParentToBill{QStringLiteral("B-W"), QStringLiteral("SB00001")}));
    QCOMPARE(m_last.actualWeightG, 5000);
    QCOMPARE(m_last.expectedWeightG, 30000);
    BillDetails b = bill(QStringLiteral("B-W"));
    QCOMPARE(b.weights.actualG, 5000);
    QCOMPARE(b.weights.expectedG, 30000);
    QCOMPARE(b.weights.varianceG(), -25000);
    QCOMPARE(b.lines.size(), 1);
    QCOMPARE(b.lines.at(0).childCount, 5);
    QCOMPARE(b.lines.at(0).actualWeightG, 5000);
    QCOMPARE(b.lines.at(0).expectedWeightG, 30000);
    TT_VERIFY_CLEAN(*m_store);

    const auto expectBill = [&](qint64 actual, qint64 expected) {
        const BillDetails d = bill(QStringLiteral("B-W"));
        QCOMPARE(d.weights.actualG, actual);
        QCOMPARE(d.weights.expectedG, expected);
        TT_VERIFY_CLEAN(*m_store);
    };

    EXPECT_OK(run(kDispatcher, cmd::LinkChild{QStringLiteral("SB00001"), child(6), std::nullopt}));
    QCOMPARE(m_last.bill, QStringLiteral("B-W"));
    QCOMPARE(m_last.actualWeightG, 6000);
    expectBill(6000, 30000);

    EXPECT_OK(run(kDispatcher, cmd::UndoLastLink{}));
    QCOMPARE(m_last.actualWeightG, 5000);
    expectBill(5000, 30000);

    EXPECT_OK(run(kBiller, cmd::MoveChild{child(5), QStringLiteral("SB00002")}));
    expectBill(4000, 30000);
    EXPECT_OK(run(kBiller, cmd::MoveChild{child(5), QStringLiteral("SB00001")}));
    expectBill(5000, 30000);

    EXPECT_OK(run(kDispatcher, cmd::LinkChild{QStringLiteral("SB00001"), child(7), 1234}));
    expectBill(6234, 30000);

    EXPECT_OK(run(kDispatcher, cmd::SelectParent{QStringLiteral("M444-00001"), std::nullopt}));
    EXPECT_OK(run(kDispatcher, cmd::LinkChild{QStringLiteral("M444-00001"), child(8), std::nullopt}));
    EXPECT_OK(run(kBiller, cmd::AddParentToBill{QStringLiteral("B-W"), QStringLiteral("M444-00001")}));
    expectBill(7234, 45000);
    // A move between two parents of the same bill leaves the total alone.
    EXPECT_OK(run(kBiller, cmd::MoveChild{child(7), QStringLiteral("M444-00001")}));
    expectBill(7234, 45000);
    QCOMPARE(bag(QStringLiteral("M444-00001")).contentsWeightG, 2234);

    EXPECT_OK(run(kBiller, cmd::RemoveParentFromBill{QStringLiteral("B-W"), QStringLiteral("SB00001")}));
    expectBill(2234, 15000);
    // Linking into a parent that left the bill does not touch the bill.
    EXPECT_OK(run(kDispatcher, cmd::LinkChild{QStringLiteral("SB00001"), child(9), std::nullopt}));
    expectBill(2234, 15000);
    EXPECT_OK(run(kBiller, cmd::AddParentToBill{QStringLiteral("B-W"), QStringLiteral("SB00001")}));
    expectBill(2234 + 6000, 45000);
    QCOMPARE(formatVariance(bill(QStringLiteral("B-W")).weights), QString::fromUtf16(u"\u221236.766 kg (\u221281.7 %)"));
}

void TestSqliteStore::sameCommandTwiceAppliesOnce()
{
    EXPECT_OK(run(kDispatcher, cmd::SelectParent{QStringLiteral("SB00001"), std::nullopt}));
    const Command c = command(kDispatcher, cmd::LinkChild{QStringLiteral("SB00001"), child(1), std::nullopt});
    const Outcome first = m_store->execute(c);
    QVERIFY(first.ok());
    QCOMPARE(first.commandId, c.meta.id);
    const auto after = snapshot(db());
    QCOMPARE(scalar(db(), QStringLiteral("SELECT count(*) FROM command_log")).toInt(), 2);

    m_clock->advanceSeconds(30);
    const Outcome again = m_store->execute(c);
    QCOMPARE(snapshot(db()), after);
    QCOMPARE(again.result, first.result);
    QCOMPARE(again.commandId, c.meta.id);
    QCOMPARE(again.code, first.code);
    QCOMPARE(again.children, 1);
    QCOMPARE(bag(QStringLiteral("SB00001")).childCount, 1);

    // A rejected command is not remembered: the same UUID is decided again (still rejected).
    const Command bad = command(kDispatcher, cmd::LinkChild{QStringLiteral("SB00009"), child(2), std::nullopt});
    EXPECT_REJECTED(m_store->execute(bad), Reason::UnknownBag);
    EXPECT_REJECTED(m_store->execute(bad), Reason::UnknownBag);

    // The batch path honours the log too.
    EXPECT_NOTHING_WRITTEN(m_store->executeBatch({c}).value(0), ResultKind::Ok, Reason::None);
}

void TestSqliteStore::permissionDenied_data()
{
    QTest::addColumn<CommandBody>("body");
    QTest::addColumn<Role>("minimum");

    QTest::newRow("move_child") << CommandBody(cmd::MoveChild{child(1), QStringLiteral("SB00002")}) << Role::Biller;
    QTest::newRow("delete_bag") << CommandBody(cmd::DeleteBag{child(9)}) << Role::Biller;
    QTest::newRow("create_bill") << CommandBody(cmd::CreateBill{QStringLiteral("B-2"), 3}) << Role::Biller;
    QTest::newRow("add_parent_to_bill") << CommandBody(cmd::AddParentToBill{QStringLiteral("B-A"),
                                                                            QStringLiteral("SB00002")})
                                        << Role::Biller;
    QTest::newRow("remove_parent_from_bill") << CommandBody(cmd::RemoveParentFromBill{QStringLiteral("B-1"),
                                                                                      QStringLiteral("SB00001")})
                                             << Role::Biller;
    QTest::newRow("complete_bill") << CommandBody(cmd::CompleteBill{QStringLiteral("B-1")}) << Role::Biller;
    QTest::newRow("reopen_bill") << CommandBody(cmd::ReopenBill{QStringLiteral("B-C")}) << Role::Biller;
    QTest::newRow("set_bill_capacity") << CommandBody(cmd::SetBillCapacity{QStringLiteral("B-1"), 4}) << Role::Biller;
    QTest::newRow("delete_bill") << CommandBody(cmd::DeleteBill{QStringLiteral("B-1")}) << Role::Admin;
    QTest::newRow("select_parent") << CommandBody(cmd::SelectParent{QStringLiteral("SB00003"), std::nullopt})
                                   << Role::Dispatcher;
    QTest::newRow("link_child") << CommandBody(cmd::LinkChild{QStringLiteral("SB00002"), child(5), std::nullopt})
                                << Role::Dispatcher;
    QTest::newRow("undo") << CommandBody(cmd::UndoLastLink{}) << Role::Dispatcher;
    QTest::newRow("register_bag") << CommandBody(cmd::RegisterBag{child(6), std::nullopt}) << Role::Dispatcher;
    QTest::newRow("record_weight") << CommandBody(cmd::RecordWeight{QStringLiteral("SB00002"), QString(), 500})
                                   << Role::Dispatcher;
}

void TestSqliteStore::permissionDenied()
{
    QFETCH(CommandBody, body);
    QFETCH(Role, minimum);
    // A small world in which every command above can succeed for the least role allowed:
    // B-1 is full and open (complete, remove, capacity, delete), B-A has room, B-C is completed.
    fill(QStringLiteral("SB00001"), 1, 1, kAdmin);
    for (const char *p : {"SB00002", "SB00003", "SB00004"})
        EXPECT_OK(run(kAdmin, cmd::SelectParent{QString::fromLatin1(p), std::nullopt}));
    EXPECT_OK(run(kAdmin, cmd::RegisterBag{child(9), std::nullopt}));
    EXPECT_OK(run(kAdmin, cmd::CreateBill{QStringLiteral("B-1"), 2}));
    EXPECT_OK(run(kAdmin, cmd::AddParentToBill{QStringLiteral("B-1"), QStringLiteral("SB00001")}));
    EXPECT_OK(run(kAdmin, cmd::AddParentToBill{QStringLiteral("B-1"), QStringLiteral("SB00003")}));
    EXPECT_OK(run(kAdmin, cmd::CreateBill{QStringLiteral("B-A"), 3}));
    EXPECT_OK(run(kAdmin, cmd::CreateBill{QStringLiteral("B-C"), 1}));
    EXPECT_OK(run(kAdmin, cmd::AddParentToBill{QStringLiteral("B-C"), QStringLiteral("SB00004")}));
    EXPECT_OK(run(kAdmin, cmd::CompleteBill{QStringLiteral("B-C")}));

    for (const Actor &actor : {kDispatcher, kBiller, kAdmin}) {
        const bool allowed = int(actor.role) >= int(minimum);
        const Command c = command(Actor{actor.user, actor.role}, body);
        if (allowed) {
            // Allowed roles are decided by the rules; the first success changes the world, so
            // only the first allowed role is required to succeed.
            const Outcome o = m_store->execute(c);
            QVERIFY2(o.reason != Reason::PermissionDenied, qPrintable(describe(o)));
            if (actor.role == minimum && minimum != Role::Dispatcher)
                QVERIFY2(o.result == ResultKind::Ok, qPrintable(describe(o)));
        } else {
            EXPECT_REJECTED(m_store->execute(c), Reason::PermissionDenied);
            QVERIFY2(m_last.message.contains(actor.user), qPrintable(m_last.message));
        }
    }
}

void TestSqliteStore::batchIsolatesBadCommands()
{
    EXPECT_OK(run(kBiller, cmd::SelectParent{QStringLiteral("SB00001"), std::nullopt}));
    const QList<Command> batch{
        command(kBiller, cmd::LinkChild{QStringLiteral("SB00001"), child(1), std::nullopt}),
        command(kBiller, cmd::LinkChild{QStringLiteral("SB00001"), QStringLiteral("SB123456"), std::nullopt}),
        command(kBiller, cmd::RegisterBag{QStringLiteral("SB00002"), std::nullopt}),
        command(kBiller, cmd::LinkChild{QStringLiteral("SB00002"), child(1), std::nullopt}),
        command(kBiller, cmd::LinkChild{QStringLiteral("SB00001"), child(1), std::nullopt}),
        command(kDispatcher, cmd::DeleteBag{child(1)}),
        command(kBiller, cmd::CreateBill{QStringLiteral("B1'; DROP TABLE bills;--"), 3}),
        command(kBiller, cmd::CreateBill{QStringLiteral("B-1"), 3}),
        command(kBiller, cmd::AddParentToBill{QStringLiteral("B-1"), QStringLiteral("SB00001")}),
        command(kBiller, cmd::LinkChild{QStringLiteral("SB00001"), child(2), std::nullopt}),
    };
    const QList<Outcome> out = m_store->executeBatch(batch);
    QCOMPARE(out.size(), batch.size());
    QStringList got;
    for (const Outcome &o : out)
        got << resultKindName(o.result) + QLatin1Char('/') + reasonName(o.reason);
    QCOMPARE(got, (QStringList{
                      QStringLiteral("ok/"),
                      QStringLiteral("rejected/invalid_code"),
                      QStringLiteral("ok/"),
                      QStringLiteral("rejected/linked_elsewhere"),
                      QStringLiteral("duplicate/duplicate"),
                      QStringLiteral("rejected/permission_denied"),
                      QStringLiteral("rejected/invalid_bill_id"),
                      QStringLiteral("ok/"),
                      QStringLiteral("ok/"),
                      QStringLiteral("ok/"),
                  }));
    for (qsizetype i = 0; i < out.size(); ++i)
        QCOMPARE(out.at(i).commandId, batch.at(i).meta.id);
    QCOMPARE(bill(QStringLiteral("B-1")).weights.actualG, 2000);
    QCOMPARE(bag(QStringLiteral("SB00002")).childCount, 0);
    QCOMPARE(rowCount(db(), QStringLiteral("command_log")), 1 + 5);
    QCOMPARE(rowCount(db(), QStringLiteral("bills")), 1);
}

void TestSqliteStore::batchAppliesRepeatedUuidOnce()
{
    EXPECT_OK(run(kBiller, cmd::SelectParent{QStringLiteral("SB00001"), std::nullopt}));
    const Command c = command(kBiller, cmd::LinkChild{QStringLiteral("SB00001"), child(1), std::nullopt});
    const QList<Outcome> out = m_store->executeBatch({c, c, c});
    QCOMPARE(out.size(), 3);
    for (const Outcome &o : out)
        QVERIFY2(o.ok(), qPrintable(describe(o)));
    QCOMPARE(rowCount(db(), QStringLiteral("links")), 1);
    QCOMPARE(bag(QStringLiteral("SB00001")).childCount, 1);
}

void TestSqliteStore::everyChangeIsAudited()
{
    struct Step
    {
        Actor actor;
        CommandBody body;
        QString action; // the audit action this change must write
    };
    const QList<Step> steps{
        {kDispatcher, cmd::SelectParent{QStringLiteral("SB00001"), std::nullopt}, QStringLiteral("bag.create")},
        {kDispatcher, cmd::LinkChild{QStringLiteral("SB00001"), child(1), std::nullopt}, QStringLiteral("link.create")},
        {kDispatcher, cmd::LinkChild{QStringLiteral("SB00001"), child(2), std::nullopt}, QStringLiteral("link.create")},
        {kDispatcher, cmd::UndoLastLink{}, QStringLiteral("link.undo")},
        {kBiller, cmd::RegisterBag{QStringLiteral("SB00002"), std::nullopt}, QStringLiteral("bag.create")},
        {kBiller, cmd::MoveChild{child(1), QStringLiteral("SB00002")}, QStringLiteral("link.move")},
        {kBiller, cmd::RegisterBag{child(3), std::nullopt}, QStringLiteral("bag.create")},
        {kBiller, cmd::DeleteBag{child(3)}, QStringLiteral("bag.delete")},
        {kBiller, cmd::RecordWeight{QStringLiteral("SB00002"), QString(), 1100}, QStringLiteral("bag.weigh")},
        {kBiller, cmd::CreateBill{QStringLiteral("B-1"), 2}, QStringLiteral("bill.create")},
        {kBiller, cmd::AddParentToBill{QStringLiteral("B-1"), QStringLiteral("SB00002")}, QStringLiteral("bill.add_parent")},
        {kBiller, cmd::SetBillCapacity{QStringLiteral("B-1"), 1}, QStringLiteral("bill.capacity")},
        {kBiller, cmd::CompleteBill{QStringLiteral("B-1")}, QStringLiteral("bill.complete")},
        {kBiller, cmd::ReopenBill{QStringLiteral("B-1")}, QStringLiteral("bill.reopen")},
        {kBiller, cmd::RecordWeight{QString(), QStringLiteral("B-1"), 1500}, QStringLiteral("bill.weigh")},
        {kBiller, cmd::RemoveParentFromBill{QStringLiteral("B-1"), QStringLiteral("SB00002")},
         QStringLiteral("bill.remove_parent")},
        {kAdmin, cmd::DeleteBill{QStringLiteral("B-1")}, QStringLiteral("bill.delete")},
    };
    for (const Step &step : steps) {
        const qint64 auditBefore = rowCount(db(), QStringLiteral("audit_log"));
        const qint64 logBefore = rowCount(db(), QStringLiteral("command_log"));
        m_clock->advanceSeconds(1);
        EXPECT_OK(run(step.actor, step.body, QStringLiteral("ST7")));
        QCOMPARE(rowCount(db(), QStringLiteral("command_log")), logBefore + 1);
        QSqlQuery q(db());
        q.prepare(QStringLiteral("SELECT actor, station, at, entity FROM audit_log WHERE id > ? AND action = ?"));
        q.addBindValue(auditBefore);
        q.addBindValue(step.action);
        QVERIFY(q.exec());
        QVERIFY2(q.next(), qPrintable(QStringLiteral("no %1 audit record for %2")
                                          .arg(step.action, commandKind(step.body))));
        QCOMPARE(q.value(0).toString(), step.actor.user);
        QCOMPARE(q.value(1).toString(), QStringLiteral("ST7"));
        QCOMPARE(fromIsoUtc(q.value(2).toString()), m_clock->now());
        QVERIFY(q.value(2).toString().endsWith(QLatin1Char('Z')));
        QVERIFY(!q.value(3).toString().isEmpty());
    }
}

void TestSqliteStore::auditLogIsAppendOnly()
{
    fill(QStringLiteral("SB00001"), 1, 1);
    const qint64 rows = rowCount(db(), QStringLiteral("audit_log"));
    QVERIFY(rows >= 2);
    QString error;
    QVERIFY(!exec(QStringLiteral("UPDATE audit_log SET actor = 'mallory'"), &error));
    QVERIFY2(error.contains(QStringLiteral("append-only")), qPrintable(error));
    QVERIFY(!exec(QStringLiteral("DELETE FROM audit_log"), &error));
    QVERIFY2(error.contains(QStringLiteral("append-only")), qPrintable(error));
    QVERIFY(!exec(QStringLiteral("DELETE FROM audit_log WHERE id = 1")));
    QCOMPARE(rowCount(db(), QStringLiteral("audit_log")), rows);
    QCOMPARE(scalar(db(), QStringLiteral("SELECT count(*) FROM audit_log WHERE actor = 'mallory'")).toInt(), 0);
}

void TestSqliteStore::verifyReportsCorruption()
{
    fill(QStringLiteral("SB00001"), 3, 1);
    EXPECT_OK(run(kBiller, cmd::CreateBill{QStringLiteral("B-1"), 2}));
    EXPECT_OK(run(kBiller, cmd::AddParentToBill{QStringLiteral("B-1"), QStringLiteral("SB00001")}));
    TT_VERIFY_CLEAN(*m_store);

    struct Corruption
    {
        QString check;
        QString key;
        QString corrupt;
        QString restore;
    };
    const QList<Corruption> corruptions{
        {QStringLiteral("parent.child_count"), QStringLiteral("SB00001"),
         QStringLiteral("UPDATE bags SET child_count = child_count + 1 WHERE code = 'SB00001'"),
         QStringLiteral("UPDATE bags SET child_count = child_count - 1 WHERE code = 'SB00001'")},
        {QStringLiteral("parent.contents_weight_g"), QStringLiteral("SB00001"),
         QStringLiteral("UPDATE bags SET contents_weight_g = 999 WHERE code = 'SB00001'"),
         QStringLiteral("UPDATE bags SET contents_weight_g = 3000 WHERE code = 'SB00001'")},
        {QStringLiteral("bill.actual_weight_g"), QStringLiteral("B-1"),
         QStringLiteral("UPDATE bills SET actual_weight_g = actual_weight_g + 1"),
         QStringLiteral("UPDATE bills SET actual_weight_g = actual_weight_g - 1")},
        {QStringLiteral("bill.expected_weight_g"), QStringLiteral("B-1"),
         QStringLiteral("UPDATE bills SET expected_weight_g = 1"),
         QStringLiteral("UPDATE bills SET expected_weight_g = 30000")},
        {QStringLiteral("bill.parent_count"), QStringLiteral("B-1"), QStringLiteral("UPDATE bills SET parent_count = 2"),
         QStringLiteral("UPDATE bills SET parent_count = 1")},
        {QStringLiteral("total"), QStringLiteral("links"),
         QStringLiteral("UPDATE stat_totals SET value = value + 5 WHERE metric = 'links'"),
         QStringLiteral("UPDATE stat_totals SET value = value - 5 WHERE metric = 'links'")},
        {QStringLiteral("daily.scans"), QString(),
         QStringLiteral("UPDATE stat_daily SET value = value + 1 WHERE metric = 'scans'"),
         QStringLiteral("UPDATE stat_daily SET value = value - 1 WHERE metric = 'scans'")},
    };
    for (const Corruption &c : corruptions) {
        QString error;
        QVERIFY2(exec(c.corrupt, &error), qPrintable(error));
        const auto found = Verifier(m_store->statements()).run();
        QVERIFY(found.has_value());
        bool reported = false;
        for (const Mismatch &m : *found) {
            if (m.check == c.check && (c.key.isEmpty() || m.key == c.key) && m.stored != m.computed)
                reported = true;
        }
        QVERIFY2(reported, qPrintable(QStringLiteral("%1 not reported after: %2").arg(c.check, c.corrupt)));
        QVERIFY2(exec(c.restore, &error), qPrintable(error));
        TT_VERIFY_CLEAN(*m_store);
    }
}

void TestSqliteStore::databaseConstraintsBackTheRules()
{
    fill(QStringLiteral("SB00001"), 2, 1);
    EXPECT_OK(run(kBiller, cmd::CreateBill{QStringLiteral("B-1"), 2}));
    EXPECT_OK(run(kBiller, cmd::AddParentToBill{QStringLiteral("B-1"), QStringLiteral("SB00001")}));
    // Even direct SQL cannot break the invariants the schema states.
    QVERIFY(!exec(QStringLiteral("UPDATE bills SET capacity = 0")));
    QVERIFY(!exec(QStringLiteral("UPDATE bills SET capacity = 501")));
    QVERIFY(!exec(QStringLiteral("UPDATE bills SET status = 'completed'"))); // 1 of 2
    QVERIFY(!exec(QStringLiteral("UPDATE bags SET child_count = 31 WHERE code = 'SB00001'")));
    QVERIFY(!exec(QStringLiteral("INSERT INTO bags(code, type_id, role, created_at, created_by) "
                                 "VALUES ('c0001', 3, 'child', 'x', 'x')"))); // unique case-insensitively
    QVERIFY(!exec(QStringLiteral("INSERT INTO bills(bill_code, capacity, created_at, created_by) "
                                 "VALUES ('b-1', 5, 'x', 'x')")));
    QVERIFY(!exec(QStringLiteral("INSERT INTO links(parent_id, child_id, linked_at, linked_by) "
                                 "SELECT parent_id, child_id, 'x', 'x' FROM links LIMIT 1"))); // two links in force
    QCOMPARE(bill(QStringLiteral("B-1")).capacity, 2);
}

void TestSqliteStore::persistsAcrossReopen()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(QStringLiteral("sub/tracetrack.db"));
    {
        auto store = SqliteStore::open(path, SqliteStoreOptions{QStringLiteral("file-1"), true, true, m_clock.get()});
        QVERIFY2(store.has_value(), qPrintable(store ? QString() : store.error().message));
        auto &s = **store;
        QCOMPARE(scalar(s.database(), QStringLiteral("PRAGMA journal_mode")).toString(), QStringLiteral("wal"));
        QCOMPARE(scalar(s.database(), QStringLiteral("PRAGMA synchronous")).toInt(), 2); // FULL
        QCOMPARE(scalar(s.database(), QStringLiteral("PRAGMA foreign_keys")).toInt(), 1);
        QVERIFY(s.execute(makeCommand(kDispatcher, QStringLiteral("ST1"), *m_clock,
                                      cmd::SelectParent{QStringLiteral("SB00001"), std::nullopt}))
                    .ok());
        QVERIFY(s.execute(makeCommand(kDispatcher, QStringLiteral("ST1"), *m_clock,
                                      cmd::LinkChild{QStringLiteral("SB00001"), child(1), std::nullopt}))
                    .ok());
    }
    auto again = SqliteStore::open(path, SqliteStoreOptions{QStringLiteral("file-2"), false, false, m_clock.get()});
    QVERIFY2(again.has_value(), qPrintable(again ? QString() : again.error().message));
    const auto b = (*again)->bag(QStringLiteral("SB00001"));
    QVERIFY(b && *b);
    QCOMPARE((*b)->childCount, 1);
    TT_VERIFY_CLEAN(**again);
}

void TestSqliteStore::returnTicketsAreNumberedPerBusinessDay()
{
    // 10:00 UTC on 1 March is 15:30 in the business time zone (Asia/Kolkata): still 1 March.
    EXPECT_OK(run(kBiller, cmd::OpenReturn{}));
    QCOMPARE(m_last.ticket, QStringLiteral("RTN-20240301-0001"));
    QCOMPARE(m_last.code, m_last.ticket);
    EXPECT_OK(run(kAdmin, cmd::OpenReturn{}));
    QCOMPARE(m_last.ticket, QStringLiteral("RTN-20240301-0002"));
    // 19:00 UTC is 00:30 on 2 March there: a new business day starts at 0001.
    m_clock->set(QDateTime(QDate(2024, 3, 1), QTime(19, 0), Qt::UTC));
    EXPECT_OK(run(kBiller, cmd::OpenReturn{}));
    QCOMPARE(m_last.ticket, QStringLiteral("RTN-20240302-0001"));
    const ReturnView t = ticket(QStringLiteral("rtn-20240302-0001"));
    QCOMPARE(t.id, QStringLiteral("RTN-20240302-0001"));
    QCOMPARE(t.status, ReturnStatus::Open);
    QCOMPARE(t.openedBy, QStringLiteral("meena"));
    QCOMPARE(t.station, QStringLiteral("ST1"));
    QCOMPARE(t.parentCount, 0);
    const auto all = m_store->returnTickets({});
    QVERIFY(all);
    QCOMPARE(all->size(), 3);
    QCOMPARE(all->first().id, QStringLiteral("RTN-20240302-0001")); // newest first
    QCOMPARE(rowCount(db(), QStringLiteral("audit_log WHERE action = 'return.open'")), 3);
}

void TestSqliteStore::returnTakesParentOffItsBill()
{
    billTwoParents();
    EXPECT_OK(run(kBiller, cmd::OpenReturn{}));
    const QString id = m_last.ticket;
    const qint64 scans = rowCount(db(), QStringLiteral("scans"));
    EXPECT_OK(run(kBiller, cmd::ReturnParent{id.toLower(), QStringLiteral(" sb00001 ")}));
    QCOMPARE(m_last.code, QStringLiteral("SB00001"));
    QCOMPARE(m_last.ticket, id);
    QCOMPARE(m_last.bill, QStringLiteral("B-1"));
    QCOMPARE(m_last.billStatus, BillStatus::Open);
    QCOMPARE(m_last.billParents, 1);
    QCOMPARE(m_last.children, 3);
    QCOMPARE(m_last.message, QStringLiteral("SB00001 returned from bill B-1 with 3 children (3.000 kg); the bill has "
                                            "1/2 parent bags and is open again. Ticket %1: 1 returned.")
                                 .arg(id));
    // The bill lost the parent, its weight, and its completed state; the parent keeps its children.
    const BillDetails b = bill(QStringLiteral("B-1"));
    QCOMPARE(b.status, BillStatus::Open);
    QCOMPARE(b.parentCount, 1);
    QCOMPARE(b.weights.actualG, 2000);
    QCOMPARE(b.weights.expectedG, 30000);
    const BagDetails p = bag(QStringLiteral("SB00001"));
    QVERIFY(p.billId.isEmpty());
    QCOMPARE(p.childCount, 3);
    QCOMPARE(p.children.size(), 3);
    // The ticket records where it came from.
    ReturnView t = ticket(id);
    QCOMPARE(t.parentCount, 1);
    QCOMPARE(t.weightG, 3000);
    QCOMPARE(t.lines.size(), 1);
    QCOMPARE(t.lines.first().parentCode, QStringLiteral("SB00001"));
    QCOMPARE(t.lines.first().billId, QStringLiteral("B-1"));
    QCOMPARE(t.lines.first().childCount, 3);
    QCOMPARE(t.lines.first().weightG, 3000);
    QCOMPARE(t.lines.first().returnedBy, QStringLiteral("meena"));
    QCOMPARE(rowCount(db(), QStringLiteral("scans")), scans + 1);
    QCOMPARE(rowCount(db(), QStringLiteral("scans WHERE action = 'return' AND bill = 'B-1'")), 1);
    QCOMPARE(rowCount(db(), QStringLiteral("audit_log WHERE action = 'return.add_parent' AND entity_id = '%1'").arg(id)),
             1);
    QCOMPARE(rowCount(db(), QStringLiteral("audit_log WHERE action = 'bill.remove_parent' AND after LIKE '%\"return\"%'")),
             1);
    // The second parent: the bill was open already, and becomes empty.
    EXPECT_OK(run(kBiller, cmd::ReturnParent{id, QStringLiteral("SB00002")}));
    QCOMPARE(m_last.billParents, 0);
    QVERIFY(!m_last.message.contains(QStringLiteral("open again")));
    t = ticket(id);
    QCOMPARE(t.parentCount, 2);
    QCOMPARE(t.weightG, 5000);
    QCOMPARE(t.lines.at(1).billId, QStringLiteral("B-1"));
    QCOMPARE(bill(QStringLiteral("B-1")).weights.actualG, 0);
    // A returned parent can be billed again.
    EXPECT_OK(run(kBiller, cmd::AddParentToBill{QStringLiteral("B-1"), QStringLiteral("SB00001")}));
}

void TestSqliteStore::returnReasons()
{
    billTwoParents();
    fill(QStringLiteral("SB00003"), 1, 21); // never billed
    EXPECT_OK(run(kBiller, cmd::OpenReturn{}));
    const QString id = m_last.ticket;
    EXPECT_REJECTED(run(kBiller, cmd::ReturnParent{QStringLiteral("RTN-1"), QStringLiteral("SB00001")}),
                    Reason::InvalidReturnId);
    EXPECT_REJECTED(run(kBiller, cmd::ReturnParent{QStringLiteral("RTN-20240301-0009"), QStringLiteral("SB00001")}),
                    Reason::UnknownReturn);
    QCOMPARE(m_last.message, QStringLiteral("There is no return ticket RTN-20240301-0009."));
    EXPECT_REJECTED(run(kBiller, cmd::ReturnParent{id, QStringLiteral("   ")}), Reason::InvalidCode);
    EXPECT_REJECTED(run(kBiller, cmd::ReturnParent{id, QStringLiteral("SB09999")}), Reason::UnknownBag);
    EXPECT_REJECTED(run(kBiller, cmd::ReturnParent{id, child(1)}), Reason::WrongRole);
    EXPECT_REJECTED(run(kBiller, cmd::ReturnParent{id, QStringLiteral("SB00003")}), Reason::NotOnAnyBill);
    EXPECT_OK(run(kBiller, cmd::ReturnParent{id, QStringLiteral("SB00001")}));
    EXPECT_REJECTED(run(kBiller, cmd::ReturnParent{id, QStringLiteral("sb00001")}), Reason::AlreadyReturned);
    // Billed again, it still cannot come back twice on one ticket; on a new ticket it can.
    EXPECT_OK(run(kBiller, cmd::AddParentToBill{QStringLiteral("B-1"), QStringLiteral("SB00001")}));
    EXPECT_REJECTED(run(kBiller, cmd::ReturnParent{id, QStringLiteral("SB00001")}), Reason::AlreadyReturned);
    EXPECT_OK(run(kBiller, cmd::FinaliseReturn{id}));
    EXPECT_REJECTED(run(kBiller, cmd::ReturnParent{id, QStringLiteral("SB00002")}), Reason::ReturnNotOpen);
    EXPECT_OK(run(kBiller, cmd::OpenReturn{}));
    EXPECT_OK(run(kBiller, cmd::ReturnParent{m_last.ticket, QStringLiteral("SB00001")}));
}

void TestSqliteStore::finaliseAndCancel()
{
    billTwoParents();
    EXPECT_OK(run(kBiller, cmd::OpenReturn{}));
    const QString a = m_last.ticket;
    EXPECT_REJECTED(run(kBiller, cmd::FinaliseReturn{a}), Reason::ReturnEmpty);
    EXPECT_REJECTED(run(kBiller, cmd::FinaliseReturn{QStringLiteral("nonsense")}), Reason::InvalidReturnId);
    EXPECT_REJECTED(run(kBiller, cmd::CancelReturn{QStringLiteral("RTN-20240301-0042")}), Reason::UnknownReturn);
    EXPECT_OK(run(kBiller, cmd::ReturnParent{a, QStringLiteral("SB00001")}));
    m_clock->advanceSeconds(60);
    EXPECT_OK(run(kAdmin, cmd::FinaliseReturn{a}));
    QCOMPARE(m_last.message, QStringLiteral("Return ticket %1 finalised with 1 parent bags (3.000 kg).").arg(a));
    ReturnView t = ticket(a);
    QCOMPARE(t.status, ReturnStatus::Finalised);
    QCOMPARE(t.closedBy, QStringLiteral("admin"));
    QCOMPARE(t.closedAt, startTime().addSecs(60));
    EXPECT_REJECTED(run(kBiller, cmd::FinaliseReturn{a}), Reason::ReturnNotOpen);
    EXPECT_REJECTED(run(kBiller, cmd::CancelReturn{a}), Reason::ReturnNotOpen);

    // Cancel keeps what was returned: the line stays, the parent stays off its bill.
    EXPECT_OK(run(kBiller, cmd::OpenReturn{}));
    const QString b = m_last.ticket;
    EXPECT_OK(run(kBiller, cmd::ReturnParent{b, QStringLiteral("SB00002")}));
    EXPECT_OK(run(kBiller, cmd::CancelReturn{b}));
    t = ticket(b);
    QCOMPARE(t.status, ReturnStatus::Cancelled);
    QCOMPARE(t.lines.size(), 1);
    QCOMPARE(t.lines.first().parentCode, QStringLiteral("SB00002"));
    QVERIFY(bag(QStringLiteral("SB00002")).billId.isEmpty());
    QCOMPARE(bill(QStringLiteral("B-1")).parentCount, 0);
    EXPECT_REJECTED(run(kBiller, cmd::CancelReturn{b}), Reason::ReturnNotOpen);
    // An empty ticket can be cancelled.
    EXPECT_OK(run(kBiller, cmd::OpenReturn{}));
    EXPECT_OK(run(kBiller, cmd::CancelReturn{m_last.ticket}));
    const auto open = m_store->returnTickets(ReturnListFilter{ReturnStatus::Cancelled, 10});
    QVERIFY(open);
    QCOMPARE(open->size(), 2);
    QCOMPARE(rowCount(db(), QStringLiteral("audit_log WHERE action IN ('return.finalise', 'return.cancel')")), 3);
}

void TestSqliteStore::returnsNeedPermission()
{
    billTwoParents();
    EXPECT_OK(run(kBiller, cmd::OpenReturn{}));
    const QString id = m_last.ticket;
    EXPECT_OK(run(kBiller, cmd::ReturnParent{id, QStringLiteral("SB00001")}));
    const QList<CommandBody> bodies{cmd::OpenReturn{}, cmd::ReturnParent{id, QStringLiteral("SB00002")},
                                    cmd::FinaliseReturn{id}, cmd::CancelReturn{id}};
    for (const CommandBody &body : bodies) {
        EXPECT_REJECTED(run(kDispatcher, body), Reason::PermissionDenied);
        QVERIFY2(m_last.message.contains(QStringLiteral("ravi (dispatcher) may not")), qPrintable(m_last.message));
    }
    EXPECT_OK(run(kAdmin, cmd::ReturnParent{id, QStringLiteral("SB00002")}));
}

void TestSqliteStore::openReturnTwiceAppliesOnce()
{
    const Command c = command(kBiller, cmd::OpenReturn{});
    const Outcome first = m_store->execute(c);
    QVERIFY2(first.ok(), qPrintable(describe(first)));
    const auto before = snapshot(db());
    const Outcome again = m_store->execute(c);
    QCOMPARE(again.ticket, first.ticket);
    QCOMPARE(again.message, first.message);
    QCOMPARE(snapshot(db()), before);
    QCOMPARE(rowCount(db(), QStringLiteral("return_tickets")), 1);
}

void TestSqliteStore::verifyChecksReturnTotals()
{
    billTwoParents();
    EXPECT_OK(run(kBiller, cmd::OpenReturn{}));
    EXPECT_OK(run(kBiller, cmd::ReturnParent{m_last.ticket, QStringLiteral("SB00001")}));
    TT_VERIFY_CLEAN(*m_store);
    const QStringList expected{QStringLiteral("return.parent_count"), QStringLiteral("return.weight_g"),
                               QStringLiteral("return.still_billed")};
    const QStringList corrupt{QStringLiteral("UPDATE return_tickets SET parent_count = 2"),
                              QStringLiteral("UPDATE return_tickets SET weight_g = 1"),
                              QStringLiteral("UPDATE return_lines SET returned_at = '2099-01-01T00:00:00.000Z'")};
    for (qsizetype i = 0; i < corrupt.size(); ++i) {
        // The parent must be on a bill for still_billed: put it back with an older time.
        if (i == 2)
            EXPECT_OK(run(kBiller, cmd::AddParentToBill{QStringLiteral("B-1"), QStringLiteral("SB00001")}));
        QString error;
        QVERIFY2(exec(QStringLiteral("SAVEPOINT corrupt"), &error), qPrintable(error));
        QVERIFY2(exec(corrupt.at(i), &error), qPrintable(error));
        const auto found = Verifier(m_store->statements()).run();
        QVERIFY(found.has_value());
        QCOMPARE(found->size(), 1);
        QCOMPARE(found->first().check, expected.at(i));
        QVERIFY2(exec(QStringLiteral("ROLLBACK TO corrupt"), &error), qPrintable(error));
        QVERIFY2(exec(QStringLiteral("RELEASE corrupt"), &error), qPrintable(error));
    }
}

QTEST_MAIN(TestSqliteStore)
#include "tst_sqlitestore.moc"
