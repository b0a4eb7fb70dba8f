#pragma once

#include <QAbstractTableModel>

#include <deque>

#include "scanner/scanevent.h"

namespace tt {

// The scanner self-test page's model (BRIEF §4): every chunk of bytes, key, frame, scan and
// rejection that arrived, with its timing and, for scans, how TraceTrack interprets it
// (interpretScan: bag code, GS1 elements and weight, command, or why it is invalid). An adapter
// over plain SelfTestRow values; keeps the newest maxRows rows. GUI thread.
struct SelfTestRow
{
    qint64 steadyMs = 0;
    qint64 sinceStartMs = 0;    // since the first row
    qint64 sincePreviousMs = 0; // since the row before (inter-byte / inter-key timing)
    QString source;
    QString event;          // "bytes", "key", "frame", "scan", "rejected", "debounced", "status"
    QString data;           // printable: <CR>, <LF>, <GS>, <0xNN>
    QString hex;            // the bytes in hex
    QString interpretation; // scans: what Station will see; others: the note
};

class SelfTestModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column { TimeColumn, DeltaColumn, SourceColumn, EventColumn, DataColumn, InterpretationColumn, ColumnCount };
    enum Role { HexRole = Qt::UserRole + 1, SteadyMsRole };

    explicit SelfTestModel(QObject *parent = nullptr);

    void append(const TraceEntry &entry);
    void clear();
    void setMaxRows(int rows);

    const std::deque<SelfTestRow> &rows() const { return m_rows; }

    // "ABC<GS>12<CR><LF>" for bytes; printable ASCII as is, the rest as <0xNN>.
    static QString printableBytes(const QByteArray &bytes);
    // One line describing what interpretScan makes of the text.
    static QString interpretationOf(const QString &text);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    std::deque<SelfTestRow> m_rows;
    int m_maxRows = 2000;
    qint64 m_firstMs = -1;
    qint64 m_previousMs = -1;
};

} // namespace tt
