#include "core/bagtype.h"

#include <algorithm>

namespace tt {

QString bagRoleName(BagRole role)
{
    return role == BagRole::Parent ? QStringLiteral("parent") : QStringLiteral("child");
}

std::optional<BagRole> bagRoleFromName(QStringView name)
{
    if (name == u"parent")
        return BagRole::Parent;
    if (name == u"child")
        return BagRole::Child;
    return std::nullopt;
}

Result<void> validateBagType(const BagType &type)
{
    const QString name = type.name.trimmed();
    if (name.isEmpty() || name.size() > 40)
        return fail(Reason::InvalidInput, QStringLiteral("A bag type needs a name of 1–40 characters."));
    const QRegularExpression re(type.pattern);
    if (type.pattern.isEmpty() || !re.isValid())
        return fail(Reason::InvalidInput,
                    QStringLiteral("The code pattern of bag type %1 is not a valid regular expression: %2")
                        .arg(name, re.errorString()));
    if (type.role == BagRole::Parent && (type.capacity < 1 || type.capacity > 10000))
        return fail(Reason::InvalidCapacity,
                    QStringLiteral("A parent bag type holds 1–10 000 children, not %1.").arg(type.capacity));
    constexpr qint64 kMaxGrams = 10'000'000;
    if (type.nominalWeightG < 0 || type.nominalWeightG > kMaxGrams || type.expectedWeightG < 0
        || type.expectedWeightG > kMaxGrams)
        return fail(Reason::InvalidInput, QStringLiteral("Weights must be 0–10 000 kg in grams."));
    return {};
}

BagTypeSet::BagTypeSet(QList<BagType> types)
    : m_types(std::move(types))
{
    std::stable_sort(m_types.begin(), m_types.end(), [](const BagType &a, const BagType &b) {
        if (a.role != b.role)
            return a.role == BagRole::Parent;
        return a.id < b.id;
    });
    m_patterns.reserve(m_types.size());
    for (const BagType &t : std::as_const(m_types)) {
        QRegularExpression re(QRegularExpression::anchoredPattern(t.pattern));
        re.optimize();
        m_patterns.append(re);
    }
}

QList<BagType> BagTypeSet::defaults()
{
    return {
        BagType{1, QStringLiteral("SB"), BagRole::Parent, QStringLiteral("^SB\\d{5}$"), 30, 0, 30000},
        BagType{2, QStringLiteral("M444"), BagRole::Parent, QStringLiteral("^M444-\\d{5}$"), 15, 0, 15000},
        BagType{3, QStringLiteral("CHILD"), BagRole::Child, QStringLiteral("^(?!SB)[A-Z0-9]{4,20}$"), 0,
                1000, 0},
    };
}

std::optional<BagType> BagTypeSet::classify(const QString &normalizedCode) const
{
    for (qsizetype i = 0; i < m_types.size(); ++i) {
        if (m_patterns.at(i).isValid() && m_patterns.at(i).match(normalizedCode).hasMatch())
            return m_types.at(i);
    }
    return std::nullopt;
}

std::optional<BagType> BagTypeSet::byId(qint64 id) const
{
    for (const BagType &t : m_types) {
        if (t.id == id)
            return t;
    }
    return std::nullopt;
}

std::optional<BagType> BagTypeSet::byName(const QString &name) const
{
    for (const BagType &t : m_types) {
        if (t.name.compare(name, Qt::CaseInsensitive) == 0)
            return t;
    }
    return std::nullopt;
}

} // namespace tt
