#include "core/billid.h"

#include "core/codenormalizer.h"

namespace tt {

Result<QString> normalizeBillId(QStringView raw)
{
    const QString id = normalizeBagCode(raw);
    const auto bad = [&] {
        QString shown = id.left(60);
        return fail(Reason::InvalidBillId,
                    QStringLiteral("\"%1\" is not a valid bill id: use 3–50 characters A–Z, 0–9, "
                                   "'-', '_', '/' or '.'.")
                        .arg(shown));
    };
    if (id.size() < 3 || id.size() > 50)
        return bad();
    for (qsizetype i = 0; i < id.size(); ++i) {
        const char16_t c = id.at(i).unicode();
        const bool alnum = (c >= u'A' && c <= u'Z') || (c >= u'0' && c <= u'9');
        const bool punct = c == u'-' || c == u'_' || c == u'/' || c == u'.';
        if (!(alnum || (i > 0 && punct)))
            return bad();
    }
    return id;
}

Result<void> checkBillCapacity(qint64 capacity)
{
    if (capacity < kMinBillCapacity || capacity > kMaxBillCapacity)
        return fail(Reason::InvalidCapacity,
                    QStringLiteral("A bill holds 1–500 parent bags, not %1.").arg(capacity));
    return {};
}

} // namespace tt
