#pragma once

#include <QImage>
#include <QPainter>
#include <QRandomGenerator>
#include <QTransform>

#include <ZXing/BitMatrix.h>
#include <ZXing/MultiFormatWriter.h>

#include <string>

// Degradations for image decoding tests: what a phone photo or a cheap camera does to a label.
namespace codeimages {

// Encodes with ZXing's MultiFormatWriter and draws it with its quiet zone, `module` pixels per
// module; linear codes get bars `barHeight` pixels tall.
inline QImage encode(ZXing::BarcodeFormat format, const std::string &text, int module = 4, int barHeight = 80)
{
    const ZXing::BitMatrix m = ZXing::MultiFormatWriter(format).setMargin(0).encode(text, 0, 0);
    const bool linear = format == ZXing::BarcodeFormat::Code128 || format == ZXing::BarcodeFormat::EAN13;
    const int quiet = format == ZXing::BarcodeFormat::QRCode ? 4 : format == ZXing::BarcodeFormat::DataMatrix ? 2 : 10;
    const int w = (m.width() + 2 * quiet) * module;
    const int h = linear ? barHeight + 2 * quiet * module / 2 : (m.height() + 2 * quiet) * module;
    QImage image(w, h, QImage::Format_Grayscale8);
    image.fill(255);
    for (int y = 0; y < h; ++y) {
        uchar *line = image.scanLine(y);
        const int my = linear ? 0 : y / module - quiet;
        if (!linear && (my < 0 || my >= m.height()))
            continue;
        if (linear && (y < quiet * module / 2 || y >= h - quiet * module / 2))
            continue;
        for (int x = 0; x < w; ++x) {
            const int mx = x / module - quiet;
            if (mx >= 0 && mx < m.width() && m.get(mx, my))
                line[x] = 0;
        }
    }
    return image;
}


// The image on a white canvas, rotated by `degrees` about its centre (canvas grows to fit).
inline QImage rotated(const QImage &image, qreal degrees)
{
    const QTransform t = QTransform().rotate(degrees);
    const QRect bounds = t.mapRect(image.rect());
    QImage canvas(bounds.size() + QSize(40, 40), QImage::Format_RGB32);
    canvas.fill(Qt::white);
    QPainter p(&canvas);
    p.setRenderHint(QPainter::SmoothPixmapTransform);
    p.translate(canvas.width() / 2.0, canvas.height() / 2.0);
    p.rotate(degrees);
    p.drawImage(QPointF(-image.width() / 2.0, -image.height() / 2.0), image);
    p.end();
    return canvas;
}

inline QImage scaled(const QImage &image, qreal factor)
{
    return image.scaled(qMax(1, int(image.width() * factor)), qMax(1, int(image.height() * factor)),
                        Qt::IgnoreAspectRatio, Qt::SmoothTransformation);
}

// Uniform noise of ±amplitude grey levels on every pixel plus `speckle` (0..1) salt and pepper.
inline QImage noisy(const QImage &image, int amplitude, double speckle, quint32 seed)
{
    QImage out = image.convertToFormat(QImage::Format_Grayscale8);
    QRandomGenerator rng(seed);
    for (int y = 0; y < out.height(); ++y) {
        uchar *line = out.scanLine(y);
        for (int x = 0; x < out.width(); ++x) {
            if (rng.generateDouble() < speckle) {
                line[x] = rng.bounded(2) ? 255 : 0;
                continue;
            }
            const int v = line[x] + rng.bounded(-amplitude, amplitude + 1);
            line[x] = uchar(qBound(0, v, 255));
        }
    }
    return out;
}

// Lower contrast: black becomes dark grey, white light grey (faded thermal print).
inline QImage faded(const QImage &image)
{
    QImage out = image.convertToFormat(QImage::Format_Grayscale8);
    for (int y = 0; y < out.height(); ++y) {
        uchar *line = out.scanLine(y);
        for (int x = 0; x < out.width(); ++x)
            line[x] = uchar(70 + line[x] * 120 / 255);
    }
    return out;
}

} // namespace codeimages
