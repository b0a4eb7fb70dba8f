#pragma once

#include <QList>
#include <QString>

#include <functional>

namespace tt {

class CliArgs;
class CliContext;

// The commands of tracetrack-cli. A handler returns the process exit code.
class CommandRegistry
{
public:
    using Handler = std::function<int(CliContext &, CliArgs &)>;

    struct Entry
    {
        QString name;     // "station", "bill create", …
        QString synopsis; // arguments, shown by `help`
        Handler handler;
    };

    void add(QString name, QString synopsis, Handler handler);
    // The longest registered name that prefixes the words (one or two words).
    const Entry *find(const QStringList &words, int *wordsUsed) const;
    const QList<Entry> &entries() const { return m_entries; }

private:
    QList<Entry> m_entries;
};

// Each group registers its commands (cli/*cli.cpp).
void registerAdminCommands(CommandRegistry &registry);
void registerUserCommands(CommandRegistry &registry);
// bagtype, area, station-admin (cli/admindatacli.cpp).
void registerAdminDataCommands(CommandRegistry &registry);
void registerStationCommands(CommandRegistry &registry);
void registerBagCommands(CommandRegistry &registry);
void registerBillCommands(CommandRegistry &registry);
void registerReturnCommands(CommandRegistry &registry); // return … (cli/returncli.cpp)
// Central mode (--db postgresql://…): migrate, init, verify, station on PostgreSQL.
void registerCentralCommands(CommandRegistry &registry);
// Central mode: sync, conflicts, health (cli/synccli.cpp).
void registerSyncCommands(CommandRegistry &registry);
void registerReportCommands(CommandRegistry &registry); // report, export, import (cli/reportcli.cpp)
void registerScannerCommands(CommandRegistry &registry);
void registerBenchCommands(CommandRegistry &registry); // bench (cli/benchcli.cpp) // scan-image (cli/scanimagecli.cpp)

} // namespace tt
