#include "core/weight.h"

#include <cstdlib>

namespace tt {

double BillWeights::variancePercent() const
{
    if (expectedG == 0)
        return 0.0;
    return 100.0 * double(varianceG()) / double(expectedG);
}

QString formatKg(qint64 grams)
{
    const QString sign = grams < 0 ? QStringLiteral("\u2212") : QString();
    const qint64 a = std::llabs(grams);
    return sign + QStringLiteral("%1.%2 kg").arg(a / 1000).arg(a % 1000, 3, 10, QLatin1Char('0'));
}

QString formatVariance(const BillWeights &weights)
{
    const qint64 v = weights.varianceG();
    const QString kg = v > 0 ? QStringLiteral("+") + formatKg(v) : formatKg(v);
    const double p = weights.variancePercent();
    QString pct = QString::number(std::abs(p), 'f', 1);
    pct.prepend(p > 0.05 ? QStringLiteral("+") : p < -0.05 ? QStringLiteral("\u2212") : QString());
    return QStringLiteral("%1 (%2 %)").arg(kg, pct);
}

} // namespace tt
