#pragma once

#include <QList>
#include <QRegularExpression>
#include <QString>

#include <optional>

#include "core/error.h"

namespace tt {

enum class BagRole { Parent, Child };

QString bagRoleName(BagRole role); // "parent" / "child"
std::optional<BagRole> bagRoleFromName(QStringView name);

// A row of table bag_types (BRIEF §3.1): data an admin edits, never code.
struct BagType
{
    qint64 id = 0;
    QString name;
    BagRole role = BagRole::Child;
    QString pattern;           // regular expression matched against the whole normalised code
    int capacity = 0;          // parents: how many children fit
    qint64 nominalWeightG = 0; // children: weight when none was measured
    qint64 expectedWeightG = 0; // parents: what a full parent should weigh
};

// Checks the fields an admin can edit: name, a pattern that compiles, capacity 1–10 000 for
// parents, weights 0–10 000 000 g.
Result<void> validateBagType(const BagType &type);

// The ordered set of bag types that classifies codes: parent types first, then child types,
// each in id order; the first full match wins.
class BagTypeSet
{
public:
    BagTypeSet() = default;
    explicit BagTypeSet(QList<BagType> types);

    // SB, M444 and CHILD as in the original system.
    static QList<BagType> defaults();

    // Absent when no type matches the normalised code.
    std::optional<BagType> classify(const QString &normalizedCode) const;
    std::optional<BagType> byId(qint64 id) const;
    std::optional<BagType> byName(const QString &name) const;
    const QList<BagType> &types() const { return m_types; }

private:
    QList<BagType> m_types;
    QList<QRegularExpression> m_patterns;
};

} // namespace tt
