// libFuzzer target for the serial frame assembler and the scale line parser (BRIEF §4, §8):
// the first bytes choose the options, chunk sizes and arrival times; every frame that comes out
// must honour the assembler's contract.
#include <QStringDecoder>

#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <cstdlib>

#include "scanner/frameassembler.h"
#include "scanner/scaleparser.h"

namespace {

void check(bool ok, const char *what)
{
    if (!ok) {
        std::fprintf(stderr, "contract violated: %s\n", what);
        std::abort();
    }
}

void checkOutput(const tt::FrameAssembler::Output &out, const tt::FrameAssemblerOptions &o)
{
    for (const tt::Result<tt::Frame> &item : out) {
        if (!item) {
            check(!item.error().message.isEmpty(), "rejection without a message");
            continue;
        }
        const QByteArray &b = item->bytes;
        check(b.size() >= o.minFrameLength && b.size() <= o.maxFrameLength, "frame length out of bounds");
        for (const char c : b) {
            const auto u = static_cast<unsigned char>(c);
            check(u >= 0x20 || u == 0x1D || u == '\t', "control character in a frame");
            check(u != 0x7F, "DEL in a frame");
        }
        QStringDecoder decoder(QStringDecoder::Utf8);
        const QString text = decoder.decode(b);
        check(!decoder.hasError() && text == item->text, "frame text is not its UTF-8");
        for (const tt::ScaleFormat f : {tt::ScaleFormat::StatusCsv, tt::ScaleFormat::MtSics}) {
            const tt::Result<tt::ScaleReading> r = tt::parseScaleLine(b, f);
            if (r)
                check(r->grams >= -1'000'000'000'000 && r->grams <= 1'000'000'000'000, "weight out of range");
            else
                check(!r.error().message.isEmpty(), "scale failure without a message");
        }
    }
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    if (size < 4 || size > 65536)
        return 0;
    tt::FrameAssemblerOptions o;
    o.terminator = static_cast<tt::Terminator>(data[0] % 4);
    o.maxFrameLength = 1 + data[1] % 64;
    o.minFrameLength = 1 + data[2] % 8;
    o.interByteTimeoutMs = 1 + data[3] % 100;
    o.staleFrameMs = 1 + data[3] % 200;
    tt::FrameAssembler a(o);
    const tt::FrameAssemblerOptions &effective = a.options();
    qint64 now = 0;
    std::size_t pos = 4;
    while (pos < size) {
        // One control byte per chunk: its length (1..16) and how long after the last one it came.
        const std::uint8_t control = data[pos++];
        const std::size_t n = std::min<std::size_t>(1 + (control & 0x0F), size - pos);
        now += (control >> 4) * 16;
        if (control & 0x80)
            checkOutput(a.expire(now), effective);
        checkOutput(a.feed(QByteArrayView(data + pos, qsizetype(n)), now), effective);
        pos += n;
    }
    checkOutput(a.expire(now + 1'000'000), effective);
    check(!a.hasPending() && !a.deadline(), "something pending after everything expired");
    return 0;
}
