#pragma once

#include <QDateTime>
#include <QList>
#include <QSqlDatabase>
#include <QStringList>

#include <functional>
#include <optional>

#include "core/error.h"

namespace tt {

enum class ExportEntity { Bags, Links, Bills, Scans, Users, Audit };

QString exportEntityName(ExportEntity entity); // "bags", "links", "bills", "scans", "users", "audit"
std::optional<ExportEntity> exportEntityFromName(QStringView name);

// Streams the rows of one entity of the embedded schema for export (BRIEF §6), in bounded
// memory: one forward-only query inside a read transaction (a consistent snapshot), a row at a
// time to the callback. Header names match what the importer reads back (bags: code,
// measured_weight_g; links: parent_code, child_code, child_weight_g; bills: bill_id, capacity,
// parent_code, status). Times are ISO 8601 UTC; weights integer grams in *_g columns. Users
// never include password hashes or TOTP secrets. Runs in the thread of the connection.
class ExportQuery
{
public:
    using RowCallback = std::function<Result<void>(const QStringList &row)>;
    // Called every 10 000 rows with the rows so far; return false to stop.
    using Progress = std::function<bool(qint64 rows)>;

    explicit ExportQuery(QSqlDatabase db);

    static QStringList header(ExportEntity entity);
    // Columns holding integers (written as numbers to XLSX).
    static QList<int> integerColumns(ExportEntity entity);

    // Rows the entity has (for a progress bar), within the time range for scans and audit.
    Result<qint64> count(ExportEntity entity);

    // Calls row() for every row (not the header); stops at its first error. fromUtc/toUtc
    // (both optional) restrict scans and audit records to [from, to).
    Result<qint64> run(ExportEntity entity, const RowCallback &row, const Progress &progress = {},
                       const QDateTime &fromUtc = {}, const QDateTime &toUtc = {});

private:
    QString sql(ExportEntity entity, bool count, bool ranged) const;

    QSqlDatabase m_db;
};

} // namespace tt
