#include "scanner/imagedecoder.h"

#include <QFileInfo>
#include <QImageReader>

#include <ZXing/ReadBarcode.h>

#include <algorithm>
#include <cstring>

namespace tt {

namespace {

// One ZXing pass over a grey image; positions are scaled by `scale` back to the original.
void readPass(const QImage &gray, ZXing::Binarizer binarizer, qreal scale, QList<DecodedCode> &out,
              QPoint offset = {}, ZXing::BarcodeFormats formats = {})
{
    const ZXing::ImageView view(gray.constBits(), gray.width(), gray.height(), ZXing::ImageFormat::Lum,
                                int(gray.bytesPerLine()));
    ZXing::DecodeHints hints;
    hints.setTryHarder(true);
    hints.setTryRotate(true);
    // ZXing 1.4's own image pyramid compares linear results with an assert that fires (and
    // aborts, Debian builds keep asserts) for codes found on several lines; we scale ourselves.
    hints.setTryDownscale(false);
    hints.setBinarizer(binarizer);
    hints.setMaxNumberOfSymbols(255);
    hints.setFormats(formats);
    const ZXing::Results results = ZXing::ReadBarcodes(view, hints);
    for (const ZXing::Result &r : results) {
        if (!r.isValid())
            continue;
        DecodedCode code;
        code.text = QString::fromStdString(r.text());
        code.format = QString::fromLatin1(ZXing::ToString(r.format()));
        code.symbology = QString::fromStdString(r.symbologyIdentifier());
        code.gs1 = r.contentType() == ZXing::ContentType::GS1;
        const auto &p = r.position();
        int minX = p[0].x, maxX = p[0].x, minY = p[0].y, maxY = p[0].y;
        for (int i = 1; i < 4; ++i) {
            minX = qMin(minX, p[i].x);
            maxX = qMax(maxX, p[i].x);
            minY = qMin(minY, p[i].y);
            maxY = qMax(maxY, p[i].y);
        }
        code.box = QRect(QPoint(qRound(minX * scale), qRound(minY * scale)),
                         QPoint(qRound(maxX * scale), qRound(maxY * scale)))
                       .translated(offset);
        // The same symbol found again in another pass: same content, overlapping place.
        const bool known = std::any_of(out.cbegin(), out.cend(), [&code](const DecodedCode &c) {
            return c.text == code.text && c.format == code.format
                && c.box.adjusted(-8, -8, 8, 8).intersects(code.box.adjusted(-8, -8, 8, 8));
        });
        if (!known)
            out.append(code);
    }
}

// ZXing 1.4 finds DataMatrix symbols only where they cross the image's middle row or
// column: sweep those over the image with strips so that labels anywhere are found.
void sweepDataMatrix(const QImage &gray, qreal scale, QList<DecodedCode> &out)
{
    constexpr int kStep = 32; // smaller than the smallest symbol we expect (10 modules × 3 px)
    if (gray.height() > 3 * kStep) {
        const int stripHeight = qMin(gray.height(), 480);
        QImage strip(gray.width(), stripHeight, QImage::Format_Grayscale8);
        for (int centre = kStep / 2; centre < gray.height(); centre += kStep) {
            const int top = centre - stripHeight / 2;
            strip.fill(255);
            for (int y = qMax(0, top); y < qMin(gray.height(), top + stripHeight); ++y)
                std::memcpy(strip.scanLine(y - top), gray.constScanLine(y), size_t(gray.width()));
            readPass(strip, ZXing::Binarizer::LocalAverage, scale, out, QPoint(0, qRound(top * scale)), ZXing::BarcodeFormat::DataMatrix);
        }
    }
    if (gray.width() > 3 * kStep) {
        const int stripWidth = qMin(gray.width(), 480);
        QImage strip(stripWidth, gray.height(), QImage::Format_Grayscale8);
        for (int centre = kStep / 2; centre < gray.width(); centre += kStep) {
            const int left = centre - stripWidth / 2;
            strip.fill(255);
            const int from = qMax(0, left);
            const int to = qMin(gray.width(), left + stripWidth);
            for (int y = 0; y < gray.height(); ++y)
                std::memcpy(strip.scanLine(y) + (from - left), gray.constScanLine(y) + from, size_t(to - from));
            readPass(strip, ZXing::Binarizer::LocalAverage, scale, out, QPoint(qRound(left * scale), 0), ZXing::BarcodeFormat::DataMatrix);
        }
    }
}

} // namespace

QList<DecodedCode> ImageDecoder::decode(const QImage &image)
{
    QList<DecodedCode> out;
    if (image.isNull())
        return out;
    const QImage gray = image.convertToFormat(QImage::Format_Grayscale8);
    readPass(gray, ZXing::Binarizer::LocalAverage, 1.0, out);
    readPass(gray, ZXing::Binarizer::GlobalHistogram, 1.0, out);
    // Strong sensor noise defeats the adaptive binarizers on linear codes; a fixed threshold
    // still separates bars from spaces.
    readPass(gray, ZXing::Binarizer::FixedThreshold, 1.0, out);
    sweepDataMatrix(gray, 1.0, out);
    // Smaller copies: large photos, and smoothing away sensor noise.
    QImage smaller = gray;
    qreal scale = 1.0;
    while (qMin(smaller.width(), smaller.height()) >= 160) {
        smaller = smaller.scaled(smaller.width() / 2, smaller.height() / 2, Qt::IgnoreAspectRatio,
                                 Qt::SmoothTransformation);
        scale *= 2;
        readPass(smaller, ZXing::Binarizer::LocalAverage, scale, out);
        if (scale == 2)
            sweepDataMatrix(smaller, scale, out);
        if (scale >= 4)
            break;
    }
    return out;
}

Result<QList<DecodedCode>> ImageDecoder::decodeFile(const QString &path)
{
    QImageReader reader(path);
    reader.setAutoTransform(true);
    const QImage image = reader.read();
    if (image.isNull()) {
        if (!QFileInfo::exists(path))
            return fail(Reason::InvalidInput, QStringLiteral("%1 does not exist.").arg(path));
        return fail(Reason::InvalidInput,
                    QStringLiteral("%1 cannot be read as an image (%2).").arg(path, reader.errorString()));
    }
    return decode(image);
}

} // namespace tt
