#include "core/clock.h"

namespace tt {

const SystemClock &SystemClock::instance()
{
    static const SystemClock clock;
    return clock;
}

} // namespace tt
