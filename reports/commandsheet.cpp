#include "reports/commandsheet.h"

#include <QPageSize>
#include <QPainter>
#include <QPdfWriter>

#include "core/billid.h"
#include "reports/barcode.h"
#include "reports/reportslog.h"

namespace tt {

CommandSheet::CommandSheet(const QStringList &billIds, int dpi) : m_dpi(dpi)
{
    m_entries << Entry{QStringLiteral("TT:UNDO"), QStringLiteral("Undo my last link")}
              << Entry{QStringLiteral("TT:DONE"), QStringLiteral("Done with this parent bag")}
              << Entry{QStringLiteral("TT:COMPLETE"), QStringLiteral("Complete the current bill")};
    for (const QString &raw : billIds) {
        const auto id = normalizeBillId(raw);
        const QString text = id ? *id : raw;
        m_entries << Entry{QStringLiteral("TT:BILL:") + text, QStringLiteral("Select bill %1").arg(text)};
    }
}

Result<void> CommandSheet::print(QPagedPaintDevice *device) const
{
    QList<std::pair<Barcode, Barcode>> codes;
    for (const Entry &e : m_entries) {
        auto linear = Barcode::encode(Symbology::Code128, e.content);
        if (!linear)
            return std::unexpected(linear.error());
        auto qr = Barcode::encode(Symbology::QrCode, e.content);
        if (!qr)
            return std::unexpected(qr.error());
        codes.append({*linear, *qr});
    }
    QPainter p;
    if (!p.begin(device))
        return fail(Reason::InvalidInput, QStringLiteral("Cannot start printing"));
    p.translate(-device->pageLayout().paintRectPixels(device->logicalDpiX()).topLeft());
    const qreal s = qreal(device->logicalDpiX()) / m_dpi;
    p.scale(s, s);
    auto px = [this](qreal mm) { return mm * m_dpi / 25.4; };
    const QSizeF a4 = QPageSize(QPageSize::A4).size(QPageSize::Millimeter);
    const qreal left = px(15), top = px(15), width = px(a4.width() - 30);
    const qreal rowH = px(32);
    const int rowsPerPage = int((a4.height() - 30 - 14) / 32);

    QFont heading(QStringLiteral("DejaVu Sans"));
    heading.setPixelSize(int(px(6)));
    heading.setBold(true);
    QFont caption(QStringLiteral("DejaVu Sans"));
    caption.setPixelSize(int(px(4.2)));
    QFont mono(QStringLiteral("DejaVu Sans Mono"));
    mono.setPixelSize(int(px(3.5)));

    for (qsizetype i = 0; i < m_entries.size(); ++i) {
        const int slot = int(i % rowsPerPage);
        if (slot == 0) {
            if (i > 0)
                device->newPage();
            p.setFont(heading);
            p.setPen(Qt::black);
            p.drawText(QRectF(left, top, width, px(10)), Qt::AlignLeft | Qt::AlignVCenter,
                       QStringLiteral("TraceTrack station commands"));
        }
        const qreal y = top + px(14) + slot * rowH;
        p.setPen(QPen(QColor(170, 170, 170), px(0.2)));
        p.drawLine(QPointF(left, y), QPointF(left + width, y));
        p.setPen(Qt::black);
        p.setFont(caption);
        p.drawText(QRectF(left, y + px(3), px(55), px(14)), Qt::AlignLeft | Qt::TextWordWrap,
                   m_entries.at(i).caption);
        p.setFont(mono);
        p.drawText(QRectF(left, y + px(18), px(55), px(8)), Qt::AlignLeft | Qt::AlignVCenter,
                   m_entries.at(i).content);

        const Barcode &linear = codes.at(i).first;
        const qreal linearBox = px(85);
        const int lm = std::max(1, std::min(3, linear.moduleSizeFor(linearBox, 0)));
        linear.paint(p, QPointF(left + px(57), y + px(5)), lm, px(20));

        const Barcode &qr = codes.at(i).second;
        const int qm = std::max(1, qr.moduleSizeFor(px(28), px(28)));
        const qreal qrSide = (qr.width() + 2 * qr.quietZone()) * qm;
        qr.paint(p, QPointF(left + width - qrSide, y + (rowH - qrSide) / 2), qm);
    }
    return {};
}

Result<void> CommandSheet::writePdf(const QString &path) const
{
    QPdfWriter writer(path);
    writer.setResolution(m_dpi);
    writer.setCreator(QStringLiteral("TraceTrack"));
    writer.setTitle(QStringLiteral("Station commands"));
    writer.setPageSize(QPageSize(QPageSize::A4));
    writer.setPageMargins(QMarginsF(0, 0, 0, 0));
    auto r = print(&writer);
    if (!r)
        qCWarning(ttReports) << "command sheet" << path << r.error().message;
    return r;
}

} // namespace tt
