#include "app/scanlistmodel.h"

#include "app/format.h"

namespace tt {

ScanListModel::ScanListModel(DbClient &db, QObject *parent)
    : PagedTableModel(
          db,
          [](DbSession &s, const ScanFilter &f, qint64 before, int limit) {
              return PagedQuery(s.store->statements()).scans(f, before, limit);
          },
          ColumnCount, parent)
{
}

QString ScanListModel::actionText(const QString &action)
{
    if (action == u"link")
        return tr("linked");
    if (action == u"select_parent")
        return tr("parent selected");
    if (action == u"bill_add")
        return tr("added to bill");
    if (action == u"undo")
        return tr("link undone");
    if (action == u"move")
        return tr("moved");
    return action;
}

QVariant ScanListModel::cell(const ScanListRow &r, int column, int role) const
{
    if (role == CodeRole)
        return r.scan.code;
    if (role != Qt::DisplayRole)
        return {};
    switch (Column(column)) {
    case Time:
        return formatTime(r.scan.at);
    case User:
        return r.scan.user;
    case Station:
        return r.scan.station;
    case Action:
        return actionText(r.scan.action);
    case Code:
        return r.scan.code;
    case Parent:
        return r.scan.parent;
    case Bill:
        return r.scan.bill;
    case ColumnCount:
        break;
    }
    return {};
}

QString ScanListModel::header(int column) const
{
    switch (Column(column)) {
    case Time:
        return tr("Time");
    case User:
        return tr("User");
    case Station:
        return tr("Station");
    case Action:
        return tr("Action");
    case Code:
        return tr("Code");
    case Parent:
        return tr("Parent");
    case Bill:
        return tr("Bill");
    case ColumnCount:
        break;
    }
    return {};
}

} // namespace tt
