#pragma once

#include <QString>

#include <optional>

namespace tt {

// The barcode symbologies labels and sheets print.
enum class Symbology {
    QrCode,        // ZXing
    DataMatrix,    // ZXing
    Code128,       // ZXing
    Gs1_128,       // zint; content is a GS1 element string such as "(00)123456789012345675"
    Gs1DataMatrix, // zint; same content form as Gs1_128
};

// "qr", "datamatrix", "code128", "gs1-128", "gs1-datamatrix".
QString symbologyName(Symbology symbology);
std::optional<Symbology> symbologyFromName(QStringView name);
bool isLinear(Symbology symbology);
bool isGs1(Symbology symbology);

} // namespace tt
