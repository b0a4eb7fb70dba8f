// Coalesced change notification (BRIEF §5, migration 005): a connection listening on channel
// tt_changes is woken after another station's command commits, and a burst of commands gives
// at most one notification per 200 ms, never one per command.

#include "core/clock.h"
#include "tests/pg/pgfixture.h"

#include <QElapsedTimer>
#include <QSqlDriver>
#include <QTest>

using namespace tt;

class TstPgNotify : public QObject
{
    Q_OBJECT

private:
    tt::test::CentralDb m_central;
    std::unique_ptr<PgStore> m_writer;
    std::unique_ptr<PgStore> m_listener;
    int m_notifications = 0;

    Outcome run(const CommandBody &body)
    {
        return m_writer->execute(makeCommand(Actor{QStringLiteral("admin"), Role::Admin},
                                             QStringLiteral("st-write"), SystemClock::instance(),
                                             body));
    }

    static QString parent(int i) { return QStringLiteral("SB%1").arg(i, 5, 10, QLatin1Char('0')); }

    // Lets the listener's socket deliver what has arrived.
    void drain(int ms) { QTest::qWait(ms); }

private Q_SLOTS:
    void init()
    {
        TT_REQUIRE_CENTRAL(m_central);
        m_writer = m_central.login(QStringLiteral("admin"), tt::test::kAdminPassword,
                                   QStringLiteral("tt-notify-w"), QStringLiteral("st-write"));
        m_listener = m_central.login(QStringLiteral("admin"), tt::test::kAdminPassword,
                                     QStringLiteral("tt-notify-l"), QStringLiteral("st-listen"));
        QVERIFY(m_writer && m_listener);
        QSqlDriver *driver = m_listener->database().driver();
        QVERIFY(driver->subscribeToNotification(QStringLiteral("tt_changes")));
        m_notifications = 0;
        connect(driver, &QSqlDriver::notification, this,
                [this](const QString &name, QSqlDriver::NotificationSource, const QVariant &) {
                    m_notifications += name == u"tt_changes";
                });
    }

    void cleanup()
    {
        m_listener.reset();
        m_writer.reset();
        m_central.drop();
    }

    void linkWakesAListener()
    {
        QVERIFY(run(cmd::SelectParent{parent(1), {}}).ok());
        drain(300); // the gate opens again; what the select sent is counted and forgotten
        m_notifications = 0;
        QVERIFY(run(cmd::LinkChild{parent(1), QStringLiteral("NOTE0001"), {}}).ok());
        QTRY_VERIFY_WITH_TIMEOUT(m_notifications >= 1, 5000);
    }

    void nothingChangedNothingSent()
    {
        QVERIFY(run(cmd::SelectParent{parent(1), {}}).ok());
        QVERIFY(run(cmd::LinkChild{parent(1), QStringLiteral("NOTE0001"), {}}).ok());
        drain(400);
        m_notifications = 0;
        // A duplicate scan and a rejected one change nothing: no notification.
        QCOMPARE(run(cmd::LinkChild{parent(1), QStringLiteral("NOTE0001"), {}}).reason,
                 Reason::Duplicate);
        QCOMPARE(run(cmd::LinkChild{parent(2), QStringLiteral("NOTE0002"), {}}).reason,
                 Reason::UnknownBag);
        drain(400);
        QCOMPARE(m_notifications, 0);
    }

    void burstIsCoalesced()
    {
        for (int p = 0; p < 4; ++p)
            QVERIFY(run(cmd::SelectParent{parent(10 + p), {}}).ok());
        drain(300);
        m_notifications = 0;
        QElapsedTimer t;
        t.start();
        for (int i = 0; i < 100; ++i) {
            const Outcome o =
                run(cmd::LinkChild{parent(10 + i / 25),
                                   QStringLiteral("BURST%1").arg(i, 4, 10, QLatin1Char('0')),
                                   {}});
            QVERIFY2(o.ok(), qPrintable(o.message));
        }
        const qint64 ms = t.elapsed();
        QTRY_VERIFY_WITH_TIMEOUT(m_notifications >= 1, 5000);
        drain(300);
        // At most one per 200 ms gate interval (plus the one at either end), far below one per
        // link.
        qInfo("100 links in %lld ms: %d notifications", ms, m_notifications);
        QVERIFY2(m_notifications <= ms / 200 + 2, qPrintable(QString::number(m_notifications)));
        QVERIFY(m_notifications < 50);
    }
};

QTEST_MAIN(TstPgNotify)
#include "tst_pgnotify.moc"
