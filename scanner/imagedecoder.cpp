#include "scanner/imagedecoder.h"

#include <QFileInfo>
#include <QImageReader>

#include <ZXing/ReadBarcode.h>

namespace tt {

QList<DecodedCode> ImageDecoder::decode(const QImage &image)
{
    QList<DecodedCode> out;
    if (image.isNull())
        return out;
    const QImage gray = image.convertToFormat(QImage::Format_Grayscale8);
    const ZXing::ImageView view(gray.constBits(), gray.width(), gray.height(), ZXing::ImageFormat::Lum,
                                int(gray.bytesPerLine()));
    ZXing::DecodeHints hints;
    hints.setTryHarder(true);
    hints.setTryRotate(true);
    hints.setTryDownscale(true);
    hints.setMaxNumberOfSymbols(255);
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
        code.box = QRect(QPoint(minX, minY), QPoint(maxX, maxY));
        out.append(code);
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
