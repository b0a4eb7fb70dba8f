#include "reports/barcode.h"

#include "reports/sscc.h"

#include <QLoggingCategory>
#include <QPainter>
#include <QRegularExpression>

#include <ZXing/BitMatrix.h>
#include <ZXing/MultiFormatWriter.h>

#include <zint.h>

#include <memory>

namespace tt {

namespace {

ZXing::BarcodeFormat zxingFormat(Symbology s)
{
    switch (s) {
    case Symbology::QrCode: return ZXing::BarcodeFormat::QRCode;
    case Symbology::DataMatrix: return ZXing::BarcodeFormat::DataMatrix;
    default: return ZXing::BarcodeFormat::Code128;
    }
}

struct ZintDeleter
{
    void operator()(zint_symbol *s) const { ZBarcode_Delete(s); }
};

} // namespace

Result<Barcode> Barcode::encode(Symbology symbology, const QString &content)
{
    if (content.isEmpty())
        return fail(Reason::InvalidInput, QStringLiteral("Nothing to encode"));
    if (content.size() > 1000)
        return fail(Reason::InvalidInput, QStringLiteral("Barcode content too long"));
    Barcode b;
    b.m_symbology = symbology;
    b.m_content = content;

    if (isGs1(symbology)) {
        // zint checks the GS1 syntax but not the SSCC check digit: verify it here.
        static const QRegularExpression sscc(QStringLiteral("\\(00\\)(\\d{18})"));
        for (auto it = sscc.globalMatch(content); it.hasNext();) {
            const auto m = it.next();
            if (auto s = Sscc::fromDigits(m.capturedView(1)); !s)
                return std::unexpected(s.error());
        }
        std::unique_ptr<zint_symbol, ZintDeleter> sym(ZBarcode_Create());
        if (!sym)
            return fail(Reason::InvalidInput, QStringLiteral("Out of memory"));
        sym->symbology = symbology == Symbology::Gs1_128 ? BARCODE_GS1_128 : BARCODE_DATAMATRIX;
        sym->input_mode = GS1_MODE | GS1PARENS_MODE;
        const QByteArray data = content.toUtf8();
        const int rc = ZBarcode_Encode(sym.get(), reinterpret_cast<const unsigned char *>(data.constData()),
                                       int(data.size()));
        if (rc >= ZINT_ERROR)
            return fail(Reason::InvalidInput, QStringLiteral("Cannot encode \"%1\" as %2: %3")
                                                  .arg(content, symbologyName(symbology),
                                                       QString::fromUtf8(sym->errtxt)));
        b.m_width = sym->width;
        b.m_height = symbology == Symbology::Gs1_128 ? 1 : sym->rows;
        b.m_modules.resize(size_t(b.m_width) * size_t(b.m_height));
        for (int y = 0; y < b.m_height; ++y)
            for (int x = 0; x < b.m_width; ++x)
                b.m_modules[size_t(y) * size_t(b.m_width) + size_t(x)] =
                    (sym->encoded_data[y][x >> 3] >> (x & 7)) & 1;
        return b;
    }

    try {
        ZXing::MultiFormatWriter writer(zxingFormat(symbology));
        writer.setMargin(0);
        if (symbology == Symbology::QrCode)
            writer.setEccLevel(4); // M (levels 0–8 map to L/M/Q/H)
        writer.setEncoding(ZXing::CharacterSet::UTF8);
        const ZXing::BitMatrix m = writer.encode(content.toStdWString(), 0, 0);
        b.m_width = m.width();
        b.m_height = isLinear(symbology) ? 1 : m.height();
        b.m_modules.resize(size_t(b.m_width) * size_t(b.m_height));
        for (int y = 0; y < b.m_height; ++y)
            for (int x = 0; x < b.m_width; ++x)
                b.m_modules[size_t(y) * size_t(b.m_width) + size_t(x)] = m.get(x, y) ? 1 : 0;
    } catch (const std::exception &e) {
        return fail(Reason::InvalidInput, QStringLiteral("Cannot encode \"%1\" as %2: %3")
                                              .arg(content, symbologyName(symbology),
                                                   QString::fromUtf8(e.what())));
    }
    if (b.m_width <= 0 || b.m_height <= 0)
        return fail(Reason::InvalidInput,
                    QStringLiteral("Cannot encode \"%1\" as %2").arg(content, symbologyName(symbology)));
    return b;
}

int Barcode::quietZone() const
{
    switch (m_symbology) {
    case Symbology::QrCode: return 4;
    case Symbology::DataMatrix:
    case Symbology::Gs1DataMatrix: return 2;
    case Symbology::Code128:
    case Symbology::Gs1_128: return 10;
    }
    return 4;
}

int Barcode::moduleSizeFor(qreal boxWidth, qreal boxHeight) const
{
    const int q = quietZone();
    int byWidth = int(boxWidth) / (m_width + 2 * q);
    if (isLinear(m_symbology))
        return byWidth;
    int byHeight = int(boxHeight) / (m_height + 2 * q);
    return std::min(byWidth, byHeight);
}

QRectF Barcode::paint(QPainter &painter, QPointF topLeft, int moduleSize, qreal barHeight) const
{
    const int q = quietZone();
    const qreal x0 = std::round(topLeft.x());
    const qreal y0 = std::round(topLeft.y());
    const bool linear = isLinear(m_symbology);
    const qreal rowHeight = linear ? std::round(barHeight) : moduleSize;
    const QRectF outer(x0, y0, (m_width + 2 * q) * moduleSize,
                       linear ? rowHeight : (m_height + 2 * q) * moduleSize);
    painter.save();
    painter.setRenderHint(QPainter::Antialiasing, false);
    painter.setPen(Qt::NoPen);
    painter.fillRect(outer, Qt::white);
    painter.setBrush(Qt::black);
    const qreal ox = x0 + q * moduleSize;
    const qreal oy = linear ? y0 : y0 + q * moduleSize;
    for (int y = 0; y < m_height; ++y) {
        int x = 0;
        while (x < m_width) {
            if (!isSet(x, y)) {
                ++x;
                continue;
            }
            int run = x;
            while (run < m_width && isSet(run, y))
                ++run;
            painter.drawRect(QRectF(ox + x * moduleSize, oy + y * rowHeight, (run - x) * moduleSize,
                                    rowHeight));
            x = run;
        }
    }
    painter.restore();
    return outer;
}

QImage Barcode::toImage(int moduleSize, int barHeight) const
{
    const int q = quietZone();
    const bool linear = isLinear(m_symbology);
    const int h = linear ? std::max(barHeight, 1) : (m_height + 2 * q) * moduleSize;
    QImage img((m_width + 2 * q) * moduleSize, h, QImage::Format_Grayscale8);
    img.fill(255);
    QPainter p(&img);
    paint(p, QPointF(0, 0), moduleSize, h);
    return img;
}

} // namespace tt
