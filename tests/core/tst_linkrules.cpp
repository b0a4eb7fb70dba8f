#include <QTest>

#include "core/linkrules.h"

using namespace tt;

Q_DECLARE_METATYPE(tt::LinkInput)
Q_DECLARE_METATYPE(tt::MoveInput)
Q_DECLARE_METATYPE(tt::DeleteBagInput)

namespace {

QDateTime t0()
{
    return QDateTime(QDate(2024, 3, 1), QTime(8, 0), Qt::UTC);
}

ParentFacts parentFacts(const QString &code, int children = 0, int capacity = 30, const QString &bill = {},
                   bool completed = false)
{
    return ParentFacts{code, capacity, children, bill, completed};
}

LinkFacts linkedTo(const QString &parentCode, const QString &by = QStringLiteral("ravi"))
{
    return LinkFacts{parentCode, by, t0()};
}

const QString kOk = QStringLiteral("ok");
const QString kDuplicate = QStringLiteral("duplicate");

} // namespace

// BRIEF §3.2: every reason of linking, undo, move and delete, and the order in which they win.
class TestLinkRules : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void link_data();
    void link();
    void linkedElsewhereNamesParentAndUser();
    void parentFullSaysCount();
    void isFull();
    void undo_data();
    void undo();
    void move_data();
    void move();
    void deleteBag_data();
    void deleteBag();
};

void TestLinkRules::link_data()
{
    QTest::addColumn<LinkInput>("input");
    QTest::addColumn<QString>("expected"); // "ok", "duplicate" or the reason

    const QString c = QStringLiteral("C0001");
    const std::optional<BagRole> child = BagRole::Child;
    const std::optional<BagRole> par = BagRole::Parent;
    const std::optional<BagRole> none;
    const std::optional<LinkFacts> free;

    QTest::newRow("new child") << LinkInput{parentFacts(QStringLiteral("SB00001")), c, none, free} << kOk;
    QTest::newRow("existing free child") << LinkInput{parentFacts(QStringLiteral("SB00001")), c, child, free} << kOk;
    QTest::newRow("29 of 30") << LinkInput{parentFacts(QStringLiteral("SB00001"), 29), c, child, free} << kOk;
    QTest::newRow("open bill") << LinkInput{parentFacts(QStringLiteral("SB00001"), 0, 30, QStringLiteral("B-1")), c, child, free}
                               << kOk;

    // Each reason alone.
    QTest::newRow("no_parent_selected") << LinkInput{std::nullopt, c, child, free}
                                        << QStringLiteral("no_parent_selected");
    QTest::newRow("self_link") << LinkInput{parentFacts(QStringLiteral("SB00001")), QStringLiteral("SB00001"), par, free}
                               << QStringLiteral("self_link");
    QTest::newRow("wrong_role") << LinkInput{parentFacts(QStringLiteral("SB00001")), QStringLiteral("SB00002"), par, free}
                                << QStringLiteral("wrong_role");
    QTest::newRow("duplicate") << LinkInput{parentFacts(QStringLiteral("SB00001"), 1), c, child,
                                            linkedTo(QStringLiteral("SB00001"))}
                               << kDuplicate;
    QTest::newRow("linked_elsewhere") << LinkInput{parentFacts(QStringLiteral("SB00002")), c, child,
                                                   linkedTo(QStringLiteral("SB00001"))}
                                      << QStringLiteral("linked_elsewhere");
    QTest::newRow("bill_completed") << LinkInput{parentFacts(QStringLiteral("SB00001"), 3, 30, QStringLiteral("B-1"), true),
                                                 c, child, free}
                                    << QStringLiteral("bill_completed");
    QTest::newRow("parent_full") << LinkInput{parentFacts(QStringLiteral("SB00001"), 30), c, none, free}
                                 << QStringLiteral("parent_full");
    QTest::newRow("parent over full") << LinkInput{parentFacts(QStringLiteral("SB00001"), 31), c, none, free}
                                      << QStringLiteral("parent_full");

    // Precedence: no_parent_selected, self_link, wrong_role, duplicate, linked_elsewhere,
    // bill_completed, parent_full.
    QTest::newRow("no parent beats wrong role") << LinkInput{std::nullopt, QStringLiteral("SB00002"), par, free}
                                                << QStringLiteral("no_parent_selected");
    QTest::newRow("self link beats wrong role")
        << LinkInput{parentFacts(QStringLiteral("SB00001"), 30, 30, QStringLiteral("B-1"), true), QStringLiteral("SB00001"),
                     par, free}
        << QStringLiteral("self_link");
    QTest::newRow("wrong role beats full and completed")
        << LinkInput{parentFacts(QStringLiteral("SB00001"), 30, 30, QStringLiteral("B-1"), true), QStringLiteral("SB00002"),
                     par, free}
        << QStringLiteral("wrong_role");
    QTest::newRow("duplicate beats full") << LinkInput{parentFacts(QStringLiteral("SB00001"), 30), c, child,
                                                       linkedTo(QStringLiteral("SB00001"))}
                                          << kDuplicate;
    QTest::newRow("duplicate beats completed bill")
        << LinkInput{parentFacts(QStringLiteral("SB00001"), 30, 30, QStringLiteral("B-1"), true), c, child,
                     linkedTo(QStringLiteral("SB00001"))}
        << kDuplicate;
    QTest::newRow("linked elsewhere beats full") << LinkInput{parentFacts(QStringLiteral("SB00002"), 30), c, child,
                                                              linkedTo(QStringLiteral("SB00001"))}
                                                 << QStringLiteral("linked_elsewhere");
    QTest::newRow("linked elsewhere beats completed bill")
        << LinkInput{parentFacts(QStringLiteral("SB00002"), 1, 30, QStringLiteral("B-1"), true), c, child,
                     linkedTo(QStringLiteral("SB00001"))}
        << QStringLiteral("linked_elsewhere");
    QTest::newRow("completed bill beats full")
        << LinkInput{parentFacts(QStringLiteral("SB00001"), 30, 30, QStringLiteral("B-1"), true), c, child, free}
        << QStringLiteral("bill_completed");
}

void TestLinkRules::link()
{
    QFETCH(LinkInput, input);
    QFETCH(QString, expected);
    const auto r = decideLink(input);
    QString got;
    if (!r) {
        got = reasonName(r.error().reason);
        QVERIFY(!r.error().message.isEmpty());
    } else {
        got = *r == LinkVerdict::Link ? kOk : kDuplicate;
    }
    QCOMPARE(got, expected);
}

void TestLinkRules::linkedElsewhereNamesParentAndUser()
{
    const auto r = decideLink(LinkInput{parentFacts(QStringLiteral("SB00002")), QStringLiteral("C0001"), BagRole::Child,
                                        linkedTo(QStringLiteral("SB00001"), QStringLiteral("meena"))});
    QVERIFY(!r);
    QCOMPARE(r.error().reason, Reason::LinkedElsewhere);
    QVERIFY2(r.error().message.contains(QStringLiteral("SB00001")), qPrintable(r.error().message));
    QVERIFY2(r.error().message.contains(QStringLiteral("meena")), qPrintable(r.error().message));
    QVERIFY2(r.error().message.contains(QStringLiteral("C0001")), qPrintable(r.error().message));
}

void TestLinkRules::parentFullSaysCount()
{
    const auto r = decideLink(LinkInput{parentFacts(QStringLiteral("SB00001"), 30), QStringLiteral("C0031"), std::nullopt,
                                        std::nullopt});
    QVERIFY(!r);
    QCOMPARE(r.error().reason, Reason::ParentFull);
    QVERIFY2(r.error().message.contains(QStringLiteral("30/30")), qPrintable(r.error().message));
    const auto m = decideLink(LinkInput{parentFacts(QStringLiteral("M444-00001"), 15, 15), QStringLiteral("C0031"),
                                        std::nullopt, std::nullopt});
    QVERIFY(m.error().message.contains(QStringLiteral("15/15")));
}

void TestLinkRules::isFull()
{
    QVERIFY(!tt::isFull(parentFacts(QStringLiteral("SB00001"), 0)));
    QVERIFY(!tt::isFull(parentFacts(QStringLiteral("SB00001"), 29)));
    QVERIFY(tt::isFull(parentFacts(QStringLiteral("SB00001"), 30)));
    QVERIFY(tt::isFull(parentFacts(QStringLiteral("SB00001"), 31)));
    QVERIFY(!tt::isFull(parentFacts(QStringLiteral("X"), 5, 0))); // no capacity: never full
}

void TestLinkRules::undo_data()
{
    QTest::addColumn<bool>("hasLink");
    QTest::addColumn<int>("ageSeconds");
    QTest::addColumn<int>("windowSeconds");
    QTest::addColumn<bool>("completedBill");
    QTest::addColumn<QString>("expected");

    QTest::newRow("nothing_to_undo") << false << 0 << 3600 << false << QStringLiteral("nothing_to_undo");
    QTest::newRow("just linked") << true << 0 << 3600 << false << kOk;
    QTest::newRow("59:59") << true << 3599 << 3600 << false << kOk;
    QTest::newRow("exactly the window") << true << 3600 << 3600 << false << kOk;
    QTest::newRow("undo_window_expired") << true << 3601 << 3600 << false << QStringLiteral("undo_window_expired");
    QTest::newRow("a day old") << true << 86400 << 3600 << false << QStringLiteral("undo_window_expired");
    QTest::newRow("configured 5 min window") << true << 301 << 300 << false << QStringLiteral("undo_window_expired");
    QTest::newRow("bill_completed") << true << 10 << 3600 << true << QStringLiteral("bill_completed");
    QTest::newRow("expiry beats completed bill") << true << 4000 << 3600 << true
                                                 << QStringLiteral("undo_window_expired");
    QTest::newRow("nothing beats completed bill") << false << 0 << 3600 << true << QStringLiteral("nothing_to_undo");
}

void TestLinkRules::undo()
{
    QFETCH(bool, hasLink);
    QFETCH(int, ageSeconds);
    QFETCH(int, windowSeconds);
    QFETCH(bool, completedBill);
    QFETCH(QString, expected);
    UndoInput in;
    if (hasLink)
        in.lastLink = linkedTo(QStringLiteral("SB00001"));
    in.childCode = QStringLiteral("C0001");
    in.now = t0().addSecs(ageSeconds);
    in.windowSeconds = windowSeconds;
    in.parentOnCompletedBill = completedBill;
    const auto r = decideUndo(in);
    QCOMPARE(r ? kOk : reasonName(r.error().reason), expected);
    if (!r && r.error().reason == Reason::UndoWindowExpired) {
        QVERIFY(r.error().message.contains(QStringLiteral("C0001")));
        QVERIFY(r.error().message.contains(QString::number(windowSeconds / 60)));
    }
}

void TestLinkRules::move_data()
{
    QTest::addColumn<MoveInput>("input");
    QTest::addColumn<QString>("expected"); // "ok", "duplicate" or the reason

    const QString c = QStringLiteral("C0001");
    const auto target = [](int children = 0, bool completed = false) {
        return parentFacts(QStringLiteral("SB00002"), children, 30, completed ? QStringLiteral("B-2") : QString(), completed);
    };
    const std::optional<LinkFacts> inOne = linkedTo(QStringLiteral("SB00001"));
    const std::optional<LinkFacts> inTarget = linkedTo(QStringLiteral("SB00002"));
    const std::optional<BagRole> child = BagRole::Child;
    const std::optional<BagRole> par = BagRole::Parent;

    QTest::newRow("move") << MoveInput{c, child, inOne, false, target(), par} << kOk;
    QTest::newRow("put a free child") << MoveInput{c, child, std::nullopt, false, target(), par} << kOk;
    QTest::newRow("target 29/30") << MoveInput{c, child, inOne, false, target(29), par} << kOk;
    QTest::newRow("unknown child") << MoveInput{c, std::nullopt, std::nullopt, false, target(), par}
                                   << QStringLiteral("unknown_bag");
    QTest::newRow("child is a parent") << MoveInput{QStringLiteral("SB00003"), par, std::nullopt, false, target(), par}
                                       << QStringLiteral("wrong_role");
    QTest::newRow("unknown target") << MoveInput{c, child, inOne, false, std::nullopt, std::nullopt}
                                    << QStringLiteral("unknown_bag");
    QTest::newRow("target is a child") << MoveInput{c, child, inOne, false, std::nullopt, child}
                                       << QStringLiteral("wrong_role");
    QTest::newRow("already there") << MoveInput{c, child, inTarget, false, target(5), par} << kDuplicate;
    QTest::newRow("already there beats full") << MoveInput{c, child, inTarget, false, target(30), par} << kDuplicate;
    QTest::newRow("source on completed bill") << MoveInput{c, child, inOne, true, target(), par}
                                              << QStringLiteral("bill_completed");
    QTest::newRow("target on completed bill") << MoveInput{c, child, inOne, false, target(3, true), par}
                                              << QStringLiteral("bill_completed");
    QTest::newRow("parent_full") << MoveInput{c, child, inOne, false, target(30), par} << QStringLiteral("parent_full");
    QTest::newRow("unknown child beats unknown target")
        << MoveInput{c, std::nullopt, std::nullopt, false, std::nullopt, std::nullopt} << QStringLiteral("unknown_bag");
    QTest::newRow("completed target beats full") << MoveInput{c, child, inOne, false, target(30, true), par}
                                                 << QStringLiteral("bill_completed");
}

void TestLinkRules::move()
{
    QFETCH(MoveInput, input);
    QFETCH(QString, expected);
    const auto r = decideMove(input);
    QString got;
    if (!r) {
        got = reasonName(r.error().reason);
        QVERIFY(!r.error().message.isEmpty());
    } else {
        got = *r == MoveVerdict::Move ? kOk : kDuplicate;
    }
    QCOMPARE(got, expected);
}

void TestLinkRules::deleteBag_data()
{
    QTest::addColumn<DeleteBagInput>("input");
    QTest::addColumn<QString>("expected");

    const QString c = QStringLiteral("C0001");
    QTest::newRow("free bag") << DeleteBagInput{c, true, false, 0, {}} << kOk;
    QTest::newRow("unknown_bag") << DeleteBagInput{c, false, false, 0, {}} << QStringLiteral("unknown_bag");
    QTest::newRow("linked child") << DeleteBagInput{c, true, true, 0, {}} << QStringLiteral("bag_in_use");
    QTest::newRow("parent with children") << DeleteBagInput{QStringLiteral("SB00001"), true, false, 2, {}}
                                          << QStringLiteral("bag_in_use");
    QTest::newRow("parent on a bill") << DeleteBagInput{QStringLiteral("SB00001"), true, false, 0, QStringLiteral("B-1")}
                                      << QStringLiteral("bag_in_use");
}

void TestLinkRules::deleteBag()
{
    QFETCH(DeleteBagInput, input);
    QFETCH(QString, expected);
    const auto r = decideDeleteBag(input);
    QCOMPARE(r ? kOk : reasonName(r.error().reason), expected);
}

QTEST_APPLESS_MAIN(TestLinkRules)
#include "tst_linkrules.moc"
