#include "core/totp.h"

#include <QTest>

using namespace tt;

// RFC 6238 appendix B (SHA-1 rows), RFC 4226 appendix D, RFC 4648 §10, and the one-use window.
class TestTotp : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void rfc6238_data();
    void rfc6238();
    void rfc4226_data();
    void rfc4226();
    void base32_data();
    void base32();
    void base32RejectsOtherCharacters();
    void windowAcceptsNeighbourSteps();
    void replayIsRefused();
    void malformedCodesNeverMatch_data();
    void malformedCodesNeverMatch();
    void newSecretsDiffer();
    void uri();
};

namespace {

const QByteArray kRfcSecret("12345678901234567890");

} // namespace

void TestTotp::rfc6238_data()
{
    QTest::addColumn<qint64>("time");
    QTest::addColumn<QString>("expected");
    QTest::newRow("59") << qint64(59) << QStringLiteral("94287082");
    QTest::newRow("1111111109") << qint64(1111111109) << QStringLiteral("07081804");
    QTest::newRow("1111111111") << qint64(1111111111) << QStringLiteral("14050471");
    QTest::newRow("1234567890") << qint64(1234567890) << QStringLiteral("89005924");
    QTest::newRow("2000000000") << qint64(2000000000) << QStringLiteral("69279037");
    QTest::newRow("20000000000") << qint64(20000000000) << QStringLiteral("65353130");
}

void TestTotp::rfc6238()
{
    QFETCH(qint64, time);
    QFETCH(QString, expected);
    QCOMPARE(totp::code(kRfcSecret, totp::stepAt(time), 8), expected);
    // Six digits are the last six of the eight-digit value (the same modulus arithmetic).
    QCOMPARE(totp::code(kRfcSecret, totp::stepAt(time)), expected.right(6));
}

void TestTotp::rfc4226_data()
{
    QTest::addColumn<qint64>("counter");
    QTest::addColumn<QString>("expected");
    const char *values[] = {"755224", "287082", "359152", "969429", "338314",
                            "254676", "287922", "162583", "399871", "520489"};
    for (int i = 0; i < 10; ++i)
        QTest::addRow("%d", i) << qint64(i) << QString::fromLatin1(values[i]);
}

void TestTotp::rfc4226()
{
    QFETCH(qint64, counter);
    QFETCH(QString, expected);
    QCOMPARE(totp::code(kRfcSecret, counter), expected);
}

void TestTotp::base32_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<QString>("encoded");
    QTest::newRow("empty") << QByteArray() << QString();
    QTest::newRow("f") << QByteArray("f") << QStringLiteral("MY");
    QTest::newRow("fo") << QByteArray("fo") << QStringLiteral("MZXQ");
    QTest::newRow("foo") << QByteArray("foo") << QStringLiteral("MZXW6");
    QTest::newRow("foob") << QByteArray("foob") << QStringLiteral("MZXW6YQ");
    QTest::newRow("fooba") << QByteArray("fooba") << QStringLiteral("MZXW6YTB");
    QTest::newRow("foobar") << QByteArray("foobar") << QStringLiteral("MZXW6YTBOI");
    QTest::newRow("rfc secret") << kRfcSecret << QStringLiteral("GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ");
}

void TestTotp::base32()
{
    QFETCH(QByteArray, bytes);
    QFETCH(QString, encoded);
    QCOMPARE(totp::toBase32(bytes), encoded);
    QCOMPARE(totp::fromBase32(encoded), std::optional<QByteArray>(bytes));
    // Apps and people write it in lower case, in groups, with padding.
    QString loose = encoded.toLower();
    if (loose.size() > 4)
        loose.insert(4, QLatin1Char(' '));
    QCOMPARE(totp::fromBase32(loose + QStringLiteral("===")), std::optional<QByteArray>(bytes));
}

void TestTotp::base32RejectsOtherCharacters()
{
    QVERIFY(!totp::fromBase32(QStringLiteral("MZXW1")));
    QVERIFY(!totp::fromBase32(QStringLiteral("MZXW8")));
    QVERIFY(!totp::fromBase32(QStringLiteral("MZ*W6")));
}

void TestTotp::windowAcceptsNeighbourSteps()
{
    const qint64 step = totp::stepAt(1111111111);
    for (qint64 delta : {-1, 0, 1}) {
        const QString c = totp::code(kRfcSecret, step + delta);
        QCOMPARE(totp::matchingStep(kRfcSecret, c, step, std::nullopt),
                 std::optional<qint64>(step + delta));
    }
    for (qint64 delta : {-3, -2, 2, 3})
        QVERIFY(!totp::matchingStep(kRfcSecret, totp::code(kRfcSecret, step + delta), step,
                                    std::nullopt));
    QVERIFY(!totp::matchingStep(QByteArray("another secret 1234"), totp::code(kRfcSecret, step),
                                step, std::nullopt));
}

void TestTotp::replayIsRefused()
{
    const qint64 step = totp::stepAt(2000000000);
    const QString now = totp::code(kRfcSecret, step);
    const auto used = totp::matchingStep(kRfcSecret, now, step, std::nullopt);
    QCOMPARE(used, std::optional<qint64>(step));
    // The same code again, in the same or the next step: refused.
    QVERIFY(!totp::matchingStep(kRfcSecret, now, step, used));
    QVERIFY(!totp::matchingStep(kRfcSecret, now, step + 1, used));
    // An older code still inside the window: refused too, it is not after the last used step.
    QVERIFY(!totp::matchingStep(kRfcSecret, totp::code(kRfcSecret, step - 1), step, used));
    // The next step's code is accepted once.
    const QString next = totp::code(kRfcSecret, step + 1);
    QCOMPARE(totp::matchingStep(kRfcSecret, next, step + 1, used), std::optional<qint64>(step + 1));
}

void TestTotp::malformedCodesNeverMatch_data()
{
    QTest::addColumn<QString>("text");
    QTest::newRow("empty") << QString();
    QTest::newRow("five") << QStringLiteral("12345");
    QTest::newRow("seven") << QStringLiteral("1234567");
    QTest::newRow("letters") << QStringLiteral("12a456");
    QTest::newRow("sign") << QStringLiteral("-12345");
    QTest::newRow("arabic-indic digits") << QStringLiteral("١٢٣٤٥٦");
}

void TestTotp::malformedCodesNeverMatch()
{
    QFETCH(QString, text);
    for (qint64 step = 0; step < 200; ++step)
        QVERIFY(!totp::matchingStep(kRfcSecret, text, step, std::nullopt));
}

void TestTotp::newSecretsDiffer()
{
    const QByteArray a = totp::newSecret();
    const QByteArray b = totp::newSecret();
    QCOMPARE(a.size(), totp::kSecretBytes);
    QVERIFY(a != b);
    QCOMPARE(totp::fromBase32(totp::toBase32(a)), std::optional<QByteArray>(a));
}

void TestTotp::uri()
{
    QCOMPARE(
        totp::otpauthUri(QStringLiteral("TraceTrack"), QStringLiteral("ann admin"),
                         QByteArray("foobar")),
        QStringLiteral("otpauth://totp/TraceTrack:ann%20admin?secret=MZXW6YTBOI&issuer=TraceTrack"
                       "&algorithm=SHA1&digits=6&period=30"));
}

QTEST_APPLESS_MAIN(TestTotp)
#include "tst_totp.moc"
