#pragma once

#include <QList>
#include <QString>
#include <QStringList>

#include "core/error.h"

class QPagedPaintDevice;

namespace tt {

// An A4 sheet of station command barcodes (BRIEF §9): TT:UNDO, TT:DONE, TT:COMPLETE and one
// TT:BILL:<id> per bill. Each command is printed as Code 128 (any scanner) and QR (2D scanners)
// with its meaning in words.
class CommandSheet
{
public:
    struct Entry
    {
        QString content; // "TT:UNDO"
        QString caption; // "Undo my last link"
    };

    // dpi: resolution the symbols are aligned to (whole dots per module).
    explicit CommandSheet(const QStringList &billIds = {}, int dpi = 203);

    const QList<Entry> &entries() const { return m_entries; }

    // Fails (printing nothing) when a bill id cannot be encoded.
    Result<void> print(QPagedPaintDevice *device) const;
    Result<void> writePdf(const QString &path) const;

private:
    QList<Entry> m_entries;
    int m_dpi;
};

} // namespace tt
