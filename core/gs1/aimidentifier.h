#pragma once

#include <QString>

namespace tt {

// An AIM symbology identifier ("]C1", "]d2", "]Q3", "]e0", …, ISO/IEC 15424) that a scanner
// may put in front of the data it transmits.
struct AimIdentifier
{
    QString identifier;     // "]C1"; empty when the scan had none
    QStringView data;       // what follows the identifier (views the input passed in)
    bool malformed = false; // the input starts with ']' but no valid identifier follows

    // True for the identifiers that announce a GS1 element string: ]C1 (GS1-128), ]e0 (GS1
    // DataBar), ]d2 (GS1 DataMatrix), ]Q3 (GS1 QR Code), ]J1 (GS1 DotCode).
    bool announcesGs1() const;
};

// Splits a leading AIM identifier off raw scan text. Leading whitespace, control and zero-width
// characters before the ']' are skipped. The identifier is case-sensitive (']e0' is GS1
// DataBar, ']E0' is EAN-13). Never fails: without an identifier, data is the whole input.
AimIdentifier splitAimIdentifier(QStringView raw);

} // namespace tt
