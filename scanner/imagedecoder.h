#pragma once

#include <QImage>
#include <QList>
#include <QString>

#include "core/error.h"

namespace tt {

// One code found in an image.
struct DecodedCode
{
    QString text;      // the content; GS1 data keeps GS (0x1D) between variable-length fields
    QString format;    // ZXing's name: "QRCode", "DataMatrix", "Code128", "EAN-13", …
    QString symbology; // AIM identifier, "]Q1", "]d2", "]C1", …
    bool gs1 = false;  // the symbol carried a GS1 element string
    QRect box;         // where it was found, in image pixels

    // What a scanner with AIM identifiers switched on would send: symbology + text. Station
    // takes this form so that GS1 is recognised.
    QString scanText() const { return symbology + text; }
};

// Decodes barcodes from images with ZXing-C++ (BRIEF §4 "Image"): one or many codes, any
// orientation, QR, DataMatrix, Code 128, EAN/UPC and the other formats ZXing reads. Pure and
// thread-safe (usable from QtConcurrent).
class ImageDecoder
{
public:
    // All codes found, in ZXing's order; empty when there is none.
    static QList<DecodedCode> decode(const QImage &image);
    // Loads the file first; fails when it cannot be read as an image.
    static Result<QList<DecodedCode>> decodeFile(const QString &path);
};

} // namespace tt
