#include "cli/cliargs.h"

namespace tt {

std::optional<QString> CliArgs::takeOption(const QString &name)
{
    for (qsizetype i = 0; i < m_args.size(); ++i) {
        const QString &a = m_args.at(i);
        if (a == name) {
            if (i + 1 >= m_args.size()) {
                m_error = QStringLiteral("%1 needs a value.").arg(name);
                m_args.removeAt(i);
                return std::nullopt;
            }
            const QString value = m_args.at(i + 1);
            m_args.remove(i, 2);
            return value;
        }
        if (a.startsWith(name + QLatin1Char('='))) {
            const QString value = a.mid(name.size() + 1);
            m_args.removeAt(i);
            return value;
        }
        if (a == u"--")
            break;
    }
    return std::nullopt;
}

bool CliArgs::takeFlag(const QString &name)
{
    for (qsizetype i = 0; i < m_args.size(); ++i) {
        if (m_args.at(i) == u"--")
            break;
        if (m_args.at(i) == name) {
            m_args.removeAt(i);
            return true;
        }
    }
    return false;
}

std::optional<QString> CliArgs::takePositional()
{
    for (qsizetype i = 0; i < m_args.size(); ++i) {
        const QString a = m_args.at(i);
        if (a == u"--") {
            if (i + 1 < m_args.size()) {
                const QString v = m_args.at(i + 1);
                m_args.removeAt(i + 1);
                return v;
            }
            return std::nullopt;
        }
        if (a.startsWith(QLatin1String("--")) && a.size() > 2)
            continue;
        m_args.removeAt(i);
        return a;
    }
    return std::nullopt;
}

QStringList CliArgs::takeRemaining()
{
    QStringList out;
    while (auto p = takePositional())
        out.append(*p);
    return out;
}

QString CliArgs::error() const
{
    if (!m_error.isEmpty())
        return m_error;
    for (const QString &a : m_args) {
        if (a == u"--")
            continue;
        if (a.startsWith(QLatin1String("--")))
            return QStringLiteral("Unknown option %1.").arg(a);
        return QStringLiteral("Unexpected argument \"%1\".").arg(a.left(60));
    }
    return {};
}

} // namespace tt
