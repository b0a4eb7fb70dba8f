#pragma once

#include <QList>
#include <QObject>
#include <QPointer>

#include "scanner/debouncer.h"
#include "scanner/scansource.h"

namespace tt {

// Where the scan sources meet: debounces their scans (per source) and hands each real scan on.
// The GUI and the CLI connect scanReady to Station::scan(event.text). GUI thread only.
class ScanHub : public QObject
{
    Q_OBJECT

public:
    explicit ScanHub(QObject *parent = nullptr);

    // Listens to the source (not owned; it may be destroyed first).
    void addSource(ScanSource *source);
    void setDebounceMs(int ms) { m_debouncer.setWindowMs(ms); }

    // Feeds a scan that did not come from a ScanSource (tests, a typed code).
    void submit(const ScanEvent &event);

Q_SIGNALS:
    void scanReady(const tt::ScanEvent &event);
    void rejected(const QString &source, const QString &message);
    // Everything the sources traced plus the hub's own decisions (Scan, Debounced).
    void traced(const tt::TraceEntry &entry);

private:
    Debouncer m_debouncer;
    QList<QPointer<ScanSource>> m_sources;
};

} // namespace tt
