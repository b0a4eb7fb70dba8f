#pragma once

#include <QWidget>

#include <memory>

#include "core/command.h"
#include "core/outcome.h"

class QLabel;
class QLineEdit;
class QListWidget;
class QProgressBar;

namespace tt {

class Station;
class SqliteStore;

// The dispatcher's screen: the current parent in large type, the "17/30" counter and bar,
// the last scans with colour and plain-language reasons, and the scan input. Scans come from
// the input's Enter (keyboard-wedge scanners type and press Enter) or from scan().
class StationView : public QWidget
{
    Q_OBJECT

public:
    // The store must outlive the view.
    StationView(SqliteStore &store, const Actor &actor, const QString &stationId, QWidget *parent = nullptr);
    ~StationView() override;

    Outcome scan(const QString &raw);

Q_SIGNALS:
    void scanned(const tt::Outcome &outcome);

private:
    void show(const Outcome &outcome);

    std::unique_ptr<Station> m_station;
    QLabel *m_parent;
    QLabel *m_counter;
    QProgressBar *m_progress;
    QLabel *m_message;
    QLineEdit *m_input;
    QListWidget *m_history;
};

} // namespace tt
