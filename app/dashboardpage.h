#pragma once

#include <QHash>
#include <QWidget>

#include "core/command.h"

class QChartView;
class QGridLayout;
class QLabel;
class QListWidget;

namespace tt {

class DbClient;
struct DashboardFigures;

// The dashboard (BRIEF §7), for every role: figure cards, scans per hour today, per day for 14
// days and per area (Qt Charts), the last scans, and for admins the station's health. Re-read on
// the query lane whenever the database changes (DbClient::changed, within a second). In central
// mode the site's figures the station last read into its cache (DashboardQuery::loadCentral),
// with their time.
class DashboardPage : public QWidget
{
    Q_OBJECT

public:
    DashboardPage(DbClient &db, const Actor &actor, QWidget *parent = nullptr);

    void refresh();
    // The card's value as shown ("–" before the first load); key as in cardKeys().
    QString cardText(const QString &key) const;
    int refreshCount() const { return m_refreshes; }
    // The admin's station health panel as shown (tests).
    QString healthText() const;
    // Central mode: where the figures come from and how old they are, as shown (tests).
    QString sourceText() const;

private:
    void addCard(const QString &key, const QString &title);
    void render(const DashboardFigures &f);
    // Central mode: reachability and latency, this station's queue, every station's last report.
    void renderCentralHealth();

    DbClient &m_db;
    Actor m_actor;
    bool m_busy = false;
    bool m_again = false;
    int m_refreshes = 0;
    QGridLayout *m_cards;
    QHash<QString, QLabel *> m_values;
    QChartView *m_hourly;
    QChartView *m_daily;
    QChartView *m_areas;
    QListWidget *m_last;
    QLabel *m_health;
    QLabel *m_source;
};

} // namespace tt
