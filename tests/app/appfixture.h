#pragma once

#include <QCoreApplication>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include "database/demodata.h"
#include "database/sqlitestore.h"

namespace tt::test {

// A demo database in a temporary directory, created and closed again on the calling thread, so
// the GUI under test opens it through its own worker connections.
class DemoDatabase
{
public:
    DemoDatabase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QCoreApplication::setOrganizationName(QStringLiteral("TraceTrackTest"));
        QCoreApplication::setApplicationName(QStringLiteral("tst_app"));
        m_path = m_dir.filePath(QStringLiteral("demo.db"));
        SqliteStoreOptions options;
        options.connectionName = QStringLiteral("fixture");
        auto store = SqliteStore::open(m_path, options);
        if (!store)
            qFatal("cannot create the demo database: %s", qPrintable(store.error().message));
        if (auto r = loadDemoData(**store); !r)
            qFatal("cannot load demo data: %s", qPrintable(r.error().message));
    }

    QString path() const { return m_path; }

private:
    QTemporaryDir m_dir;
    QString m_path;
};

} // namespace tt::test
