#include <QTest>

#include "core/bagtype.h"

using namespace tt;

Q_DECLARE_METATYPE(tt::BagType)

// BRIEF §3.1: bag types are data; defaults SB, M444 and CHILD from the original system; the first
// matching type wins, parent types before child types.
class TestBagTypes : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void defaults();
    void classifyDefaults_data();
    void classifyDefaults();
    void originalParentCases_data();
    void originalParentCases();
    void mistypedParentIsNeverAChild_data();
    void mistypedParentIsNeverAChild();
    void parentTypesBeforeChildTypes();
    void sameRoleInIdOrder();
    void invalidPatternMatchesNothing();
    void lookups();
    void roleNames();
    void validateBagType_data();
    void validateBagType();
    void literalPrefixes_data();
    void literalPrefixes();
    void typesAmongOthers_data();
    void typesAmongOthers();
    void inactiveTypesClassifyNothing();
};

void TestBagTypes::defaults()
{
    const QList<BagType> d = BagTypeSet::defaults();
    QCOMPARE(d.size(), 3);
    QCOMPARE(d.at(0).name, QStringLiteral("SB"));
    QCOMPARE(d.at(0).role, BagRole::Parent);
    QCOMPARE(d.at(0).capacity, 30);
    QCOMPARE(d.at(0).expectedWeightG, 30000);
    QCOMPARE(d.at(1).name, QStringLiteral("M444"));
    QCOMPARE(d.at(1).role, BagRole::Parent);
    QCOMPARE(d.at(1).capacity, 15);
    QCOMPARE(d.at(1).expectedWeightG, 15000);
    QCOMPARE(d.at(2).name, QStringLiteral("CHILD"));
    QCOMPARE(d.at(2).role, BagRole::Child);
    QCOMPARE(d.at(2).nominalWeightG, 1000);
    for (const BagType &t : d)
        QVERIFY2(tt::validateBagType(t).has_value(), qPrintable(t.name));
}

void TestBagTypes::classifyDefaults_data()
{
    QTest::addColumn<QString>("code");
    QTest::addColumn<QString>("type"); // "" = no type → invalid_code

    // Parents.
    QTest::newRow("SB00001") << QStringLiteral("SB00001") << QStringLiteral("SB");
    QTest::newRow("SB99999") << QStringLiteral("SB99999") << QStringLiteral("SB");
    QTest::newRow("M444-12345") << QStringLiteral("M444-12345") << QStringLiteral("M444");
    QTest::newRow("M444-00000") << QStringLiteral("M444-00000") << QStringLiteral("M444");
    // Children: 4–20 letters and digits, not starting with SB.
    QTest::newRow("C0001") << QStringLiteral("C0001") << QStringLiteral("CHILD");
    QTest::newRow("4 characters") << QStringLiteral("ABCD") << QStringLiteral("CHILD");
    QTest::newRow("20 characters") << QStringLiteral("ABCDEFGHIJ0123456789") << QStringLiteral("CHILD");
    QTest::newRow("digits only") << QStringLiteral("12345678") << QStringLiteral("CHILD");
    QTest::newRow("SSCC-18 digits") << QStringLiteral("012345678901234560") << QStringLiteral("CHILD");
    QTest::newRow("S but not SB") << QStringLiteral("SA00001") << QStringLiteral("CHILD");
    QTest::newRow("B then S") << QStringLiteral("BS00001") << QStringLiteral("CHILD");
    QTest::newRow("MB12345 is a child code") << QStringLiteral("MB12345") << QStringLiteral("CHILD");
    QTest::newRow("M44412345 is a child code") << QStringLiteral("M44412345") << QStringLiteral("CHILD");
    // Nothing.
    QTest::newRow("3 characters") << QStringLiteral("ABC") << QString();
    QTest::newRow("21 characters") << QStringLiteral("ABCDEFGHIJ01234567890") << QString();
    QTest::newRow("hyphen in child") << QStringLiteral("C-001") << QString();
    QTest::newRow("space in child") << QStringLiteral("C 0001") << QString();
    QTest::newRow("lower case (not normalised)") << QStringLiteral("sb00001") << QString();
    QTest::newRow("SB prefix child-like") << QStringLiteral("SBX1234") << QString();
    QTest::newRow("M444 with 4 digits") << QStringLiteral("M444-1234") << QString();
    QTest::newRow("M444 with 6 digits") << QStringLiteral("M444-123456") << QString();
    QTest::newRow("trailing newline") << QStringLiteral("SB00001\n") << QString();
    QTest::newRow("leading newline") << QStringLiteral("\nSB00001") << QString();
    QTest::newRow("Arabic-Indic digits are not \\d") << QString::fromUtf16(u"SB\u0660\u0660\u0660\u0660\u0661")
                                                     << QString();
    QTest::newRow("full-width digits") << QString::fromUtf16(u"SB\uFF10\uFF10\uFF10\uFF10\uFF11") << QString();
    QTest::newRow("Cyrillic letter") << QString::fromUtf16(u"\u04210001") << QString();
    QTest::newRow("empty") << QString() << QString();
    QTest::newRow("SQL fragment") << QStringLiteral("SB1'; DROP TABLE BAGS;--") << QString();
}

void TestBagTypes::classifyDefaults()
{
    QFETCH(QString, code);
    QFETCH(QString, type);
    const BagTypeSet set(BagTypeSet::defaults());
    const auto t = set.classify(code);
    QCOMPARE(t ? t->name : QString(), type);
}

void TestBagTypes::originalParentCases_data()
{
    QTest::addColumn<QString>("code");
    QTest::addColumn<bool>("parent");
    // Issue 2: accepted SB00001, M444-12345; rejected SB123456, SB1234, SB-12345, MB12345,
    // M445-12345, M44412345, SB1234A, M444-.
    QTest::newRow("SB00001") << QStringLiteral("SB00001") << true;
    QTest::newRow("M444-12345") << QStringLiteral("M444-12345") << true;
    QTest::newRow("SB123456") << QStringLiteral("SB123456") << false;
    QTest::newRow("SB1234") << QStringLiteral("SB1234") << false;
    QTest::newRow("SB-12345") << QStringLiteral("SB-12345") << false;
    QTest::newRow("MB12345") << QStringLiteral("MB12345") << false;
    QTest::newRow("M445-12345") << QStringLiteral("M445-12345") << false;
    QTest::newRow("M44412345") << QStringLiteral("M44412345") << false;
    QTest::newRow("SB1234A") << QStringLiteral("SB1234A") << false;
    QTest::newRow("M444-") << QStringLiteral("M444-") << false;
}

void TestBagTypes::originalParentCases()
{
    QFETCH(QString, code);
    QFETCH(bool, parent);
    const BagTypeSet set(BagTypeSet::defaults());
    const auto t = set.classify(code);
    QCOMPARE(t.has_value() && t->role == BagRole::Parent, parent);
}

void TestBagTypes::mistypedParentIsNeverAChild_data()
{
    QTest::addColumn<QString>("code");
    // "Any format except SB": a mistyped SB parent must not be taken as a child.
    QTest::newRow("SB123456") << QStringLiteral("SB123456");
    QTest::newRow("SB1234") << QStringLiteral("SB1234");
    QTest::newRow("SB1234A") << QStringLiteral("SB1234A");
    QTest::newRow("SB0000") << QStringLiteral("SB0000");
    QTest::newRow("SB000001") << QStringLiteral("SB000001");
    QTest::newRow("SBABCDE") << QStringLiteral("SBABCDE");
    QTest::newRow("SB-12345") << QStringLiteral("SB-12345");
}

void TestBagTypes::mistypedParentIsNeverAChild()
{
    QFETCH(QString, code);
    const BagTypeSet set(BagTypeSet::defaults());
    QVERIFY(!set.classify(code).has_value());
}

void TestBagTypes::parentTypesBeforeChildTypes()
{
    // The child type has the lower id and a pattern that also matches the parent code; parents
    // are still tried first.
    const BagTypeSet set({
        BagType{1, QStringLiteral("ANY"), BagRole::Child, QStringLiteral("^[A-Z0-9]+$"), 0, 500, 0},
        BagType{2, QStringLiteral("P"), BagRole::Parent, QStringLiteral("^P\\d{3}$"), 10, 0, 5000},
    });
    QCOMPARE(set.types().first().name, QStringLiteral("P"));
    QCOMPARE(set.classify(QStringLiteral("P123"))->name, QStringLiteral("P"));
    QCOMPARE(set.classify(QStringLiteral("P1234"))->name, QStringLiteral("ANY"));
}

void TestBagTypes::sameRoleInIdOrder()
{
    const BagTypeSet set({
        BagType{7, QStringLiteral("WIDE"), BagRole::Parent, QStringLiteral("^X\\d+$"), 50, 0, 1},
        BagType{3, QStringLiteral("NARROW"), BagRole::Parent, QStringLiteral("^X\\d{2}$"), 5, 0, 1},
    });
    QCOMPARE(set.classify(QStringLiteral("X12"))->name, QStringLiteral("NARROW"));
    QCOMPARE(set.classify(QStringLiteral("X123"))->name, QStringLiteral("WIDE"));
}

void TestBagTypes::invalidPatternMatchesNothing()
{
    const BagTypeSet set({
        BagType{1, QStringLiteral("BROKEN"), BagRole::Parent, QStringLiteral("(["), 10, 0, 1},
        BagType{2, QStringLiteral("CHILD"), BagRole::Child, QStringLiteral("^[A-Z0-9]{4,20}$"), 0, 1000, 0},
    });
    QCOMPARE(set.classify(QStringLiteral("ABCD"))->name, QStringLiteral("CHILD"));
    QVERIFY(!set.classify(QStringLiteral("([")).has_value());
}

void TestBagTypes::lookups()
{
    const BagTypeSet set(BagTypeSet::defaults());
    QCOMPARE(set.byId(2)->name, QStringLiteral("M444"));
    QVERIFY(!set.byId(99).has_value());
    QCOMPARE(set.byName(QStringLiteral("child"))->id, 3);
    QCOMPARE(set.byName(QStringLiteral("m444"))->id, 2);
    QVERIFY(!set.byName(QStringLiteral("XL")).has_value());
    QVERIFY(!BagTypeSet().classify(QStringLiteral("SB00001")).has_value());
}

void TestBagTypes::roleNames()
{
    QCOMPARE(bagRoleName(BagRole::Parent), QStringLiteral("parent"));
    QCOMPARE(bagRoleName(BagRole::Child), QStringLiteral("child"));
    QCOMPARE(bagRoleFromName(u"parent"), std::optional(BagRole::Parent));
    QCOMPARE(bagRoleFromName(u"child"), std::optional(BagRole::Child));
    QVERIFY(!bagRoleFromName(u"Parent").has_value());
    QVERIFY(!bagRoleFromName(u"").has_value());
}

void TestBagTypes::validateBagType_data()
{
    QTest::addColumn<BagType>("type");
    QTest::addColumn<QString>("reason"); // "" = valid

    const BagType parent{10, QStringLiteral("XL"), BagRole::Parent, QStringLiteral("^XL\\d{4}$"), 40, 0, 40000};
    const BagType child{11, QStringLiteral("TINY"), BagRole::Child, QStringLiteral("^T\\d{4}$"), 0, 250, 0};
    const auto with = [](BagType t, auto change) {
        change(t);
        return t;
    };

    QTest::newRow("valid parent") << parent << QString();
    QTest::newRow("valid child") << child << QString();
    QTest::newRow("child without capacity") << with(child, [](BagType &t) { t.capacity = 0; }) << QString();
    QTest::newRow("empty name") << with(parent, [](BagType &t) { t.name = QStringLiteral("  "); })
                                << QStringLiteral("invalid_input");
    QTest::newRow("40-character name") << with(parent, [](BagType &t) { t.name = QString(40, QLatin1Char('N')); })
                                       << QString();
    QTest::newRow("41-character name") << with(parent, [](BagType &t) { t.name = QString(41, QLatin1Char('N')); })
                                       << QStringLiteral("invalid_input");
    QTest::newRow("empty pattern") << with(parent, [](BagType &t) { t.pattern.clear(); })
                                   << QStringLiteral("invalid_input");
    QTest::newRow("broken pattern") << with(parent, [](BagType &t) { t.pattern = QStringLiteral("^XL(\\d{4}$"); })
                                    << QStringLiteral("invalid_input");
    QTest::newRow("parent capacity 0") << with(parent, [](BagType &t) { t.capacity = 0; })
                                       << QStringLiteral("invalid_capacity");
    QTest::newRow("parent capacity 1") << with(parent, [](BagType &t) { t.capacity = 1; }) << QString();
    QTest::newRow("parent capacity 10000") << with(parent, [](BagType &t) { t.capacity = 10000; }) << QString();
    QTest::newRow("parent capacity 10001") << with(parent, [](BagType &t) { t.capacity = 10001; })
                                           << QStringLiteral("invalid_capacity");
    QTest::newRow("negative nominal weight") << with(child, [](BagType &t) { t.nominalWeightG = -1; })
                                             << QStringLiteral("invalid_input");
    QTest::newRow("nominal weight 10 t") << with(child, [](BagType &t) { t.nominalWeightG = 10'000'000; })
                                         << QString();
    QTest::newRow("nominal weight over 10 t")
        << with(child, [](BagType &t) { t.nominalWeightG = 10'000'001; }) << QStringLiteral("invalid_input");
    QTest::newRow("negative expected weight") << with(parent, [](BagType &t) { t.expectedWeightG = -30000; })
                                              << QStringLiteral("invalid_input");
}

void TestBagTypes::validateBagType()
{
    QFETCH(BagType, type);
    QFETCH(QString, reason);
    const auto r = tt::validateBagType(type);
    QCOMPARE(r ? QString() : reasonName(r.error().reason), reason);
    if (!r)
        QVERIFY(!r.error().message.isEmpty());
}

void TestBagTypes::literalPrefixes_data()
{
    QTest::addColumn<QString>("pattern");
    QTest::addColumn<QString>("prefix");
    QTest::newRow("SB") << QStringLiteral("^SB\\d{5}$") << QStringLiteral("SB");
    QTest::newRow("M444") << QStringLiteral("^M444-\\d{5}$") << QStringLiteral("M444-");
    QTest::newRow("CHILD") << QStringLiteral("^(?!SB)[A-Z0-9]{4,20}$") << QString();
    QTest::newRow("no anchor") << QStringLiteral("XL[0-9]+") << QStringLiteral("XL");
    QTest::newRow("optional last") << QStringLiteral("^ABC?\\d+$") << QStringLiteral("AB");
    QTest::newRow("repeated last") << QStringLiteral("^AB{2}\\d+$") << QStringLiteral("A");
    QTest::newRow("lower case") << QStringLiteral("^jb\\d+$") << QStringLiteral("JB");
    QTest::newRow("top-level alternative") << QStringLiteral("^AB\\d+|CD\\d+$") << QString();
    QTest::newRow("grouped alternative") << QStringLiteral("^AB(1|2)\\d+$") << QStringLiteral("AB");
    QTest::newRow("escaped bar") << QStringLiteral("^AB\\|\\d+$") << QStringLiteral("AB");
}

void TestBagTypes::literalPrefixes()
{
    QFETCH(QString, pattern);
    QFETCH(QString, prefix);
    QCOMPARE(literalPrefix(pattern), prefix);
}

void TestBagTypes::typesAmongOthers_data()
{
    QTest::addColumn<BagType>("type");
    QTest::addColumn<QString>("reason"); // "" = fits
    const BagType jumbo{0, QStringLiteral("JUMBO"), BagRole::Parent, QStringLiteral("^JB\\d{4}$"), 60, 0, 60000};
    const auto with = [](BagType t, auto change) {
        change(t);
        return t;
    };
    QTest::newRow("new prefix") << jumbo << QString();
    QTest::newRow("name taken, any case") << with(jumbo, [](BagType &t) { t.name = QStringLiteral("sb"); })
                                          << QStringLiteral("invalid_input");
    QTest::newRow("same prefix as SB") << with(jumbo, [](BagType &t) { t.pattern = QStringLiteral("^SB\\d{6}$"); })
                                       << QStringLiteral("invalid_input");
    QTest::newRow("prefix starting with SB") << with(jumbo, [](BagType &t) { t.pattern = QStringLiteral("^SBX\\d{4}$"); })
                                             << QStringLiteral("invalid_input");
    QTest::newRow("prefix of M444-") << with(jumbo, [](BagType &t) { t.pattern = QStringLiteral("^M4\\d{4}$"); })
                                     << QStringLiteral("invalid_input");
    QTest::newRow("same pattern as CHILD")
        << with(jumbo, [](BagType &t) { t.pattern = QStringLiteral("^(?!SB)[A-Z0-9]{4,20}$"); })
        << QStringLiteral("invalid_input");
    QTest::newRow("inactive overlapping") << with(jumbo, [](BagType &t) {
        t.pattern = QStringLiteral("^SB\\d{6}$");
        t.active = false;
    }) << QString();
    // A changed type is not compared with itself.
    QTest::newRow("SB itself, new capacity") << with(BagTypeSet::defaults().at(0), [](BagType &t) { t.capacity = 40; })
                                             << QString();
}

void TestBagTypes::typesAmongOthers()
{
    QFETCH(BagType, type);
    QFETCH(QString, reason);
    const auto r = checkBagTypeAmong(type, BagTypeSet::defaults());
    QCOMPARE(r ? QString() : reasonName(r.error().reason), reason);
    if (!r)
        QVERIFY(!r.error().message.isEmpty());
}

void TestBagTypes::inactiveTypesClassifyNothing()
{
    QList<BagType> types = BagTypeSet::defaults();
    types[0].active = false;
    const BagTypeSet set(types);
    QVERIFY(!set.classify(QStringLiteral("SB00001")).has_value());
    QCOMPARE(set.classify(QStringLiteral("M444-00001"))->name, QStringLiteral("M444"));
    QCOMPARE(set.byName(QStringLiteral("SB"))->active, false); // still known, for the bags it has
}

QTEST_APPLESS_MAIN(TestBagTypes)
#include "tst_bagtypes.moc"
