#include "database/passwordhasher.h"

#include <QByteArray>

#include <sodium.h>

namespace tt {

namespace {

bool initSodium()
{
    static const bool ok = sodium_init() >= 0;
    return ok;
}

} // namespace

Result<QString> PasswordHasher::hash(const QString &password)
{
    if (!initSodium())
        return fail(Reason::DatabaseError, QStringLiteral("The crypto library failed to start."));
    const QByteArray utf8 = password.toUtf8();
    char out[crypto_pwhash_STRBYTES];
    if (crypto_pwhash_str(out, utf8.constData(), quint64(utf8.size()), crypto_pwhash_OPSLIMIT_INTERACTIVE,
                          crypto_pwhash_MEMLIMIT_INTERACTIVE)
        != 0)
        return fail(Reason::DatabaseError, QStringLiteral("Out of memory while hashing the password."));
    return QString::fromLatin1(out);
}

bool PasswordHasher::verify(const QString &encodedHash, const QString &password)
{
    if (!initSodium())
        return false;
    const QByteArray hash = encodedHash.toLatin1();
    const QByteArray utf8 = password.toUtf8();
    if (hash.size() >= crypto_pwhash_STRBYTES)
        return false;
    return crypto_pwhash_str_verify(hash.constData(), utf8.constData(), quint64(utf8.size())) == 0;
}

bool PasswordHasher::verifyDummy(const QString &password)
{
    static const QString dummy = hash(QStringLiteral("dummy-Password-1")).value_or(QString());
    verify(dummy, password);
    return false;
}

} // namespace tt
