// libFuzzer target for the scan parser (BRIEF §8: fuzzed scan parsers run clean under ASan and
// UBSan): interpretScan, the GS1 element string parsers and the AIM identifier splitter, with
// the contracts Station relies on checked on every input.
#include <QString>

#include <cstdint>
#include <cstdio>
#include <cstdlib>

#include "core/codenormalizer.h"
#include "core/gs1/aimidentifier.h"
#include "core/gs1/gs1checkdigit.h"
#include "core/gs1/gs1parser.h"
#include "core/scaninterpreter.h"

namespace {

void check(bool ok, const char *what)
{
    if (!ok) {
        std::fprintf(stderr, "contract violated: %s\n", what);
        std::abort();
    }
}

void checkScan(QStringView input)
{
    const tt::InterpretedScan s = tt::interpretScan(input);
    switch (s.kind) {
    case tt::InterpretedScan::Kind::BagCode:
        check(!s.code.isEmpty(), "bag code is empty");
        check(s.code.size() <= tt::kMaxCodeLength, "bag code too long");
        check(!s.code.contains(QChar(0x1D)), "bag code contains GS");
        check(s.code == s.code.toUpper(), "bag code not upper case");
        check(s.error.message.isEmpty(), "bag code with an error");
        if (s.measuredWeightG)
            check(*s.measuredWeightG > 0 && *s.measuredWeightG <= 999'999'000, "weight out of range");
        if (s.gs1)
            check(!s.gs1Text.isEmpty(), "GS1 scan without its text");
        break;
    case tt::InterpretedScan::Kind::Command:
        check(s.action != tt::InterpretedScan::Action::None, "command without action");
        break;
    case tt::InterpretedScan::Kind::Invalid:
        check(!s.error.message.isEmpty(), "invalid without a message");
        check(s.error.reason == tt::Reason::InvalidCode, "invalid with another reason");
        check(s.code.isEmpty(), "invalid with a code");
        break;
    }
    check(s.shown.size() <= 60 * 6 + 1, "shown text not bounded");

    if (const tt::Result<tt::Gs1ElementString> e = tt::parseGs1(input)) {
        check(!e->elements.isEmpty(), "GS1 without elements");
        const QString sscc = e->sscc();
        check(sscc.isEmpty() || (sscc.size() == 18 && tt::gs1CheckDigitValid(sscc)), "SSCC not verified");
        // The human-readable form parses to the same elements.
        const tt::Result<tt::Gs1ElementString> again = tt::parseBracketedGs1(e->humanReadable());
        if (again)
            check(again->sscc() == sscc, "bracketed round trip changed the SSCC");
    } else {
        check(!e.error().message.isEmpty(), "GS1 failure without a message");
    }
    (void)tt::parseBracketedGs1(input);
    const tt::AimIdentifier aim = tt::splitAimIdentifier(input);
    check(aim.identifier.isEmpty() || aim.identifier.size() == 3, "identifier length");
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    if (size > 4096)
        return 0;
    const auto *chars = reinterpret_cast<const char *>(data);
    checkScan(QString::fromUtf8(chars, qsizetype(size)));
    checkScan(QString::fromLatin1(chars, qsizetype(size)));
    return 0;
}
