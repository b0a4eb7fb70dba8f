#pragma once

#include "core/error.h"

#include <QList>
#include <QString>

#include <optional>

namespace tt {

// One GS1 element: an application identifier and its value ("00" + "340123450000000018").
struct Gs1Element
{
    QString ai;
    QString value;
    QString title; // short GS1 data title, e.g. "SSCC", "NET WEIGHT (kg)"
};

// A parsed and validated GS1 element string (BRIEF §3.1).
struct Gs1ElementString
{
    QList<Gs1Element> elements;
    std::optional<qint64> netWeightG;   // AI 310n, rounded half up to whole grams when n > 3
    std::optional<qint64> grossWeightG; // AI 330n, the same

    // The value of the element with exactly this AI, or nullptr.
    const Gs1Element *find(QStringView ai) const;
    // The 18 digits of AI 00, empty when there is none (the check digit is verified on parsing).
    QString sscc() const;
    // The weight measured for the item: the gross weight when there is one, else the net weight.
    std::optional<qint64> measuredWeightG() const
    {
        return grossWeightG ? grossWeightG : netWeightG;
    }
    // "(00)340123450000000018(3103)001250": the human-readable form, for messages and logs.
    QString humanReadable() const;
};

// Parses a GS1 element string as a scanner transmits it after the AIM identifier: AIs and
// values back to back, variable-length values ended by GS (0x1D, the FNC1 separator) unless
// they come last; a leading GS (FNC1 in first position) and a GS after a predefined-length value
// are tolerated. Verifies known AIs, lengths, character sets, check digits (00, 01, 02, 253,
// 255, 402, 410–417, 8003, 8006, 8017, 8018), dates (11–17), weight decimals (310n/330n: n ≤ 5)
// and that no AI appears twice with different values. Fails with Reason::InvalidCode and a
// plain message naming the AI.
Result<Gs1ElementString> parseGs1(QStringView data);

// The same for the bracketed human-readable form, "(00)340123450000000018(3103)001250" (spaces
// ignored), which people type and some scanners are set up to send.
Result<Gs1ElementString> parseBracketedGs1(QStringView text);

// True when text starts like the bracketed form: '(' two to four digits ')'.
bool looksLikeBracketedGs1(QStringView text);

// grams of a 6-digit 310n/330n value (kilograms with `decimals` implied decimals, 0–5), exactly
// for decimals ≤ 3 and rounded half up to whole grams for 4 and 5. Fails on other input.
Result<qint64> gs1KilogramsToGrams(QStringView sixDigits, int decimals);

} // namespace tt
