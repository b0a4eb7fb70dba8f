#pragma once

// Helpers shared by the tests that run on a real embedded store (header-only, tests only).

#include <QMap>
#include <QSqlQuery>
#include <QStringList>
#include <QTest>

#include <memory>

#include "core/clock.h"
#include "core/command.h"
#include "database/sqlitestore.h"
#include "database/verifier.h"

namespace tt::test {

// 2024-03-01 10:00:00 UTC: every store test starts at the same instant.
inline QDateTime startTime()
{
    return QDateTime(QDate(2024, 3, 1), QTime(10, 0), Qt::UTC);
}

// A fresh in-memory store on its own connection; nullptr (and a test failure) when it fails.
inline std::unique_ptr<SqliteStore> openMemoryStore(const Clock &clock, const QString &connection)
{
    auto store = SqliteStore::open(QStringLiteral(":memory:"),
                                   SqliteStoreOptions{connection, true, true, &clock});
    if (!store) {
        qWarning("opening the store failed: %s", qPrintable(store.error().message));
        return nullptr;
    }
    return std::move(*store);
}

// Runs one SQL statement without binding; the first column of the first row.
inline QVariant scalar(const QSqlDatabase &db, const QString &sql)
{
    QSqlQuery q(db);
    if (!q.exec(sql) || !q.next())
        return {};
    return q.value(0);
}

inline qint64 rowCount(const QSqlDatabase &db, const QString &table)
{
    return scalar(db, QStringLiteral("SELECT count(*) FROM ") + table).toLongLong();
}

// Row counts of every table a command can write, to prove that a command wrote nothing.
inline QMap<QString, qint64> snapshot(const QSqlDatabase &db)
{
    static const QStringList tables{
        QStringLiteral("bags"),      QStringLiteral("links"),       QStringLiteral("bills"),
        QStringLiteral("bill_parents"), QStringLiteral("scans"),    QStringLiteral("audit_log"),
        QStringLiteral("command_log"), QStringLiteral("stat_daily"), QStringLiteral("return_tickets"),
        QStringLiteral("return_lines"),
    };
    QMap<QString, qint64> counts;
    for (const QString &t : tables)
        counts.insert(t, rowCount(db, t));
    // Derived values too: a rejected command must not leave counters half-changed.
    counts.insert(QStringLiteral("sum(stat_totals)"),
                  scalar(db, QStringLiteral("SELECT sum(value) FROM stat_totals")).toLongLong());
    counts.insert(QStringLiteral("sum(child_count)"),
                  scalar(db, QStringLiteral("SELECT coalesce(sum(child_count), 0) FROM bags")).toLongLong());
    counts.insert(QStringLiteral("sum(bill weights)"),
                  scalar(db, QStringLiteral("SELECT coalesce(sum(actual_weight_g + parent_count), 0) FROM bills"))
                      .toLongLong());
    counts.insert(QStringLiteral("sum(return totals)"),
                  scalar(db, QStringLiteral("SELECT coalesce(sum(parent_count + weight_g), 0) FROM return_tickets"))
                      .toLongLong());
    counts.insert(QStringLiteral("open return tickets"),
                  scalar(db, QStringLiteral("SELECT count(*) FROM return_tickets WHERE status = 'open'")).toLongLong());
    counts.insert(QStringLiteral("links in force"),
                  scalar(db, QStringLiteral("SELECT count(*) FROM links WHERE ended_at IS NULL")).toLongLong());
    return counts;
}

// The mismatches of verify as one readable string; empty when the store is consistent.
inline QString verifyReport(SqliteStore &store)
{
    auto r = Verifier(store.statements()).run();
    if (!r)
        return QStringLiteral("verify failed: ") + r.error().message;
    QStringList lines;
    for (const Mismatch &m : *r)
        lines << QStringLiteral("%1 %2: stored %3, computed %4").arg(m.check, m.key, m.stored, m.computed);
    return lines.join(QLatin1Char('\n'));
}

} // namespace tt::test

// Fails the test when verify finds a mismatch (or cannot run).
#define TT_VERIFY_CLEAN(store)                                                                                 \
    do {                                                                                                       \
        const QString report_ = tt::test::verifyReport(store);                                                 \
        QVERIFY2(report_.isEmpty(), qPrintable(report_));                                                      \
    } while (false)
