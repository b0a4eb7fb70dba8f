#pragma once

#include <QString>

namespace tt {

// Bill weights in integer grams (BRIEF §3.3).
struct BillWeights
{
    qint64 actualG = 0;
    qint64 expectedG = 0;

    qint64 varianceG() const { return actualG - expectedG; }
    // Variance as a percentage of expected; 0 when nothing is expected.
    double variancePercent() const;
};

// "1.250 kg"; negative values get a true minus sign ("−0.500 kg").
QString formatKg(qint64 grams);
// "+1.250 kg (+4.2 %)" / "−25.000 kg (−83.3 %)".
QString formatVariance(const BillWeights &weights);

} // namespace tt
