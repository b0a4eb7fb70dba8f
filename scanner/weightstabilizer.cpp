#include "scanner/weightstabilizer.h"

#include <algorithm>

namespace tt {

WeightStabilizer::WeightStabilizer(StabilityOptions options)
    : m_options(options)
{
    m_options.readings = qMax(1, m_options.readings);
    m_options.toleranceG = qMax<qint64>(0, m_options.toleranceG);
}

void WeightStabilizer::reset()
{
    m_window.clear();
    m_reported.reset();
}

std::optional<qint64> WeightStabilizer::add(const ScaleReading &reading)
{
    if (reading.overload || reading.grams < m_options.minimumG) {
        m_window.clear();
        m_reported.reset(); // emptied (or overloaded): the next load is a new weighing
        return std::nullopt;
    }
    if (m_options.trustScaleFlag && !reading.stable) {
        m_window.clear();
        return std::nullopt;
    }
    m_window.append(reading.grams);
    while (m_window.size() > m_options.readings)
        m_window.removeFirst();
    if (m_window.size() < m_options.readings)
        return std::nullopt;
    const auto [lo, hi] = std::minmax_element(m_window.cbegin(), m_window.cend());
    if (*hi - *lo > m_options.toleranceG)
        return std::nullopt;
    const qint64 weight = m_window.back();
    if (m_reported && qAbs(*m_reported - weight) <= m_options.toleranceG)
        return std::nullopt;
    m_reported = weight;
    return weight;
}

} // namespace tt
