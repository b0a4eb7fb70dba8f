#pragma once

#include <QString>

#include "core/bagtype.h"
#include "core/command.h"
#include "core/outcome.h"

namespace tt {

class Clock;
class Store;

// The scanning workflow of one station and one logged-in user (BRIEF §3.2, §3.3, §9): a scan
// goes in, a decided outcome comes out. Dispatch mode links child bags to the current parent;
// bill mode (after TT:BILL:<id>) adds parent bags to the current bill. The GUI, the CLI and
// tests drive the same class. Not thread-safe; lives in the thread of its store.
class Station
{
public:
    // The store and clock must outlive the station.
    Station(Store &store, const Clock &clock, Actor actor, QString stationId);

    // One scan as it arrived (may carry an AIM prefix, GS separators, command codes).
    Outcome scan(QStringView raw);

    // A stable scale reading: the measured gross weight of the current bill in bill mode, else
    // of the current parent; no_parent_selected when there is neither.
    Outcome recordWeight(qint64 grams);

    // Bill mode, as TT:BILL:<id> and TT:DONE do.
    Outcome selectBill(const QString &billId);
    void leaveBillMode();

    QString currentParent() const { return m_parent; }
    QString currentBill() const { return m_bill; }
    const Actor &actor() const { return m_actor; }
    const QString &stationId() const { return m_station; }

    // Re-reads the bag types (after an admin edited them). Scans load them on first use.
    Result<void> reloadBagTypes();

private:
    Outcome execute(CommandBody body, const QString &code);
    Outcome handleCommandCode(int action, const QString &argument, const QString &shown);
    Outcome handleBagCode(const QString &code, std::optional<qint64> measuredWeightG);
    Outcome withContext(Outcome outcome) const;
    void remember(const Outcome &outcome);

    Store &m_store;
    const Clock &m_clock;
    Actor m_actor;
    QString m_station;
    BagTypeSet m_types;
    bool m_typesLoaded = false;
    QString m_parent;
    QString m_bill;
    Outcome m_context; // last known parent and bill figures, shown with every answer
};

} // namespace tt
