#include "cli/commandregistry.h"

#include <QStringList>

namespace tt {

void CommandRegistry::add(QString name, QString synopsis, Handler handler)
{
    m_entries.append(Entry{std::move(name), std::move(synopsis), std::move(handler)});
}

const CommandRegistry::Entry *CommandRegistry::find(const QStringList &words, int *wordsUsed) const
{
    if (words.size() >= 2) {
        const QString two = words.at(0) + QLatin1Char(' ') + words.at(1);
        for (const Entry &e : m_entries) {
            if (e.name == two) {
                *wordsUsed = 2;
                return &e;
            }
        }
    }
    if (!words.isEmpty()) {
        for (const Entry &e : m_entries) {
            if (e.name == words.at(0)) {
                *wordsUsed = 1;
                return &e;
            }
        }
    }
    return nullptr;
}

} // namespace tt
