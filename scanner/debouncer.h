#pragma once

#include <QHash>
#include <QString>

namespace tt {

// BRIEF §4: the same code from the same source within the window (default 300 ms) is one scan.
// The window runs from the previous occurrence, so a scanner repeating a code while its trigger
// is held yields one scan. A different code in between, or another source, starts afresh.
// Business idempotency (duplicate links) is the Station's concern, not this one.
class Debouncer
{
public:
    explicit Debouncer(int windowMs = 300);

    void setWindowMs(int windowMs) { m_windowMs = windowMs; }
    int windowMs() const { return m_windowMs; }

    // True when the scan counts; false when it repeats the source's last code within the window.
    bool accept(const QString &source, const QString &text, qint64 nowMs);

private:
    struct Last
    {
        QString text;
        qint64 atMs = 0;
    };
    QHash<QString, Last> m_last;
    int m_windowMs;
};

} // namespace tt
