#pragma once

#include <QByteArray>
#include <QString>

#include <optional>

namespace tt {

// Time-based one-time passwords (RFC 6238 over RFC 4226): HMAC-SHA-1, 30-second steps, 6 digits,
// as every authenticator app does by default. Pure functions; the caller keeps the secret and the
// last used step.
namespace totp {

constexpr qint64 kStepSeconds = 30;
constexpr int kDigits = 6;
constexpr int kSecretBytes = 20; // 160 bits, RFC 4226's recommendation

// The step that contains a Unix time (seconds since 1970 UTC).
qint64 stepAt(qint64 unixSeconds);

// The code of one step, kDigits digits with leading zeros (digits 6–8 for the RFC vectors).
QString code(const QByteArray &secret, qint64 step, int digits = kDigits);

// The step whose code matches, searching step-window … step+window, and only steps after
// lastUsedStep (each code works once). Absent when no step matches; text other than kDigits
// digits (spaces allowed) never matches.
std::optional<qint64> matchingStep(const QByteArray &secret, const QString &text, qint64 step,
                                   std::optional<qint64> lastUsedStep, int window = 1);

// A new random secret of kSecretBytes from the system's random source.
QByteArray newSecret();

// RFC 4648 base32 without padding ("JBSWY3DPEHPK3PXP"); decoding ignores case, spaces and
// padding and is absent on any other character.
QString toBase32(const QByteArray &bytes);
std::optional<QByteArray> fromBase32(const QString &text);

// otpauth://totp/ISSUER:ACCOUNT?secret=…&issuer=ISSUER&algorithm=SHA1&digits=6&period=30, the
// URI authenticator apps read from a QR code.
QString otpauthUri(const QString &issuer, const QString &account, const QByteArray &secret);

} // namespace totp
} // namespace tt
