#pragma once

#include <QString>

#include "core/error.h"

namespace tt {

// BRIEF §3.3: a bill id has 3–50 characters A–Z, 0–9, '-', '_', '/', '.', starting with a letter
// or digit; it is normalised like a code (trimmed, upper-case), so ids are unique
// case-insensitively. Returns the normalised id.
Result<QString> normalizeBillId(QStringView raw);

constexpr int kMinBillCapacity = 1;
constexpr int kMaxBillCapacity = 500;

// 1–500 parent bags, one limit everywhere.
Result<void> checkBillCapacity(qint64 capacity);

} // namespace tt
