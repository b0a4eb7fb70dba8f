#include <QSignalSpy>
#include <QTest>

#include "scanner/debouncer.h"
#include "scanner/scanhub.h"

using namespace tt;

namespace {

struct Step
{
    const char *source;
    const char *text;
    qint64 atMs;
    bool accepted;
};

} // namespace

Q_DECLARE_METATYPE(QList<Step>)

// BRIEF §4 "Debounce": the same code from the same source within 300 ms is one scan.
class TestDebouncer : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void sequences_data()
    {
        QTest::addColumn<QList<Step>>("steps");
        QTest::newRow("double read") << QList<Step>{{"wedge", "SB00001", 0, true}, {"wedge", "SB00001", 120, false}};
        QTest::newRow("just inside") << QList<Step>{{"wedge", "C0001", 0, true}, {"wedge", "C0001", 299, false}};
        QTest::newRow("just outside") << QList<Step>{{"wedge", "C0001", 0, true}, {"wedge", "C0001", 300, true}};
        QTest::newRow("held trigger") << QList<Step>{{"serial:a", "C0001", 0, true},
                                                      {"serial:a", "C0001", 200, false},
                                                      {"serial:a", "C0001", 400, false},
                                                      {"serial:a", "C0001", 600, false},
                                                      {"serial:a", "C0001", 1000, true}};
        QTest::newRow("other source") << QList<Step>{{"wedge", "C0001", 0, true}, {"serial:a", "C0001", 10, true}};
        QTest::newRow("other code") << QList<Step>{{"wedge", "C0001", 0, true}, {"wedge", "C0002", 10, true}};
        QTest::newRow("code in between") << QList<Step>{{"wedge", "C0001", 0, true},
                                                         {"wedge", "C0002", 50, true},
                                                         {"wedge", "C0001", 100, true}};
        QTest::newRow("trailing space same") << QList<Step>{{"wedge", "C0001", 0, true}, {"wedge", "C0001 ", 100, false}};
        QTest::newRow("clock backwards") << QList<Step>{{"wedge", "C0001", 1000, true}, {"wedge", "C0001", 900, true}};
    }
    void sequences()
    {
        QFETCH(QList<Step>, steps);
        Debouncer d(300);
        for (const Step &s : steps)
            QCOMPARE(d.accept(QString::fromLatin1(s.source), QString::fromLatin1(s.text), s.atMs), s.accepted);
    }

    void hubDebouncesAndTraces()
    {
        qRegisterMetaType<ScanEvent>();
        qRegisterMetaType<TraceEntry>();
        ScanHub hub;
        QSignalSpy ready(&hub, &ScanHub::scanReady);
        QSignalSpy traced(&hub, &ScanHub::traced);
        auto event = [](const char *text, qint64 at) {
            ScanEvent e;
            e.text = QString::fromLatin1(text);
            e.source = QStringLiteral("wedge");
            e.steadyMs = at;
            return e;
        };
        hub.submit(event("SB00001", 1000));
        hub.submit(event("SB00001", 1100));
        hub.submit(event("C0001", 1150));
        hub.setDebounceMs(0);
        hub.submit(event("C0001", 1160));
        QCOMPARE(ready.count(), 3);
        QCOMPARE(ready.at(1).at(0).value<ScanEvent>().text, QStringLiteral("C0001"));
        QCOMPARE(traced.count(), 4);
        QCOMPARE(traced.at(1).at(0).value<TraceEntry>().kind, TraceEntry::Kind::Debounced);
    }
};

QTEST_GUILESS_MAIN(TestDebouncer)
#include "tst_debouncer.moc"
