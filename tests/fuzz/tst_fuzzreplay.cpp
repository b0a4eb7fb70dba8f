// Replays the committed libFuzzer corpus through the same entry point the fuzzer uses
// (compiled here with the normal compiler, no sanitizers needed): every input that ever
// mattered stays a regression test. A violated contract aborts, failing the test.
#include <QDir>
#include <QFile>
#include <QTest>

#include <cstdint>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size);

class TestFuzzReplay : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void corpus_data()
    {
        QTest::addColumn<QString>("path");
        const QDir dir(QStringLiteral(TT_FUZZ_CORPUS_DIR));
        const QFileInfoList files = dir.entryInfoList(QDir::Files, QDir::Name);
        QVERIFY2(files.size() >= 10, qPrintable(QStringLiteral("too few corpus files in ") + dir.path()));
        for (const QFileInfo &f : files)
            QTest::newRow(qPrintable(f.fileName())) << f.filePath();
    }
    void corpus()
    {
        QFETCH(QString, path);
        QFile f(path);
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QByteArray bytes = f.readAll();
        QCOMPARE(LLVMFuzzerTestOneInput(reinterpret_cast<const std::uint8_t *>(bytes.constData()), size_t(bytes.size())),
                 0);
    }
};

QTEST_GUILESS_MAIN(TestFuzzReplay)
#include "tst_fuzzreplay.moc"
