#pragma once

#include <QImage>
#include <QList>
#include <QRectF>

#include "core/error.h"
#include "reports/label.h"
#include "reports/labelformat.h"

class QPainter;
class QPagedPaintDevice;

namespace tt {

// Lays labels out on label stock or A4 sheets at a given printer resolution. Symbols are drawn
// with whole device dots per module so that a 203 dpi thermal print (or a PDF rasterised at the
// same resolution) is sharp and decodable.
class LabelRenderer
{
public:
    explicit LabelRenderer(LabelFormat format = LabelFormat::small(), int dpi = 203);

    const LabelFormat &format() const { return m_format; }
    int dpi() const { return m_dpi; }

    // Paints one label into rect (device pixels of painter at dpi()). Fails, painting nothing,
    // when the content cannot be encoded or does not fit the label at this resolution.
    Result<void> paintLabel(QPainter &painter, const QRectF &rect, const Label &label) const;

    // All labels onto a paged device (QPdfWriter, QPrinter): one per page, or a grid per A4 page
    // when format().a4Sheet. The device's resolution should be dpi(). Checks every label first,
    // so nothing is printed when one fails.
    Result<void> print(const QList<Label> &labels, QPagedPaintDevice *device) const;

    // The labels as a PDF at dpi().
    Result<void> writePdf(const QList<Label> &labels, const QString &path) const;

    // One label as an image at dpi() (label preview, tests).
    Result<QImage> renderImage(const Label &label) const;

    // Labels per A4 page in sheet mode (columns × rows).
    QSize sheetGrid() const;

private:
    qreal px(qreal mm) const { return mm * m_dpi / 25.4; }

    LabelFormat m_format;
    int m_dpi;
};

} // namespace tt
