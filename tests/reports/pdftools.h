#pragma once

// Test helpers: poppler-utils round trips and ZXing decoding.

#include <QDir>
#include <QImage>
#include <QProcess>
#include <QStandardPaths>
#include <QString>
#include <QStringList>

#include <ZXing/ReadBarcode.h>

#include <vector>

namespace tt::test {

// Directory for files a human may want to look at after the run (PDFs, PNGs).
inline QString artifactDir()
{
    const QString dir = QStringLiteral(TT_BINARY_DIR "/test-artifacts/reports");
    QDir().mkpath(dir);
    return dir;
}

inline QString pdfText(const QString &pdf)
{
    QProcess p;
    p.start(QStringLiteral("pdftotext"), {QStringLiteral("-layout"), pdf, QStringLiteral("-")});
    p.waitForFinished(30000);
    return QString::fromUtf8(p.readAllStandardOutput());
}

inline int pdfPages(const QString &pdf)
{
    QProcess p;
    p.start(QStringLiteral("pdfinfo"), {pdf});
    p.waitForFinished(30000);
    for (const QString &line : QString::fromUtf8(p.readAllStandardOutput()).split(QLatin1Char('\n')))
        if (line.startsWith(QLatin1String("Pages:")))
            return line.mid(6).trimmed().toInt();
    return -1;
}

// Rasterises every page at dpi; returns the images in page order.
inline QList<QImage> pdfPagesToImages(const QString &pdf, int dpi, const QString &pngPrefix)
{
    QProcess p;
    p.start(QStringLiteral("pdftoppm"), {QStringLiteral("-r"), QString::number(dpi), QStringLiteral("-png"),
                                         pdf, pngPrefix});
    p.waitForFinished(60000);
    QList<QImage> out;
    const QFileInfo prefix(pngPrefix);
    QStringList files = QDir(prefix.absolutePath())
                            .entryList({prefix.fileName() + QStringLiteral("-*.png")}, QDir::Files, QDir::Name);
    for (const QString &f : files)
        out << QImage(prefix.absolutePath() + QLatin1Char('/') + f);
    return out;
}

struct Decoded
{
    QString text;
    QString symbology; // "]Q1", "]d2", "]C0", "]C1"
    ZXing::BarcodeFormat format;
};

inline QList<Decoded> decodeFormats(const QImage &image, ZXing::BarcodeFormats formats)
{
    const QImage g = image.convertToFormat(QImage::Format_Grayscale8);
    ZXing::ImageView view(g.constBits(), g.width(), g.height(), ZXing::ImageFormat::Lum, int(g.bytesPerLine()));
    ZXing::DecodeHints hints;
    hints.setFormats(formats);
    hints.setTryHarder(true);
    QList<Decoded> out;
    for (const ZXing::Result &r : ZXing::ReadBarcodes(view, hints)) {
        if (!r.isValid())
            continue;
        out << Decoded{QString::fromStdString(r.text()), QString::fromStdString(r.symbologyIdentifier()), r.format()};
    }
    return out;
}

// ZXing 1.4 (Debian, assertions on) aborts in ReadBarcodes when an image holds several linear
// codes (Result::operator==, Result.cpp:140). Matrix codes are read from the whole image; linear
// codes from overlapping horizontal strips, one code per strip, de-duplicated.
inline QList<Decoded> decodeAll(const QImage &image)
{
    QList<Decoded> out;
    for (ZXing::BarcodeFormat f : {ZXing::BarcodeFormat::QRCode, ZXing::BarcodeFormat::DataMatrix})
        out += decodeFormats(image, f);
    const int strip = 160, step = 60;
    QStringList seen;
    for (int y = 0; y < image.height(); y += step) {
        const QImage part = image.copy(0, y, image.width(), std::min(strip, image.height() - y));
        const QImage g = part.convertToFormat(QImage::Format_Grayscale8);
        ZXing::ImageView view(g.constBits(), g.width(), g.height(), ZXing::ImageFormat::Lum, int(g.bytesPerLine()));
        ZXing::DecodeHints hints;
        hints.setFormats(ZXing::BarcodeFormat::Code128);
        hints.setTryHarder(false);
        const ZXing::Result r = ZXing::ReadBarcode(view, hints);
        if (!r.isValid())
            continue;
        const QString text = QString::fromStdString(r.text());
        if (seen.contains(text))
            continue;
        seen << text;
        out << Decoded{text, QString::fromStdString(r.symbologyIdentifier()), r.format()};
        if (y + strip >= image.height())
            break;
    }
    return out;
}

} // namespace tt::test
