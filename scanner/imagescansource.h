#pragma once

#include "scanner/imagedecoder.h"
#include "scanner/scansource.h"

namespace tt {

// Image files (or camera frames passed in as QImage) as a scan source, the fallback when a
// scanner is broken (BRIEF §4). Each decoded code becomes one ScanEvent whose text is
// DecodedCode::scanText() (AIM identifier + content), so GS1 symbols are understood.
class ImageScanSource : public ScanSource
{
    Q_OBJECT

public:
    using ScanSource::ScanSource;

    // Decodes the file and emits one scan per code; returns how many, or the error (also
    // reported through rejected()).
    Result<int> scanFile(const QString &path);
    // The same for an image already in memory (a camera frame); `origin` names it.
    int scanImage(const QImage &image, const QString &origin);

    QString sourceName() const override { return QStringLiteral("image"); }

private:
    int emitCodes(const QList<DecodedCode> &codes, const QString &origin);
};

} // namespace tt
