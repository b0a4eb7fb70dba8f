#pragma once

#include <QSqlDatabase>

#include "core/error.h"

namespace tt {

// Applies the numbered migrations of one dialect (resources ":/sql/<dialect>/NNN_name.sql") in
// order, each in its own transaction with its row in schema_migrations, then checks the schema.
class Migrator
{
public:
    explicit Migrator(QSqlDatabase db, QString dialect = QStringLiteral("sqlite"));

    // The highest applied version; 0 for an empty database.
    Result<int> currentVersion() const;
    // The highest version this build knows.
    int latestVersion() const;
    // Applies what is missing and returns the version reached. A database newer than this
    // build is refused.
    Result<int> migrate();
    // Every table the code relies on exists and the version is the latest.
    Result<void> checkSchema() const;

private:
    bool isPostgres() const; // dialect "postgresql"

    QSqlDatabase m_db;
    QString m_dialect;
};

} // namespace tt
