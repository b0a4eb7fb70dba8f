#include "scanner/imagescansource.h"

namespace tt {

Result<int> ImageScanSource::scanFile(const QString &path)
{
    Result<QList<DecodedCode>> codes = ImageDecoder::decodeFile(path);
    if (!codes) {
        Q_EMIT rejected(codes.error().message);
        return std::unexpected(codes.error());
    }
    return emitCodes(*codes, path);
}

int ImageScanSource::scanImage(const QImage &image, const QString &origin)
{
    return emitCodes(ImageDecoder::decode(image), origin);
}

int ImageScanSource::emitCodes(const QList<DecodedCode> &codes, const QString &origin)
{
    if (codes.isEmpty())
        Q_EMIT rejected(tr("No barcode was found in %1.").arg(origin));
    for (const DecodedCode &code : codes) {
        ScanEvent event;
        event.text = code.scanText();
        event.raw = code.text.toUtf8();
        event.symbology = code.symbology;
        // Debounce is per source: two copies of one label in one picture are one scan.
        event.source = sourceName();
        event.at = QDateTime::currentDateTimeUtc();
        event.steadyMs = steadyNowMs();
        Q_EMIT traced(TraceEntry{TraceEntry::Kind::Frame, event.steadyMs, sourceName(), event.raw,
                                 QStringLiteral("%1 %2 in %3").arg(code.format, code.symbology, origin)});
        Q_EMIT scanned(event);
    }
    return int(codes.size());
}

} // namespace tt
