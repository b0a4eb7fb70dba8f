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
    bool active = true;         // an inactive type classifies no new code; its bags keep it
    bool operator==(const BagType &) const = default;
};

// Checks the fields an admin can edit: name, a pattern that compiles, capacity 1–10 000 for
// parents, weights 0–10 000 000 g.
Result<void> validateBagType(const BagType &type);

// The literal text every code of a pattern starts with: "SB" for ^SB\d{5}$, "M444-" for
// ^M444-\d{5}$; empty when the pattern starts with a class, group or alternative.
QString literalPrefix(const QString &pattern);

// Checks a new or changed type (a new one has id 0) against the other types: names unique, and
// an active type's literal prefix neither equal to nor a prefix of another active type's, so
// which type a code belongs to never depends on their order.
Result<void> checkBagTypeAmong(const BagType &type, const QList<BagType> &types);

// The ordered set of bag types that classifies codes: parent types first, then child types,
// each in id order; the first full match wins.
class BagTypeSet
{
public:
    BagTypeSet() = default;
    explicit BagTypeSet(QList<BagType> types);

    // SB, M444 and CHILD as in the original system.
    static QList<BagType> defaults();

    // Absent when no active type matches the normalised code.
    std::optional<BagType> classify(const QString &normalizedCode) const;
    std::optional<BagType> byId(qint64 id) const;
    std::optional<BagType> byName(const QString &name) const;
    const QList<BagType> &types() const { return m_types; }

private:
    QList<BagType> m_types;
    QList<QRegularExpression> m_patterns;
};

} // namespace tt
