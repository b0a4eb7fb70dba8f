#pragma once

#include "core/error.h"

#include <QString>

#include <optional>

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
    bool gs1 = false;                      // the scan was a GS1 element string
    QString gs1Text;                       // its human-readable form "(00)…(3103)001250"
    Error error;                           // Kind::Invalid
    QString shown;                         // printable form of the input for messages (≤ 60 chars)
};

// Normalises the raw text, recognises TT: command codes, AIM prefixes and GS1 element strings,
// and rejects what can never be a code (empty, longer than kMaxCodeLength, non-ASCII) with
// invalid_code and a plain message.
//
// A leading AIM identifier is removed and kept in `symbology`. The rest is a GS1 element string
// when the identifier announces one (]C1, ]e0, ]d2, ]Q3, ]J1), when it has a GS and starts with
// a digit, when it is in the bracketed form "(00)…", or when it is 20+ digits starting with a
// valid SSCC (AI 00, "00" + 18 digits, as a GS1-128 label reads without AIM identifiers). Such a
// scan must parse (known AIs, lengths, check digits), else it is invalid_code; its bag code is
// the SSCC when there is one, else the data with GS removed, and a 330n (preferred) or 310n
// weight fills measuredWeightG. The SSCC heuristic alone falls back to a plain code when the
// digits do not parse. Everything else is a plain code, exactly as before.
InterpretedScan interpretScan(QStringView raw);

} // namespace tt
