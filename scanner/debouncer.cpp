#include "scanner/debouncer.h"

namespace tt {

Debouncer::Debouncer(int windowMs)
    : m_windowMs(windowMs)
{
}

bool Debouncer::accept(const QString &source, const QString &text, qint64 nowMs)
{
    const QString key = text.trimmed();
    auto it = m_last.find(source);
    if (it == m_last.end()) {
        m_last.insert(source, Last{key, nowMs});
        return true;
    }
    const bool repeat = it->text == key && nowMs - it->atMs < m_windowMs && nowMs >= it->atMs;
    it->text = key;
    it->atMs = nowMs;
    return !repeat;
}

} // namespace tt
