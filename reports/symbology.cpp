#include "reports/symbology.h"

namespace tt {

QString symbologyName(Symbology symbology)
{
    switch (symbology) {
    case Symbology::QrCode: return QStringLiteral("qr");
    case Symbology::DataMatrix: return QStringLiteral("datamatrix");
    case Symbology::Code128: return QStringLiteral("code128");
    case Symbology::Gs1_128: return QStringLiteral("gs1-128");
    case Symbology::Gs1DataMatrix: return QStringLiteral("gs1-datamatrix");
    }
    return {};
}

std::optional<Symbology> symbologyFromName(QStringView name)
{
    for (Symbology s : {Symbology::QrCode, Symbology::DataMatrix, Symbology::Code128,
                        Symbology::Gs1_128, Symbology::Gs1DataMatrix}) {
        if (name.compare(symbologyName(s), Qt::CaseInsensitive) == 0)
            return s;
    }
    return std::nullopt;
}

bool isLinear(Symbology symbology)
{
    return symbology == Symbology::Code128 || symbology == Symbology::Gs1_128;
}

bool isGs1(Symbology symbology)
{
    return symbology == Symbology::Gs1_128 || symbology == Symbology::Gs1DataMatrix;
}

} // namespace tt
