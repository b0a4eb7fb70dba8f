#pragma once

#include "core/error.h"
#include "reports/eodsummary.h"

class QPagedPaintDevice;

namespace tt {

class RowSink;

// Renders an EodSummary: an A4 page (or more) with the day's totals and tables per dispatcher
// and per area, and a CSV with one row per total/dispatcher/area.
class EodReport
{
public:
    explicit EodReport(EodSummary summary);

    Result<void> print(QPagedPaintDevice *device) const;
    Result<void> writePdf(const QString &path) const;

    // Columns: date, time_zone, section (total|dispatcher|area), name, scans, rejected_scans,
    // links, parents_filled, bills_completed, linked_weight_g, bills_actual_weight_g,
    // bills_expected_weight_g. The sink is finished.
    Result<void> writeTable(RowSink &sink) const;
    static QStringList tableHeader();

private:
    EodSummary m_summary;
};

} // namespace tt
