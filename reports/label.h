#pragma once

#include <QString>
#include <QStringList>

#include "reports/symbology.h"

namespace tt {

struct BagDetails;
struct BillDetails;
class Sscc;

// What one label shows: a symbol encoding `content`, the human-readable text under or beside it
// and a few lines of context. A plain value; LabelRenderer and ZplWriter lay it out.
struct Label
{
    Symbology symbology = Symbology::QrCode;
    QString content;   // exactly what the symbol encodes
    QString humanText; // printed in large type; defaults to content when empty
    QString title;     // small heading ("PARENT BAG SB", "BILL")
    QStringList lines; // context lines, printed small

    QString text() const { return humanText.isEmpty() ? content : humanText; }

    // A bag label: the bag code, its role and type, and for parents capacity and bill.
    static Label forBag(const BagDetails &bag, Symbology symbology = Symbology::QrCode);
    // A bill label: the bill id, its status and parent count.
    static Label forBill(const BillDetails &bill, Symbology symbology = Symbology::QrCode);
    // A GS1 logistics label (GS1-128 by default): "(00)" + SSCC, human text "(00) …".
    static Label forSscc(const Sscc &sscc, const QString &bagCode,
                         Symbology symbology = Symbology::Gs1_128);
};

} // namespace tt
