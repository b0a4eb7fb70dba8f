#pragma once

#include <QString>

#include <optional>

#include "core/error.h"

namespace tt {

// What one scan means before any database is asked (BRIEF §3.1, §9 command codes).
struct InterpretedScan
{
    enum class Kind { BagCode, Command, Invalid };
    // Command codes printed on the command sheet.
    enum class Action { None, Undo, Done, SelectBill, CompleteBill };

    Kind kind = Kind::Invalid;
    QString code;                          // normalised bag code (Kind::BagCode)
    Action action = Action::None;          // Kind::Command
    QString argument;                      // bill id of TT:BILL:<id>
    std::optional<qint64> measuredWeightG; // from a GS1 310n/330n element in the same scan
    QString symbology;                     // AIM identifier such as "]C1", when the scan had one
    Error error;                           // Kind::Invalid
    QString shown;                         // printable form of the input for messages (≤ 60 chars)
};

// Normalises the raw text, recognises TT: command codes, AIM prefixes and GS1 element strings,
// and rejects what can never be a code (empty, longer than kMaxCodeLength, non-ASCII) with
// invalid_code and a plain message.
InterpretedScan interpretScan(QStringView raw);

} // namespace tt
