// Issue 5 / BRIEF §8 P8, P9: the desktop app over a large embedded database.
//  - start to login window: `tracetrack --exit-at-login` started N times, time until it reports
//    the login window on screen (P9 ≤ 1 s);
//  - browse: the Search → Bags list scrolled page after page (fetchMore) and filtered, while a
//    10 ms heartbeat timer measures how long the GUI thread was unavailable (no stall > 50 ms);
//    RSS at the end and its peak (P8 ≤ 150 MB).
// Usage: bench_gui [--bags N] [--rows N] [--starts N] [--dir DIR]   (defaults 2 000 000, 100 000, 5)

#include <QApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QLineEdit>
#include <QProcess>
#include <QScrollBar>
#include <QTableView>
#include <QTemporaryDir>
#include <QTextStream>
#include <QTimer>

#include "app/baglistmodel.h"
#include "app/dbclient.h"
#include "app/mainwindow.h"
#include "app/searchpage.h"
#include "benchsupport.h"
#include "database/accountservice.h"
#include "database/seeder.h"
#include "database/sqlitestore.h"

namespace {

qint64 statusKb(const char *field)
{
    QFile f(QStringLiteral("/proc/self/status"));
    if (!f.open(QIODevice::ReadOnly))
        return -1;
    const QByteArray key = QByteArray(field) + ':';
    for (const QByteArray &line : f.readAll().split('\n'))
        if (line.startsWith(key))
            return line.mid(key.size()).trimmed().split(' ').value(0).toLongLong();
    return -1;
}

// Gaps between the ticks of a 10 ms timer: a gap of g ms means the GUI thread was busy g - 10 ms.
struct Heartbeat
{
    QTimer timer;
    QElapsedTimer clock;
    qint64 last = 0;
    tt::bench::Latencies gaps;

    void start()
    {
        timer.setInterval(10);
        timer.setTimerType(Qt::PreciseTimer);
        QObject::connect(&timer, &QTimer::timeout, &timer, [this] {
            const qint64 now = clock.nsecsElapsed();
            if (last > 0)
                gaps.add(now - last);
            last = now;
        });
        clock.start();
        timer.start();
    }
};

void pump(int ms)
{
    QElapsedTimer t;
    t.start();
    while (t.elapsed() < ms)
        QApplication::processEvents(QEventLoop::AllEvents, 5);
}

} // namespace

int main(int argc, char *argv[])
{
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    qputenv("TT_MUTE", "1");
    QApplication app(argc, argv);
    QApplication::setOrganizationName(QStringLiteral("TraceTrackBench"));
    const QStringList args = app.arguments();
    const qint64 bags = tt::bench::intArgument(args, QStringLiteral("--bags"), 2'000'000);
    const qint64 rowsWanted = tt::bench::intArgument(args, QStringLiteral("--rows"), 100'000);
    const int starts = int(tt::bench::intArgument(args, QStringLiteral("--starts"), 5));
    QTemporaryDir tmp(tt::bench::stringArgument(args, QStringLiteral("--dir"), QDir::tempPath()) +
                      QStringLiteral("/tt-bench-gui-XXXXXX"));
    QTextStream out(stdout);
    out << "P8/P9 desktop app on an embedded database\n" << tt::bench::machineDescription(tmp.path()) << '\n';
    const QString path = tmp.filePath(QStringLiteral("bench.db"));
    {
        tt::SqliteStoreOptions options;
        options.connectionName = QStringLiteral("bench-setup");
        auto store = tt::SqliteStore::open(path, options);
        if (!store) {
            out << "cannot open: " << store.error().message << '\n';
            return 1;
        }
        tt::AccountService accounts((*store)->statements(), (*store)->clock());
        if (auto r = accounts.initAdmin(QStringLiteral("admin"), QStringLiteral("Bench-Pass-2026"), QStringLiteral("bench")); !r) {
            out << "init failed: " << r.error().message << '\n';
            return 1;
        }
        tt::SeedPlan plan;
        plan.childrenPerParent = 19;
        plan.parents = int(std::min<qint64>(100000, std::max<qint64>(1, bags / 20)));
        const auto seeded = tt::Seeder((*store)->statements()).run(plan);
        if (!seeded) {
            out << "seed failed: " << seeded.error().message << '\n';
            return 1;
        }
        out << QStringLiteral("seeded %1 bags in %2 s\n").arg(seeded->bags).arg(seeded->seconds, 0, 'f', 1);
        out.flush();
    }

    // P9: process start to login window on screen.
    tt::bench::Latencies startup;
    for (int i = 0; i < starts; ++i) {
        QProcess p;
        p.setProcessChannelMode(QProcess::SeparateChannels);
        QElapsedTimer t;
        t.start();
        p.start(QStringLiteral(TT_TRACETRACK_PATH), {QStringLiteral("--db"), QStringLiteral("sqlite:") + path,
                                                    QStringLiteral("--exit-at-login")});
        if (!p.waitForStarted(5000)) {
            out << "cannot start tracetrack\n";
            return 1;
        }
        QByteArray seen;
        while (!seen.contains("login-shown") && p.waitForReadyRead(10000))
            seen += p.readAllStandardOutput();
        if (!seen.contains("login-shown")) {
            out << "tracetrack did not show the login window: " << p.readAllStandardError() << '\n';
            return 1;
        }
        startup.add(t.nsecsElapsed());
        p.waitForFinished(5000);
    }
    out << tt::bench::summary(QStringLiteral("P9 start to login window"), startup) << '\n';

    // P8 and the stall measurement: browse the bags.
    const qint64 rssBefore = statusKb("VmRSS");
    tt::MainWindow window(path, tt::Actor{QStringLiteral("admin"), tt::Role::Admin}, QStringLiteral("bench"));
    window.show();
    window.showPage(tt::MainWindow::Page::Search);
    window.db().waitIdle();
    tt::SearchPage *search = window.searchPage();
    QTableView *view = search->bagView();
    tt::BagListModel *model = search->bagModel();
    Heartbeat beat;
    beat.start();
    QElapsedTimer browse;
    browse.start();
    while (model->rowCount() < rowsWanted && browse.elapsed() < 600'000) {
        view->verticalScrollBar()->setValue(view->verticalScrollBar()->maximum());
        pump(15);
        if (!model->canFetchMore(QModelIndex()) && !model->isLoading())
            break;
    }
    const double browseSeconds = browse.elapsed() / 1000.0;
    const qint64 loaded = model->rowCount();
    const qsizetype afterBrowse = beat.gaps.ns.size();
    // Scroll back up through the loaded rows in screenfuls.
    for (int i = 0; i < 200; ++i) {
        view->verticalScrollBar()->setValue(view->verticalScrollBar()->maximum() * (200 - i) / 200);
        pump(5);
    }
    const qsizetype afterScroll = beat.gaps.ns.size();
    // Substring filters typed into the search field (debounced, then queried off the GUI thread).
    tt::bench::Latencies filterTimes;
    for (const char *text : {"C00000123", "SB0009", "C0000054321", "12345"}) {
        QElapsedTimer t;
        t.start();
        search->bagSearchField()->setText(QString::fromLatin1(text));
        pump(300);
        window.db().waitIdle(60000);
        filterTimes.add(t.nsecsElapsed());
    }
    search->bagSearchField()->clear();
    window.db().waitIdle(60000);
    pump(300);
    beat.timer.stop();

    const double maxStallMs = beat.gaps.percentileMs(100) - 10.0;
    const auto phaseMaxMs = [&beat](qsizetype from, qsizetype to) {
        qint64 m = 0;
        for (qsizetype i = from; i < std::min(to, beat.gaps.ns.size()); ++i)
            m = std::max(m, beat.gaps.ns[i]);
        return m / 1e6 - 10.0;
    };
    out << QStringLiteral("browse: %1 rows loaded in %2 s (%3 rows/s), then scrolled back and filtered 4 times\n")
               .arg(loaded)
               .arg(browseSeconds, 0, 'f', 1)
               .arg(double(loaded) / std::max(0.001, browseSeconds), 0, 'f', 0);
    out << tt::bench::summary(QStringLiteral("GUI heartbeat gap (10 ms timer)"), beat.gaps) << '\n';
    out << QStringLiteral("longest GUI-thread stall: %1 ms (target: none over 50 ms); by phase: paging down %2 ms, "
                          "scrolling back %3 ms, filtering %4 ms\n")
               .arg(maxStallMs, 0, 'f', 1)
               .arg(phaseMaxMs(0, afterBrowse), 0, 'f', 1)
               .arg(phaseMaxMs(afterBrowse, afterScroll), 0, 'f', 1)
               .arg(phaseMaxMs(afterScroll, beat.gaps.ns.size()), 0, 'f', 1);
    out << tt::bench::summary(QStringLiteral("filter typed → rows shown (incl. 250 ms debounce)"), filterTimes) << '\n';
    out << QStringLiteral("RSS: %1 MB before the window, %2 MB at the end, peak %3 MB (target ≤ 150 MB)\n")
               .arg(rssBefore / 1024.0, 0, 'f', 1)
               .arg(statusKb("VmRSS") / 1024.0, 0, 'f', 1)
               .arg(statusKb("VmHWM") / 1024.0, 0, 'f', 1);
    return 0;
}
