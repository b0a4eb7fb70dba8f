#include "core/totp.h"

#include <QMessageAuthenticationCode>
#include <QRandomGenerator>
#include <QUrl>

namespace tt::totp {

namespace {

constexpr char kAlphabet[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";

} // namespace

qint64 stepAt(qint64 unixSeconds)
{
    return unixSeconds >= 0 ? unixSeconds / kStepSeconds
                            : (unixSeconds - kStepSeconds + 1) / kStepSeconds;
}

QString code(const QByteArray &secret, qint64 step, int digits)
{
    Q_ASSERT(digits >= 6 && digits <= 8);
    QByteArray counter(8, '\0');
    auto c = quint64(step);
    for (int i = 7; i >= 0; --i, c >>= 8)
        counter[i] = char(c & 0xff);
    const QByteArray mac =
        QMessageAuthenticationCode::hash(counter, secret, QCryptographicHash::Sha1);
    const int offset = mac.at(mac.size() - 1) & 0x0f;
    const quint32 binary =
        (quint32(uchar(mac.at(offset)) & 0x7f) << 24) | (quint32(uchar(mac.at(offset + 1))) << 16) |
        (quint32(uchar(mac.at(offset + 2))) << 8) | quint32(uchar(mac.at(offset + 3)));
    quint32 modulus = 1;
    for (int i = 0; i < digits; ++i)
        modulus *= 10;
    return QStringLiteral("%1").arg(binary % modulus, digits, 10, QLatin1Char('0'));
}

std::optional<qint64> matchingStep(const QByteArray &secret, const QString &text, qint64 step,
                                   std::optional<qint64> lastUsedStep, int window)
{
    QString digits = text;
    digits.remove(QLatin1Char(' '));
    if (secret.isEmpty() || digits.size() != kDigits)
        return std::nullopt;
    for (const QChar ch : std::as_const(digits)) {
        if (ch < u'0' || ch > u'9')
            return std::nullopt;
    }
    for (qint64 s = step - window; s <= step + window; ++s) {
        if (lastUsedStep && s <= *lastUsedStep)
            continue;
        if (code(secret, s) == digits)
            return s;
    }
    return std::nullopt;
}

QByteArray newSecret()
{
    QByteArray secret(kSecretBytes, '\0');
    QRandomGenerator::system()->generate(secret.begin(), secret.end());
    return secret;
}

QString toBase32(const QByteArray &bytes)
{
    QString out;
    out.reserve((bytes.size() * 8 + 4) / 5);
    quint32 buffer = 0;
    int bits = 0;
    for (const char b : bytes) {
        buffer = (buffer << 8) | uchar(b);
        bits += 8;
        while (bits >= 5) {
            out.append(QLatin1Char(kAlphabet[(buffer >> (bits - 5)) & 0x1f]));
            bits -= 5;
        }
    }
    if (bits > 0)
        out.append(QLatin1Char(kAlphabet[(buffer << (5 - bits)) & 0x1f]));
    return out;
}

std::optional<QByteArray> fromBase32(const QString &text)
{
    QByteArray out;
    quint32 buffer = 0;
    int bits = 0;
    for (const QChar ch : text) {
        if (ch == u' ' || ch == u'=' || ch == u'-')
            continue;
        const char16_t u = ch.toUpper().unicode();
        int value = -1;
        if (u >= u'A' && u <= u'Z')
            value = u - u'A';
        else if (u >= u'2' && u <= u'7')
            value = 26 + (u - u'2');
        if (value < 0)
            return std::nullopt;
        buffer = (buffer << 5) | quint32(value);
        bits += 5;
        if (bits >= 8) {
            out.append(char((buffer >> (bits - 8)) & 0xff));
            bits -= 8;
        }
    }
    return out;
}

QString otpauthUri(const QString &issuer, const QString &account, const QByteArray &secret)
{
    const auto enc = [](const QString &s) {
        return QString::fromLatin1(QUrl::toPercentEncoding(s));
    };
    return QStringLiteral(
               "otpauth://totp/%1:%2?secret=%3&issuer=%1&algorithm=SHA1&digits=%4&period=%5")
        .arg(enc(issuer), enc(account), toBase32(secret))
        .arg(kDigits)
        .arg(kStepSeconds);
}

} // namespace tt::totp
