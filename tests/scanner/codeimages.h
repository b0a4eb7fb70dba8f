#pragma once

#include <QImage>
#include <QPainter>
#include <QRandomGenerator>
#include <QTransform>

// Degradations for image decoding tests: what a phone photo or a cheap camera does to a label.
namespace codeimages {

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
