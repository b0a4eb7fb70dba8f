#pragma once

#include <QList>
#include <QString>

#include "core/error.h"
#include "reports/label.h"
#include "reports/labelformat.h"

namespace tt {

// Labels as ZPL II for Zebra printers (203 or 300 dpi heads): one ^XA…^XZ block per label with
// the printer's own barcode commands (^BQ QR, ^BX DataMatrix, ^BC Code 128 / GS1-128 in mode D),
// so the printer renders symbols at its native resolution. Field data is hex-escaped (^FH) so
// '^', '~' and non-ASCII characters are safe; ^CI28 selects UTF-8.
class ZplWriter
{
public:
    explicit ZplWriter(LabelFormat format = LabelFormat::small(), int dpi = 203);

    // Fails when a label's content cannot be encoded in its symbology (checked with Barcode).
    Result<QString> label(const Label &label) const;
    Result<QString> labels(const QList<Label> &labels) const;

private:
    int dots(qreal mm) const { return qRound(mm * m_dpi / 25.4); }

    LabelFormat m_format;
    int m_dpi;
};

} // namespace tt
