#include "database/sqlscript.h"

#include <QRegularExpression>

namespace tt {

namespace {

bool isTriggerStart(const QString &statement)
{
    static const QRegularExpression re(QStringLiteral("^\\s*CREATE\\s+(TEMP\\s+|TEMPORARY\\s+)?TRIGGER\\b"),
                                       QRegularExpression::CaseInsensitiveOption);
    return re.match(statement).hasMatch();
}

bool isWordChar(QChar c)
{
    return c.isLetterOrNumber() || c == QLatin1Char('_');
}

} // namespace

QStringList splitSqlScript(const QString &script)
{
    QStringList out;
    QString current;
    const qsizetype n = script.size();
    qsizetype i = 0;
    int blockDepth = 0; // open BEGIN and CASE blocks of a CREATE TRIGGER statement
    const auto flush = [&] {
        const QString s = current.trimmed();
        if (!s.isEmpty())
            out.append(s);
        current.clear();
        blockDepth = 0;
    };
    while (i < n) {
        const QChar c = script.at(i);
        const QChar next = i + 1 < n ? script.at(i + 1) : QChar();
        if (c == QLatin1Char('-') && next == QLatin1Char('-')) {
            while (i < n && script.at(i) != QLatin1Char('\n'))
                ++i;
            current.append(QLatin1Char(' '));
            continue;
        }
        if (c == QLatin1Char('/') && next == QLatin1Char('*')) {
            const qsizetype end = script.indexOf(QLatin1String("*/"), i + 2);
            i = end < 0 ? n : end + 2;
            current.append(QLatin1Char(' '));
            continue;
        }
        if (c == QLatin1Char('\'') || c == QLatin1Char('"')) {
            qsizetype j = i + 1;
            while (j < n) {
                if (script.at(j) == c) {
                    if (j + 1 < n && script.at(j + 1) == c) {
                        j += 2;
                        continue;
                    }
                    break;
                }
                ++j;
            }
            current.append(script.mid(i, j - i + 1));
            i = j + 1;
            continue;
        }
        if (c == QLatin1Char('$')) {
            static const QRegularExpression tag(QStringLiteral("\\G\\$[A-Za-z_]*\\$"));
            const auto m = tag.match(script, i);
            if (m.hasMatch()) {
                const QString t = m.captured();
                const qsizetype end = script.indexOf(t, i + t.size());
                const qsizetype stop = end < 0 ? n : end + t.size();
                current.append(script.mid(i, stop - i));
                i = stop;
                continue;
            }
        }
        if (c.isLetter() || c == QLatin1Char('_')) {
            qsizetype j = i + 1;
            while (j < n && isWordChar(script.at(j)))
                ++j;
            const QStringView word = QStringView(script).mid(i, j - i);
            current.append(word);
            i = j;
            if (word.compare(u"BEGIN", Qt::CaseInsensitive) == 0 || word.compare(u"CASE", Qt::CaseInsensitive) == 0) {
                if (isTriggerStart(current))
                    ++blockDepth;
            } else if (word.compare(u"END", Qt::CaseInsensitive) == 0 && blockDepth > 0) {
                --blockDepth;
            }
            continue;
        }
        if (c == QLatin1Char(';')) {
            if (blockDepth > 0) {
                current.append(c);
                ++i;
                continue;
            }
            flush();
            ++i;
            continue;
        }
        current.append(c);
        ++i;
    }
    flush();
    return out;
}

} // namespace tt
