#pragma once

#include <QObject>

#include "scanner/scanevent.h"

namespace tt {

// A producer of scans: keyboard wedge, serial scanner, image files. Lives in the GUI thread;
// all signals are emitted from it.
class ScanSource : public QObject
{
    Q_OBJECT

public:
    using QObject::QObject;
    ~ScanSource() override;

    // A stable name for this source ("wedge", "serial:/dev/ttyUSB0"); debounce is per source.
    virtual QString sourceName() const = 0;

Q_SIGNALS:
    // A complete scan; not debounced (ScanHub does that).
    void scanned(const tt::ScanEvent &event);
    // Input that is not a scan (garbage, overlong frame); `message` is for the user.
    void rejected(const QString &message);
    // Everything that arrived, for the self-test view.
    void traced(const tt::TraceEntry &entry);
};

} // namespace tt
