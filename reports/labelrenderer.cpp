#include "reports/labelrenderer.h"

#include <QFontMetricsF>
#include <QLoggingCategory>
#include <QPageSize>
#include <QPainter>
#include <QPdfWriter>

#include "reports/barcode.h"
#include "reports/reportslog.h"



namespace tt {

namespace {

constexpr qreal kMarginMm = 1.5;
constexpr qreal kSheetMarginMm = 5.0;

void drawFitted(QPainter &p, const QRectF &r, const QString &text, qreal pixelSize, bool bold,
                Qt::Alignment align)
{
    QFont f(QStringLiteral("DejaVu Sans"));
    f.setPixelSize(std::max(1, int(pixelSize)));
    f.setBold(bold);
    // Shrink until it fits the width, then elide.
    QFontMetricsF fm(f);
    while (fm.horizontalAdvance(text) > r.width() && f.pixelSize() > 6) {
        f.setPixelSize(f.pixelSize() - 1);
        fm = QFontMetricsF(f);
    }
    p.setFont(f);
    p.drawText(r, int(align | Qt::AlignVCenter), fm.elidedText(text, Qt::ElideRight, r.width()));
}

} // namespace

LabelRenderer::LabelRenderer(LabelFormat format, int dpi) : m_format(format), m_dpi(dpi) {}

Result<void> LabelRenderer::paintLabel(QPainter &painter, const QRectF &rect, const Label &label) const
{
    const auto code = Barcode::encode(label.symbology, label.content);
    if (!code)
        return std::unexpected(code.error());
    const qreal m = px(kMarginMm);
    const QRectF inner = rect.adjusted(m, m, -m, -m);

    painter.save();
    painter.setPen(Qt::black);
    if (isLinear(label.symbology)) {
        // Title on top, bars across, human-readable text and lines under the bars.
        const qreal titleH = inner.height() * 0.13;
        const qreal textH = inner.height() * 0.17;
        const qreal linesH = label.lines.isEmpty() ? 0 : inner.height() * 0.12;
        const qreal barH = inner.height() - titleH - textH - linesH;
        const int module = code->moduleSizeFor(rect.width(), 0); // quiet zone may use the margin
        if (module < 1) {
            painter.restore();
            return fail(Reason::InvalidInput,
                        QStringLiteral("\"%1\" does not fit a %2×%3 mm label at %4 dpi")
                            .arg(label.content).arg(m_format.sizeMm.width())
                            .arg(m_format.sizeMm.height()).arg(m_dpi));
        }
        const qreal symbolW = (code->width() + 2 * code->quietZone()) * module;
        const qreal x = rect.left() + (rect.width() - symbolW) / 2;
        drawFitted(painter, QRectF(inner.left(), inner.top(), inner.width(), titleH), label.title,
                   titleH * 0.85, false, Qt::AlignHCenter);
        code->paint(painter, QPointF(x, inner.top() + titleH), module, barH);
        drawFitted(painter, QRectF(inner.left(), inner.top() + titleH + barH, inner.width(), textH),
                   label.text(), textH * 0.85, true, Qt::AlignHCenter);
        if (linesH > 0)
            drawFitted(painter, QRectF(inner.left(), inner.bottom() - linesH, inner.width(), linesH),
                       label.lines.join(QStringLiteral(" · ")), linesH * 0.85, false,
                       Qt::AlignHCenter);
    } else {
        // Square symbol on the left, text block on the right.
        const qreal side = rect.height() - m; // the symbol's quiet zone may reach into the margin
        const int module = code->moduleSizeFor(side, side);
        if (module < 1) {
            painter.restore();
            return fail(Reason::InvalidInput,
                        QStringLiteral("\"%1\" does not fit a %2×%3 mm label at %4 dpi")
                            .arg(label.content).arg(m_format.sizeMm.width())
                            .arg(m_format.sizeMm.height()).arg(m_dpi));
        }
        const qreal symbolSide = (code->width() + 2 * code->quietZone()) * module;
        const QPointF origin(rect.left() + m / 2, rect.top() + (rect.height() - symbolSide) / 2);
        const QRectF painted = code->paint(painter, origin, module);
        const QRectF textBox(painted.right() + m / 2, inner.top(),
                             inner.right() - painted.right() - m / 2, inner.height());
        const qreal unit = textBox.height() / 6.0;
        qreal y = textBox.top();
        drawFitted(painter, QRectF(textBox.left(), y, textBox.width(), unit), label.title,
                   unit * 0.8, false, Qt::AlignLeft);
        y += unit;
        drawFitted(painter, QRectF(textBox.left(), y, textBox.width(), unit * 1.6), label.text(),
                   unit * 1.3, true, Qt::AlignLeft);
        y += unit * 1.8;
        for (const QString &line : label.lines) {
            if (y + unit > textBox.bottom() + 0.5)
                break;
            drawFitted(painter, QRectF(textBox.left(), y, textBox.width(), unit), line,
                       unit * 0.8, false, Qt::AlignLeft);
            y += unit;
        }
    }
    painter.restore();
    return {};
}

QSize LabelRenderer::sheetGrid() const
{
    const QSizeF a4 = QPageSize(QPageSize::A4).size(QPageSize::Millimeter);
    const int cols = int((a4.width() - 2 * kSheetMarginMm) / m_format.sizeMm.width());
    const int rows = int((a4.height() - 2 * kSheetMarginMm) / m_format.sizeMm.height());
    return QSize(std::max(cols, 1), std::max(rows, 1));
}

Result<void> LabelRenderer::print(const QList<Label> &labels, QPagedPaintDevice *device) const
{
    if (labels.isEmpty())
        return fail(Reason::InvalidInput, QStringLiteral("No labels to print"));
    for (const Label &l : labels) {
        if (auto c = Barcode::encode(l.symbology, l.content); !c)
            return std::unexpected(c.error());
    }
    QPainter painter;
    if (!painter.begin(device))
        return fail(Reason::InvalidInput, QStringLiteral("Cannot start printing"));
    // Work in device pixels whatever the device.
    const qreal scale = qreal(device->logicalDpiX()) / m_dpi;
    painter.scale(scale, scale);
    const QSizeF labelPx(px(m_format.sizeMm.width()), px(m_format.sizeMm.height()));
    if (!m_format.a4Sheet) {
        for (qsizetype i = 0; i < labels.size(); ++i) {
            if (i > 0)
                device->newPage();
            if (auto r = paintLabel(painter, QRectF(QPointF(0, 0), labelPx), labels.at(i)); !r)
                return r;
        }
        return {};
    }
    const QSize grid = sheetGrid();
    const QSizeF a4 = QPageSize(QPageSize::A4).size(QPageSize::Millimeter);
    const QPointF origin(px((a4.width() - grid.width() * m_format.sizeMm.width()) / 2),
                         px((a4.height() - grid.height() * m_format.sizeMm.height()) / 2));
    const int perPage = grid.width() * grid.height();
    for (qsizetype i = 0; i < labels.size(); ++i) {
        const int slot = int(i % perPage);
        if (i > 0 && slot == 0)
            device->newPage();
        const QRectF cell(origin.x() + (slot % grid.width()) * labelPx.width(),
                          origin.y() + (slot / grid.width()) * labelPx.height(), labelPx.width(),
                          labelPx.height());
        painter.setPen(QPen(QColor(200, 200, 200), 1, Qt::DotLine));
        painter.setBrush(Qt::NoBrush);
        painter.drawRect(cell);
        if (auto r = paintLabel(painter, cell, labels.at(i)); !r)
            return r;
    }
    return {};
}

Result<void> LabelRenderer::writePdf(const QList<Label> &labels, const QString &path) const
{
    QPdfWriter writer(path);
    writer.setResolution(m_dpi);
    writer.setCreator(QStringLiteral("TraceTrack"));
    writer.setTitle(QStringLiteral("Labels"));
    writer.setPageSize(m_format.a4Sheet ? QPageSize(QPageSize::A4)
                                        : QPageSize(m_format.sizeMm, QPageSize::Millimeter,
                                                    QString(), QPageSize::ExactMatch));
    writer.setPageMargins(QMarginsF(0, 0, 0, 0));
    auto r = print(labels, &writer);
    if (!r)
        qCWarning(ttReports) << "labels" << path << r.error().message;
    return r;
}

Result<QImage> LabelRenderer::renderImage(const Label &label) const
{
    QImage img(qRound(px(m_format.sizeMm.width())), qRound(px(m_format.sizeMm.height())),
               QImage::Format_RGB32);
    img.setDotsPerMeterX(qRound(m_dpi / 0.0254));
    img.setDotsPerMeterY(qRound(m_dpi / 0.0254));
    img.fill(Qt::white);
    QPainter p(&img);
    auto r = paintLabel(p, QRectF(0, 0, img.width(), img.height()), label);
    p.end();
    if (!r)
        return std::unexpected(r.error());
    return img;
}

} // namespace tt
