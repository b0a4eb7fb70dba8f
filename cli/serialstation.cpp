#include "cli/cliargs.h"
#include "cli/clicontext.h"
#include "cli/commandregistry.h"
#include "cli/scannercli.h"
#include "core/clock.h"
#include "core/station.h"
#include "database/sqlitestore.h"
#include "scanner/scalereader.h"
#include "scanner/scanhub.h"
#include "scanner/serialscansource.h"

#include <QCoreApplication>
#include <QEventLoop>
#include <QJsonObject>
#include <QTimer>

#include <csignal>

namespace tt {

namespace {

volatile std::sig_atomic_t g_stop = 0;

void requestStop(int)
{
    g_stop = 1;
}

std::optional<QSerialPort::Parity> parityFrom(const QString &s)
{
    if (s == u"none")
        return QSerialPort::NoParity;
    if (s == u"even")
        return QSerialPort::EvenParity;
    if (s == u"odd")
        return QSerialPort::OddParity;
    return std::nullopt;
}

} // namespace

// Frames from the serial scanner go through the same ScanHub (debounce) and Station as the GUI;
// one outcome line per scan on stdout, exactly as `station` prints for stdin lines. Problems
// with the line (garbage, unplugged) go to stderr. Runs until SIGINT/SIGTERM or --count scans.
int serialStation(CliContext &ctx, CliArgs &args, const QString &port)
{
    const QString usage = QStringLiteral(
        " Usage: station --serial PORT [--baud N] [--terminator cr|lf|crlf|none] [--data-bits 5-8] "
        "[--parity none|even|odd] [--stop-bits 1|2] [--bill ID] [--count N] "
        "[--scale PORT [--scale-baud N] [--scale-format status-csv|mt-sics]]");
    const auto bill = args.takeOption(QStringLiteral("--bill"));
    const auto baud = args.takeOption(QStringLiteral("--baud"));
    const auto terminator = args.takeOption(QStringLiteral("--terminator"));
    const auto dataBits = args.takeOption(QStringLiteral("--data-bits"));
    const auto parity = args.takeOption(QStringLiteral("--parity"));
    const auto stopBits = args.takeOption(QStringLiteral("--stop-bits"));
    const auto count = args.takeOption(QStringLiteral("--count"));
    const auto scalePort = args.takeOption(QStringLiteral("--scale"));
    const auto scaleBaud = args.takeOption(QStringLiteral("--scale-baud"));
    const auto scaleFormat = args.takeOption(QStringLiteral("--scale-format"));
    if (args.hasError())
        return ctx.usage(args.error() + usage);

    SerialPortSettings portSettings;
    portSettings.portName = port;
    FrameAssemblerOptions frames;
    bool ok = true;
    if (baud) {
        portSettings.baudRate = baud->toInt(&ok);
        if (!ok || portSettings.baudRate <= 0)
            return ctx.usage(QStringLiteral("--baud needs a positive number.") + usage);
    }
    if (terminator) {
        const std::optional<Terminator> t = terminatorFromName(*terminator);
        if (!t)
            return ctx.usage(QStringLiteral("--terminator is cr, lf, crlf or none.") + usage);
        frames.terminator = *t;
    }
    if (dataBits) {
        const int bits = dataBits->toInt(&ok);
        if (!ok || bits < 5 || bits > 8)
            return ctx.usage(QStringLiteral("--data-bits is 5 to 8.") + usage);
        portSettings.dataBits = QSerialPort::DataBits(bits);
    }
    if (parity) {
        const std::optional<QSerialPort::Parity> p = parityFrom(*parity);
        if (!p)
            return ctx.usage(QStringLiteral("--parity is none, even or odd.") + usage);
        portSettings.parity = *p;
    }
    if (stopBits) {
        if (*stopBits != u"1" && *stopBits != u"2")
            return ctx.usage(QStringLiteral("--stop-bits is 1 or 2.") + usage);
        portSettings.stopBits = *stopBits == u"2" ? QSerialPort::TwoStop : QSerialPort::OneStop;
    }
    ScaleSettings scale;
    if (scalePort) {
        scale.port.portName = *scalePort;
        if (scaleBaud) {
            scale.port.baudRate = scaleBaud->toInt(&ok);
            if (!ok || scale.port.baudRate <= 0)
                return ctx.usage(QStringLiteral("--scale-baud needs a positive number.") + usage);
        }
        if (scaleFormat) {
            const std::optional<ScaleFormat> f = scaleFormatFromName(*scaleFormat);
            if (!f)
                return ctx.usage(QStringLiteral("--scale-format is status-csv or mt-sics.") + usage);
            scale.format = *f;
        }
    } else if (scaleBaud || scaleFormat) {
        return ctx.usage(QStringLiteral("--scale-baud and --scale-format go with --scale PORT.") + usage);
    }
    int maxScans = -1;
    if (count) {
        maxScans = count->toInt(&ok);
        if (!ok || maxScans < 1)
            return ctx.usage(QStringLiteral("--count needs a positive number.") + usage);
    }

    const auto actor = ctx.login();
    if (!actor)
        return ctx.fail(actor.error());
    auto store = ctx.store();
    if (!store)
        return ctx.fail(store.error());
    Station station(**store, (*store)->clock(), *actor, ctx.station());
    if (bill) {
        const Outcome selected = station.selectBill(*bill);
        if (!selected.ok()) {
            ctx.printOutcome(selected);
            return exitCodeFor(selected.reason);
        }
    }

    QEventLoop loop;
    SerialScanSource source;
    source.setPortSettings(portSettings);
    source.setFrameOptions(frames);
    ScanHub hub;
    hub.addSource(&source);
    int scans = 0; // outcome lines printed: scans and weights (--count)
    const auto printed = [&](const Outcome &outcome) {
        ctx.printOutcome(outcome);
        if (maxScans > 0 && ++scans >= maxScans)
            loop.quit();
    };
    QObject::connect(&hub, &ScanHub::scanReady, &loop, [&](const ScanEvent &event) { printed(station.scan(event.text)); });
    // A stable scale weight is the measured gross weight of the current bill or parent.
    ScaleReader scaleReader;
    if (scalePort) {
        scaleReader.setSettings(scale);
        QObject::connect(&scaleReader, &ScaleReader::stableWeight, &loop,
                         [&](qint64 grams) { printed(station.recordWeight(grams)); });
        QObject::connect(&scaleReader, &ScaleReader::problem, &loop, [&](const QString &message) {
            ctx.err() << message << '\n';
            ctx.err().flush();
        });
    }
    QObject::connect(&hub, &ScanHub::rejected, &loop, [&](const QString &, const QString &message) {
        ctx.err() << message << '\n';
        ctx.err().flush();
    });
    QObject::connect(&source, &SerialScanSource::problem, &loop, [&](const QString &message) {
        ctx.err() << message << '\n';
        ctx.err().flush();
    });
    QObject::connect(&source, &SerialScanSource::connectedChanged, &loop, [&](bool connected) {
        ctx.err() << (connected ? QStringLiteral("Reading scans from %1.").arg(port)
                                : QStringLiteral("%1 disconnected.").arg(port))
                  << '\n';
        ctx.err().flush();
    });

    g_stop = 0;
    std::signal(SIGINT, requestStop);
    std::signal(SIGTERM, requestStop);
    QTimer stopCheck;
    QObject::connect(&stopCheck, &QTimer::timeout, &loop, [&] {
        if (g_stop)
            loop.quit();
    });
    stopCheck.start(100);
    source.start();
    if (scalePort)
        scaleReader.start();
    loop.exec();
    source.stop();
    if (scalePort)
        scaleReader.stop();
    std::signal(SIGINT, SIG_DFL);
    std::signal(SIGTERM, SIG_DFL);
    return ExitOk;
}

} // namespace tt
