#include "reports/formulaguard.h"

namespace tt {

namespace {

bool isTrigger(QChar c)
{
    return c == u'=' || c == u'+' || c == u'-' || c == u'@' || c == u'\t' || c == u'\r';
}

// True when text without its leading apostrophes would be evaluated by a spreadsheet.
bool dangerousCore(QStringView text)
{
    qsizetype i = 0;
    while (i < text.size() && text.at(i) == u'\'')
        ++i;
    const QStringView core = text.sliced(i);
    return !core.isEmpty() && isTrigger(core.front()) && !isPlainNumber(core);
}

} // namespace

bool isPlainNumber(QStringView t)
{
    qsizetype i = 0;
    const qsizetype n = t.size();
    if (i < n && (t[i] == u'+' || t[i] == u'-'))
        ++i;
    qsizetype digits = 0;
    while (i < n && t[i].isDigit() && t[i].unicode() < 128) {
        ++i;
        ++digits;
    }
    if (i < n && t[i] == u'.') {
        ++i;
        while (i < n && t[i].isDigit() && t[i].unicode() < 128) {
            ++i;
            ++digits;
        }
    }
    if (digits == 0)
        return false;
    if (i < n && (t[i] == u'e' || t[i] == u'E')) {
        ++i;
        if (i < n && (t[i] == u'+' || t[i] == u'-'))
            ++i;
        qsizetype exp = 0;
        while (i < n && t[i].isDigit() && t[i].unicode() < 128) {
            ++i;
            ++exp;
        }
        if (exp == 0)
            return false;
    }
    return i == n;
}

QString neutralizeFormula(const QString &cell)
{
    return dangerousCore(cell) ? QLatin1Char('\'') + cell : cell;
}

QString restoreFormulaText(const QString &cell)
{
    return cell.startsWith(QLatin1Char('\'')) && dangerousCore(cell) ? cell.mid(1) : cell;
}

} // namespace tt
