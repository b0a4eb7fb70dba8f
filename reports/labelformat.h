#pragma once

#include <QSizeF>

namespace tt {

// A label size and whether labels are printed one per page (label printers) or many per A4
// sheet (office printers with label sheets).
struct LabelFormat
{
    QSizeF sizeMm{50, 25};
    bool a4Sheet = false;

    static LabelFormat small() { return {QSizeF(50, 25), false}; }
    static LabelFormat medium() { return {QSizeF(100, 50), false}; }
    static LabelFormat smallOnA4() { return {QSizeF(50, 25), true}; }
    static LabelFormat mediumOnA4() { return {QSizeF(100, 50), true}; }
};

} // namespace tt
