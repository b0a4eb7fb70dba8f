#include "scanner/scanhub.h"

#include "scanner/scannerlog.h"

namespace tt {

ScanHub::ScanHub(QObject *parent)
    : QObject(parent)
{
}

void ScanHub::addSource(ScanSource *source)
{
    m_sources.append(source);
    connect(source, &ScanSource::scanned, this, &ScanHub::submit);
    connect(source, &ScanSource::traced, this, &ScanHub::traced);
    connect(source, &ScanSource::rejected, this,
            [this, source](const QString &message) { Q_EMIT rejected(source->sourceName(), message); });
}

void ScanHub::submit(const ScanEvent &event)
{
    const qint64 at = event.steadyMs ? event.steadyMs : steadyNowMs();
    if (!m_debouncer.accept(event.source, event.text, at)) {
        qCDebug(lcScanner) << "debounced" << event.source << event.text;
        Q_EMIT traced(TraceEntry{TraceEntry::Kind::Debounced, at, event.source, event.raw,
                                 tr("repeat within %1 ms, ignored").arg(m_debouncer.windowMs())});
        return;
    }
    Q_EMIT traced(TraceEntry{TraceEntry::Kind::Scan, at, event.source, event.text.toUtf8(), {}});
    Q_EMIT scanReady(event);
}

} // namespace tt
