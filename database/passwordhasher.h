#pragma once

#include <QString>

#include "core/error.h"

namespace tt {

// Argon2id password hashes (libsodium crypto_pwhash_str, interactive limits). The encoded hash
// carries its own salt and parameters.
class PasswordHasher
{
public:
    static Result<QString> hash(const QString &password);
    static bool verify(const QString &encodedHash, const QString &password);
    // Verifies against a fixed hash of the same cost, so that an unknown user takes as long as a
    // known one. Always false.
    static bool verifyDummy(const QString &password);
};

} // namespace tt
