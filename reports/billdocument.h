#pragma once

#include <QDateTime>
#include <QString>
#include <QTimeZone>

#include "core/error.h"
#include "core/readmodels.h"

class QPagedPaintDevice;
class QPainter;

namespace tt {

// The printed bill (BRIEF §3.3): header with a QR code of the bill id, a table of its parent
// bags with child counts and weights, totals, the variance (kg, sign, percent) and signature
// lines, on as many A4 pages as the parents need (header row and footer repeated).
// print() serves the PDF writer, QPrinter and QPrintPreviewDialog::paintRequested alike.
class BillDocument
{
public:
    struct Options
    {
        QString organisation = QStringLiteral("TraceTrack");
        QTimeZone zone = QTimeZone::utc(); // business time zone the times are printed in
        QDateTime printedAt;                // empty: now
        QString printedBy;
    };

    BillDocument(BillDetails bill, Options options);
    explicit BillDocument(BillDetails bill);

    // Paints every page onto an already configured device (A4 recommended). Fails only when
    // painting cannot start or the bill id cannot be encoded.
    Result<void> print(QPagedPaintDevice *device) const;

    // An A4 PDF at 300 dpi.
    Result<void> writePdf(const QString &path) const;

    // Pages the bill needs: table rows split over pages, totals and signatures kept together.
    int pageCount() const;

private:
    struct Page
    {
        int firstLine = 0;
        int lineCount = 0;
        bool header = false;
        bool summary = false;
    };
    QList<Page> paginate() const;
    QString localTime(const QDateTime &utc) const;

    BillDetails m_bill;
    Options m_options;
};

} // namespace tt
