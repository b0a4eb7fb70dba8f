#pragma once

#include <QString>

#include <optional>

namespace tt {

// The keyboard layout of the computer when the wedge scanner types as a US keyboard. The
// scanner sends key positions; the system turns them into its own layout's characters, so a
// US "1" arrives as "&" on AZERTY and "Z" arrives as "Y" on QWERTZ.
enum class KeyboardLayout {
    Same,   // scanner and system agree: no mapping
    Azerty, // French AZERTY system, US scanner
    Qwertz, // German QWERTZ system, US scanner
};

QString keyboardLayoutName(KeyboardLayout layout); // "same", "azerty", "qwertz"
std::optional<KeyboardLayout> keyboardLayoutFromName(QStringView name);

// Maps what arrived back to what the US-layout scanner meant, character by character;
// characters without a mapping (GS, others) are kept.
QString mapFromLayout(QStringView received, KeyboardLayout layout);

} // namespace tt
