#pragma once

#include "core/reason.h"

#include <QString>

#include <expected>

namespace tt {

// A failure a user can cause: a reason code for programs and a plain message for people.
struct Error
{
    Reason reason = Reason::InvalidInput;
    QString message;
};

template<typename T>
using Result = std::expected<T, Error>;

inline std::unexpected<Error> fail(Reason reason, QString message)
{
    return std::unexpected(Error{reason, std::move(message)});
}

} // namespace tt
