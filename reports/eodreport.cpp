#include "reports/eodreport.h"

#include <QPageSize>
#include <QPainter>
#include <QPdfWriter>

#include "core/weight.h"
#include "reports/reportslog.h"
#include "reports/rowsink.h"

namespace tt {

namespace {

QStringList figuresCells(const EodFigures &f)
{
    return {QString::number(f.scans),          QString::number(f.rejectedScans),
            QString::number(f.links),          QString::number(f.parentsFilled),
            QString::number(f.billsCompleted), QString::number(f.linkedWeightG),
            QString::number(f.billsActualG),   QString::number(f.billsExpectedG)};
}

} // namespace

EodReport::EodReport(EodSummary summary) : m_summary(std::move(summary)) {}

QStringList EodReport::tableHeader()
{
    return {QStringLiteral("date"),           QStringLiteral("time_zone"),
            QStringLiteral("section"),        QStringLiteral("name"),
            QStringLiteral("scans"),          QStringLiteral("rejected_scans"),
            QStringLiteral("links"),          QStringLiteral("parents_filled"),
            QStringLiteral("bills_completed"), QStringLiteral("linked_weight_g"),
            QStringLiteral("bills_actual_weight_g"), QStringLiteral("bills_expected_weight_g")};
}

Result<void> EodReport::writeTable(RowSink &sink) const
{
    const QString day = m_summary.day.toString(Qt::ISODate);
    auto write = [&](const QString &section, const QString &name, const EodFigures &f) {
        return sink.write(QStringList{day, m_summary.timeZoneId, section, name} + figuresCells(f));
    };
    if (auto r = sink.write(tableHeader()); !r)
        return r;
    if (auto r = write(QStringLiteral("total"), QString(), m_summary.total); !r)
        return r;
    for (const EodGroup &g : m_summary.perDispatcher)
        if (auto r = write(QStringLiteral("dispatcher"), g.name, g.figures); !r)
            return r;
    for (const EodGroup &g : m_summary.perArea)
        if (auto r = write(QStringLiteral("area"), g.name, g.figures); !r)
            return r;
    return sink.finish();
}

Result<void> EodReport::print(QPagedPaintDevice *device) const
{
    QPainter p;
    if (!p.begin(device))
        return fail(Reason::InvalidInput, QStringLiteral("Cannot start printing the summary"));
    const qreal dpi = device->logicalDpiX();
    p.translate(-device->pageLayout().paintRectPixels(qRound(dpi)).topLeft());
    auto px = [dpi](qreal mm) { return mm * dpi / 25.4; };
    auto font = [&](qreal mm, bool bold = false) {
        QFont f(QStringLiteral("DejaVu Sans"));
        f.setPixelSize(std::max(1, qRound(px(mm))));
        f.setBold(bold);
        return f;
    };
    auto text = [&](qreal x, qreal y, qreal w, qreal h, const QString &s, Qt::Alignment a = Qt::AlignLeft) {
        p.drawText(QRectF(px(x), px(y), px(w), px(h)), int(a | Qt::AlignVCenter), s);
    };
    const qreal left = 15, right = 195, bottom = 280, rowH = 6;
    qreal y = 15;
    int page = 1;
    auto newPageIfNeeded = [&](qreal need) {
        if (y + need <= bottom)
            return;
        device->newPage();
        ++page;
        y = 15;
    };

    p.setFont(font(7, true));
    text(left, y, 180, 10, QStringLiteral("End of day %1").arg(m_summary.day.toString(Qt::ISODate)));
    y += 11;
    p.setFont(font(3.3));
    text(left, y, 180, 5, QStringLiteral("Business time zone %1: %2 to %3 UTC")
                              .arg(m_summary.timeZoneId,
                                   m_summary.fromUtc.toString(QStringLiteral("yyyy-MM-dd HH:mm")),
                                   m_summary.toUtc.toString(QStringLiteral("yyyy-MM-dd HH:mm"))));
    y += 10;

    const EodFigures &t = m_summary.total;
    const QList<std::pair<QString, QString>> totals = {
        {QStringLiteral("Scans"), QString::number(t.scans)},
        {QStringLiteral("Rejected scans"), QString::number(t.rejectedScans)},
        {QStringLiteral("Child bags linked"), QString::number(t.links)},
        {QStringLiteral("Parent bags filled"), QString::number(t.parentsFilled)},
        {QStringLiteral("Bills completed"), QString::number(t.billsCompleted)},
        {QStringLiteral("Weight linked"), formatKg(t.linkedWeightG)},
        {QStringLiteral("Completed bills, actual"), formatKg(t.billsActualG)},
        {QStringLiteral("Completed bills, expected"), formatKg(t.billsExpectedG)},
        {QStringLiteral("Completed bills, variance"),
         formatVariance(BillWeights{t.billsActualG, t.billsExpectedG})},
    };
    for (const auto &[label, value] : totals) {
        p.setFont(font(3.8));
        text(left, y, 80, rowH, label);
        p.setFont(font(3.8, true));
        text(left + 80, y, 60, rowH, value, Qt::AlignRight);
        y += rowH;
    }
    y += 6;

    const qreal cols[] = {50, 20, 22, 22, 22, 30};
    const QStringList head = {QString(), QStringLiteral("Scans"), QStringLiteral("Links"),
                              QStringLiteral("Filled"), QStringLiteral("Bills"), QStringLiteral("Weight")};
    auto table = [&](const QString &title, const QList<EodGroup> &groups, const QString &firstColumn) {
        newPageIfNeeded(rowH * 4);
        p.setFont(font(4.8, true));
        text(left, y, 180, 8, title);
        y += 9;
        auto header = [&] {
            p.fillRect(QRectF(px(left), px(y), px(right - left), px(rowH)), QColor(225, 225, 225));
            p.setFont(font(3.3, true));
            qreal x = left;
            for (int c = 0; c < 6; ++c) {
                text(x + 1, y, cols[c] - 2, rowH, c == 0 ? firstColumn : head.at(c),
                     c == 0 ? Qt::AlignLeft : Qt::AlignRight);
                x += cols[c];
            }
            y += rowH;
        };
        header();
        if (groups.isEmpty()) {
            p.setFont(font(3.3));
            text(left + 1, y, 100, rowH, QStringLiteral("No activity."));
            y += rowH;
        }
        for (const EodGroup &g : groups) {
            if (y + rowH > bottom) {
                newPageIfNeeded(bottom);
                header();
            }
            p.setFont(font(3.3));
            const QStringList cells = {g.name, QString::number(g.figures.scans), QString::number(g.figures.links),
                                       QString::number(g.figures.parentsFilled),
                                       QString::number(g.figures.billsCompleted), formatKg(g.figures.linkedWeightG)};
            qreal x = left;
            for (int c = 0; c < 6; ++c) {
                text(x + 1, y, cols[c] - 2, rowH, cells.at(c), c == 0 ? Qt::AlignLeft : Qt::AlignRight);
                x += cols[c];
            }
            y += rowH;
        }
        y += 6;
    };
    table(QStringLiteral("Per dispatcher"), m_summary.perDispatcher, QStringLiteral("Dispatcher"));
    table(QStringLiteral("Per area"), m_summary.perArea, QStringLiteral("Area"));
    Q_UNUSED(page);
    return {};
}

Result<void> EodReport::writePdf(const QString &path) const
{
    QPdfWriter writer(path);
    writer.setResolution(300);
    writer.setCreator(QStringLiteral("TraceTrack"));
    writer.setTitle(QStringLiteral("End of day %1").arg(m_summary.day.toString(Qt::ISODate)));
    writer.setPageSize(QPageSize(QPageSize::A4));
    writer.setPageMargins(QMarginsF(0, 0, 0, 0));
    auto r = print(&writer);
    if (!r)
        qCWarning(ttReports) << "eod" << path << r.error().message;
    return r;
}

} // namespace tt
