#include "app/dashboardpage.h"

#include "app/dbclient.h"
#include "app/feedbacktext.h"
#include "app/format.h"
#include "app/scanlistmodel.h"
#include "database/dashboardquery.h"
#include "database/eodquery.h"

#include <QBarCategoryAxis>
#include <QBarSeries>
#include <QBarSet>
#include <QChart>
#include <QChartView>
#include <QFileInfo>
#include <QFrame>
#include <QGridLayout>
#include <QHorizontalBarSeries>
#include <QJsonObject>
#include <QLabel>
#include <QListWidget>
#include <QVBoxLayout>
#include <QValueAxis>

namespace tt {

namespace {

QChartView *chartView(const QString &title, QWidget *parent)
{
    auto *chart = new QChart;
    chart->setTitle(title);
    chart->legend()->hide();
    chart->setMargins(QMargins(4, 4, 4, 4));
    chart->setBackgroundRoundness(6);
    auto *view = new QChartView(chart, parent);
    view->setRenderHint(QPainter::Antialiasing);
    view->setMinimumHeight(220);
    return view;
}

// Replaces the chart's series with one bar set over the categories.
void setBars(QChartView *view, const QStringList &categories, const QList<qint64> &values, const QColor &colour,
             bool horizontal)
{
    QChart *chart = view->chart();
    chart->removeAllSeries();
    for (QAbstractAxis *axis : chart->axes())
        chart->removeAxis(axis);
    auto *set = new QBarSet(QString());
    set->setColor(colour);
    qint64 top = 1;
    for (qint64 v : values) {
        *set << double(v);
        top = std::max(top, v);
    }
    QAbstractBarSeries *series = horizontal ? static_cast<QAbstractBarSeries *>(new QHorizontalBarSeries)
                                            : static_cast<QAbstractBarSeries *>(new QBarSeries);
    series->append(set);
    series->setBarWidth(0.8);
    chart->addSeries(series);
    auto *categoryAxis = new QBarCategoryAxis;
    categoryAxis->append(categories);
    auto *valueAxis = new QValueAxis;
    valueAxis->setRange(0, std::max<double>(4, double(top) * 1.1));
    valueAxis->setLabelFormat(QStringLiteral("%d"));
    valueAxis->setTickCount(5);
    valueAxis->applyNiceNumbers();
    chart->addAxis(categoryAxis, horizontal ? Qt::AlignLeft : Qt::AlignBottom);
    chart->addAxis(valueAxis, horizontal ? Qt::AlignBottom : Qt::AlignLeft);
    series->attachAxis(categoryAxis);
    series->attachAxis(valueAxis);
}

} // namespace

DashboardPage::DashboardPage(DbClient &db, const Actor &actor, QWidget *parent)
    : QWidget(parent)
    , m_db(db)
    , m_actor(actor)
    , m_cards(new QGridLayout)
    , m_hourly(chartView(tr("Scans per hour today"), this))
    , m_daily(chartView(tr("Scans per day, last 14 days (day of month)"), this))
    , m_areas(chartView(tr("Scans per area today"), this))
    , m_last(new QListWidget(this))
    , m_health(new QLabel(this))
    , m_source(new QLabel(this))
{
    setObjectName(QStringLiteral("dashboardPage"));
    addCard(QStringLiteral("scans_today"), tr("Scans today"));
    addCard(QStringLiteral("my_scans"), tr("My scans today"));
    addCard(QStringLiteral("parents"), tr("Parent bags"));
    addCard(QStringLiteral("children"), tr("Child bags"));
    addCard(QStringLiteral("links"), tr("Links in force"));
    addCard(QStringLiteral("parents_filled"), tr("Parents filled today"));
    addCard(QStringLiteral("bills_open"), tr("Bills open"));
    addCard(QStringLiteral("bills_completed"), tr("Bills completed"));
    m_last->setFocusPolicy(Qt::NoFocus);
    m_health->setWordWrap(true);
    m_health->setTextFormat(Qt::RichText);
    m_health->setVisible(isAllowed(actor.role, Permission::Administer));

    auto *charts = new QGridLayout;
    charts->addWidget(m_hourly, 0, 0, 1, 2);
    charts->addWidget(m_daily, 1, 0);
    charts->addWidget(m_areas, 1, 1);
    auto *side = new QVBoxLayout;
    side->addWidget(new QLabel(tr("<b>Last scans</b>"), this));
    side->addWidget(m_last, 1);
    side->addWidget(m_health);
    auto *body = new QHBoxLayout;
    body->addLayout(charts, 3);
    body->addLayout(side, 1);
    m_source->setObjectName(QStringLiteral("figuresSource"));
    m_source->setVisible(db.isCentral());
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_source);
    layout->addLayout(m_cards);
    layout->addLayout(body, 1);

    connect(&db, &DbClient::changed, this, &DashboardPage::refresh);
    if (db.isCentral() && m_health->isVisible()) {
        connect(&db, &DbClient::centralStateChanged, this, &DashboardPage::renderCentralHealth);
        renderCentralHealth();
    }
    refresh();
}

QString DashboardPage::healthText() const
{
    return m_health->text();
}

QString DashboardPage::sourceText() const
{
    return m_source->text();
}

void DashboardPage::renderCentralHealth()
{
    const CentralState &c = m_db.centralState();
    QString text = tr("<b>Station health</b> (central mode)<br>Central database %1: ")
                       .arg(m_db.centralName().toHtmlEscaped());
    if (c.reachable)
        text += tr("reachable, round trip %1 ms").arg(c.latencyMs, 0, 'f', 1);
    else
        text += tr("<span style='color:#b00020'>unreachable</span> (%1)")
                    .arg(localizedMessage(c.error).toHtmlEscaped());
    const qint64 lag =
        c.sync.oldestQueuedAt ? c.sync.oldestQueuedAt->secsTo(QDateTime::currentDateTimeUtc()) : 0;
    text += tr("<br>This station: %1 · %2 queued (lag %3 s) · %4 conflict(s) · last sync %5")
                .arg(c.online() ? tr("online") : tr("offline"))
                .arg(c.sync.queued)
                .arg(lag)
                .arg(c.sync.conflicts)
                .arg(c.sync.lastSyncAt ? formatClock(*c.sync.lastSyncAt) : tr("never"));
    if (!c.stations.isEmpty()) {
        text += tr("<br><b>Stations</b> (last report)");
        for (const QJsonValue &v : c.stations) {
            const QJsonObject st = v.toObject();
            const auto field = [&st](const char *key) {
                return st.value(QLatin1String(key)).toString().toHtmlEscaped();
            };
            text += tr("<br>%1 (%2): last contact %3, %4 queued, %5 conflict(s)")
                        .arg(field("station"), field("username"), field("last_contact"))
                        .arg(st.value(QStringLiteral("queue_depth")).toInt())
                        .arg(st.value(QStringLiteral("conflicts")).toInt());
        }
    }
    m_health->setText(text);
}

void DashboardPage::addCard(const QString &key, const QString &title)
{
    auto *card = new QFrame(this);
    card->setObjectName(QStringLiteral("card"));
    card->setStyleSheet(QStringLiteral("QFrame#card { background: #eceff1; border-radius: 8px; }"));
    auto *t = new QLabel(title, card);
    t->setStyleSheet(QStringLiteral("color: #546e7a; font-weight: bold;"));
    auto *v = new QLabel(QStringLiteral("–"), card);
    QFont f = v->font();
    f.setPointSize(24);
    f.setBold(true);
    v->setFont(f);
    auto *l = new QVBoxLayout(card);
    l->addWidget(t);
    l->addWidget(v);
    const int index = int(m_values.size());
    m_cards->addWidget(card, index / 4, index % 4);
    m_values.insert(key, v);
}

QString DashboardPage::cardText(const QString &key) const
{
    const QLabel *l = m_values.value(key);
    return l ? l->text() : QString();
}

void DashboardPage::refresh()
{
    if (m_busy) {
        m_again = true;
        return;
    }
    m_busy = true;
    const QString user = m_actor.user;
    m_db.call(
        DbClient::Lane::Query, this,
        [user, central = m_db.isCentral()](DbSession &s) {
            const QTimeZone zone = EodQuery(s.store->database()).businessTimeZone();
            const QDate today = QDateTime::currentDateTimeUtc().toTimeZone(zone).date();
            DashboardQuery q(s.store->statements());
            return central ? q.loadCentral(today, zone, user) : q.load(today, zone, user);
        },
        [this](Result<DashboardFigures> r) {
            m_busy = false;
            ++m_refreshes;
            if (r)
                render(*r);
            else
                m_health->setText(localizedMessage(r.error().message).toHtmlEscaped());
            if (std::exchange(m_again, false))
                refresh();
        });
}

void DashboardPage::render(const DashboardFigures &f)
{
    const auto set = [this](const char *key, qint64 value) {
        if (QLabel *l = m_values.value(QString::fromLatin1(key)))
            l->setText(QLocale().toString(value));
    };
    set("scans_today", f.scansToday);
    set("my_scans", f.userScansToday);
    set("parents", f.totals.value(QStringLiteral("parents")));
    set("children", f.totals.value(QStringLiteral("children")));
    set("links", f.totals.value(QStringLiteral("links")));
    set("parents_filled", f.today.value(QStringLiteral("parents_filled")));
    set("bills_open", f.totals.value(QStringLiteral("bills_open")));
    set("bills_completed", f.totals.value(QStringLiteral("bills_completed")));

    QStringList hours;
    for (int h = 0; h < 24; ++h)
        hours << QString::number(h);
    setBars(m_hourly, hours, f.scansPerHour, QColor(0x1f, 0x5f, 0xa8), false);
    QStringList days;
    QList<qint64> dayValues;
    for (const auto &[day, n] : f.scansPerDay) {
        days << QString::number(day.day());
        dayValues << n;
    }
    setBars(m_daily, days, dayValues, QColor(0x1b, 0x7f, 0x3b), false);
    QStringList areas;
    QList<qint64> areaValues;
    // Horizontal bars draw the first category at the bottom: reverse so the largest is on top.
    for (auto it = f.scansPerArea.crbegin(); it != f.scansPerArea.crend(); ++it) {
        areas << (it->first.isEmpty() ? tr("(no area)") : it->first);
        areaValues << it->second;
    }
    setBars(m_areas, areas, areaValues, QColor(0xc7, 0x7c, 0x00), true);

    m_last->clear();
    for (const ScanRecord &s : f.lastScans)
        m_last->addItem(QStringLiteral("%1  %2  %3 %4").arg(formatClock(s.at), s.user, ScanListModel::actionText(s.action), s.code));

    if (m_db.isCentral()) {
        QString source = f.centralAsOf
                             ? tr("Site figures from the central database as of %1")
                                   .arg(f.centralAsOf->toLocalTime().date() == QDate::currentDate()
                                            ? formatClock(*f.centralAsOf)
                                            : formatTime(*f.centralAsOf))
                             : tr("This station's figures only: the central figures have not been read yet");
        if (f.centralAsOf && f.pendingScans > 0)
            source += tr(", and %n scan(s) of this station since", nullptr, int(f.pendingScans));
        if (!m_db.centralState().online())
            source += tr(" (offline)");
        m_source->setText(source);
        if (m_health->isVisible())
            renderCentralHealth();
    } else if (m_health->isVisible() || isAllowed(m_actor.role, Permission::Administer)) {
        const QFileInfo file(m_db.path());
        m_health->setText(tr("<b>Station health</b><br>Mode: embedded (no central server)<br>Queue: 0 commands, "
                             "sync lag: none<br>Database: %1 (%2 MB)<br>Scans recorded: %3")
                              .arg(file.fileName().toHtmlEscaped())
                              .arg(double(file.size()) / 1e6, 0, 'f', 1)
                              .arg(f.totals.value(QStringLiteral("scans"))));
    }
}

} // namespace tt
