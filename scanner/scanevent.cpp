#include "scanner/scanevent.h"

#include <chrono>

namespace tt {

qint64 steadyNowMs()
{
    using namespace std::chrono;
    return duration_cast<milliseconds>(steady_clock::now().time_since_epoch()).count();
}

} // namespace tt
