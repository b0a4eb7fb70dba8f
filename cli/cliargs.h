#pragma once

#include <QString>
#include <QStringList>

#include <optional>

namespace tt {

// The arguments of one command after the global options were taken out: options are taken by
// name (--name VALUE or --name=VALUE), then what is left must be the expected positionals.
class CliArgs
{
public:
    explicit CliArgs(QStringList args) : m_args(std::move(args)) {}

    // Takes --name VALUE / --name=VALUE. A missing value is a usage error (see error()).
    std::optional<QString> takeOption(const QString &name);
    bool takeFlag(const QString &name);
    // Takes the next positional argument.
    std::optional<QString> takePositional();
    QStringList takeRemaining();
    // Everything left, options included, in order.
    QStringList takeRemainingRaw() { return std::exchange(m_args, {}); }
    // A usage error found while taking, or an unknown option left over.
    QString error() const;
    bool hasError() const { return !error().isEmpty(); }

private:
    QStringList m_args;
    QString m_error;
};

} // namespace tt
