#include "core/gs1/aimidentifier.h"
#include "core/gs1/gs1checkdigit.h"
#include "core/gs1/gs1parser.h"
#include "core/scaninterpreter.h"

#include <QTest>

using namespace tt;

namespace {

const QString GS = QString(QChar(0x1D));

QString kindName(InterpretedScan::Kind kind)
{
    switch (kind) {
    case InterpretedScan::Kind::BagCode:
        return QStringLiteral("bag");
    case InterpretedScan::Kind::Command:
        return QStringLiteral("command");
    case InterpretedScan::Kind::Invalid:
        return QStringLiteral("invalid");
    }
    return {};
}

} // namespace

// GS1 element strings and AIM identifiers (BRIEF §3.1) through interpretScan, the entry point
// Station uses, and the parser's own functions.
class TestGs1 : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void checkDigits_data()
    {
        QTest::addColumn<QString>("digits");
        QTest::addColumn<bool>("valid");
        QTest::newRow("sscc ok") << QStringLiteral("340123450000000017") << true;
        QTest::newRow("sscc ok 2") << QStringLiteral("006141411234567890") << true;
        QTest::newRow("sscc bad") << QStringLiteral("340123450000000018") << false;
        QTest::newRow("sscc transposed") << QStringLiteral("340123450000000107") << false;
        QTest::newRow("gtin14 ok") << QStringLiteral("09501101020917") << true;
        QTest::newRow("gtin14 bad") << QStringLiteral("09501101020916") << false;
        QTest::newRow("gtin13 ok") << QStringLiteral("4006381333931") << true;
        QTest::newRow("gtin13 bad") << QStringLiteral("4006381333932") << false;
        QTest::newRow("gtin8 ok") << QStringLiteral("96385074") << true;
        QTest::newRow("letters") << QStringLiteral("0950110102091A") << false;
        QTest::newRow("one digit") << QStringLiteral("0") << false;
        QTest::newRow("empty") << QString() << false;
    }
    void checkDigits()
    {
        QFETCH(QString, digits);
        QFETCH(bool, valid);
        QCOMPARE(gs1CheckDigitValid(digits), valid);
    }

    void aimIdentifier_data()
    {
        QTest::addColumn<QString>("raw");
        QTest::addColumn<QString>("identifier");
        QTest::addColumn<QString>("data");
        QTest::addColumn<bool>("gs1");
        QTest::newRow("none") << QStringLiteral("SB00001") << QString() << QStringLiteral("SB00001")
                              << false;
        QTest::newRow("C1") << QStringLiteral("]C100340123450000000017") << QStringLiteral("]C1")
                            << QStringLiteral("00340123450000000017") << true;
        QTest::newRow("C0") << QStringLiteral("]C0SB00001") << QStringLiteral("]C0")
                            << QStringLiteral("SB00001") << false;
        QTest::newRow("d2") << QStringLiteral("]d2010950") << QStringLiteral("]d2")
                            << QStringLiteral("010950") << true;
        QTest::newRow("d1") << QStringLiteral("]d1C0001") << QStringLiteral("]d1")
                            << QStringLiteral("C0001") << false;
        QTest::newRow("Q3") << QStringLiteral("]Q3010950") << QStringLiteral("]Q3")
                            << QStringLiteral("010950") << true;
        QTest::newRow("Q1") << QStringLiteral("]Q1TT:UNDO") << QStringLiteral("]Q1")
                            << QStringLiteral("TT:UNDO") << false;
        QTest::newRow("e0") << QStringLiteral("]e0010950") << QStringLiteral("]e0")
                            << QStringLiteral("010950") << true;
        QTest::newRow("E0 is EAN") << QStringLiteral("]E04006381333931") << QStringLiteral("]E0")
                                   << QStringLiteral("4006381333931") << false;
        QTest::newRow("J1") << QStringLiteral("]J1010950") << QStringLiteral("]J1")
                            << QStringLiteral("010950") << true;
        QTest::newRow("leading space")
            << QStringLiteral("  ]C1001") << QStringLiteral("]C1") << QStringLiteral("001") << true;
        QTest::newRow("zero width") << QStringLiteral("\u200B]d2001") << QStringLiteral("]d2")
                                    << QStringLiteral("001") << true;
    }
    void aimIdentifier()
    {
        QFETCH(QString, raw);
        QFETCH(QString, identifier);
        QFETCH(QString, data);
        QFETCH(bool, gs1);
        const AimIdentifier aim = splitAimIdentifier(raw);
        QCOMPARE(aim.identifier, identifier);
        QCOMPARE(aim.data.toString(), data);
        QCOMPARE(aim.announcesGs1(), gs1);
        QVERIFY(!aim.malformed);
    }

    void malformedAim()
    {
        QVERIFY(splitAimIdentifier(u"]").malformed);
        QVERIFY(splitAimIdentifier(u"]C").malformed);
        QVERIFY(splitAimIdentifier(u"]1C0001").malformed);
    }

    void weights_data()
    {
        QTest::addColumn<QString>("digits");
        QTest::addColumn<int>("decimals");
        QTest::addColumn<qint64>("grams");
        QTest::newRow("0 decimals") << QStringLiteral("000012") << 0 << qint64(12000);
        QTest::newRow("0 decimals max") << QStringLiteral("999999") << 0 << qint64(999999000);
        QTest::newRow("1 decimal") << QStringLiteral("000125") << 1 << qint64(12500);
        QTest::newRow("2 decimals") << QStringLiteral("001250") << 2 << qint64(12500);
        QTest::newRow("3 decimals") << QStringLiteral("012345") << 3 << qint64(12345);
        QTest::newRow("4 decimals down") << QStringLiteral("123454") << 4 << qint64(12345);
        QTest::newRow("4 decimals half up") << QStringLiteral("123455") << 4 << qint64(12346);
        QTest::newRow("5 decimals down") << QStringLiteral("123449") << 5 << qint64(1234);
        QTest::newRow("5 decimals half up") << QStringLiteral("123450") << 5 << qint64(1235);
        QTest::newRow("5 decimals tiny") << QStringLiteral("000049") << 5 << qint64(0);
    }
    void weights()
    {
        QFETCH(QString, digits);
        QFETCH(int, decimals);
        QFETCH(qint64, grams);
        const Result<qint64> g = gs1KilogramsToGrams(digits, decimals);
        QVERIFY(g.has_value());
        QCOMPARE(*g, grams);
    }

    void badWeights()
    {
        QVERIFY(!gs1KilogramsToGrams(u"12345", 3));
        QVERIFY(!gs1KilogramsToGrams(u"1234567", 3));
        QVERIFY(!gs1KilogramsToGrams(u"12345A", 3));
        QVERIFY(!gs1KilogramsToGrams(u"123456", 6));
        QVERIFY(!gs1KilogramsToGrams(u"123456", -1));
    }

    // The contract Station relies on: what a raw scan means.
    void interpret_data()
    {
        QTest::addColumn<QString>("raw");
        QTest::addColumn<QString>("kind");
        QTest::addColumn<QString>("code");   // bag code, or a word of the message when invalid
        QTest::addColumn<qint64>("weightG"); // -1: none
        QTest::addColumn<QString>("symbology");

        const QString sscc = QStringLiteral("340123450000000017");
        const QString badSscc = QStringLiteral("340123450000000018");
        const QString gtin = QStringLiteral("09501101020917");
        auto row = [](const char *name, const QString &raw, const char *kind, const QString &code,
                      qint64 w, const char *sym) {
            QTest::newRow(name) << raw << QString::fromLatin1(kind) << code << w
                                << QString::fromLatin1(sym);
        };

        // Plain codes behave as before.
        row("plain parent", QStringLiteral("SB00001"), "bag", QStringLiteral("SB00001"), -1, "");
        row("plain child trimmed", QStringLiteral("c0001 "), "bag", QStringLiteral("C0001"), -1,
            "");
        row("plain M444", QStringLiteral("m444-00001\r\n"), "bag", QStringLiteral("M444-00001"), -1,
            "");
        row("plain 20 digits not sscc", QStringLiteral("00") + badSscc, "bag",
            QStringLiteral("00") + badSscc, -1, "");
        row("plain digits short", QStringLiteral("0012345"), "bag", QStringLiteral("0012345"), -1,
            "");
        row("command", QStringLiteral("tt:undo"), "command", QString(), -1, "");

        // Each AIM identifier.
        row("C0 plain", QStringLiteral("]C0SB00001"), "bag", QStringLiteral("SB00001"), -1, "]C0");
        row("C1 sscc", QStringLiteral("]C100") + sscc, "bag", sscc, -1, "]C1");
        row("d2 sscc weight", QStringLiteral("]d200") + sscc + QStringLiteral("3103001250"), "bag",
            sscc, 1250, "]d2");
        row("d1 plain", QStringLiteral("]d1c0001"), "bag", QStringLiteral("C0001"), -1, "]d1");
        row("Q3 sscc", QStringLiteral("]Q300") + sscc, "bag", sscc, -1, "]Q3");
        row("Q1 command", QStringLiteral("]Q1TT:UNDO"), "command", QString(), -1, "]Q1");
        row("e0 gtin weight", QStringLiteral("]e001") + gtin + QStringLiteral("3102001250"), "bag",
            QStringLiteral("01") + gtin + QStringLiteral("3102001250"), 12500, "]e0");
        row("E0 ean plain", QStringLiteral("]E04006381333931"), "bag",
            QStringLiteral("4006381333931"), -1, "]E0");
        row("J1 sscc", QStringLiteral("]J100") + sscc, "bag", sscc, -1, "]J1");

        // Check digits.
        row("C1 bad sscc", QStringLiteral("]C100") + badSscc, "invalid",
            QStringLiteral("check digit"), -1, "]C1");
        row("d2 bad gtin", QStringLiteral("]d201095011010209163103001250"), "invalid",
            QStringLiteral("check digit"), -1, "]d2");
        row("C1 good gtin bad sscc",
            QStringLiteral("]C101") + gtin + QStringLiteral("00") + badSscc, "invalid",
            QStringLiteral("SSCC"), -1, "]C1");

        // Truncated predefined-length AIs.
        row("sscc cut short", QStringLiteral("]C1003401234500"), "invalid",
            QStringLiteral("cut short"), -1, "]C1");
        row("weight cut short", QStringLiteral("]C100") + sscc + QStringLiteral("310300125"),
            "invalid", QStringLiteral("cut short"), -1, "]C1");
        row("gtin cut by GS", QStringLiteral("]C101095011") + GS + QStringLiteral("10ABC"),
            "invalid", QStringLiteral("cut short"), -1, "]C1");
        row("incomplete ai", QStringLiteral("]C100") + sscc + QStringLiteral("31"), "invalid",
            QStringLiteral("incomplete"), -1, "]C1");

        // Variable-length fields with and without GS.
        row("lot GS sscc", QStringLiteral("]C110LOT42") + GS + QStringLiteral("00") + sscc, "bag",
            sscc, -1, "]C1");
        row("sscc lot last", QStringLiteral("]C100") + sscc + QStringLiteral("10LOT42"), "bag",
            sscc, -1, "]C1");
        row("lot GS weight",
            QStringLiteral("]C100") + sscc + QStringLiteral("10LOT42") + GS +
                QStringLiteral("3103001250"),
            "bag", sscc, 1250, "]C1");
        row("lot without GS swallows weight",
            QStringLiteral("]C100") + sscc + QStringLiteral("10LOT423103001250"), "bag", sscc, -1,
            "]C1");
        row("serial too long without GS",
            QStringLiteral("]C100") + sscc + QStringLiteral("21ABCDEFGHIJKLMNOPQRSTU"), "invalid",
            QStringLiteral("GS separator"), -1, "]C1");
        row("count GS weight",
            QStringLiteral("]d200") + sscc + QStringLiteral("3712") + GS +
                QStringLiteral("3300000015"),
            "bag", sscc, 15000, "]d2");
        row("leading FNC1", QStringLiteral("]C1") + GS + QStringLiteral("00") + sscc, "bag", sscc,
            -1, "]C1");
        row("GS after fixed", QStringLiteral("]C100") + sscc + GS + QStringLiteral("3103001250"),
            "bag", sscc, 1250, "]C1");

        // Weights with 0–5 decimals, gross preferred over net.
        row("3100", QStringLiteral("]C100") + sscc + QStringLiteral("3100000012"), "bag", sscc,
            12000, "]C1");
        row("3101", QStringLiteral("]C100") + sscc + QStringLiteral("3101000125"), "bag", sscc,
            12500, "]C1");
        row("3102", QStringLiteral("]C100") + sscc + QStringLiteral("3102001250"), "bag", sscc,
            12500, "]C1");
        row("3103", QStringLiteral("]C100") + sscc + QStringLiteral("3103012345"), "bag", sscc,
            12345, "]C1");
        row("3104", QStringLiteral("]C100") + sscc + QStringLiteral("3104123455"), "bag", sscc,
            12346, "]C1");
        row("3105", QStringLiteral("]C100") + sscc + QStringLiteral("3105123449"), "bag", sscc,
            1234, "]C1");
        row("3106 refused", QStringLiteral("]C100") + sscc + QStringLiteral("3106123449"),
            "invalid", QStringLiteral("decimals"), -1, "]C1");
        row("3303 gross", QStringLiteral("]C100") + sscc + QStringLiteral("3303002500"), "bag",
            sscc, 2500, "]C1");
        row("net and gross",
            QStringLiteral("]C100") + sscc + QStringLiteral("31030012003303001250"), "bag", sscc,
            1250, "]C1");
        row("two net weights",
            QStringLiteral("]C100") + sscc + QStringLiteral("31030012003102000120"), "invalid",
            QStringLiteral("twice"), -1, "]C1");
        row("zero weight", QStringLiteral("]C100") + sscc + QStringLiteral("3103000000"), "invalid",
            QStringLiteral("gram"), -1, "]C1");

        // Other invalid GS1.
        row("unknown ai", QStringLiteral("]C123ABC"), "invalid", QStringLiteral("unknown"), -1,
            "]C1");
        row("letters where ai", QStringLiteral("]C1SB00001"), "invalid",
            QStringLiteral("application identifier"), -1, "]C1");
        row("bad date", QStringLiteral("]C101") + gtin + QStringLiteral("17251301"), "invalid",
            QStringLiteral("date"), -1, "]C1");
        row("letters in numeric", QStringLiteral("]C100") + sscc + QStringLiteral("31030012A0"),
            "invalid", QStringLiteral("character"), -1, "]C1");
        row("prefix only", QStringLiteral("]C1"), "invalid", QStringLiteral("empty"), -1, "]C1");

        // GS1 without AIM identifiers.
        row("unprefixed GS", QStringLiteral("10ABC") + GS + QStringLiteral("00") + sscc, "bag",
            sscc, -1, "");
        row("unprefixed sscc", QStringLiteral("00") + sscc, "bag", sscc, -1, "");
        row("unprefixed sscc weight", QStringLiteral("00") + sscc + QStringLiteral("3103001250"),
            "bag", sscc, 1250, "");
        row("unprefixed GS bad check", QStringLiteral("00") + badSscc + GS + QStringLiteral("10A"),
            "invalid", QStringLiteral("check digit"), -1, "");
        row("bracketed", QStringLiteral("(00)") + sscc + QStringLiteral("(3103)001250"), "bag",
            sscc, 1250, "");
        row("bracketed spaces", QStringLiteral("(00) ") + sscc + QStringLiteral(" (10) LOT1"),
            "bag", sscc, -1, "");
        row("bracketed bad", QStringLiteral("(00)") + badSscc, "invalid",
            QStringLiteral("check digit"), -1, "");
        row("bracketed unknown", QStringLiteral("(23)X"), "invalid",
            QStringLiteral("application identifier"), -1, "");
    }
    void interpret()
    {
        QFETCH(QString, raw);
        QFETCH(QString, kind);
        QFETCH(QString, code);
        QFETCH(qint64, weightG);
        QFETCH(QString, symbology);

        const InterpretedScan s = interpretScan(raw);
        QVERIFY2(kindName(s.kind) == kind,
                 qPrintable(kindName(s.kind) + QStringLiteral(": ") + s.error.message));
        QCOMPARE(s.symbology, symbology);
        if (kind == u"invalid") {
            QCOMPARE(s.error.reason, Reason::InvalidCode);
            QVERIFY2(s.error.message.contains(code, Qt::CaseInsensitive),
                     qPrintable(s.error.message));
            QVERIFY(!s.error.message.contains(QChar(0x1D)));
            QVERIFY(!s.shown.isEmpty());
            return;
        }
        if (kind == u"bag")
            QCOMPARE(s.code, code);
        QCOMPARE(s.measuredWeightG.value_or(-1), weightG);
    }

    void gs1TextAndElements()
    {
        const InterpretedScan s =
            interpretScan(QString(QStringLiteral("]C100340123450000000017") + GS +
                                  QStringLiteral("10lot7") + GS + QStringLiteral("3103001250")));
        QVERIFY(s.gs1);
        QCOMPARE(s.gs1Text, QStringLiteral("(00)340123450000000017(10)LOT7(3103)001250"));

        const Result<Gs1ElementString> e =
            parseGs1(QString(QStringLiteral("0109501101020917") + QStringLiteral("10abc") + GS +
                             QStringLiteral("21S1")));
        QVERIFY(e.has_value());
        QCOMPARE(e->elements.size(), 3);
        QCOMPARE(e->find(u"10")->value, QStringLiteral("abc"));
        QCOMPARE(e->find(u"21")->value, QStringLiteral("S1"));
        QCOMPARE(e->find(u"01")->title, QStringLiteral("GTIN"));
        QVERIFY(e->sscc().isEmpty());
        QVERIFY(!e->measuredWeightG());
    }

    void plainCommandsUnchanged()
    {
        const InterpretedScan bill = interpretScan(u"TT:BILL:b-1");
        QCOMPARE(bill.kind, InterpretedScan::Kind::Command);
        QCOMPARE(bill.action, InterpretedScan::Action::SelectBill);
        QCOMPARE(bill.argument, QStringLiteral("B-1"));
        QVERIFY(!bill.gs1);
        const InterpretedScan empty = interpretScan(u" \t ");
        QCOMPARE(empty.kind, InterpretedScan::Kind::Invalid);
    }
};

QTEST_GUILESS_MAIN(TestGs1)
#include "tst_gs1.moc"
