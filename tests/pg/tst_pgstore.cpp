// The rule tests of the embedded store, re-run against PgStore: every command goes to both a
// SqliteStore (in memory) and the central database, and the answers must agree (result,
// reason, message, counters, bill figures); verify is clean on both afterwards.

#include <QTest>

#include "core/clock.h"
#include "database/centraladmin.h"
#include "database/sqlitestore.h"
#include "database/verifier.h"
#include "tests/database/storefixture.h"
#include "tests/pg/pgfixture.h"

using namespace tt;

namespace {

QString describe(const Outcome &o)
{
    return QStringLiteral("%1/%2 \"%3\" %4 %5/%6 bill %7 %8/%9 %10/%11 ticket %12")
        .arg(resultKindName(o.result), reasonName(o.reason), o.message, o.parent)
        .arg(o.children)
        .arg(o.capacity)
        .arg(o.bill)
        .arg(o.billParents)
        .arg(o.billCapacity)
        .arg(o.actualWeightG)
        .arg(o.expectedWeightG)
        .arg(o.ticket);
}

} // namespace

class TstPgStore : public QObject
{
    Q_OBJECT

private:
    // Runs the command on both stores and compares; returns the central outcome.
    Outcome both(CommandBody body)
    {
        const Command c = makeCommand(Actor{QStringLiteral("admin"), Role::Admin}, QStringLiteral("st-test"), m_clock,
                                      std::move(body));
        const Outcome local = m_sqlite->execute(c);
        const Outcome central = m_pg->execute(c);
        m_clock.advanceMs(250);
        const QString l = describe(local);
        const QString r = describe(central);
        if (l != r)
            m_differences << QStringLiteral("%1:\n  sqlite:   %2\n  postgres: %3").arg(commandKind(c.body), l, r);
        return central;
    }

    void expect(CommandBody body, ResultKind kind, Reason reason = Reason::None)
    {
        const Outcome o = both(std::move(body));
        QVERIFY2(o.result == kind && o.reason == reason, qPrintable(describe(o)));
    }

    ManualClock m_clock{tt::test::startTime()};
    tt::test::CentralDb m_central;
    std::unique_ptr<SqliteStore> m_sqlite;
    std::unique_ptr<PgStore> m_pg;
    QStringList m_differences;

private Q_SLOTS:
    void init()
    {
        m_clock.set(QDateTime::currentDateTimeUtc().addSecs(-7200));
        m_differences.clear();
        TT_REQUIRE_CENTRAL(m_central);
        m_sqlite = tt::test::openMemoryStore(m_clock, QStringLiteral("tt-parity-sqlite"));
        QVERIFY(m_sqlite);
        m_pg = m_central.login(QStringLiteral("admin"), tt::test::kAdminPassword, QStringLiteral("tt-parity-pg"),
                               QStringLiteral("st-test"), &m_clock);
        QVERIFY(m_pg);
    }

    void cleanup()
    {
        if (m_pg && m_sqlite && !QTest::currentTestFailed()) {
            TT_VERIFY_CLEAN(*m_sqlite);
            const auto mismatches = m_pg->verify();
            QVERIFY2(mismatches.has_value(), mismatches ? "" : qPrintable(mismatches.error().message));
            QStringList lines;
            for (const Mismatch &m : *mismatches)
                lines << QStringLiteral("%1 %2: stored %3, computed %4").arg(m.check, m.key, m.stored, m.computed);
            QVERIFY2(lines.isEmpty(), qPrintable(lines.join(QLatin1Char('\n'))));
            QVERIFY2(m_differences.isEmpty(), qPrintable(m_differences.join(QLatin1Char('\n'))));
        }
        m_pg.reset();
        m_sqlite.reset();
        m_central.drop();
    }

    void stream()
    {
        using namespace cmd;
        expect(SelectParent{QStringLiteral("sb00001"), {}}, ResultKind::Ok);
        for (int i = 1; i <= 3; ++i)
            expect(LinkChild{QStringLiteral("SB00001"), QStringLiteral("C000%1").arg(i), {}}, ResultKind::Ok);
        expect(LinkChild{QStringLiteral("SB00001"), QStringLiteral("c0001"), {}}, ResultKind::Duplicate, Reason::Duplicate);
        expect(SelectParent{QStringLiteral("SB00002"), {}}, ResultKind::Ok);
        expect(LinkChild{QStringLiteral("SB00002"), QStringLiteral("C0001"), {}}, ResultKind::Rejected,
               Reason::LinkedElsewhere);
        expect(LinkChild{QStringLiteral("SB00002"), QStringLiteral("SB00002"), {}}, ResultKind::Rejected, Reason::SelfLink);
        expect(LinkChild{QStringLiteral("SB00002"), QStringLiteral("SB00001"), {}}, ResultKind::Rejected, Reason::WrongRole);
        expect(LinkChild{QString(), QStringLiteral("C0009"), {}}, ResultKind::Rejected, Reason::NoParentSelected);
        expect(LinkChild{QStringLiteral("SB00002"), QStringLiteral("  "), {}}, ResultKind::Rejected, Reason::InvalidCode);
        expect(LinkChild{QStringLiteral("SB00002"), QStringLiteral("SB123456"), {}}, ResultKind::Rejected,
               Reason::InvalidCode);
        expect(LinkChild{QStringLiteral("SB99999"), QStringLiteral("C0010"), {}}, ResultKind::Rejected, Reason::UnknownBag);
        expect(LinkChild{QStringLiteral("C0002"), QStringLiteral("C0010"), {}}, ResultKind::Rejected, Reason::WrongRole);
        expect(SelectParent{QStringLiteral("C0002"), {}}, ResultKind::Rejected, Reason::WrongRole);
        expect(SelectParent{QStringLiteral("XY"), {}}, ResultKind::Rejected, Reason::InvalidCode);
        expect(LinkChild{QStringLiteral("SB00002"), QStringLiteral("C0020"), 1234}, ResultKind::Ok);
        expect(LinkChild{QStringLiteral("SB00002"), QStringLiteral("C0021"), -5}, ResultKind::Rejected, Reason::InvalidInput);
        expect(RegisterBag{QStringLiteral("C0030"), {}}, ResultKind::Ok);
        expect(RegisterBag{QStringLiteral("C0030"), {}}, ResultKind::Duplicate, Reason::Duplicate);
        expect(RecordWeight{QStringLiteral("SB00002"), QString(), 2500}, ResultKind::Ok);
    }

    void parentFull()
    {
        using namespace cmd;
        expect(SelectParent{QStringLiteral("M444-00001"), {}}, ResultKind::Ok);
        for (int i = 1; i <= 15; ++i)
            expect(LinkChild{QStringLiteral("M444-00001"), QStringLiteral("CH%1").arg(i, 4, 10, QLatin1Char('0')), {}},
                   ResultKind::Ok);
        expect(LinkChild{QStringLiteral("M444-00001"), QStringLiteral("CH0016"), {}}, ResultKind::Rejected,
               Reason::ParentFull);
        expect(SelectParent{QStringLiteral("M444-00001"), {}}, ResultKind::Ok);
        expect(MoveChild{QStringLiteral("CH0016"), QStringLiteral("M444-00001")}, ResultKind::Rejected, Reason::UnknownBag);
    }

    void undo()
    {
        using namespace cmd;
        expect(UndoLastLink{}, ResultKind::Rejected, Reason::NothingToUndo);
        expect(SelectParent{QStringLiteral("SB00001"), {}}, ResultKind::Ok);
        expect(LinkChild{QStringLiteral("SB00001"), QStringLiteral("C0001"), {}}, ResultKind::Ok);
        expect(LinkChild{QStringLiteral("SB00001"), QStringLiteral("C0002"), {}}, ResultKind::Ok);
        expect(UndoLastLink{}, ResultKind::Ok);
        expect(LinkChild{QStringLiteral("SB00001"), QStringLiteral("C0002"), {}}, ResultKind::Ok);
        m_clock.advanceSeconds(3601);
        expect(UndoLastLink{}, ResultKind::Rejected, Reason::UndoWindowExpired);
        expect(SelectParent{QStringLiteral("SB00002"), {}}, ResultKind::Ok);
        expect(MoveChild{QStringLiteral("C0002"), QStringLiteral("SB00002")}, ResultKind::Ok);
        expect(MoveChild{QStringLiteral("C0002"), QStringLiteral("SB00002")}, ResultKind::Duplicate, Reason::Duplicate);
        expect(UndoLastLink{}, ResultKind::Ok);
        expect(UndoLastLink{}, ResultKind::Rejected, Reason::UndoWindowExpired);
        expect(DeleteBag{QStringLiteral("C0002")}, ResultKind::Rejected, Reason::BagInUse);
        expect(RegisterBag{QStringLiteral("C0099"), {}}, ResultKind::Ok);
        expect(DeleteBag{QStringLiteral("C0099")}, ResultKind::Ok);
        expect(DeleteBag{QStringLiteral("C0099")}, ResultKind::Rejected, Reason::UnknownBag);
    }

    void bills()
    {
        using namespace cmd;
        expect(CreateBill{QStringLiteral("b-1"), 2}, ResultKind::Ok);
        expect(CreateBill{QStringLiteral("B-1"), 2}, ResultKind::Rejected, Reason::BillExists);
        expect(CreateBill{QStringLiteral("x"), 2}, ResultKind::Rejected, Reason::InvalidBillId);
        expect(CreateBill{QStringLiteral("B-2"), 0}, ResultKind::Rejected, Reason::InvalidCapacity);
        expect(CreateBill{QStringLiteral("B-2"), 501}, ResultKind::Rejected, Reason::InvalidCapacity);
        expect(SelectParent{QStringLiteral("SB00001"), {}}, ResultKind::Ok);
        expect(LinkChild{QStringLiteral("SB00001"), QStringLiteral("C0001"), {}}, ResultKind::Ok);
        expect(SelectParent{QStringLiteral("SB00002"), {}}, ResultKind::Ok);
        expect(SelectParent{QStringLiteral("SB00003"), {}}, ResultKind::Ok);
        expect(AddParentToBill{QStringLiteral("B-1"), QStringLiteral("SB00001")}, ResultKind::Ok);
        expect(AddParentToBill{QStringLiteral("B-1"), QStringLiteral("sb00001")}, ResultKind::Duplicate, Reason::Duplicate);
        expect(AddParentToBill{QStringLiteral("B-1"), QStringLiteral("C0001")}, ResultKind::Rejected, Reason::WrongRole);
        expect(AddParentToBill{QStringLiteral("B-1"), QStringLiteral("SB99999")}, ResultKind::Rejected, Reason::UnknownBag);
        expect(AddParentToBill{QStringLiteral("B-9"), QStringLiteral("SB00002")}, ResultKind::Rejected, Reason::UnknownBill);
        expect(CompleteBill{QStringLiteral("B-1")}, ResultKind::Rejected, Reason::BillNotFull);
        expect(AddParentToBill{QStringLiteral("B-1"), QStringLiteral("SB00002")}, ResultKind::Ok);
        expect(AddParentToBill{QStringLiteral("B-1"), QStringLiteral("SB00003")}, ResultKind::Rejected, Reason::BillFull);
        expect(CreateBill{QStringLiteral("B-2"), 3}, ResultKind::Ok);
        expect(AddParentToBill{QStringLiteral("B-2"), QStringLiteral("SB00001")}, ResultKind::Rejected, Reason::OnOtherBill);
        expect(CompleteBill{QStringLiteral("B-1")}, ResultKind::Ok);
        expect(CompleteBill{QStringLiteral("B-1")}, ResultKind::Rejected, Reason::BillCompleted);
        expect(LinkChild{QStringLiteral("SB00001"), QStringLiteral("C0002"), {}}, ResultKind::Rejected,
               Reason::BillCompleted);
        expect(UndoLastLink{}, ResultKind::Rejected, Reason::BillCompleted);
        expect(SetBillCapacity{QStringLiteral("B-1"), 3}, ResultKind::Rejected, Reason::BillCompleted);
        expect(ReopenBill{QStringLiteral("B-1")}, ResultKind::Ok);
        expect(ReopenBill{QStringLiteral("B-1")}, ResultKind::Rejected, Reason::InvalidInput);
        expect(CompleteBill{QStringLiteral("B-1")}, ResultKind::Ok);
        expect(RemoveParentFromBill{QStringLiteral("B-1"), QStringLiteral("SB00002")}, ResultKind::Ok);
        expect(RemoveParentFromBill{QStringLiteral("B-1"), QStringLiteral("SB00002")}, ResultKind::Rejected,
               Reason::NotOnBill);
        expect(SetBillCapacity{QStringLiteral("B-1"), 0}, ResultKind::Rejected, Reason::InvalidCapacity);
        expect(SetBillCapacity{QStringLiteral("B-2"), 3}, ResultKind::Duplicate, Reason::Duplicate);
        expect(AddParentToBill{QStringLiteral("B-2"), QStringLiteral("SB00002")}, ResultKind::Ok);
        expect(AddParentToBill{QStringLiteral("B-2"), QStringLiteral("SB00003")}, ResultKind::Ok);
        expect(SetBillCapacity{QStringLiteral("B-2"), 1}, ResultKind::Rejected, Reason::CapacityBelowLinked);
        expect(SetBillCapacity{QStringLiteral("B-2"), 2}, ResultKind::Ok);
        expect(RecordWeight{QString(), QStringLiteral("B-2"), 61000}, ResultKind::Ok);
        expect(DeleteBill{QStringLiteral("B-2")}, ResultKind::Ok);
        expect(DeleteBill{QStringLiteral("B-2")}, ResultKind::Rejected, Reason::UnknownBill);
        expect(AddParentToBill{QStringLiteral("B-1"), QStringLiteral("SB00003")}, ResultKind::Ok);
    }

    void weights()
    {
        using namespace cmd;
        expect(CreateBill{QStringLiteral("W-1"), 1}, ResultKind::Ok);
        expect(SelectParent{QStringLiteral("SB00010"), {}}, ResultKind::Ok);
        for (int i = 1; i <= 5; ++i)
            expect(LinkChild{QStringLiteral("SB00010"), QStringLiteral("W000%1").arg(i), {}}, ResultKind::Ok);
        const Outcome added = both(AddParentToBill{QStringLiteral("W-1"), QStringLiteral("SB00010")});
        QCOMPARE(added.actualWeightG, 5000);
        QCOMPARE(added.expectedWeightG, 30000);
        const auto bill = m_pg->bill(QStringLiteral("w-1"));
        QVERIFY(bill && *bill);
        QCOMPARE((*bill)->weights.actualG, 5000);
        QCOMPARE((*bill)->weights.expectedG, 30000);
        QCOMPARE((*bill)->lines.size(), 1);
        QCOMPARE((*bill)->lines.first().childCount, 5);
        // A child linked while the parent is on the bill changes the bill in the same command.
        expect(LinkChild{QStringLiteral("SB00010"), QStringLiteral("W0006"), 1500}, ResultKind::Ok);
        expect(UndoLastLink{}, ResultKind::Ok);
        const auto bag = m_pg->bag(QStringLiteral("sb00010"));
        QVERIFY(bag && *bag);
        QCOMPARE((*bag)->childCount, 5);
        QCOMPARE((*bag)->billId, QStringLiteral("W-1"));
        QCOMPARE((*bag)->children.size(), 5);
        const auto child = m_pg->bag(QStringLiteral("W0001"));
        QVERIFY(child && *child);
        QCOMPARE((*child)->parentCode, QStringLiteral("SB00010"));
        QCOMPARE((*child)->weightG, 1000);
    }

    void returns()
    {
        using namespace cmd;
        expect(CreateBill{QStringLiteral("R-1"), 2}, ResultKind::Ok);
        for (const char *p : {"SB00001", "SB00002", "SB00003"})
            expect(SelectParent{QString::fromLatin1(p), {}}, ResultKind::Ok);
        expect(LinkChild{QStringLiteral("SB00001"), QStringLiteral("R0001"), {}}, ResultKind::Ok);
        expect(LinkChild{QStringLiteral("SB00001"), QStringLiteral("R0002"), 1500}, ResultKind::Ok);
        expect(AddParentToBill{QStringLiteral("R-1"), QStringLiteral("SB00001")}, ResultKind::Ok);
        expect(AddParentToBill{QStringLiteral("R-1"), QStringLiteral("SB00002")}, ResultKind::Ok);
        expect(CompleteBill{QStringLiteral("R-1")}, ResultKind::Ok);
        const Outcome opened = both(OpenReturn{});
        QVERIFY2(opened.ok(), qPrintable(describe(opened)));
        const QString id = opened.ticket;
        QVERIFY2(normalizeReturnId(id).has_value(), qPrintable(id));
        expect(FinaliseReturn{id}, ResultKind::Rejected, Reason::ReturnEmpty);
        expect(ReturnParent{QStringLiteral("RTN-1"), QStringLiteral("SB00001")}, ResultKind::Rejected,
               Reason::InvalidReturnId);
        expect(ReturnParent{QStringLiteral("RTN-20240230-0001"), QStringLiteral("SB00001")}, ResultKind::Rejected,
               Reason::InvalidReturnId);
        expect(ReturnParent{QStringLiteral("RTN-20240301-0999"), QStringLiteral("SB00001")}, ResultKind::Rejected,
               Reason::UnknownReturn);
        expect(ReturnParent{id, QStringLiteral(" ")}, ResultKind::Rejected, Reason::InvalidCode);
        expect(ReturnParent{id, QStringLiteral("SB99999")}, ResultKind::Rejected, Reason::UnknownBag);
        expect(ReturnParent{id, QStringLiteral("R0001")}, ResultKind::Rejected, Reason::WrongRole);
        expect(ReturnParent{id, QStringLiteral("SB00003")}, ResultKind::Rejected, Reason::NotOnAnyBill);
        const Outcome returned = both(ReturnParent{id.toLower(), QStringLiteral("sb00001")});
        QVERIFY2(returned.ok() && returned.billStatus == BillStatus::Open && returned.billParents == 1,
                 qPrintable(describe(returned)));
        expect(ReturnParent{id, QStringLiteral("SB00001")}, ResultKind::Rejected, Reason::AlreadyReturned);
        expect(ReturnParent{id, QStringLiteral("SB00002")}, ResultKind::Ok);
        expect(FinaliseReturn{id}, ResultKind::Ok);
        expect(FinaliseReturn{id}, ResultKind::Rejected, Reason::ReturnNotOpen);
        expect(ReturnParent{id, QStringLiteral("SB00003")}, ResultKind::Rejected, Reason::ReturnNotOpen);
        // A second ticket the same day, cancelled with one bag: the record stays.
        expect(AddParentToBill{QStringLiteral("R-1"), QStringLiteral("SB00001")}, ResultKind::Ok);
        const Outcome second = both(OpenReturn{});
        QCOMPARE(second.ticket.left(13), id.left(13));
        QCOMPARE(second.ticket.right(4).toInt(), id.right(4).toInt() + 1);
        expect(ReturnParent{second.ticket, QStringLiteral("SB00001")}, ResultKind::Ok);
        expect(CancelReturn{second.ticket}, ResultKind::Ok);
        expect(CancelReturn{second.ticket}, ResultKind::Rejected, Reason::ReturnNotOpen);
        expect(CancelReturn{QStringLiteral("RTN-20240301-0999")}, ResultKind::Rejected, Reason::UnknownReturn);

        // The read models agree.
        for (const QString &t : {id, second.ticket}) {
            const auto local = m_sqlite->returnTicket(t);
            const auto central = m_pg->returnTicket(t.toLower());
            QVERIFY(local && *local && central && *central);
            QCOMPARE((*central)->id, (*local)->id);
            QCOMPARE((*central)->status, (*local)->status);
            QCOMPARE((*central)->parentCount, (*local)->parentCount);
            QCOMPARE((*central)->weightG, (*local)->weightG);
            QCOMPARE((*central)->openedBy, QStringLiteral("admin"));
            QCOMPARE((*central)->closedAt, (*local)->closedAt);
            QCOMPARE((*central)->lines.size(), (*local)->lines.size());
            for (qsizetype i = 0; i < (*local)->lines.size(); ++i) {
                const ReturnLine &a = (*local)->lines.at(i);
                const ReturnLine &b = (*central)->lines.at(i);
                QCOMPARE(b.parentCode, a.parentCode);
                QCOMPARE(b.billId, a.billId);
                QCOMPARE(b.childCount, a.childCount);
                QCOMPARE(b.weightG, a.weightG);
                QCOMPARE(b.returnedAt, a.returnedAt);
            }
        }
        const auto first = m_pg->returnTicket(id);
        QCOMPARE((*first)->lines.first().weightG, 2500);
        QCOMPARE((*first)->lines.first().childCount, 2);
        const auto cancelled = m_pg->returnTickets(ReturnListFilter{ReturnStatus::Cancelled, 10});
        QVERIFY(cancelled);
        QCOMPARE(cancelled->size(), 1);
        QCOMPARE(cancelled->first().id, second.ticket);
        const auto all = m_pg->returnTickets({});
        QVERIFY(all);
        QCOMPARE(all->size(), 2);
        QVERIFY(!m_pg->returnTicket(QStringLiteral("RTN-20240301-0999")).value().has_value());
        QCOMPARE(m_pg->returnTicket(QStringLiteral("nope")).error().reason, Reason::InvalidReturnId);
    }

    void replayedCommandAppliesOnce()
    {
        const Command c = makeCommand(Actor{QStringLiteral("admin"), Role::Admin}, QStringLiteral("st-test"), m_clock,
                                      cmd::SelectParent{QStringLiteral("SB00042"), {}});
        const Outcome first = m_pg->execute(c);
        QVERIFY2(first.ok(), qPrintable(describe(first)));
        const Outcome again = m_pg->execute(c);
        QCOMPARE(describe(again), describe(first));
        QCOMPARE(again.commandId, c.meta.id);
        QVERIFY(m_sqlite->execute(c).ok()); // keeps the parity check of cleanup() meaningful
    }

    // Bag types, areas and stations (admin commands): the same rules and messages on both.
    // The site's settings centrally (undo window, business time zone): read by any session,
    // changed by an admin with one audit record per changed value; bad values, unknown names
    // and other roles are refused and change nothing.
    void siteSettings()
    {
        CentralAdmin admin(*m_pg);
        const auto before = admin.settings();
        QVERIFY2(before, before ? "" : qPrintable(before.error().message));
        QCOMPARE(before->value(QStringLiteral("undo_window_seconds")), QStringLiteral("3600"));
        const auto changed = admin.setSettings({{QStringLiteral("undo_window_seconds"), QStringLiteral("900")},
                                                {QStringLiteral("business_time_zone"), QStringLiteral("Europe/Berlin")}});
        QVERIFY2(changed, changed ? "" : qPrintable(changed.error().message));
        QCOMPARE(*changed, QStringLiteral("2 setting(s) changed."));
        QCOMPARE(*admin.setSettings({{QStringLiteral("undo_window_seconds"), QStringLiteral("900")}}),
                 QStringLiteral("0 setting(s) changed."));
        const QMap<QString, QString> expected{{QStringLiteral("undo_window_seconds"), QStringLiteral("900")},
                                              {QStringLiteral("business_time_zone"), QStringLiteral("Europe/Berlin")}};
        QCOMPARE(*admin.settings(), expected);
        QCOMPARE(tt::test::sessionCount(*m_pg, QStringLiteral("SELECT count(*) FROM audit_log WHERE action = "
                                                              "'setting.update' AND actor = 'admin'")),
                 2);

        const QList<std::pair<QMap<QString, QString>, QString>> refused{
            {{{QStringLiteral("business_time_zone"), QStringLiteral("Mars/Olympus")}}, QStringLiteral("is not a time zone")},
            {{{QStringLiteral("undo_window_seconds"), QStringLiteral("10")}}, QStringLiteral("1 minute to 24 hours")},
            {{{QStringLiteral("undo_window_seconds"), QStringLiteral("99999999")}}, QStringLiteral("1 minute to 24 hours")},
            // checked before anything is stored: the good value beside a bad one is not taken
            {{{QStringLiteral("business_time_zone"), QStringLiteral("UTC")}, {QStringLiteral("colour"), QStringLiteral("blue")}},
             QStringLiteral("There is no setting colour")}};
        for (const auto &[values, why] : refused) {
            const auto r = admin.setSettings(values);
            QVERIFY(!r);
            QCOMPARE(r.error().reason, Reason::InvalidInput);
            QVERIFY2(r.error().message.contains(why), qPrintable(r.error().message));
        }
        QCOMPARE(*admin.settings(), expected);

        QVERIFY(m_pg->addUser(QStringLiteral("dora"), QStringLiteral("Dispatch-2024!"), Role::Dispatcher));
        auto dora = m_central.login(QStringLiteral("dora"), QStringLiteral("Dispatch-2024!"),
                                    QStringLiteral("tt-settings-dora"), QStringLiteral("st-test"));
        QVERIFY(dora);
        QCOMPARE(*CentralAdmin(*dora).settings(), expected);
        const auto denied = CentralAdmin(*dora).setSettings({{QStringLiteral("undo_window_seconds"), QStringLiteral("60")}});
        QVERIFY(!denied);
        QVERIFY2(denied.error().message.contains(QStringLiteral("may not change the settings")),
                 qPrintable(denied.error().message));
        QCOMPARE(*admin.settings(), expected);
    }

    void adminData()
    {
        using namespace cmd;
        expect(AddArea{QStringLiteral("  North   Yard ")}, ResultKind::Ok);
        expect(AddArea{QStringLiteral("north yard")}, ResultKind::Rejected, Reason::InvalidArea);
        expect(AddArea{QStringLiteral("   ")}, ResultKind::Rejected, Reason::InvalidArea);
        expect(AddStation{QStringLiteral("dock-7"), QStringLiteral("north yard")}, ResultKind::Ok);
        expect(AddStation{QStringLiteral("dock 7"), QStringLiteral("North Yard")}, ResultKind::Rejected,
               Reason::InvalidInput);
        expect(AddStation{QStringLiteral("dock-7"), QStringLiteral("North Yard")}, ResultKind::Rejected,
               Reason::InvalidInput);
        expect(AddStation{QStringLiteral("dock-8"), QStringLiteral("Nowhere")}, ResultKind::Rejected, Reason::InvalidArea);
        expect(SetArea{QStringLiteral("North Yard"), std::nullopt, false}, ResultKind::Ok);
        expect(AddStation{QStringLiteral("dock-8"), QStringLiteral("North Yard")}, ResultKind::Rejected,
               Reason::InvalidArea);
        expect(DeleteArea{QStringLiteral("North Yard")}, ResultKind::Rejected, Reason::InvalidArea);
        expect(SetArea{QStringLiteral("North Yard"), QStringLiteral("Lucknow"), std::nullopt}, ResultKind::Rejected,
               Reason::InvalidArea);
        expect(SetArea{QStringLiteral("North Yard"), QStringLiteral("South Yard"), true}, ResultKind::Ok);
        expect(SetArea{QStringLiteral("South Yard"), std::nullopt, true}, ResultKind::Ok); // unchanged
        expect(SetStation{QStringLiteral("dock-7"), std::nullopt, false}, ResultKind::Ok);
        expect(SetStation{QStringLiteral("dock-7"), std::nullopt, false}, ResultKind::Ok); // unchanged
        expect(SetStation{QStringLiteral("dock-9"), std::nullopt, true}, ResultKind::Rejected, Reason::InvalidInput);
        expect(AddArea{QStringLiteral("Spare")}, ResultKind::Ok);
        expect(DeleteArea{QStringLiteral("spare")}, ResultKind::Ok);

        expect(AddBagType{QStringLiteral("Crate"), QStringLiteral("parent"), QStringLiteral("^CR\\d{4}$"), 12, 0, 12000},
               ResultKind::Ok);
        expect(AddBagType{QStringLiteral("crate"), QStringLiteral("parent"), QStringLiteral("^CX\\d{4}$"), 12, 0, 0},
               ResultKind::Rejected, Reason::InvalidInput);
        expect(AddBagType{QStringLiteral("Crate2"), QStringLiteral("parent"), QStringLiteral("^CR\\d{5}$"), 12, 0, 0},
               ResultKind::Rejected, Reason::InvalidInput); // prefix overlaps
        expect(AddBagType{QStringLiteral("Tote"), QStringLiteral("box"), QStringLiteral("^TO\\d{4}$"), 5, 0, 0},
               ResultKind::Rejected, Reason::InvalidInput);
        expect(AddBagType{QStringLiteral("Tote"), QStringLiteral("parent"), QStringLiteral("^TO\\d{4}$"), 0, 0, 0},
               ResultKind::Rejected, Reason::InvalidCapacity);
        expect(AddBagType{QStringLiteral("Tote"), QStringLiteral("parent"), QStringLiteral("^TO\\d{4}$"), 20000, 0, 0},
               ResultKind::Rejected, Reason::InvalidCapacity);
        expect(AddBagType{QStringLiteral("Tote"), QStringLiteral("parent"), QStringLiteral("^TO\\d{4}$"), 5, 0,
                          20'000'000},
               ResultKind::Rejected, Reason::InvalidInput);
        expect(SetBagType{QStringLiteral("CHILD"), std::nullopt, 5, std::nullopt, std::nullopt, std::nullopt},
               ResultKind::Rejected, Reason::InvalidCapacity);
        expect(SelectParent{QStringLiteral("CR0001"), {}}, ResultKind::Ok);
        expect(LinkChild{QStringLiteral("CR0001"), QStringLiteral("C7001"), {}}, ResultKind::Ok);
        expect(SetBagType{QStringLiteral("crate"), std::nullopt, 20, std::nullopt, 15000, std::nullopt}, ResultKind::Ok);
        expect(SetBagType{QStringLiteral("Crate"), std::nullopt, 20, std::nullopt, 15000, std::nullopt},
               ResultKind::Ok); // unchanged
        expect(DeleteBagType{QStringLiteral("Crate")}, ResultKind::Rejected, Reason::BagInUse);
        expect(SetBagType{QStringLiteral("Crate"), std::nullopt, std::nullopt, std::nullopt, std::nullopt, false},
               ResultKind::Ok);
        // An inactive type classifies no new code: CR0002 is then a child code (CHILD's pattern).
        expect(SelectParent{QStringLiteral("CR0002"), {}}, ResultKind::Rejected, Reason::WrongRole);
        expect(AddBagType{QStringLiteral("Bin"), QStringLiteral("child"), QStringLiteral("^BN\\d{4}$"), 0, 500, 0},
               ResultKind::Ok);
        expect(DeleteBagType{QStringLiteral("bin")}, ResultKind::Ok);
        expect(DeleteBagType{QStringLiteral("Nope")}, ResultKind::Rejected, Reason::InvalidInput);

        // A pattern that does not compile: the same answer, each engine words its own error.
        const Command bad = makeCommand(Actor{QStringLiteral("admin"), Role::Admin}, QStringLiteral("st-test"), m_clock,
                                        AddBagType{QStringLiteral("Odd"), QStringLiteral("parent"),
                                                   QStringLiteral("^OD[\\d{4}$"), 5, 0, 0});
        for (const Outcome &o : {m_sqlite->execute(bad), m_pg->execute(bad)}) {
            QCOMPARE(o.reason, Reason::InvalidInput);
            QVERIFY2(o.message.startsWith(QStringLiteral("The code pattern of bag type Odd is not a valid regular")),
                     qPrintable(o.message));
        }

        // The central lists show what the commands did.
        const auto areas = CentralAdmin(*m_pg).areas();
        QVERIFY2(areas, areas ? "" : qPrintable(areas.error().message));
        const auto south = std::find_if(areas->cbegin(), areas->cend(),
                                        [](const AreaRow &a) { return a.name == u"South Yard"; });
        QVERIFY(south != areas->cend());
        QVERIFY(south->active);
        QCOMPARE(south->stations, 1);
        const auto stations = CentralAdmin(*m_pg).stations();
        QVERIFY(stations);
        const auto dock = std::find_if(stations->cbegin(), stations->cend(),
                                       [](const StationRow &s) { return s.id == u"dock-7"; });
        QVERIFY(dock != stations->cend());
        QCOMPARE(dock->area, QStringLiteral("South Yard"));
        QVERIFY(!dock->active);
        const auto types = m_pg->bagTypes();
        QVERIFY(types);
        QVERIFY(types->byName(QStringLiteral("Crate")).has_value());
        QCOMPARE(types->byName(QStringLiteral("Crate"))->capacity, 20);
        QVERIFY(!types->byName(QStringLiteral("Crate"))->active);
    
        // A user's dispatch area, set centrally: only an existing, active area.
        const auto placed = CentralAdmin(*m_pg).setUserArea(QStringLiteral("admin"), QStringLiteral("south yard"));
        QVERIFY2(placed, placed ? "" : qPrintable(placed.error().message));
        QCOMPARE(*placed, QStringLiteral("User admin works in area South Yard."));
        QCOMPARE(CentralAdmin(*m_pg).setUserArea(QStringLiteral("admin"), QStringLiteral("Nowhere")).error().reason,
                 Reason::InvalidArea);
        const auto after = CentralAdmin(*m_pg).areas();
        QVERIFY(after);
        QCOMPARE(std::find_if(after->cbegin(), after->cend(), [](const AreaRow &a) { return a.name == u"South Yard"; })
                     ->users,
                 1);
    }
};

QTEST_GUILESS_MAIN(TstPgStore)
#include "tst_pgstore.moc"
