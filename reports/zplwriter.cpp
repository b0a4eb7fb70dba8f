#include "reports/zplwriter.h"

#include "reports/barcode.h"

namespace tt {

namespace {

// ^FH_ field data: printable ASCII except the ZPL control characters and our escape, else _XX.
QString fieldData(const QString &text)
{
    QString out;
    const QByteArray utf8 = text.toUtf8();
    for (const char c : utf8) {
        const auto u = static_cast<unsigned char>(c);
        if (u >= 0x20 && u < 0x7f && u != '^' && u != '~' && u != '_')
            out += QLatin1Char(char(u));
        else
            out += QStringLiteral("_%1").arg(u, 2, 16, QLatin1Char('0')).toUpper();
    }
    return out;
}

QString textField(int x, int y, int h, int w, const QString &text, bool bold = false)
{
    // ^A0 is the scalable font; width 0 keeps proportions. A bold look: slightly wider.
    return QStringLiteral("^FO%1,%2^A0N,%3,%4^FB%5,1,0,L,0^FH_^FD%6^FS\n")
        .arg(x).arg(y).arg(h).arg(bold ? h : 0).arg(w).arg(fieldData(text));
}

} // namespace

ZplWriter::ZplWriter(LabelFormat format, int dpi) : m_format(format), m_dpi(dpi) {}

Result<QString> ZplWriter::label(const Label &label) const
{
    const auto code = Barcode::encode(label.symbology, label.content);
    if (!code)
        return std::unexpected(code.error());
    const int w = dots(m_format.sizeMm.width());
    const int h = dots(m_format.sizeMm.height());
    const int m = dots(1.5);
    QString z;
    z += QStringLiteral("^XA\n^CI28\n^PW%1\n^LL%2\n^LH0,0\n").arg(w).arg(h);
    const int innerH = h - 2 * m;
    if (isLinear(label.symbology)) {
        const int titleH = innerH * 13 / 100;
        const int textH = innerH * 17 / 100;
        const int linesH = label.lines.isEmpty() ? 0 : innerH * 12 / 100;
        const int barH = innerH - titleH - textH - linesH;
        const int module = std::max(1, code->moduleSizeFor(w, 0));
        const int symbolW = code->width() * module;
        const int x = std::max(0, (w - symbolW) / 2);
        z += textField(m, m, titleH, w - 2 * m, label.title);
        const bool gs1 = label.symbology == Symbology::Gs1_128;
        // Mode A: the printer picks subsets; mode D: GS1-128, FNC1 and AI parentheses handled.
        z += QStringLiteral("^BY%1\n^FO%2,%3^BCN,%4,N,N,N,%5^FH_^FD%6^FS\n")
                 .arg(module).arg(x).arg(m + titleH).arg(barH).arg(gs1 ? QChar(u'D') : QChar(u'A'))
                 .arg(fieldData(label.content));
        z += textField(m, m + titleH + barH + 2, textH - 2, w - 2 * m, label.text(), true);
        if (linesH > 0)
            z += textField(m, h - m - linesH, linesH, w - 2 * m,
                           label.lines.join(QStringLiteral(" - ")));
    } else {
        const int side = h - m;
        const int module = std::max(1, code->moduleSizeFor(side, side));
        const int symbolSide = (code->width() + 2 * code->quietZone()) * module;
        const int sx = m / 2 + code->quietZone() * module;
        const int sy = (h - symbolSide) / 2 + code->quietZone() * module;
        if (label.symbology == Symbology::QrCode) {
            // ^BQ model 2, magnification = dots per module, error correction M, automatic input.
            z += QStringLiteral("^FO%1,%2^BQN,2,%3^FH_^FDMA,%4^FS\n")
                     .arg(sx).arg(sy).arg(module).arg(fieldData(label.content));
        } else if (label.symbology == Symbology::DataMatrix) {
            // ^BX: module height in dots, quality 200 (ECC 200).
            z += QStringLiteral("^FO%1,%2^BXN,%3,200^FH_^FD%4^FS\n")
                     .arg(sx).arg(sy).arg(module).arg(fieldData(label.content));
        } else {
            // GS1 DataMatrix: escape character '_' (parameter g), "_1" is FNC1. The content is
            // a checked GS1 element string of digits and AIs, so no ^FH escaping is needed.
            const QString data = QString(label.content).remove(QLatin1Char('(')).remove(QLatin1Char(')'));
            z += QStringLiteral("^FO%1,%2^BXN,%3,200,,,,_^FD_1%4^FS\n")
                     .arg(sx).arg(sy).arg(module).arg(data);
        }
        const int tx = m / 2 + symbolSide + m / 2;
        const int tw = w - tx - m;
        const int unit = innerH / 6;
        int y = m;
        z += textField(tx, y, unit * 8 / 10, tw, label.title);
        y += unit;
        z += textField(tx, y, unit * 13 / 10, tw, label.text(), true);
        y += unit * 18 / 10;
        for (const QString &line : label.lines) {
            if (y + unit > h - m)
                break;
            z += textField(tx, y, unit * 8 / 10, tw, line);
            y += unit;
        }
    }
    z += QStringLiteral("^PQ1\n^XZ\n");
    return z;
}

Result<QString> ZplWriter::labels(const QList<Label> &list) const
{
    QString out;
    for (const Label &l : list) {
        auto one = label(l);
        if (!one)
            return one;
        out += *one;
    }
    return out;
}

} // namespace tt
