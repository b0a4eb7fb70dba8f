#include <QCoreApplication>

#include "cli/cliapp.h"

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setOrganizationName(QStringLiteral("TraceTrack"));
    QCoreApplication::setApplicationName(QStringLiteral("TraceTrack"));
    QStringList args = QCoreApplication::arguments();
    args.removeFirst();
    return tt::runCli(args);
}
