#include "cli/cliargs.h"
#include "cli/clicontext.h"
#include "cli/commandregistry.h"
#include "scanner/imagedecoder.h"

#include <QJsonObject>

namespace tt {

namespace {

// `scan-image FILE…`: the codes in image files, one line each (file, text, format, symbology),
// the fallback when a scanner is broken (BRIEF §4 "Image"). Exit 1 when a file cannot be read
// or holds no code, after reporting all files.
int scanImage(CliContext &ctx, CliArgs &args)
{
    const QStringList files = args.takeRemaining();
    if (args.hasError() || files.isEmpty())
        return ctx.usage(QStringLiteral("Usage: scan-image FILE…"));
    int exitCode = ExitOk;
    for (const QString &file : files) {
        const Result<QList<DecodedCode>> codes = ImageDecoder::decodeFile(file);
        if (!codes) {
            ctx.fail(codes.error());
            exitCode = ExitRejected;
            continue;
        }
        if (codes->isEmpty()) {
            ctx.fail(Error{Reason::InvalidCode, QStringLiteral("No barcode was found in %1.").arg(file)});
            exitCode = ExitRejected;
            continue;
        }
        for (const DecodedCode &c : *codes) {
            QJsonObject o;
            o.insert(QStringLiteral("file"), file);
            o.insert(QStringLiteral("text"), c.text);
            o.insert(QStringLiteral("format"), c.format);
            o.insert(QStringLiteral("symbology"), c.symbology);
            o.insert(QStringLiteral("gs1"), c.gs1);
            QString shown = c.text;
            shown.replace(QChar(0x1D), QStringLiteral("<GS>"));
            ctx.print(o, QStringLiteral("%1\t%2\t%3\t%4").arg(file, c.format, c.symbology, shown));
        }
    }
    return exitCode;
}

} // namespace

void registerScannerCommands(CommandRegistry &r)
{
    r.add(QStringLiteral("scan-image"), QStringLiteral("FILE…"), scanImage);
}

} // namespace tt
