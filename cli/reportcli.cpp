// tracetrack-cli report bill|eod|labels|commands, export, import (BRIEF §6, §9; issue 6).

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QGuiApplication>
#include <QJsonObject>
#include <QScopeGuard>
#include <QUuid>

#include "cli/cliargs.h"
#include "cli/clicontext.h"
#include "cli/commandregistry.h"
#include "core/clock.h"
#include "core/role.h"
#include "database/eodquery.h"
#include "database/exportquery.h"
#include "database/pgimport.h"
#include "database/pgstore.h"
#include "database/sqliteimport.h"
#include "database/sqlitescratch.h"
#include "database/sqlitestore.h"
#include "database/transactionguard.h"
#include "reports/billdocument.h"
#include "reports/commandsheet.h"
#include "reports/csvwriter.h"
#include "reports/eodreport.h"
#include "reports/importer.h"
#include "reports/labelrenderer.h"
#include "reports/rowsink.h"
#include "reports/rowsource.h"
#include "reports/tablefile.h"
#include "reports/zplwriter.h"

namespace tt {

namespace {

// Text in PDFs needs fonts, which need a QGuiApplication (cli/main.cpp creates one, offscreen).
std::optional<Error> needGui()
{
    if (qobject_cast<QGuiApplication *>(QCoreApplication::instance()))
        return std::nullopt;
    return Error{Reason::InvalidInput, QStringLiteral("Rendering needs a QGuiApplication (set QT_QPA_PLATFORM=offscreen).")};
}

// Logs in and checks the permission; the actor, or the exit code already reported.
std::variant<Actor, int> authorize(CliContext &ctx, Permission permission)
{
    const auto actor = ctx.login();
    if (!actor)
        return ctx.fail(actor.error());
    if (!isAllowed(actor->role, permission))
        return ctx.fail(Error{Reason::PermissionDenied,
                              QStringLiteral("%1 (%2) may not do this.").arg(actor->user, roleName(actor->role))});
    return *actor;
}

QJsonObject written(const QString &path, const QString &what)
{
    return {{QStringLiteral("result"), QStringLiteral("ok")}, {QStringLiteral("file"), path}, {QStringLiteral("report"), what}};
}

int billReport(CliContext &ctx, CliArgs &args)
{
    const auto output = args.takeOption(QStringLiteral("--output"));
    const auto id = args.takePositional();
    if (!id || !output || args.hasError())
        return ctx.usage(QStringLiteral("Usage: report bill ID --output FILE.pdf"));
    if (auto e = needGui())
        return ctx.fail(*e);
    const auto who = authorize(ctx, Permission::View);
    if (const int *code = std::get_if<int>(&who))
        return *code;
    auto store = ctx.store();
    if (!store)
        return ctx.fail(store.error());
    const auto bill = (*store)->bill(*id);
    if (!bill)
        return ctx.fail(bill.error());
    if (!*bill)
        return ctx.fail(Error{Reason::UnknownBill, QStringLiteral("There is no bill %1.").arg(id->left(60))});
    BillDocument::Options options;
    options.zone = EodQuery((*store)->database()).businessTimeZone();
    options.printedBy = std::get<Actor>(who).user;
    if (auto r = BillDocument(**bill, options).writePdf(*output); !r)
        return ctx.fail(r.error());
    ctx.print(written(*output, QStringLiteral("bill")), QStringLiteral("Bill %1 written to %2").arg((*bill)->id, *output));
    return ExitOk;
}

int eodReport(CliContext &ctx, CliArgs &args)
{
    const auto date = args.takeOption(QStringLiteral("--date"));
    const auto output = args.takeOption(QStringLiteral("--output"));
    const auto csv = args.takeOption(QStringLiteral("--csv"));
    const auto zoneName = args.takeOption(QStringLiteral("--time-zone"));
    const QDate day = date ? QDate::fromString(*date, Qt::ISODate) : QDate();
    if (!day.isValid() || (!output && !csv) || args.hasError())
        return ctx.usage(QStringLiteral("Usage: report eod --date YYYY-MM-DD [--output FILE.pdf] [--csv FILE.csv] "
                                        "[--time-zone IANA]"));
    if (output)
        if (auto e = needGui())
            return ctx.fail(*e);
    const auto who = authorize(ctx, Permission::Administer);
    if (const int *code = std::get_if<int>(&who))
        return *code;
    auto store = ctx.store();
    if (!store)
        return ctx.fail(store.error());
    EodQuery query((*store)->database());
    const QTimeZone zone = zoneName ? QTimeZone(zoneName->toUtf8()) : query.businessTimeZone();
    if (!zone.isValid())
        return ctx.usage(QStringLiteral("Unknown time zone %1.").arg(zoneName->left(60)));
    auto summary = query.run(day, zone);
    if (!summary)
        return ctx.fail(summary.error());
    EodReport report(*summary);
    if (output)
        if (auto r = report.writePdf(*output); !r)
            return ctx.fail(r.error());
    if (csv) {
        auto sink = CsvWriter::create(*csv);
        if (!sink)
            return ctx.fail(sink.error());
        if (auto r = report.writeTable(**sink); !r)
            return ctx.fail(r.error());
    }
    const EodFigures &t = summary->total;
    ctx.print(QJsonObject{{QStringLiteral("result"), QStringLiteral("ok")},
                          {QStringLiteral("date"), day.toString(Qt::ISODate)},
                          {QStringLiteral("time_zone"), summary->timeZoneId},
                          {QStringLiteral("scans"), double(t.scans)},
                          {QStringLiteral("links"), double(t.links)},
                          {QStringLiteral("parents_filled"), double(t.parentsFilled)},
                          {QStringLiteral("bills_completed"), double(t.billsCompleted)},
                          {QStringLiteral("linked_weight_g"), double(t.linkedWeightG)},
                          {QStringLiteral("bills_actual_weight_g"), double(t.billsActualG)},
                          {QStringLiteral("bills_expected_weight_g"), double(t.billsExpectedG)}},
              QStringLiteral("%1 (%2): %3 scans, %4 links, %5 parents filled, %6 bills completed")
                  .arg(day.toString(Qt::ISODate), summary->timeZoneId)
                  .arg(t.scans).arg(t.links).arg(t.parentsFilled).arg(t.billsCompleted));
    return ExitOk;
}

int labelsReport(CliContext &ctx, CliArgs &args)
{
    const auto output = args.takeOption(QStringLiteral("--output"));
    const auto size = args.takeOption(QStringLiteral("--size")).value_or(QStringLiteral("50x25"));
    const auto symbologyName = args.takeOption(QStringLiteral("--symbology")).value_or(QStringLiteral("qr"));
    const auto dpiText = args.takeOption(QStringLiteral("--dpi")).value_or(QStringLiteral("203"));
    const bool sheet = args.takeFlag(QStringLiteral("--sheet"));
    QStringList bills;
    while (auto b = args.takeOption(QStringLiteral("--bill")))
        bills << *b;
    const QStringList codes = args.takeRemaining();
    const auto symbology = symbologyFromName(symbologyName);
    const int dpi = dpiText.toInt();
    if (!output || (codes.isEmpty() && bills.isEmpty()) || !symbology || dpi < 100 || dpi > 1200
        || (size != u"50x25" && size != u"100x50") || args.hasError())
        return ctx.usage(QStringLiteral("Usage: report labels [CODE…] [--bill ID…] --output FILE.pdf|FILE.zpl "
                                        "[--size 50x25|100x50] [--sheet] [--symbology qr|datamatrix|code128] [--dpi N]"));
    const bool zpl = output->endsWith(QLatin1String(".zpl"), Qt::CaseInsensitive);
    if (!zpl)
        if (auto e = needGui())
            return ctx.fail(*e);
    const auto who = authorize(ctx, Permission::View);
    if (const int *code = std::get_if<int>(&who))
        return *code;
    auto store = ctx.store();
    if (!store)
        return ctx.fail(store.error());
    QList<Label> labels;
    for (const QString &c : codes) {
        const auto bag = (*store)->bag(c);
        if (!bag)
            return ctx.fail(bag.error());
        if (!*bag)
            return ctx.fail(Error{Reason::UnknownBag, QStringLiteral("There is no bag %1.").arg(c.left(60))});
        labels << Label::forBag(**bag, *symbology);
    }
    for (const QString &b : bills) {
        const auto bill = (*store)->bill(b);
        if (!bill)
            return ctx.fail(bill.error());
        if (!*bill)
            return ctx.fail(Error{Reason::UnknownBill, QStringLiteral("There is no bill %1.").arg(b.left(60))});
        labels << Label::forBill(**bill, *symbology);
    }
    const LabelFormat format{size == u"50x25" ? QSizeF(50, 25) : QSizeF(100, 50), sheet};
    if (zpl) {
        auto text = ZplWriter(format, dpi).labels(labels);
        if (!text)
            return ctx.fail(text.error());
        QFile f(*output);
        if (!f.open(QIODevice::WriteOnly | QIODevice::Truncate) || f.write(text->toUtf8()) < 0)
            return ctx.fail(Error{Reason::InvalidInput, QStringLiteral("Cannot write %1: %2").arg(*output, f.errorString())});
    } else if (auto r = LabelRenderer(format, dpi).writePdf(labels, *output); !r) {
        return ctx.fail(r.error());
    }
    ctx.print(written(*output, QStringLiteral("labels")),
              QStringLiteral("%1 label(s) written to %2").arg(labels.size()).arg(*output));
    return ExitOk;
}

int commandsReport(CliContext &ctx, CliArgs &args)
{
    const auto output = args.takeOption(QStringLiteral("--output"));
    QStringList bills;
    while (auto b = args.takeOption(QStringLiteral("--bill")))
        bills << *b;
    if (!output || args.hasError())
        return ctx.usage(QStringLiteral("Usage: report commands --output FILE.pdf [--bill ID…]"));
    if (auto e = needGui())
        return ctx.fail(*e);
    if (auto r = CommandSheet(bills).writePdf(*output); !r)
        return ctx.fail(r.error());
    ctx.print(written(*output, QStringLiteral("commands")), QStringLiteral("Command sheet written to %1").arg(*output));
    return ExitOk;
}

int exportCommand(CliContext &ctx, CliArgs &args)
{
    const auto output = args.takeOption(QStringLiteral("--output"));
    const auto from = args.takeOption(QStringLiteral("--from"));
    const auto to = args.takeOption(QStringLiteral("--to"));
    const auto name = args.takePositional();
    const auto entity = name ? exportEntityFromName(*name) : std::nullopt;
    if (!entity || !output || args.hasError())
        return ctx.usage(QStringLiteral("Usage: export bags|links|bills|scans|users|audit --output FILE.csv|FILE.xlsx "
                                        "[--from ISO-TIME] [--to ISO-TIME]"));
    const auto who = authorize(ctx, Permission::Administer);
    if (const int *code = std::get_if<int>(&who))
        return *code;
    auto store = ctx.store();
    if (!store)
        return ctx.fail(store.error());
    auto sink = TableFile::create(*output, ExportQuery::integerColumns(*entity), exportEntityName(*entity));
    if (!sink)
        return ctx.fail(sink.error());
    if (auto r = (*sink)->write(ExportQuery::header(*entity)); !r)
        return ctx.fail(r.error());
    ExportQuery query((*store)->database());
    const auto total = query.count(*entity);
    auto rows = query.run(
        *entity, [&](const QStringList &row) { return (*sink)->write(row); },
        [&](qint64 n) {
            if (!ctx.json() && total && *total > 0)
                ctx.err() << QStringLiteral("\rexported %1/%2").arg(n).arg(*total) << Qt::flush;
            return true;
        },
        from ? fromIsoUtc(*from) : QDateTime(), to ? fromIsoUtc(*to) : QDateTime());
    if (!ctx.json())
        ctx.err() << '\n';
    if (!rows)
        return ctx.fail(rows.error());
    if (auto r = (*sink)->finish(); !r)
        return ctx.fail(r.error());
    ctx.print(QJsonObject{{QStringLiteral("result"), QStringLiteral("ok")}, {QStringLiteral("file"), *output},
                          {QStringLiteral("entity"), exportEntityName(*entity)}, {QStringLiteral("rows"), double(*rows)}},
              QStringLiteral("%1 %2 row(s) written to %3").arg(*rows).arg(exportEntityName(*entity), *output));
    return ExitOk;
}

// Runs the import of FILE on the store with its set-based path and prints the summary.
int runImport(CliContext &ctx, Store &target, BulkImport &bulk, const Actor &actor, ImportKind kind,
              const QString &file, RowSource &source, bool dryRun, const std::optional<QString> &resultsPath)
{
    std::unique_ptr<RowSink> results;
    if (resultsPath) {
        auto sink = TableFile::create(*resultsPath);
        if (!sink)
            return ctx.fail(sink.error());
        results = std::move(*sink);
    }
    Importer importer(target, actor, ctx.station(), SystemClock::instance());
    ImportOptions options;
    options.kind = kind;
    options.fileName = QFileInfo(file).fileName();
    options.results = results.get();
    options.bulk = &bulk; // bags and links set-based; bills as commands
    options.progress = [&](qint64 rows, double fraction) {
        if (ctx.json())
            ctx.out() << QStringLiteral("{\"progress\":%1,\"rows\":%2}\n").arg(fraction, 0, 'f', 3).arg(rows) << Qt::flush;
        else
            ctx.err() << QStringLiteral("\r%1 rows (%2 %)").arg(rows).arg(qRound(fraction * 100)) << Qt::flush;
        return true;
    };
    auto summary = importer.run(source, options);
    if (!ctx.json())
        ctx.err() << '\n';
    if (!summary)
        return ctx.fail(summary.error());
    ctx.print(QJsonObject{{QStringLiteral("result"), summary->errors ? QStringLiteral("rejected") : QStringLiteral("ok")},
                          {QStringLiteral("dry_run"), dryRun},
                          {QStringLiteral("kind"), importKindName(kind)},
                          {QStringLiteral("rows"), double(summary->rows)},
                          {QStringLiteral("ok"), double(summary->ok)},
                          {QStringLiteral("duplicates"), double(summary->duplicates)},
                          {QStringLiteral("errors"), double(summary->errors)},
                          {QStringLiteral("results"), resultsPath.value_or(QString())}},
              QStringLiteral("%1%2 rows: %3 ok, %4 duplicate, %5 error(s)%6")
                  .arg(dryRun ? QStringLiteral("Dry run, nothing changed. ") : QString())
                  .arg(summary->rows).arg(summary->ok).arg(summary->duplicates).arg(summary->errors)
                  .arg(resultsPath ? QStringLiteral("; results in ") + *resultsPath : QString()));
    return summary->errors ? ExitRejected : ExitOk;
}

// Central mode: the batches go to tt_import_bags / tt_import_links, which check the session's
// permission themselves; a dry run is the same import in one transaction that is rolled back.
int importCentral(CliContext &ctx, const Actor &actor, ImportKind kind, const QString &file, RowSource &source,
                  bool dryRun, const std::optional<QString> &resultsPath)
{
    if (ctx.isSynced())
        return ctx.fail(Error{Reason::InvalidInput,
                              QStringLiteral("import talks to the central database directly: run it without --cache.")});
    auto central = ctx.central();
    if (!central)
        return ctx.fail(central.error());
    std::optional<TransactionGuard> rollback;
    if (dryRun) {
        auto tx = TransactionGuard::begin((*central)->database(), TransactionGuard::Mode::Deferred);
        if (!tx)
            return ctx.fail(tx.error());
        rollback.emplace(std::move(*tx)); // never committed
    }
    PgImport setBased(**central);
    return runImport(ctx, **central, setBased, actor, kind, file, source, dryRun, resultsPath);
}

int importCommand(CliContext &ctx, CliArgs &args)
{
    const bool dryRun = args.takeFlag(QStringLiteral("--dry-run"));
    const auto resultsPath = args.takeOption(QStringLiteral("--results"));
    const auto kindName = args.takePositional();
    const auto file = args.takePositional();
    const auto kind = kindName ? importKindFromName(*kindName) : std::nullopt;
    if (!kind || !file || args.hasError())
        return ctx.usage(QStringLiteral("Usage: import bags|links|bills FILE.csv|FILE.xlsx [--dry-run] [--results FILE]"));
    const auto who = authorize(ctx, Permission::Administer);
    if (const int *code = std::get_if<int>(&who))
        return *code;
    auto source = TableFile::open(*file);
    if (!source)
        return ctx.fail(source.error());
    if (ctx.isCentral())
        return importCentral(ctx, std::get<Actor>(who), *kind, *file, **source, dryRun, resultsPath);
    auto store = ctx.store();
    if (!store)
        return ctx.fail(store.error());

    // Dry run: the same import against a scratch copy of the database, thrown away afterwards.
    QString scratchPath;
    std::unique_ptr<SqliteStore> scratch;
    SqliteStore *target = *store;
    if (dryRun) {
        scratchPath = QDir::temp().filePath(QStringLiteral("tracetrack-dry-run-%1.db")
                                                .arg(QUuid::createUuid().toString(QUuid::WithoutBraces)));
        if (auto r = copySqliteDatabase((*store)->database(), scratchPath); !r)
            return ctx.fail(r.error());
        SqliteStoreOptions o;
        o.connectionName = QStringLiteral("tt-dry-run");
        o.create = false;
        auto opened = SqliteStore::open(scratchPath, o);
        if (!opened) {
            QFile::remove(scratchPath);
            return ctx.fail(opened.error());
        }
        scratch = std::move(*opened);
        target = scratch.get();
    }
    const auto cleanup = qScopeGuard([&] {
        scratch.reset();
        if (!scratchPath.isEmpty())
            for (const QString &suffix : {QString(), QStringLiteral("-wal"), QStringLiteral("-shm")})
                QFile::remove(scratchPath + suffix);
    });
    SqliteImport setBased(*target);
    return runImport(ctx, *target, setBased, std::get<Actor>(who), *kind, *file, **source, dryRun, resultsPath);
}

} // namespace

void registerReportCommands(CommandRegistry &registry)
{
    registry.add(QStringLiteral("report bill"), QStringLiteral("ID --output FILE.pdf"), billReport);
    registry.add(QStringLiteral("report eod"), QStringLiteral("--date YYYY-MM-DD [--output FILE.pdf] [--csv FILE.csv]"),
                 eodReport);
    registry.add(QStringLiteral("report labels"),
                 QStringLiteral("[CODE…] [--bill ID…] --output FILE.pdf|.zpl [--size 50x25|100x50] [--sheet] "
                                "[--symbology S] [--dpi N]"),
                 labelsReport);
    registry.add(QStringLiteral("report commands"), QStringLiteral("--output FILE.pdf [--bill ID…]"), commandsReport);
    registry.add(QStringLiteral("export"), QStringLiteral("bags|links|bills|scans|users|audit --output FILE.csv|.xlsx"),
                 exportCommand);
    registry.add(QStringLiteral("import"), QStringLiteral("bags|links|bills FILE [--dry-run] [--results FILE]"),
                 importCommand);
}

} // namespace tt
