#include "app/format.h"

#include <QLocale>

namespace tt {

QString formatVariance(qint64 actualG, qint64 expectedG)
{
    return formatVariance(BillWeights{actualG, expectedG});
}

QString formatTime(const QDateTime &utc)
{
    return utc.isValid() ? utc.toLocalTime().toString(QStringLiteral("yyyy-MM-dd HH:mm:ss")) : QString();
}

QString formatClock(const QDateTime &utc)
{
    return utc.isValid() ? utc.toLocalTime().toString(QStringLiteral("HH:mm:ss")) : QString();
}

QColor resultColour(ResultKind kind)
{
    switch (kind) {
    case ResultKind::Ok:
        return QColor(0x1b, 0x7f, 0x3b);
    case ResultKind::Duplicate:
        return QColor(0xc7, 0x7c, 0x00);
    case ResultKind::Queued:
        return QColor(0x1f, 0x5f, 0xa8);
    case ResultKind::Rejected:
        break;
    }
    return QColor(0xb0, 0x00, 0x20);
}

QString resultMark(ResultKind kind)
{
    switch (kind) {
    case ResultKind::Ok:
        return QStringLiteral("✔");
    case ResultKind::Duplicate:
        return QStringLiteral("=");
    case ResultKind::Queued:
        return QStringLiteral("↻");
    case ResultKind::Rejected:
        break;
    }
    return QStringLiteral("✘");
}

QColor resultTextColour(ResultKind)
{
    return QColor(Qt::white);
}

} // namespace tt
