#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTest>

#include "app/auditlistmodel.h"
#include "app/baglistmodel.h"
#include "app/billlinemodel.h"
#include "app/billlistmodel.h"
#include "app/dbclient.h"
#include "app/scanlistmodel.h"
#include "app/userlistmodel.h"
#include "appfixture.h"

using namespace tt;

// Every item model of the app under QAbstractItemModelTester, with paging in small pages, filter
// changes, and refreshes after a change from another connection.
class TestModels : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        m_client = std::make_unique<DbClient>(m_db.path());
        m_client->setActor(Actor{QStringLiteral("admin"), Role::Admin}, QStringLiteral("test-station"));
        QVERIFY(m_client->waitIdle());
    }

    void cleanupTestCase() { m_client.reset(); }

    void bagsPageThroughEverything()
    {
        BagListModel model(*m_client);
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setPageSize(7);
        model.setFilter({});
        fetchAll(model);
        // 6 demo parents plus M444, 30·4 + 15 + 17 + 9 children.
        QCOMPARE(model.rowCount(), 7 + 161);
        QCOMPARE(model.columnCount(), int(BagListModel::ColumnCount));
        // Newest first, and every row once.
        QSet<QString> codes;
        for (int r = 0; r < model.rowCount(); ++r)
            codes.insert(model.index(r, BagListModel::Code).data().toString());
        QCOMPARE(codes.size(), model.rowCount());
        QCOMPARE(model.index(0, BagListModel::Code).data().toString(), QStringLiteral("C000161"));

        BagListFilter parents;
        parents.role = BagRole::Parent;
        model.setFilter(parents);
        fetchAll(model);
        QCOMPARE(model.rowCount(), 7);
        const QModelIndex sb1 = find(model, BagListModel::Code, QStringLiteral("SB00001"));
        QVERIFY(sb1.isValid());
        QCOMPARE(model.index(sb1.row(), BagListModel::Contents).data().toString(), QStringLiteral("30/30"));
        QCOMPARE(model.index(sb1.row(), BagListModel::Bill).data().toString(), QStringLiteral("BILL-2026-0001"));

        BagListFilter text;
        text.text = QStringLiteral("c00001");
        model.setFilter(text);
        fetchAll(model);
        QCOMPARE(model.rowCount(), 10); // C000010 … C000019
        QCOMPARE(model.index(0, BagListModel::Parent).data().toString(), QStringLiteral("SB00001"));
    }

    void billsAndFollowingChanges()
    {
        BillListModel model(*m_client);
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setFilter({});
        fetchAll(model);
        QCOMPARE(model.rowCount(), 2);
        QCOMPARE(model.index(0, BillListModel::Id).data().toString(), QStringLiteral("BILL-2026-0002"));
        QCOMPARE(model.index(0, BillListModel::Parents).data().toString(), QStringLiteral("3/5"));

        // A change by another connection (here: the command lane) shows up by itself.
        bool created = false;
        m_client->call(
            DbClient::Lane::Command, this,
            [](DbSession &s) {
                return s.store->execute(makeCommand(s.actor, s.stationId, s.store->clock(), cmd::CreateBill{QStringLiteral("BILL-M-1"), 3}));
            },
            [&created](Outcome o) { created = o.ok(); });
        QTRY_VERIFY(created);
        QTRY_COMPARE(model.rowCount(), 3);
        QCOMPARE(model.index(0, BillListModel::Id).data().toString(), QStringLiteral("BILL-M-1"));

        BillPageFilter completed;
        completed.status = BillStatus::Completed;
        model.setFilter(completed);
        fetchAll(model);
        QCOMPARE(model.rowCount(), 1);
        QCOMPARE(model.index(0, BillListModel::Variance).data().toString(), QStringLiteral("0.000 kg (0.0 %)"));
    }

    void scansAndAudit()
    {
        ScanListModel scans(*m_client);
        QAbstractItemModelTester t1(&scans, QAbstractItemModelTester::FailureReportingMode::QtTest);
        scans.setPageSize(25);
        ScanFilter byCode;
        byCode.code = QStringLiteral("sb00001");
        scans.setFilter(byCode);
        fetchAll(scans);
        QCOMPARE(scans.rowCount(), 2); // selected as parent, added to the bill
        ScanFilter all;
        scans.setFilter(all);
        fetchAll(scans);
        QVERIFY(scans.rowCount() > 160);

        AuditListModel audit(*m_client);
        QAbstractItemModelTester t2(&audit, QAbstractItemModelTester::FailureReportingMode::QtTest);
        audit.setPageSize(50);
        AuditFilter users;
        users.text = QStringLiteral("user");
        audit.setFilter(users);
        fetchAll(audit);
        QVERIFY(audit.rowCount() >= 4);
    }

    void plainModels()
    {
        BillLineModel lines;
        QAbstractItemModelTester t1(&lines, QAbstractItemModelTester::FailureReportingMode::QtTest);
        std::optional<BillDetails> bill;
        m_client->call(
            DbClient::Lane::Query, this, [](DbSession &s) { return s.store->bill(QStringLiteral("BILL-2026-0002")); },
            [&bill](Result<std::optional<BillDetails>> r) { bill = r.value_or(std::nullopt); });
        QTRY_VERIFY(bill.has_value());
        lines.setLines(bill->lines);
        QCOMPARE(lines.rowCount(), 3);
        QCOMPARE(lines.index(1, BillLineModel::Children).data().toString(), QStringLiteral("15/15"));
        lines.setLines({});
        QCOMPARE(lines.rowCount(), 0);

        UserListModel users;
        QAbstractItemModelTester t2(&users, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QList<UserInfo> list;
        m_client->call(
            DbClient::Lane::Query, this,
            [](DbSession &s) { return AccountService(s.store->statements(), s.store->clock()).list(); },
            [&list](Result<QList<UserInfo>> r) { list = r.value_or(QList<UserInfo>()); });
        QTRY_COMPARE(list.size(), 4);
        users.setUsers(list);
        QCOMPARE(users.rowCount(), 4);
        QVERIFY(find(users, UserListModel::Name, QStringLiteral("ravi")).isValid());
    }

private:
    template<typename Model>
    void fetchAll(Model &model)
    {
        for (int guard = 0; guard < 1000; ++guard) {
            QTRY_VERIFY(!model.isLoading());
            if (!model.canFetchMore(QModelIndex()))
                return;
            model.fetchMore(QModelIndex());
        }
        QFAIL("paging did not end");
    }

    static QModelIndex find(const QAbstractItemModel &model, int column, const QString &text)
    {
        for (int r = 0; r < model.rowCount(); ++r)
            if (model.index(r, column).data().toString() == text)
                return model.index(r, column);
        return {};
    }

    test::DemoDatabase m_db;
    std::unique_ptr<DbClient> m_client;
};

QTEST_MAIN(TestModels)
#include "tst_models.moc"
