#pragma once

#include <QList>

#include <optional>

#include "scanner/scaleparser.h"

namespace tt {

struct StabilityOptions
{
    int readings = 3;            // consecutive readings that must agree
    qint64 toleranceG = 5;       // how far they may differ (max − min)
    qint64 minimumG = 20;        // lighter is "empty scale": re-arms reporting
    bool trustScaleFlag = true;  // an unstable flag from the scale breaks a stable run
};

// Stable-weight detection for scale readings (BRIEF §4 "Scale"): reports a weight once when
// `readings` consecutive readings (flagged stable by the scale, unless trustScaleFlag is off)
// agree within toleranceG and it is at least minimumG. It reports again only after the load
// changes by more than the tolerance, goes unstable or the scale is emptied, so one bag put
// on the scale is one weight, and two bags of equal weight one after the other are two.
class WeightStabilizer
{
public:
    explicit WeightStabilizer(StabilityOptions options = {});

    // The stable weight in grams when this reading completes one not reported yet.
    std::optional<qint64> add(const ScaleReading &reading);
    void reset();

private:
    StabilityOptions m_options;
    QList<qint64> m_window;
    std::optional<qint64> m_reported;
};

} // namespace tt
