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

QString literalPrefix(const QString &pattern)
{
    static const QString special = QStringLiteral("\\.[](){}|?*+^$");
    QString prefix;
    qsizetype i = pattern.startsWith(QLatin1Char('^')) ? 1 : 0;
    for (; i < pattern.size() && !special.contains(pattern.at(i)); ++i)
        prefix.append(pattern.at(i));
    // "AB?" or "AB*": the last character is optional, so not part of every code.
    if (i < pattern.size() && !prefix.isEmpty() && QStringLiteral("?*{").contains(pattern.at(i)))
        prefix.chop(1);
    // "AB|CD" at the top level: no common prefix.
    int depth = 0;
    for (qsizetype j = 0; j < pattern.size(); ++j) {
        const QChar c = pattern.at(j);
        if (c == u'\\')
            ++j;
        else if (c == u'(')
            ++depth;
        else if (c == u')')
            --depth;
        else if (c == u'|' && depth == 0)
            return {};
    }
    return prefix.toUpper();
}

Result<void> checkBagTypeAmong(const BagType &type, const QList<BagType> &types)
{
    const QString prefix = literalPrefix(type.pattern);
    for (const BagType &other : types) {
        if (other.id == type.id && type.id != 0)
            continue;
        if (other.name.compare(type.name.trimmed(), Qt::CaseInsensitive) == 0)
            return fail(Reason::InvalidInput, QStringLiteral("There is a bag type %1 already.").arg(other.name));
        if (!type.active || !other.active)
            continue;
        if (other.pattern == type.pattern)
            return fail(Reason::InvalidInput,
                        QStringLiteral("Bag type %1 has the same code pattern already.").arg(other.name));
        const QString otherPrefix = literalPrefix(other.pattern);
        if (!prefix.isEmpty() && !otherPrefix.isEmpty()
            && (prefix.startsWith(otherPrefix) || otherPrefix.startsWith(prefix)))
            return fail(Reason::InvalidInput,
                        QStringLiteral("The code prefix %1 overlaps prefix %2 of bag type %3; choose a prefix "
                                       "that neither starts with the other.")
                            .arg(prefix, otherPrefix, other.name));
    }
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
        if (m_types.at(i).active && m_patterns.at(i).isValid()
            && m_patterns.at(i).match(normalizedCode).hasMatch())
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
