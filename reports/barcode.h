#pragma once

#include <QImage>
#include <QRectF>
#include <QString>

#include <vector>

#include "core/error.h"
#include "reports/symbology.h"

class QPainter;

namespace tt {

// An encoded barcode as a grid of modules (height 1 for linear symbologies), without quiet
// zone. Immutable value; encoding never throws.
class Barcode
{
public:
    // Encodes text: QR (error correction M), DataMatrix (ECC 200) and Code 128 with ZXing;
    // GS1-128 and GS1 DataMatrix with zint from an element string "(00)…", whose check digits
    // zint verifies. Fails with InvalidInput on content the symbology cannot hold.
    static Result<Barcode> encode(Symbology symbology, const QString &content);

    Symbology symbology() const { return m_symbology; }
    const QString &content() const { return m_content; }
    int width() const { return m_width; }   // modules
    int height() const { return m_height; } // modules; 1 for linear
    bool isSet(int x, int y) const { return m_modules[size_t(y) * size_t(m_width) + size_t(x)] != 0; }
    // Quiet zone in modules on each side: QR 4, DataMatrix 1 (we use 2), Code 128 10.
    int quietZone() const;

    // The number of whole device pixels per module that fits the symbol and its quiet zone
    // into a box of the given device-pixel size (height ignored for linear codes); 0 if none.
    int moduleSizeFor(qreal boxWidth, qreal boxHeight) const;

    // Paints the symbol with its quiet zone at topLeft (device pixels of the painter, no
    // transform assumed) using whole pixels per module so the print is crisp at the device
    // resolution; linear bars are barHeight device pixels tall. Returns the painted rectangle
    // including the quiet zone.
    QRectF paint(QPainter &painter, QPointF topLeft, int moduleSize, qreal barHeight = 0) const;

    // A 1-bit-look grey image with the quiet zone, moduleSize pixels per module.
    QImage toImage(int moduleSize, int barHeight = 0) const;

private:
    Symbology m_symbology = Symbology::QrCode;
    QString m_content;
    int m_width = 0;
    int m_height = 0;
    std::vector<quint8> m_modules;
};

} // namespace tt
