#include "reports/billdocument.h"

#include <QFontMetricsF>
#include <QPageSize>
#include <QPainter>
#include <QPdfWriter>

#include "reports/barcode.h"
#include "reports/reportslog.h"

namespace tt {

namespace {

// Page geometry in millimetres (A4 portrait).
constexpr qreal kPageW = 210, kPageH = 297;
constexpr qreal kMargin = 15;
constexpr qreal kHeaderH = 62;    // first page header block
constexpr qreal kContHeaderH = 14; // continuation pages
constexpr qreal kRowH = 6.5;
constexpr qreal kFooterH = 10;
constexpr qreal kSummaryH = 72;   // totals, variance and signatures

struct Column
{
    const char16_t *title;
    qreal width; // mm
    Qt::Alignment align;
};

constexpr Column kColumns[] = {
    {u"#", 12, Qt::AlignRight},
    {u"Parent bag", 50, Qt::AlignLeft},
    {u"Children", 24, Qt::AlignRight},
    {u"Actual", 32, Qt::AlignRight},
    {u"Expected", 32, Qt::AlignRight},
    {u"Variance", 30, Qt::AlignRight},
};

QString signedKg(qint64 g)
{
    return g > 0 ? QStringLiteral("+") + formatKg(g) : formatKg(g);
}

} // namespace

BillDocument::BillDocument(BillDetails bill) : BillDocument(std::move(bill), Options()) {}

BillDocument::BillDocument(BillDetails bill, Options options)
    : m_bill(std::move(bill)), m_options(std::move(options))
{
    if (!m_options.printedAt.isValid())
        m_options.printedAt = QDateTime::currentDateTimeUtc();
}

QString BillDocument::localTime(const QDateTime &utc) const
{
    if (!utc.isValid())
        return QStringLiteral("–");
    const QDateTime t = utc.toTimeZone(m_options.zone);
    return t.toString(QStringLiteral("yyyy-MM-dd HH:mm")) + QLatin1Char(' ')
           + (m_options.zone == QTimeZone::utc() ? QStringLiteral("UTC")
                                                  : t.timeZoneAbbreviation());
}

QList<BillDocument::Page> BillDocument::paginate() const
{
    QList<Page> pages;
    const qreal body = kPageH - 2 * kMargin - kFooterH;
    const int lines = int(m_bill.lines.size());
    int next = 0;
    bool first = true;
    while (true) {
        Page p;
        p.header = first;
        p.firstLine = next;
        const qreal avail = body - (first ? kHeaderH : kContHeaderH) - kRowH; // table header row
        const int fit = std::max(1, int(avail / kRowH));
        const int remaining = lines - next;
        if (remaining <= fit) {
            p.lineCount = remaining;
            // The summary goes on this page if it fits under the rows, else on its own page.
            if (avail - remaining * kRowH >= kSummaryH + kRowH) {
                p.summary = true;
                pages << p;
                break;
            }
            pages << p;
            Page s;
            s.firstLine = lines;
            s.summary = true;
            pages << s;
            break;
        }
        p.lineCount = fit;
        pages << p;
        next += fit;
        first = false;
    }
    return pages;
}

int BillDocument::pageCount() const
{
    return int(paginate().size());
}

Result<void> BillDocument::print(QPagedPaintDevice *device) const
{
    const auto qr = Barcode::encode(Symbology::QrCode, m_bill.id);
    if (!qr)
        return std::unexpected(qr.error());
    QPainter p;
    if (!p.begin(device))
        return fail(Reason::InvalidInput, QStringLiteral("Cannot start printing the bill"));
    const qreal dpi = device->logicalDpiX();
    // Draw in page coordinates whatever margins the device keeps (QPrinter without fullPage).
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
    const QList<Page> pages = paginate();
    const qreal tableW = [] { qreal w = 0; for (const Column &c : kColumns) w += c.width; return w; }();
    const qreal x0 = kMargin;
    const QString status = billStatusName(m_bill.status).toUpper();

    for (qsizetype pi = 0; pi < pages.size(); ++pi) {
        const Page &page = pages.at(pi);
        if (pi > 0)
            device->newPage();
        p.setPen(Qt::black);
        qreal y = kMargin;
        if (page.header) {
            p.setFont(font(3.5));
            text(x0, y, 120, 5, m_options.organisation);
            p.setFont(font(8, true));
            text(x0, y + 6, 135, 11, QStringLiteral("Bill %1").arg(m_bill.id));
            p.setFont(font(3.6, true));
            text(x0, y + 18, 135, 6, QStringLiteral("Status: %1    Parents: %2 / %3")
                                         .arg(status).arg(m_bill.parentCount).arg(m_bill.capacity));
            p.setFont(font(3.3));
            text(x0, y + 25, 135, 5, QStringLiteral("Created %1 by %2")
                                         .arg(localTime(m_bill.createdAt), m_bill.createdBy));
            if (m_bill.status == BillStatus::Completed)
                text(x0, y + 30.5, 135, 5, QStringLiteral("Completed %1 by %2")
                                               .arg(localTime(m_bill.completedAt), m_bill.completedBy));
            text(x0, y + 36, 135, 5, QStringLiteral("Printed %1%2")
                                         .arg(localTime(m_options.printedAt),
                                              m_options.printedBy.isEmpty()
                                                  ? QString()
                                                  : QStringLiteral(" by ") + m_options.printedBy));
            p.setFont(font(3.6, true));
            text(x0, y + 43, 135, 6, QStringLiteral("Actual %1   Expected %2")
                                         .arg(formatKg(m_bill.weights.actualG),
                                              formatKg(m_bill.weights.expectedG)));
            // QR of the bill id, top right, whole device pixels per module.
            const qreal box = px(38);
            const int module = std::max(1, qr->moduleSizeFor(box, box));
            const qreal side = (qr->width() + 2 * qr->quietZone()) * module;
            qr->paint(p, QPointF(px(kPageW - kMargin) - side, px(y)), module);
            p.setFont(font(2.8));
            p.drawText(QRectF(px(kPageW - kMargin) - side, px(y) + side, side, px(4)),
                       int(Qt::AlignHCenter | Qt::AlignTop), m_bill.id);
            y += kHeaderH;
        } else {
            p.setFont(font(4.5, true));
            text(x0, y, 150, 8, QStringLiteral("Bill %1 (continued)").arg(m_bill.id));
            y += kContHeaderH;
        }

        // Table header.
        auto row = [&](qreal ry, const QStringList &cells, bool bold, const QColor &fill) {
            if (fill.isValid())
                p.fillRect(QRectF(px(x0), px(ry), px(tableW), px(kRowH)), fill);
            p.setFont(font(3.2, bold));
            qreal cx = x0;
            for (int c = 0; c < int(std::size(kColumns)); ++c) {
                text(cx + 1.5, ry, kColumns[c].width - 3, kRowH, cells.value(c), kColumns[c].align);
                cx += kColumns[c].width;
            }
        };
        QStringList head;
        for (const Column &c : kColumns)
            head << QString::fromUtf16(c.title);
        p.setPen(Qt::black);
        row(y, head, true, QColor(225, 225, 225));
        y += kRowH;
        for (int i = page.firstLine; i < page.firstLine + page.lineCount; ++i) {
            const BillLine &l = m_bill.lines.at(i);
            row(y,
                {QString::number(i + 1), l.parentCode,
                 QStringLiteral("%1 / %2").arg(l.childCount).arg(l.capacity), formatKg(l.actualWeightG),
                 formatKg(l.expectedWeightG), signedKg(l.actualWeightG - l.expectedWeightG)},
                false, (i % 2) ? QColor(245, 245, 245) : QColor());
            y += kRowH;
        }
        p.setPen(QPen(Qt::black, px(0.25)));
        p.drawLine(QPointF(px(x0), px(y)), QPointF(px(x0 + tableW), px(y)));

        if (page.summary) {
            if (m_bill.lines.isEmpty()) {
                p.setFont(font(3.2));
                text(x0, y, tableW, kRowH, QStringLiteral("No parent bags on this bill."));
                y += kRowH;
            }
            int children = 0;
            for (const BillLine &l : m_bill.lines)
                children += l.childCount;
            row(y, {QString(), QStringLiteral("Total (%1 parents)").arg(m_bill.lines.size()),
                    QString::number(children), formatKg(m_bill.weights.actualG),
                    formatKg(m_bill.weights.expectedG), signedKg(m_bill.weights.varianceG())},
                true, QColor(235, 235, 235));
            y += kRowH + 6;
            p.setPen(Qt::black);
            p.setFont(font(4.5, true));
            text(x0, y, tableW, 8, QStringLiteral("Variance: %1").arg(formatVariance(m_bill.weights)));
            y += 10;
            p.setFont(font(3.2));
            text(x0, y, tableW, 5, QStringLiteral("Actual weight: measured child weights where "
                                                   "recorded, else nominal; expected: parent types."));
            y += 16;
            const QStringList who = {QStringLiteral("Prepared by (biller)"), QStringLiteral("Driver"),
                                     QStringLiteral("Received by")};
            const qreal w = (tableW - 2 * 8) / 3;
            for (int i = 0; i < 3; ++i) {
                const qreal sx = x0 + i * (w + 8);
                p.setPen(QPen(Qt::black, px(0.3)));
                p.drawLine(QPointF(px(sx), px(y + 14)), QPointF(px(sx + w), px(y + 14)));
                p.setFont(font(3.2));
                text(sx, y + 15, w, 5, who.at(i));
                text(sx, y + 21, w, 5, QStringLiteral("Name / date"));
            }
        }

        // Footer.
        p.setPen(Qt::darkGray);
        p.setFont(font(2.8));
        text(x0, kPageH - kMargin - 5, kPageW - 2 * kMargin, 5,
             QStringLiteral("Bill %1 · page %2 of %3").arg(m_bill.id).arg(pi + 1).arg(pages.size()),
             Qt::AlignRight);
    }
    return {};
}

Result<void> BillDocument::writePdf(const QString &path) const
{
    QPdfWriter writer(path);
    writer.setResolution(300);
    writer.setCreator(QStringLiteral("TraceTrack"));
    writer.setTitle(QStringLiteral("Bill %1").arg(m_bill.id));
    writer.setPageSize(QPageSize(QPageSize::A4));
    writer.setPageMargins(QMarginsF(0, 0, 0, 0));
    auto r = print(&writer);
    if (!r)
        qCWarning(ttReports) << "bill" << m_bill.id << path << r.error().message;
    return r;
}

} // namespace tt
