#include "app/feedbacktext.h"

#include <QCoreApplication>
#include <QList>
#include <QRegularExpression>

#include <algorithm>
#include <array>
#include <optional>

namespace tt {

namespace {

constexpr const char *kContext = "tt::Feedback";

// Whole messages, as core/ and database/ write them (tests/app/tst_feedbacktext checks that
// every message template in those files is here).
constexpr std::array kMessages{
    // core/accountrules.cpp
    QT_TRANSLATE_NOOP("tt::Feedback", "The password needs at least 10 characters."),
    QT_TRANSLATE_NOOP("tt::Feedback", "The password is longer than 256 characters."),
    QT_TRANSLATE_NOOP(
        "tt::Feedback",
        "The password needs three of: lower-case letter, upper-case letter, digit, symbol."),
    QT_TRANSLATE_NOOP(
        "tt::Feedback",
        "A user name has 2–32 characters: a letter first, then letters, digits, '.', '_' or '-'."),
    QT_TRANSLATE_NOOP("tt::Feedback", "The account is locked after too many failed logins; try "
                                      "again in %1 minute(s) or ask an admin."),
    QT_TRANSLATE_NOOP("tt::Feedback", "Nobody can change their own role."),
    QT_TRANSLATE_NOOP("tt::Feedback",
                      "%1 is the last active admin and cannot be demoted or disabled."),
    // core/bagtype.cpp, core/billid.cpp
    QT_TRANSLATE_NOOP("tt::Feedback", "A bag type needs a name of 1–40 characters."),
    QT_TRANSLATE_NOOP("tt::Feedback",
                      "The code pattern of bag type %1 is not a valid regular expression: %2"),
    QT_TRANSLATE_NOOP("tt::Feedback", "A parent bag type holds 1–10 000 children, not %1."),
    QT_TRANSLATE_NOOP("tt::Feedback", "Weights must be 0–10 000 kg in grams."),
    QT_TRANSLATE_NOOP("tt::Feedback", "A bill holds 1–500 parent bags, not %1."),
    // core/bagtype.cpp (admin data)
    QT_TRANSLATE_NOOP("tt::Feedback", "There is a bag type %1 already."),
    QT_TRANSLATE_NOOP("tt::Feedback", "Bag type %1 has the same code pattern already."),
    QT_TRANSLATE_NOOP("tt::Feedback", "The code prefix %1 overlaps prefix %2 of bag type %3; "
                                      "choose a prefix that neither starts with the other."),
    // core/billrules.cpp
    QT_TRANSLATE_NOOP("tt::Feedback", "There is no such bill."),
    QT_TRANSLATE_NOOP("tt::Feedback",
                      "There is no parent bag %1; fill it at a dispatch station first."),
    QT_TRANSLATE_NOOP("tt::Feedback", "%1 is a child bag; only parent bags go on a bill."),
    QT_TRANSLATE_NOOP("tt::Feedback", "%1 is already on bill %2."),
    QT_TRANSLATE_NOOP("tt::Feedback", "Bill %1 is completed; reopen it to add bags."),
    QT_TRANSLATE_NOOP("tt::Feedback", "Bill %1 is full (%2/%3)."),
    QT_TRANSLATE_NOOP("tt::Feedback", "Bill %1 is already completed."),
    QT_TRANSLATE_NOOP("tt::Feedback",
                      "Bill %1 has %2 of %3 parent bags; it stays open until it is full."),
    QT_TRANSLATE_NOOP("tt::Feedback", "Bill %1 is already open."),
    QT_TRANSLATE_NOOP("tt::Feedback", "%1 is not on bill %2."),
    QT_TRANSLATE_NOOP("tt::Feedback",
                      "Bill %1 already has %2 parent bags; the capacity cannot be %3."),
    QT_TRANSLATE_NOOP("tt::Feedback", "Bill %1 is completed; reopen it to change its capacity."),
    // core/gs1/gs1parser.cpp
    QT_TRANSLATE_NOOP("tt::Feedback",
                      "The GS1 data is cut short in %1: %2 characters expected, %3 found."),
    QT_TRANSLATE_NOOP("tt::Feedback", "%1 needs at least %2 characters, it has %3."),
    QT_TRANSLATE_NOOP("tt::Feedback",
                      "%1 has %2 characters; at most %3 are allowed (is a GS separator missing?)."),
    QT_TRANSLATE_NOOP("tt::Feedback", "%1 has the character '%2', which it cannot contain."),
    QT_TRANSLATE_NOOP("tt::Feedback", "%1 %2 has a wrong check digit (it should end in %3)."),
    QT_TRANSLATE_NOOP("tt::Feedback", "%1 %2 has a wrong check digit."),
    QT_TRANSLATE_NOOP("tt::Feedback", "%1 %2 is not a date (YYMMDD)."),
    QT_TRANSLATE_NOOP("tt::Feedback", "%1 appears twice with different values."),
    QT_TRANSLATE_NOOP("tt::Feedback", "%1 has %2 decimals; a weight has at most 5."),
    QT_TRANSLATE_NOOP("tt::Feedback", "%1 is %2, less than one gram."),
    QT_TRANSLATE_NOOP("tt::Feedback", "%1 is not a GS1 weight with 0 to 5 decimals."),
    QT_TRANSLATE_NOOP(
        "tt::Feedback",
        "The GS1 data has \"%1\" where an application identifier (digits) was expected."),
    QT_TRANSLATE_NOOP("tt::Feedback",
                      "The GS1 data ends with an incomplete application identifier \"%1\"."),
    QT_TRANSLATE_NOOP("tt::Feedback",
                      "The GS1 data has an unknown application identifier at \"%1\"."),
    QT_TRANSLATE_NOOP("tt::Feedback", "The GS1 data is empty."),
    QT_TRANSLATE_NOOP("tt::Feedback", "The GS1 data has \"%1\" where \"(AI)\" was expected."),
    QT_TRANSLATE_NOOP("tt::Feedback", "The GS1 data has an unclosed \"(\" at \"%1\"."),
    // core/linkrules.cpp
    QT_TRANSLATE_NOOP("tt::Feedback",
                      "Scan a parent bag first, then its child bags (%1 was not linked)."),
    QT_TRANSLATE_NOOP("tt::Feedback", "%1 cannot be linked to itself."),
    QT_TRANSLATE_NOOP("tt::Feedback", "%1 is a parent bag and cannot be used as a child."),
    QT_TRANSLATE_NOOP("tt::Feedback", "%1 is already in %2 (linked by %3 at %4)."),
    QT_TRANSLATE_NOOP("tt::Feedback", "%1 is on completed bill %2; reopen the bill to change it."),
    QT_TRANSLATE_NOOP("tt::Feedback", "%1 is full (%2/%3); scan the next parent bag."),
    QT_TRANSLATE_NOOP("tt::Feedback", "There is no link of yours to undo."),
    QT_TRANSLATE_NOOP("tt::Feedback", "Your last link (%1 into %2 at %3) is older than %4 minutes "
                                      "and can no longer be undone; ask a biller to move the bag."),
    QT_TRANSLATE_NOOP("tt::Feedback", "%1 is on a completed bill; reopen the bill first."),
    QT_TRANSLATE_NOOP("tt::Feedback", "There is no bag %1."),
    QT_TRANSLATE_NOOP("tt::Feedback", "%1 is a parent bag; only child bags move."),
    QT_TRANSLATE_NOOP("tt::Feedback", "There is no parent bag to move into."),
    QT_TRANSLATE_NOOP("tt::Feedback", "The target is not a parent bag."),
    QT_TRANSLATE_NOOP("tt::Feedback",
                      "%1 is in %2, which is on a completed bill; reopen it first."),
    QT_TRANSLATE_NOOP("tt::Feedback", "%1 is on completed bill %2; reopen the bill first."),
    QT_TRANSLATE_NOOP("tt::Feedback", "%1 is full (%2/%3)."),
    QT_TRANSLATE_NOOP("tt::Feedback", "%1 is linked to a parent; move or undo the link first."),
    QT_TRANSLATE_NOOP("tt::Feedback", "%1 still holds %2 child bag(s)."),
    QT_TRANSLATE_NOOP("tt::Feedback", "%1 is on bill %2; remove it from the bill first."),
    // core/scaninterpreter.cpp
    QT_TRANSLATE_NOOP(
        "tt::Feedback",
        "The GS1 scan %1 has no SSCC and is too long (%2 characters) to be a bag code."),
    QT_TRANSLATE_NOOP("tt::Feedback", "The scan is %1 characters long; a code has at most %2."),
    QT_TRANSLATE_NOOP("tt::Feedback", "The scan was empty."),
    QT_TRANSLATE_NOOP("tt::Feedback", "%1 is not a TraceTrack command code."),
    QT_TRANSLATE_NOOP("tt::Feedback", "%1 contains characters no bag code has (look-alike letters "
                                      "or symbols); scan again or type it with a plain keyboard."),
    // core/station.cpp
    QT_TRANSLATE_NOOP("tt::Feedback", "%1 matches no bag type (for example SB12345, M444-12345 or "
                                      "a child code of 4–20 letters and digits)."),
    QT_TRANSLATE_NOOP(
        "tt::Feedback",
        "%1 is a child bag; scan parent bags onto bill %2 (TT:DONE leaves bill mode)."),
    QT_TRANSLATE_NOOP("tt::Feedback", "Left bill %1 (%2/%3 parent bags)."),
    QT_TRANSLATE_NOOP("tt::Feedback", "No parent bag is selected."),
    QT_TRANSLATE_NOOP("tt::Feedback", "%1 done with %2/%3 child bags; scan the next parent bag."),
    QT_TRANSLATE_NOOP("tt::Feedback", "No bill is selected; scan TT:BILL:<id> first."),
    QT_TRANSLATE_NOOP("tt::Feedback", "Unknown command."),
    QT_TRANSLATE_NOOP("tt::Feedback", "%1 (%2) may not work on bills."),
    QT_TRANSLATE_NOOP("tt::Feedback", "There is no bill %1."),
    QT_TRANSLATE_NOOP("tt::Feedback",
                      "Bill %1 selected (%2/%3 parent bags); scan parent bags onto it."),
    QT_TRANSLATE_NOOP("tt::Feedback", "Scan a parent bag or select a bill before weighing."),
    // database/accountservice.cpp
    QT_TRANSLATE_NOOP("tt::Feedback", "Unknown user or wrong password."),
    QT_TRANSLATE_NOOP("tt::Feedback", "%1 (%2) may not manage users."),
    QT_TRANSLATE_NOOP("tt::Feedback", "There is no dispatch area \"%1\"."),
    QT_TRANSLATE_NOOP("tt::Feedback",
                      "This database has users already; `init` only creates the first admin."),
    QT_TRANSLATE_NOOP("tt::Feedback", "A dispatcher belongs to a dispatch area; name one."),
    QT_TRANSLATE_NOOP("tt::Feedback", "User %1 exists already."),
    QT_TRANSLATE_NOOP("tt::Feedback", "There is no user %1."),
    QT_TRANSLATE_NOOP("tt::Feedback", "Only an admin sets another user's password."),
    // database/bagcommands.cpp, database/commandcontext.cpp, database/sqlitestore.cpp
    QT_TRANSLATE_NOOP("tt::Feedback", "A weight of %1 g is outside 0–10 000 kg."),
    QT_TRANSLATE_NOOP("tt::Feedback", "%1 is a child bag and cannot be used as a parent."),
    QT_TRANSLATE_NOOP(
        "tt::Feedback",
        "%1 selected (%2), but it is on completed bill %3: children cannot be added."),
    QT_TRANSLATE_NOOP("tt::Feedback", "%1 is already full (%2); scan the next parent bag."),
    QT_TRANSLATE_NOOP("tt::Feedback", "New parent %1 (%2); scan its child bags."),
    QT_TRANSLATE_NOOP("tt::Feedback", "Parent %1 selected (%2)."),
    QT_TRANSLATE_NOOP("tt::Feedback", "There is no parent bag %1."),
    QT_TRANSLATE_NOOP("tt::Feedback", "%1 is a child bag, not a parent."),
    QT_TRANSLATE_NOOP("tt::Feedback", "%1 is already in %2 (%3); nothing changed."),
    QT_TRANSLATE_NOOP("tt::Feedback",
                      "%1 added to %2; %2 is now full (%3/%4): scan the next parent bag."),
    QT_TRANSLATE_NOOP("tt::Feedback", "%1 added to %2 (%3/%4)."),
    QT_TRANSLATE_NOOP("tt::Feedback",
                      "Undone: %1 taken out of %2 (%3/%4). The bag and its history stay."),
    QT_TRANSLATE_NOOP("tt::Feedback", "%1 is already in %2; nothing changed."),
    QT_TRANSLATE_NOOP("tt::Feedback", "%1 put into %2 (%3/%4)."),
    QT_TRANSLATE_NOOP("tt::Feedback", "%1 moved from %2 to %3 (%4/%5)."),
    QT_TRANSLATE_NOOP("tt::Feedback",
                      "%1 has link or bill history, which is kept; it cannot be deleted."),
    QT_TRANSLATE_NOOP("tt::Feedback", "Bag %1 deleted."),
    QT_TRANSLATE_NOOP("tt::Feedback", "%1 exists already; nothing changed."),
    QT_TRANSLATE_NOOP("tt::Feedback", "%1 matches no bag type."),
    QT_TRANSLATE_NOOP("tt::Feedback", "%1 %2 registered (%3)."),
    QT_TRANSLATE_NOOP("tt::Feedback", "A weight belongs to one parent bag or one bill."),
    QT_TRANSLATE_NOOP("tt::Feedback", "Bill %1 weighed: %2 g."),
    QT_TRANSLATE_NOOP("tt::Feedback", "%1 is a child bag."),
    QT_TRANSLATE_NOOP("tt::Feedback", "%1 weighed: %2 g (contents computed: %3 g)."),
    QT_TRANSLATE_NOOP("tt::Feedback", "%1 is a %2 code and cannot be used as a %3."),
    QT_TRANSLATE_NOOP("tt::Feedback", "%1 (%2) may not %3."),
    // database/billcommands.cpp
    QT_TRANSLATE_NOOP("tt::Feedback", "Bill %1 exists already."),
    QT_TRANSLATE_NOOP("tt::Feedback", "Bill %1 created for %2 parent bags."),
    QT_TRANSLATE_NOOP("tt::Feedback", "%1 is already on bill %2 (%3/%4); nothing changed."),
    QT_TRANSLATE_NOOP(
        "tt::Feedback",
        "%1 added to bill %2; the bill is full (%3/%4): complete it (TT:COMPLETE). %5."),
    QT_TRANSLATE_NOOP("tt::Feedback", "%1 added to bill %2 (%3/%4); %5."),
    QT_TRANSLATE_NOOP("tt::Feedback", "%1 removed from bill %2 (%3/%4)%5."),
    QT_TRANSLATE_NOOP("tt::Feedback", "Bill %1 completed with %2 parent bags; %3."),
    QT_TRANSLATE_NOOP("tt::Feedback", "Bill %1 is open again."),
    QT_TRANSLATE_NOOP("tt::Feedback", "Bill %1 already holds %2 parent bags; nothing changed."),
    QT_TRANSLATE_NOOP("tt::Feedback", "Bill %1 now holds %2 parent bags (%3 on it)."),
    QT_TRANSLATE_NOOP("tt::Feedback", "Bill %1 deleted; its %2 parent bags are free."),
    // core/returnrules.cpp, database/returncommands.cpp, accountservice.cpp (one-time codes),
    // admincommands.cpp
    QT_TRANSLATE_NOOP("tt::Feedback",
                      "%1 already has %2 return tickets; no more can be opened that day."),
    QT_TRANSLATE_NOOP("tt::Feedback", "There is no such return ticket."),
    QT_TRANSLATE_NOOP("tt::Feedback", "Return ticket %1 is %2; it cannot change."),
    QT_TRANSLATE_NOOP("tt::Feedback", "%1 is a child bag; only parent bags are returned."),
    QT_TRANSLATE_NOOP("tt::Feedback", "%1 is already on return ticket %2."),
    QT_TRANSLATE_NOOP("tt::Feedback",
                      "%1 is not on any bill; only billed parent bags can be returned."),
    QT_TRANSLATE_NOOP("tt::Feedback",
                      "Return ticket %1 has no bags: scan at least one parent bag, or cancel it."),
    QT_TRANSLATE_NOOP("tt::Feedback",
                      "This account needs the one-time code from its authenticator app."),
    QT_TRANSLATE_NOOP("tt::Feedback", "Only admin accounts use a one-time code."),
    QT_TRANSLATE_NOOP("tt::Feedback",
                      "%1 has a one-time code already; disable it first to set up a new device."),
    QT_TRANSLATE_NOOP("tt::Feedback", "The one-time code of %1 is on already."),
    QT_TRANSLATE_NOOP("tt::Feedback",
                      "Set up the one-time code first (`user totp enable`), then confirm a code."),
    QT_TRANSLATE_NOOP("tt::Feedback", "That code does not match. Enter the 6-digit code the app "
                                      "shows now, and check that the device's clock is right."),
    QT_TRANSLATE_NOOP("tt::Feedback", "Only an admin turns off another user's one-time code."),
    QT_TRANSLATE_NOOP("tt::Feedback", "%1 has no one-time code."),
    QT_TRANSLATE_NOOP("tt::Feedback", "Area %1 is inactive; activate it first."),
    QT_TRANSLATE_NOOP("tt::Feedback", "There is no return ticket %1."),
    QT_TRANSLATE_NOOP("tt::Feedback", "Return ticket %1 opened; scan the parent bags coming back."),
    QT_TRANSLATE_NOOP("tt::Feedback", "%1 returned from bill %2 with %3 children (%4); the bill "
                                      "has %5/%6 parent bags%7. Ticket %8: %9 returned."),
    QT_TRANSLATE_NOOP("tt::Feedback", "Return ticket %1 finalised with %2 parent bags (%3)."),
    QT_TRANSLATE_NOOP(
        "tt::Feedback",
        "Return ticket %1 cancelled; the %2 parent bags already returned stay off their bills."),
    QT_TRANSLATE_NOOP("tt::Feedback", "There is no bag type \"%1\"."),
    QT_TRANSLATE_NOOP("tt::Feedback", "An area needs a name of 1–60 characters."),
    QT_TRANSLATE_NOOP("tt::Feedback", "There is no station \"%1\"."),
    QT_TRANSLATE_NOOP("tt::Feedback", "A bag type's role is parent or child, not \"%1\"."),
    QT_TRANSLATE_NOOP("tt::Feedback", "Bag type %1 (%2, %3) added."),
    QT_TRANSLATE_NOOP("tt::Feedback", "Child bag types have no capacity."),
    QT_TRANSLATE_NOOP("tt::Feedback", "Bag type %1 is unchanged."),
    QT_TRANSLATE_NOOP(
        "tt::Feedback",
        "Bag type %1 changed (%2); bags created before keep their capacity and weights."),
    QT_TRANSLATE_NOOP("tt::Feedback", "Bag type %1 has %2 bags; deactivate it instead."),
    QT_TRANSLATE_NOOP("tt::Feedback", "Bag type %1 deleted."),
    QT_TRANSLATE_NOOP("tt::Feedback", "There is an area %1 already."),
    QT_TRANSLATE_NOOP("tt::Feedback", "Area %1 added."),
    QT_TRANSLATE_NOOP("tt::Feedback", "Area %1 is unchanged."),
    QT_TRANSLATE_NOOP("tt::Feedback", "Area %1 is now %2."),
    QT_TRANSLATE_NOOP("tt::Feedback", "Area %1 renamed to %2."),
    QT_TRANSLATE_NOOP("tt::Feedback",
                      "Area %1 has %2 users and %3 stations; deactivate it instead."),
    QT_TRANSLATE_NOOP("tt::Feedback", "Area %1 deleted."),
    QT_TRANSLATE_NOOP("tt::Feedback", "A station id is 1–60 characters without spaces."),
    QT_TRANSLATE_NOOP("tt::Feedback", "Station %1 exists already."),
    QT_TRANSLATE_NOOP("tt::Feedback", "Station %1 added to area %2."),
    QT_TRANSLATE_NOOP("tt::Feedback", "Station %1 is unchanged."),
    QT_TRANSLATE_NOOP("tt::Feedback", "Station %1: area %2, %3."),
    // the GUI's own refusals on the database lanes
    QT_TRANSLATE_NOOP("tt::Feedback", "Not logged in."),
    QT_TRANSLATE_NOOP("tt::Feedback", "Only admins change settings."),
    QT_TRANSLATE_NOOP("tt::Feedback",
                      "The session is locked. Log in again to scan; nothing was recorded."),
};

// Phrases that appear as arguments of the messages above.
constexpr std::array kPhrases{
    QT_TRANSLATE_NOOP("tt::Feedback", "actual %1, expected %2, variance %3"),
    QT_TRANSLATE_NOOP("tt::Feedback", "; the bill is open again"),
    QT_TRANSLATE_NOOP("tt::Feedback", "dispatcher"),
    QT_TRANSLATE_NOOP("tt::Feedback", "biller"),
    QT_TRANSLATE_NOOP("tt::Feedback", "admin"),
    QT_TRANSLATE_NOOP("tt::Feedback", "parent"),
    QT_TRANSLATE_NOOP("tt::Feedback", "child"),
    QT_TRANSLATE_NOOP("tt::Feedback", "select parent"),
    QT_TRANSLATE_NOOP("tt::Feedback", "link child"),
    QT_TRANSLATE_NOOP("tt::Feedback", "undo"),
    QT_TRANSLATE_NOOP("tt::Feedback", "move child"),
    QT_TRANSLATE_NOOP("tt::Feedback", "delete bag"),
    QT_TRANSLATE_NOOP("tt::Feedback", "create bill"),
    QT_TRANSLATE_NOOP("tt::Feedback", "add parent to bill"),
    QT_TRANSLATE_NOOP("tt::Feedback", "remove parent from bill"),
    QT_TRANSLATE_NOOP("tt::Feedback", "complete bill"),
    QT_TRANSLATE_NOOP("tt::Feedback", "reopen bill"),
    QT_TRANSLATE_NOOP("tt::Feedback", "set bill capacity"),
    QT_TRANSLATE_NOOP("tt::Feedback", "delete bill"),
    QT_TRANSLATE_NOOP("tt::Feedback", "register bag"),
    QT_TRANSLATE_NOOP("tt::Feedback", "record weight"),
    QT_TRANSLATE_NOOP("tt::Feedback", " and is open again"),
    QT_TRANSLATE_NOOP("tt::Feedback", "active"),
    QT_TRANSLATE_NOOP("tt::Feedback", "inactive"),
    QT_TRANSLATE_NOOP("tt::Feedback", "open"),
    QT_TRANSLATE_NOOP("tt::Feedback", "finalised"),
    QT_TRANSLATE_NOOP("tt::Feedback", "cancelled"),
    QT_TRANSLATE_NOOP("tt::Feedback", "open return"),
    QT_TRANSLATE_NOOP("tt::Feedback", "return parent"),
    QT_TRANSLATE_NOOP("tt::Feedback", "finalise return"),
    QT_TRANSLATE_NOOP("tt::Feedback", "cancel return"),
};

struct Template
{
    const char *source;
    QRegularExpression pattern;
    QList<int> argOrder; // the argument number of each capture group
    qsizetype literalLength;
};

// "%1 added to %2; %2 is now full" -> ^(.*?) added to (.*?); \2 is now full$ with argOrder {1, 2}.
Template compile(const char *source)
{
    static const QRegularExpression placeholder(QStringLiteral("%(\\d)"));
    const QString text = QString::fromUtf8(source);
    QString re = QStringLiteral("^");
    QList<int> order;
    qsizetype at = 0;
    qsizetype literal = 0;
    for (auto it = placeholder.globalMatch(text); it.hasNext();) {
        const auto m = it.next();
        const QString before = text.mid(at, m.capturedStart() - at);
        re += QRegularExpression::escape(before);
        literal += before.size();
        const int n = m.captured(1).toInt();
        if (const qsizetype group = order.indexOf(n); group >= 0)
            re += QStringLiteral("\\%1").arg(group + 1);
        else {
            order.append(n);
            re += QStringLiteral("(.*?)");
        }
        at = m.capturedEnd();
    }
    re += QRegularExpression::escape(text.mid(at)) + QStringLiteral("$");
    literal += text.size() - at;
    return {source, QRegularExpression(re, QRegularExpression::DotMatchesEverythingOption), order,
            literal};
}

template<std::size_t N> QList<Template> compileAll(const std::array<const char *, N> &sources)
{
    QList<Template> out;
    for (const char *s : sources)
        out.append(compile(s));
    // Most specific first: "%1 is already in %2 (%3); nothing changed." before "%1 is already in
    // %2; …".
    std::stable_sort(out.begin(), out.end(), [](const Template &a, const Template &b) {
        return a.literalLength > b.literalLength;
    });
    return out;
}

const QList<Template> &messages()
{
    static const QList<Template> all = compileAll(kMessages);
    return all;
}

const QList<Template> &phrases()
{
    static const QList<Template> all = compileAll(kPhrases);
    return all;
}

std::optional<QString> translateWith(const QList<Template> &catalogue, const QString &english)
{
    for (const Template &t : catalogue) {
        const QRegularExpressionMatch m = t.pattern.match(english);
        if (!m.hasMatch())
            continue;
        QString out = QCoreApplication::translate(kContext, t.source);
        QList<QString> args(10);
        for (int group = 0; group < t.argOrder.size(); ++group)
            args[t.argOrder[group]] =
                translateWith(phrases(), m.captured(group + 1)).value_or(m.captured(group + 1));
        // One pass over the translation, so an argument that contains "%2" stays as it is.
        QString filled;
        filled.reserve(out.size() + english.size());
        for (qsizetype i = 0; i < out.size(); ++i) {
            if (out[i] == u'%' && i + 1 < out.size() && out[i + 1].isDigit() &&
                t.argOrder.contains(out[i + 1].digitValue())) {
                filled += args[out[i + 1].digitValue()];
                ++i;
            } else {
                filled += out[i];
            }
        }
        return filled;
    }
    return std::nullopt;
}

} // namespace

QString localizedMessage(const QString &english)
{
    if (auto out = translateWith(messages(), english))
        return *out;
    return translateWith(phrases(), english).value_or(english);
}

QStringList messageTemplates()
{
    QStringList out;
    for (const char *s : kMessages)
        out.append(QString::fromUtf8(s));
    return out;
}

} // namespace tt
