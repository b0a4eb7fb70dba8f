#pragma once

#include "scanner/frameassembler.h"
#include "scanner/keyboardwedge.h"
#include "scanner/scalereader.h"
#include "scanner/seriallink.h"

class QSettings;

namespace tt {

// Everything an admin can set about the scanners of one station, persisted with QSettings
// under the group "scanner" (BRIEF §4, issue 4 point 7). Unknown or malformed stored values
// fall back to the defaults below.
struct ScannerSettings
{
    WedgeOptions wedge;

    bool serialEnabled = false;
    SerialPortSettings serial;
    FrameAssemblerOptions frames;

    int debounceMs = 300;

    bool scaleEnabled = false;
    ScaleSettings scale;

    static ScannerSettings load(QSettings &settings);
    void save(QSettings &settings) const;
};

} // namespace tt
