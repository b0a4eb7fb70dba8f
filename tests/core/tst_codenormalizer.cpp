#include <QTest>

#include "core/codenormalizer.h"

using namespace tt;

namespace {

// Keeps embedded NULs, which QString::fromUtf16(const char16_t *) would stop at.
template<qsizetype N>
QString u(const char16_t (&text)[N])
{
    return QString::fromUtf16(text, N - 1);
}

} // namespace

// BRIEF §3.1: strip control and zero-width characters (keep GS), trim, collapse inner
// whitespace, upper-case; look-alikes are never bag codes.
class TestCodeNormalizer : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void normalizeCode_data();
    void normalizeCode();
    void bagCodeDropsGroupSeparator_data();
    void bagCodeDropsGroupSeparator();
    void lookAlikesAreNeverAsciiCodes_data();
    void lookAlikesAreNeverAsciiCodes();
    void asciiCodesHaveNoNonAscii();
    void longInputKeepsEveryCharacter();
};

void TestCodeNormalizer::normalizeCode_data()
{
    QTest::addColumn<QString>("raw");
    QTest::addColumn<QString>("expected");

    QTest::newRow("plain") << u(u"SB00001") << u(u"SB00001");
    QTest::newRow("lower case") << u(u"sb00001") << u(u"SB00001");
    QTest::newRow("mixed case child") << u(u"c0001a") << u(u"C0001A");
    QTest::newRow("leading/trailing spaces") << u(u"  SB00001  ") << u(u"SB00001");
    QTest::newRow("CR LF from a keyboard wedge") << u(u"SB00001\r\n") << u(u"SB00001");
    QTest::newRow("tab and newline around") << u(u"\tC0001\n") << u(u"C0001");
    QTest::newRow("NUL and bell inside") << u(u"C0\u00000\u00071") << u(u"C001");
    QTest::newRow("DEL and C1 control") << u(u"SB\u007F000\u008501") << u(u"SB00001");
    QTest::newRow("ESC sequence bytes") << u(u"\u001B[0mC0001") << u(u"[0MC0001");
    QTest::newRow("zero-width space") << u(u"SB\u200B00001") << u(u"SB00001");
    QTest::newRow("zero-width joiner/non-joiner") << u(u"S\u200DB\u200C00001") << u(u"SB00001");
    QTest::newRow("byte order mark") << u(u"\uFEFFSB00001") << u(u"SB00001");
    QTest::newRow("word joiner") << u(u"SB0\u20600001") << u(u"SB00001");
    QTest::newRow("soft hyphen") << u(u"SB\u00AD00001") << u(u"SB00001");
    QTest::newRow("left-to-right / right-to-left marks") << u(u"\u200ESB00001\u200F") << u(u"SB00001");
    QTest::newRow("bidi override") << u(u"\u202ESB00001\u202C") << u(u"SB00001");
    QTest::newRow("variation selector") << u(u"C0001\uFE0F") << u(u"C0001");
    QTest::newRow("inner spaces collapse") << u(u"A   B") << u(u"A B");
    QTest::newRow("inner tab collapses") << u(u"A\t\tB") << u(u"A B");
    QTest::newRow("no-break space collapses") << u(u"A\u00A0\u00A0B") << u(u"A B");
    QTest::newRow("ideographic and thin spaces") << u(u"A\u3000\u2009B") << u(u"A B");
    QTest::newRow("GS kept") << u(u"0112345678901231\u001D10ABC") << u(u"0112345678901231\u001D10ABC");
    QTest::newRow("GS kept, case folded around it") << u(u"10abc\u001D21xyz") << u(u"10ABC\u001D21XYZ");
    QTest::newRow("TT command code") << u(u" tt:undo ") << u(u"TT:UNDO");
    QTest::newRow("empty") << u(u"") << u(u"");
    QTest::newRow("only spaces") << u(u"    ") << u(u"");
    QTest::newRow("only controls") << u(u"\u0001\u0002\r\n\u007F") << u(u"");
    QTest::newRow("only zero-width") << u(u"\u200B\u200D\uFEFF") << u(u"");
    QTest::newRow("SQL fragment is just text") << u(u"sb1'; drop table bags;--") << u(u"SB1'; DROP TABLE BAGS;--");
}

void TestCodeNormalizer::normalizeCode()
{
    QFETCH(QString, raw);
    QFETCH(QString, expected);
    QCOMPARE(tt::normalizeCode(raw), expected);
    // Normalising is idempotent.
    QCOMPARE(tt::normalizeCode(tt::normalizeCode(raw)), expected);
}

void TestCodeNormalizer::bagCodeDropsGroupSeparator_data()
{
    QTest::addColumn<QString>("raw");
    QTest::addColumn<QString>("expected");
    QTest::newRow("GS inside") << u(u"C00\u001D01") << u(u"C0001");
    QTest::newRow("GS leading") << u(u"\u001DSB00001") << u(u"SB00001");
    QTest::newRow("no GS") << u(u" sb00001 ") << u(u"SB00001");
    QTest::newRow("only GS") << u(u"\u001D\u001D") << u(u"");
}

void TestCodeNormalizer::bagCodeDropsGroupSeparator()
{
    QFETCH(QString, raw);
    QFETCH(QString, expected);
    QCOMPARE(normalizeBagCode(raw), expected);
    QVERIFY(!normalizeBagCode(raw).contains(QChar(0x1D)));
}

void TestCodeNormalizer::lookAlikesAreNeverAsciiCodes_data()
{
    QTest::addColumn<QString>("raw");
    QTest::newRow("Cyrillic С in SB") << u(u"\u0421B00001");
    QTest::newRow("Cyrillic lower с") << u(u"\u0441b00001");
    QTest::newRow("Greek Beta") << u(u"S\u039200001");
    QTest::newRow("full-width digits") << u(u"SB\uFF10\uFF10\uFF10\uFF10\uFF11");
    QTest::newRow("full-width letters") << u(u"\uFF33\uFF2200001");
    QTest::newRow("Arabic-Indic digits") << u(u"SB\u0660\u0660\u0660\u0660\u0661");
    QTest::newRow("Devanagari digits") << u(u"C\u0966\u0966\u0966\u0967");
    QTest::newRow("emoji") << u(u"C0001\U0001F600");
    QTest::newRow("Kelvin sign") << u(u"\u212A0001");
    QTest::newRow("mathematical bold S") << u(u"\U0001D412B00001");
    // Characters whose upper-case form is plain ASCII must not turn into a valid code.
    QTest::newRow("long s becomes S?") << u(u"\u017FB00001");
    QTest::newRow("dotless i becomes I?") << u(u"C000\u0131");
    QTest::newRow("sharp s becomes SS?") << u(u"C00\u00DF");
    QTest::newRow("ligature ff becomes FF?") << u(u"C00\uFB00");
}

void TestCodeNormalizer::lookAlikesAreNeverAsciiCodes()
{
    QFETCH(QString, raw);
    const QString code = normalizeBagCode(raw);
    QVERIFY2(!code.isEmpty(), "a look-alike is not silently dropped");
    QVERIFY2(hasNonAsciiCharacters(code),
             qPrintable(QStringLiteral("\"%1\" normalised to the plain-ASCII code \"%2\"").arg(raw, code)));
}

void TestCodeNormalizer::asciiCodesHaveNoNonAscii()
{
    QVERIFY(!hasNonAsciiCharacters(u"SB00001"));
    QVERIFY(!hasNonAsciiCharacters(u"M444-12345"));
    QVERIFY(!hasNonAsciiCharacters(u"A B"));
    QVERIFY(!hasNonAsciiCharacters(u"01\u001D10"));
    QVERIFY(hasNonAsciiCharacters(u"C\u00E90001"));
    QVERIFY(hasNonAsciiCharacters(u"C\u0001"));
}

void TestCodeNormalizer::longInputKeepsEveryCharacter()
{
    // The normaliser does not truncate: length limits are the interpreter's job, so that a
    // 10 kB line is rejected as too long instead of being shortened into a valid code.
    const QString raw = QString(10000, QLatin1Char('a'));
    const QString code = tt::normalizeCode(raw);
    QCOMPARE(code.size(), 10000);
    QCOMPARE(code, QString(10000, QLatin1Char('A')));
    QVERIFY(code.size() > kMaxCodeLength);
}

QTEST_APPLESS_MAIN(TestCodeNormalizer)
#include "tst_codenormalizer.moc"
