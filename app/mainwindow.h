#pragma once

#include <QMainWindow>

#include <optional>

#include "core/command.h"

namespace tt {

class SqliteStore;
class StationView;

// The station's main window. Without an actor it shows what the database holds but cannot scan.
class MainWindow : public QMainWindow
{
    Q_OBJECT

public:
    // The store must outlive the window.
    MainWindow(SqliteStore &store, std::optional<Actor> actor, const QString &stationId, QWidget *parent = nullptr);

    StationView *stationView() const { return m_station; }

private:
    void refreshStatus();

    SqliteStore &m_store;
    std::optional<Actor> m_actor;
    StationView *m_station = nullptr;
};

} // namespace tt
