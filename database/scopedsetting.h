#pragma once

#include <QSqlDatabase>
#include <QSqlQuery>
#include <QString>

namespace tt {

// A connection setting for the length of a scope: set on entry, reset on exit (nothing when
// the connection is not open). PgStore::deadlineLifted(), SyncedStore's cache fsync level.
class ScopedSetting
{
public:
    ScopedSetting(QSqlDatabase db, const QString &set, QString reset)
        : m_db(std::move(db))
        , m_reset(std::move(reset))
    {
        if (m_db.isOpen())
            QSqlQuery(m_db).exec(set);
    }
    ~ScopedSetting()
    {
        if (m_db.isOpen())
            QSqlQuery(m_db).exec(m_reset);
    }
    ScopedSetting(const ScopedSetting &) = delete;
    ScopedSetting &operator=(const ScopedSetting &) = delete;

private:
    QSqlDatabase m_db;
    QString m_reset;
};

} // namespace tt
