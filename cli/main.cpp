#include <QDir>
#include <QFile>
#include <QGuiApplication>

#include "cli/cliapp.h"

#include <unistd.h>

int main(int argc, char *argv[])
{
    // A GUI application for the fonts of rendered reports (PDF labels, bills); no display is used.
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    // The runtime directory Qt would fall back to, made private, without Qt's warning on every run.
    if (qEnvironmentVariableIsEmpty("XDG_RUNTIME_DIR")) {
        const QString dir = QDir::tempPath() + QStringLiteral("/runtime-") + QString::number(::getuid());
        if (QDir().mkpath(dir)) {
            QFile::setPermissions(dir, QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
            qputenv("XDG_RUNTIME_DIR", QFile::encodeName(dir));
        }
    }
    QGuiApplication app(argc, argv);
    QCoreApplication::setOrganizationName(QStringLiteral("TraceTrack"));
    QCoreApplication::setApplicationName(QStringLiteral("TraceTrack"));
    QStringList args = QCoreApplication::arguments();
    args.removeFirst();
    return tt::runCli(args);
}
