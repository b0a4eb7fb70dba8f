#include <QApplication>

#include "app/application.h"

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    QApplication::setOrganizationName(QStringLiteral("TraceTrack"));
    QApplication::setApplicationName(QStringLiteral("TraceTrack"));
    QApplication::setApplicationVersion(QStringLiteral(PROJECT_VERSION));
    return tt::runApplication(app);
}
