#include <QAbstractItemModelTester>
#include <QTest>

#include "scanner/selftestmodel.h"

using namespace tt;

// The self-test page's model: what arrived, its timing and its interpretation.
class TestSelfTestModel : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void rowsAndColumns()
    {
        SelfTestModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.append(TraceEntry{TraceEntry::Kind::Bytes, 1000, QStringLiteral("serial:x"), "]C100340123450000000017", {}});
        model.append(TraceEntry{TraceEntry::Kind::Bytes, 1004, QStringLiteral("serial:x"),
                                QByteArray("\x1d" "3103001250\r\n\xff", 14), {}});
        model.append(TraceEntry{TraceEntry::Kind::Scan, 1010, QStringLiteral("serial:x"),
                                "]C100340123450000000017\x1d" "3103001250", {}});
        model.append(TraceEntry{TraceEntry::Kind::Scan, 1500, QStringLiteral("wedge"), "]C100340123450000000018", {}});
        model.append(TraceEntry{TraceEntry::Kind::Rejected, 1600, QStringLiteral("serial:x"), {},
                                QStringLiteral("Binary data was discarded")});
        QCOMPARE(model.rowCount(), 5);
        QCOMPARE(model.columnCount(), int(SelfTestModel::ColumnCount));

        auto cell = [&](int row, int column) { return model.index(row, column).data().toString(); };
        QCOMPARE(cell(1, SelfTestModel::DataColumn), QStringLiteral("<GS>3103001250<CR><LF><0xff>"));
        QCOMPARE(cell(1, SelfTestModel::DeltaColumn), QStringLiteral("+4 ms"));
        QCOMPARE(cell(4, SelfTestModel::TimeColumn), QStringLiteral("0.600 s"));
        QCOMPARE(cell(2, SelfTestModel::EventColumn), QStringLiteral("scan"));
        QCOMPARE(cell(2, SelfTestModel::InterpretationColumn),
                 QStringLiteral("bag code 340123450000000017, symbology ]C1, GS1 (00)340123450000000017(3103)001250, "
                                "weight 1250 g"));
        QVERIFY(cell(3, SelfTestModel::InterpretationColumn).startsWith(QStringLiteral("invalid_code: ")));
        QVERIFY(cell(3, SelfTestModel::InterpretationColumn).contains(QStringLiteral("check digit")));
        QCOMPARE(cell(4, SelfTestModel::InterpretationColumn), QStringLiteral("Binary data was discarded"));
        QCOMPARE(model.index(1, SelfTestModel::DataColumn).data(SelfTestModel::HexRole).toString(),
                 QStringLiteral("1d 33 31 30 33 30 30 31 32 35 30 0d 0a ff"));
        QCOMPARE(model.headerData(SelfTestModel::InterpretationColumn, Qt::Horizontal).toString(),
                 QStringLiteral("Interpretation"));
    }

    void keepsNewestRows()
    {
        SelfTestModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setMaxRows(3);
        for (int i = 0; i < 10; ++i)
            model.append(TraceEntry{TraceEntry::Kind::Key, 100 + i, QStringLiteral("wedge"), QByteArray::number(i), {}});
        QCOMPARE(model.rowCount(), 3);
        QCOMPARE(model.index(0, SelfTestModel::DataColumn).data().toString(), QStringLiteral("7"));
        model.setMaxRows(1);
        QCOMPARE(model.rowCount(), 1);
        QCOMPARE(model.index(0, SelfTestModel::DataColumn).data().toString(), QStringLiteral("9"));
        model.clear();
        QCOMPARE(model.rowCount(), 0);
    }

    void interpretations_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("expected");
        QTest::newRow("plain") << QStringLiteral("sb00001") << QStringLiteral("bag code SB00001");
        QTest::newRow("command") << QStringLiteral("]Q1TT:UNDO") << QStringLiteral("command ]Q1TT:UNDO, symbology ]Q1");
        QTest::newRow("empty") << QString() << QStringLiteral("invalid_code: The scan was empty.");
    }
    void interpretations()
    {
        QFETCH(QString, text);
        QFETCH(QString, expected);
        QCOMPARE(SelfTestModel::interpretationOf(text), expected);
    }
};

QTEST_GUILESS_MAIN(TestSelfTestModel)
#include "tst_selftestmodel.moc"
