#include "app/mainwindow.h"

#include <QLabel>
#include <QStatusBar>

#include "app/stationview.h"
#include "database/repositories.h"
#include "database/sqlitestore.h"

namespace tt {

MainWindow::MainWindow(SqliteStore &store, std::optional<Actor> actor, const QString &stationId, QWidget *parent)
    : QMainWindow(parent)
    , m_store(store)
    , m_actor(std::move(actor))
{
    setWindowTitle(tr("TraceTrack — %1").arg(stationId));
    if (m_actor) {
        m_station = new StationView(store, *m_actor, stationId, this);
        setCentralWidget(m_station);
        connect(m_station, &StationView::scanned, this, &MainWindow::refreshStatus);
    } else {
        auto *label = new QLabel(tr("<h1>TraceTrack</h1><p>Log in to scan.</p>"), this);
        label->setAlignment(Qt::AlignCenter);
        setCentralWidget(label);
    }
    resize(1024, 700);
    refreshStatus();
}

void MainWindow::refreshStatus()
{
    const auto totals = m_store.repositories().statistics.totals();
    QString text = m_actor ? tr("%1 (%2)").arg(m_actor->user, roleName(m_actor->role)) : tr("not logged in");
    if (totals)
        text += tr("   ·   parents %1   children %2   bills open %3 / completed %4   ·   %5")
                    .arg(totals->value(QStringLiteral("parents")))
                    .arg(totals->value(QStringLiteral("children")))
                    .arg(totals->value(QStringLiteral("bills_open")))
                    .arg(totals->value(QStringLiteral("bills_completed")))
                    .arg(m_store.path());
    statusBar()->showMessage(text);
}

} // namespace tt
