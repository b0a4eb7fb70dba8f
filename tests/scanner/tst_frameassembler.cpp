#include <QRandomGenerator>
#include <QTest>

#include "scanner/frameassembler.h"

using namespace tt;

Q_DECLARE_METATYPE(tt::Terminator)

namespace {

QStringList strings(std::initializer_list<const char *> list)
{
    QStringList out;
    for (const char *s : list)
        out << QString::fromUtf8(s);
    return out;
}

struct Collected
{
    QStringList frames;
    QStringList errors;
};

void collect(Collected &c, FrameAssembler::Output out)
{
    for (auto &item : out) {
        if (item)
            c.frames << item->text;
        else
            c.errors << item.error().message;
    }
}

// Feeds `bytes` in the given chunk sizes (cycled), 1 ms apart, then lets everything expire.
Collected run(const FrameAssemblerOptions &options, const QByteArray &bytes, const QList<int> &chunks)
{
    FrameAssembler a(options);
    Collected c;
    qint64 now = 1000;
    qsizetype pos = 0;
    int i = 0;
    while (pos < bytes.size()) {
        const int n = chunks.isEmpty() ? int(bytes.size()) : qMax(1, chunks[i++ % chunks.size()]);
        collect(c, a.feed(QByteArrayView(bytes).sliced(pos, qMin<qsizetype>(n, bytes.size() - pos)), now));
        pos += n;
        now += 1;
    }
    collect(c, a.expire(now + 100'000));
    return c;
}

QByteArray terminated(const QStringList &frames, const QByteArray &terminator)
{
    QByteArray out;
    for (const QString &f : frames)
        out += f.toUtf8() + terminator;
    return out;
}

QByteArray terminatorBytes(Terminator t)
{
    switch (t) {
    case Terminator::Cr: return "\r";
    case Terminator::Lf: return "\n";
    case Terminator::CrLf: return "\r\n";
    case Terminator::None: return {};
    }
    return {};
}

QByteArray garbage(quint32 seed, int size)
{
    QRandomGenerator rng(seed);
    QByteArray out(size, Qt::Uninitialized);
    for (char &c : out)
        c = char(rng.bounded(256));
    return out;
}

} // namespace

// Frame assembly of serial scanner bytes (BRIEF §4 "Serial"), driven with explicit times.
class TestFrameAssembler : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void frames_data()
    {
        QTest::addColumn<Terminator>("terminator");
        QTest::addColumn<QByteArray>("bytes");
        QTest::addColumn<QStringList>("frames");
        QTest::addColumn<int>("errors");

        QTest::newRow("cr") << Terminator::Cr << QByteArray("SB00001\rC0001\r") << strings({"SB00001", "C0001"}) << 0;
        QTest::newRow("cr takes crlf") << Terminator::Cr << QByteArray("SB00001\r\nC0001\r\n")
                                       << strings({"SB00001", "C0001"}) << 0;
        QTest::newRow("lf") << Terminator::Lf << QByteArray("SB00001\nC0001\n") << strings({"SB00001", "C0001"}) << 0;
        QTest::newRow("lf takes crlf") << Terminator::Lf << QByteArray("SB00001\r\nC0001\r\n")
                                       << strings({"SB00001", "C0001"}) << 0;
        QTest::newRow("crlf") << Terminator::CrLf << QByteArray("SB00001\r\nC0001\r\n")
                              << strings({"SB00001", "C0001"}) << 0;
        QTest::newRow("crlf lone cr is binary") << Terminator::CrLf << QByteArray("SB0\r0001\r\nC0001\r\n")
                                                << strings({"C0001"}) << 1;
        QTest::newRow("lf with cr terminator setting") << Terminator::Cr << QByteArray("SB00001\nC0001\n")
                                                       << strings({}) << 1;
        QTest::newRow("gs kept") << Terminator::Cr << QByteArray("]C10034012345000000001710AB\x1d" "3103001250\r")
                                 << QStringList{QStringLiteral("]C10034012345000000001710AB\u001D3103001250")} << 0;
        QTest::newRow("utf8 text") << Terminator::Cr << QByteArray("K\xC3\xA4se1\r")
                                   << QStringList{QStringLiteral("K\u00E4se1")} << 0;
        QTest::newRow("invalid utf8") << Terminator::Cr << QByteArray("AB\xC3\x28" "CD\rSB00001\r")
                                      << strings({"SB00001"}) << 1;
        QTest::newRow("empty frames ignored") << Terminator::Lf << QByteArray("\n\n\nSB00001\n\n")
                                              << strings({"SB00001"}) << 0;
        QTest::newRow("too short") << Terminator::Cr << QByteArray("AB\rSB00001\r") << strings({"SB00001"}) << 1;
        QTest::newRow("binary") << Terminator::Cr << QByteArray("\x01\x02\x03\x04\x05\rSB00001\r")
                                << strings({"SB00001"}) << 1;
        QTest::newRow("del") << Terminator::Cr << QByteArray("SB0\x7f" "0001\rSB00001\r") << strings({"SB00001"}) << 1;
        QTest::newRow("overlong") << Terminator::Cr << (QByteArray(300, 'A') + "\rSB00001\r") << strings({"SB00001"})
                                  << 1;
        QTest::newRow("exactly max") << Terminator::Cr << (QByteArray(256, 'A') + "\r")
                                     << QStringList{QString(256, QLatin1Char('A'))} << 0;
        QTest::newRow("none single") << Terminator::None << QByteArray("SB00001") << strings({"SB00001"}) << 0;
        QTest::newRow("partial at end is stale") << Terminator::Cr << QByteArray("SB00001\rC00") << strings({"SB00001"})
                                                 << 1;
    }
    void frames()
    {
        QFETCH(Terminator, terminator);
        QFETCH(QByteArray, bytes);
        QFETCH(QStringList, frames);
        QFETCH(int, errors);
        FrameAssemblerOptions o;
        o.terminator = terminator;
        const Collected whole = run(o, bytes, {});
        QCOMPARE(whole.frames, frames);
        QCOMPARE(whole.errors.size(), errors);
        for (const QString &e : whole.errors)
            QVERIFY2(e.size() > 20 && !e.contains(QChar(0)), qPrintable(e));
        // Byte by byte gives the same.
        const Collected single = run(o, bytes, {1});
        QCOMPARE(single.frames, frames);
        QCOMPARE(single.errors.size(), errors);
    }

    // Every split of every frame into chunks yields the same frames.
    void arbitraryChunks_data()
    {
        QTest::addColumn<Terminator>("terminator");
        QTest::newRow("cr") << Terminator::Cr;
        QTest::newRow("lf") << Terminator::Lf;
        QTest::newRow("crlf") << Terminator::CrLf;
    }
    void arbitraryChunks()
    {
        QFETCH(Terminator, terminator);
        const QStringList codes{QStringLiteral("SB00001"), QStringLiteral("C0001"), QStringLiteral("TT:UNDO"),
                                QStringLiteral("]C100340123450000000017\u001D10X"), QStringLiteral("M444-00001")};
        const QByteArray bytes = terminated(codes, terminatorBytes(terminator));
        FrameAssemblerOptions o;
        o.terminator = terminator;
        for (qsizetype cut = 1; cut < bytes.size(); ++cut) {
            const Collected c = run(o, bytes, {int(cut), int(bytes.size())});
            QCOMPARE(c.frames, codes);
            QVERIFY(c.errors.isEmpty());
        }
        QRandomGenerator rng(42);
        for (int round = 0; round < 200; ++round) {
            QList<int> chunks;
            for (int i = 0; i < 8; ++i)
                chunks << rng.bounded(1, 9);
            const Collected c = run(o, bytes, chunks);
            QCOMPARE(c.frames, codes);
            QVERIFY(c.errors.isEmpty());
        }
    }

    // 4 kB of random bytes between good frames: the good frames all come through, the garbage
    // is reported, nothing of it becomes a scan.
    void binaryGarbage_data()
    {
        QTest::addColumn<Terminator>("terminator");
        QTest::addColumn<quint32>("seed");
        for (quint32 seed : {1u, 2u, 3u, 4u, 5u}) {
            QTest::addRow("cr %u", seed) << Terminator::Cr << seed;
            QTest::addRow("lf %u", seed) << Terminator::Lf << seed;
            QTest::addRow("crlf %u", seed) << Terminator::CrLf << seed;
        }
    }
    void binaryGarbage()
    {
        QFETCH(Terminator, terminator);
        QFETCH(quint32, seed);
        const QByteArray t = terminatorBytes(terminator);
        const QByteArray bytes = "SB00001" + t + "C0001" + t + garbage(seed, 4096) + t + "C0002" + t + "C0003" + t;
        FrameAssemblerOptions o;
        o.terminator = terminator;
        for (const QList<int> &chunks : {QList<int>{}, QList<int>{1}, QList<int>{7, 64, 3, 500}}) {
            const Collected c = run(o, bytes, chunks);
            QCOMPARE(c.frames, (strings({"SB00001", "C0001", "C0002", "C0003"})));
            QVERIFY(!c.errors.isEmpty());
        }
    }

    void noneModeSplitsOnSilence()
    {
        FrameAssemblerOptions o;
        o.terminator = Terminator::None;
        o.interByteTimeoutMs = 50;
        FrameAssembler a(o);
        Collected c;
        collect(c, a.feed("SB0", 0));
        collect(c, a.feed("0001", 20)); // 20 ms later: same frame
        QVERIFY(a.deadline().has_value());
        QCOMPARE(*a.deadline(), 70);
        collect(c, a.expire(69));
        QVERIFY(c.frames.isEmpty());
        collect(c, a.expire(70));
        QCOMPARE(c.frames, strings({"SB00001"}));
        QVERIFY(!a.deadline());
        // A chunk after the deadline but before expire() was called ends the previous frame first.
        collect(c, a.feed("C0001", 100));
        collect(c, a.feed("C0002", 200));
        collect(c, a.expire(1000));
        QCOMPARE(c.frames, (strings({"SB00001", "C0001", "C0002"})));
        QVERIFY(c.errors.isEmpty());
    }

    void staleFrameDropped()
    {
        FrameAssemblerOptions o;
        o.terminator = Terminator::Cr;
        o.staleFrameMs = 500;
        FrameAssembler a(o);
        Collected c;
        collect(c, a.feed("SB000", 0)); // the scanner was unplugged mid-frame
        collect(c, a.feed("C0001\r", 800));
        QCOMPARE(c.frames, strings({"C0001"}));
        QCOMPARE(c.errors.size(), 1);
        QVERIFY2(c.errors[0].contains(QStringLiteral("incomplete")), qPrintable(c.errors[0]));
    }

    void resetDropsPartial()
    {
        FrameAssembler a;
        Collected c;
        collect(c, a.feed("SB0", 0));
        QVERIFY(a.hasPending());
        a.reset();
        collect(c, a.feed("SB00002\r", 1));
        QCOMPARE(c.frames, strings({"SB00002"}));
        QVERIFY(c.errors.isEmpty());
    }

    void terminatorNames()
    {
        for (const Terminator t : {Terminator::Cr, Terminator::Lf, Terminator::CrLf, Terminator::None})
            QCOMPARE(terminatorFromName(terminatorName(t)), t);
        QCOMPARE(terminatorFromName(u"CRLF"), Terminator::CrLf);
        QVERIFY(!terminatorFromName(u"etx"));
    }
};

QTEST_GUILESS_MAIN(TestFrameAssembler)
#include "tst_frameassembler.moc"
