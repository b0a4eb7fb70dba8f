#include "reports/label.h"

#include "core/readmodels.h"
#include "reports/sscc.h"

namespace tt {

Label Label::forBag(const BagDetails &bag, Symbology symbology)
{
    Label l;
    l.symbology = symbology;
    l.content = bag.code;
    if (bag.role == BagRole::Parent) {
        l.title = QStringLiteral("PARENT BAG %1").arg(bag.typeName);
        l.lines << QStringLiteral("Capacity %1").arg(bag.capacity);
        if (!bag.billId.isEmpty())
            l.lines << QStringLiteral("Bill %1").arg(bag.billId);
    } else {
        l.title = QStringLiteral("CHILD BAG %1").arg(bag.typeName);
        if (!bag.parentCode.isEmpty())
            l.lines << QStringLiteral("In %1").arg(bag.parentCode);
        l.lines << formatKg(bag.weightG);
    }
    return l;
}

Label Label::forBill(const BillDetails &bill, Symbology symbology)
{
    Label l;
    l.symbology = symbology;
    l.content = bill.id;
    l.title = QStringLiteral("BILL");
    l.lines << QStringLiteral("%1/%2 parents, %3").arg(bill.parentCount).arg(bill.capacity)
                   .arg(billStatusName(bill.status));
    l.lines << formatKg(bill.weights.actualG);
    return l;
}

Label Label::forSscc(const Sscc &sscc, const QString &bagCode, Symbology symbology)
{
    Label l;
    l.symbology = symbology;
    l.content = sscc.elementString();
    l.humanText = sscc.humanReadable();
    l.title = QStringLiteral("SSCC");
    if (!bagCode.isEmpty())
        l.lines << QStringLiteral("Bag %1").arg(bagCode);
    return l;
}

} // namespace tt
