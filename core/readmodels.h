#pragma once

#include <QDateTime>
#include <QList>
#include <QString>

#include <optional>

#include "core/bagtype.h"
#include "core/billrules.h"
#include "core/returnrules.h"
#include "core/weight.h"

namespace tt {

// Plain values the stores return for reading; item models and reports adapt them.

struct BagDetails
{
    qint64 id = 0;
    QString code;
    BagRole role = BagRole::Child;
    QString typeName;
    QDateTime createdAt;
    QString createdBy;

    // Children: effective weight (measured if recorded, else nominal) and current parent.
    qint64 weightG = 0;
    std::optional<qint64> measuredWeightG;
    QString parentCode;
    QString linkedBy;
    QDateTime linkedAt;

    // Parents: capacity, children in force, weight of the contents, expected weight, bill.
    int capacity = 0;
    int childCount = 0;
    qint64 contentsWeightG = 0;
    qint64 expectedWeightG = 0;
    QString billId;
    QStringList children;
};

struct BillLine
{
    QString parentCode;
    int childCount = 0;
    int capacity = 0;
    qint64 actualWeightG = 0;
    qint64 expectedWeightG = 0;
    QDateTime addedAt;
    QString addedBy;
};

struct BillDetails
{
    QString id;
    BillStatus status = BillStatus::Open;
    int capacity = 0;
    int parentCount = 0;
    BillWeights weights;
    QString createdBy;
    QDateTime createdAt;
    QString completedBy;
    QDateTime completedAt;
    QList<BillLine> lines; // in the order the parents were added
};

// One parent bag on a return ticket, as it was when it came back (BRIEF §3.4).
struct ReturnLine
{
    QString parentCode;
    QString billId; // the bill it was taken off
    int childCount = 0;
    qint64 weightG = 0; // contents weight at return time
    QDateTime returnedAt;
    QString returnedBy;
};

struct ReturnView
{
    QString id; // RTN-YYYYMMDD-NNNN
    ReturnStatus status = ReturnStatus::Open;
    int parentCount = 0;
    qint64 weightG = 0;
    QDateTime openedAt;
    QString openedBy;
    QString station;
    QDateTime closedAt; // finalised or cancelled
    QString closedBy;
    QList<ReturnLine> lines; // in the order they were returned; empty in lists
};

struct ReturnListFilter
{
    std::optional<ReturnStatus> status;
    int limit = 200;
};

} // namespace tt
