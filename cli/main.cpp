#include <QGuiApplication>

#include "cli/cliapp.h"

int main(int argc, char *argv[])
{
    // A GUI application for the fonts of rendered reports (PDF labels, bills); no display is used.
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QGuiApplication app(argc, argv);
    QCoreApplication::setOrganizationName(QStringLiteral("TraceTrack"));
    QCoreApplication::setApplicationName(QStringLiteral("TraceTrack"));
    QStringList args = QCoreApplication::arguments();
    args.removeFirst();
    return tt::runCli(args);
}
