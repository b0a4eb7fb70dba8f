// P6 (SQLite): seed of N bags, and the import path — RegisterBag and LinkChild commands through
// SqliteStore::executeBatch, i.e. every core rule applied to every row.
// Usage: bench_import [--bags N] [--rows N] [--batch N] [--dir DIR]

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QTemporaryDir>
#include <QTextStream>

#include "benchsupport.h"
#include "core/command.h"
#include "database/seeder.h"
#include "database/sqlitestore.h"

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    const qint64 bags = tt::bench::intArgument(args, QStringLiteral("--bags"), 2'000'000);
    const qint64 rows = tt::bench::intArgument(args, QStringLiteral("--rows"), 200000);
    const qint64 batch = tt::bench::intArgument(args, QStringLiteral("--batch"), 5000);
    QTemporaryDir tmp(tt::bench::stringArgument(args, QStringLiteral("--dir"), QDir::tempPath()) +
                      QStringLiteral("/tt-bench-XXXXXX"));
    QTextStream out(stdout);
    out << "P6 seed and import, embedded SQLite\n" << tt::bench::machineDescription(tmp.path()) << '\n';
    auto store = tt::SqliteStore::open(tmp.filePath(QStringLiteral("bench.db")));
    if (!store) {
        out << "cannot open: " << store.error().message << '\n';
        return 1;
    }
    tt::SeedPlan plan;
    plan.childrenPerParent = 19;
    plan.parents = int(std::min<qint64>(100000, std::max<qint64>(1, bags / 20)));
    plan.bills = plan.parents / 100;
    plan.billCapacity = 50;
    tt::Seeder seeder((*store)->statements());
    const auto seeded = seeder.run(plan);
    if (!seeded) {
        out << "seed failed: " << seeded.error().message << '\n';
        return 1;
    }
    out << QStringLiteral("seed: %1 bags, %2 links, %3 bills in %4 s = %5 bags/s (target: 2M bags <= 120 s)\n")
               .arg(seeded->bags)
               .arg(seeded->links)
               .arg(seeded->bills)
               .arg(seeded->seconds, 0, 'f', 1)
               .arg(double(seeded->bags) / seeded->seconds, 0, 'f', 0);
    out.flush();

    const tt::Actor actor{QStringLiteral("importer"), tt::Role::Admin};
    // Import rows: parents M444-xxxxx with 14 children each, as an import file of links would give.
    QElapsedTimer timer;
    timer.start();
    qint64 done = 0;
    qint64 ok = 0;
    int parent = 0;
    int childrenOfParent = 14;
    while (done < rows) {
        QList<tt::Command> commands;
        commands.reserve(batch);
        for (qint64 i = 0; i < batch && done < rows; ++i, ++done) {
            if (childrenOfParent == 14) {
                ++parent;
                childrenOfParent = 0;
                commands.append(tt::makeCommand(actor, QStringLiteral("import"), (*store)->clock(),
                                                tt::cmd::RegisterBag{QStringLiteral("M444-%1").arg(parent, 5, 10, QLatin1Char('0')), std::nullopt}));
                continue;
            }
            ++childrenOfParent;
            commands.append(tt::makeCommand(actor, QStringLiteral("import"), (*store)->clock(),
                                            tt::cmd::LinkChild{QStringLiteral("M444-%1").arg(parent, 5, 10, QLatin1Char('0')),
                                                               QStringLiteral("I%1").arg(done, 10, 10, QLatin1Char('0')),
                                                               std::nullopt}));
        }
        for (const tt::Outcome &o : (*store)->executeBatch(commands))
            ok += o.ok() ? 1 : 0;
    }
    const double seconds = double(timer.nsecsElapsed()) / 1e9;
    out << QStringLiteral("import through the rules: %1 rows (%2 applied) in %3 s = %4 rows/s, batches of %5 (target >= 50 000 rows/s)\n")
               .arg(done)
               .arg(ok)
               .arg(seconds, 0, 'f', 2)
               .arg(double(done) / seconds, 0, 'f', 0)
               .arg(batch);
    return ok == done ? 0 : 1;
}
