#include "app/auditlistmodel.h"

#include <QJsonDocument>

#include "app/format.h"

namespace tt {

namespace {

QString compact(const QJsonObject &o)
{
    return o.isEmpty() ? QStringLiteral("–") : QString::fromUtf8(QJsonDocument(o).toJson(QJsonDocument::Compact));
}

} // namespace

AuditListModel::AuditListModel(DbClient &db, QObject *parent)
    : PagedTableModel(
          db,
          [](DbSession &s, const AuditFilter &f, qint64 before, int limit) {
              return PagedQuery(s.store->statements()).audit(f, before, limit);
          },
          ColumnCount, parent)
{
}

QVariant AuditListModel::cell(const AuditListRow &r, int column, int role) const
{
    if (role != Qt::DisplayRole && role != Qt::ToolTipRole)
        return {};
    const AuditRecord &a = r.record;
    switch (Column(column)) {
    case Time:
        return formatTime(a.at);
    case Actor:
        return a.actor;
    case Station:
        return a.station;
    case Action:
        return a.action;
    case Entity:
        return a.entity;
    case EntityId:
        return a.entityId;
    case Change:
        if (a.before.isEmpty() && a.after.isEmpty())
            return QString();
        return QString(compact(a.before) + QStringLiteral(" → ") + compact(a.after));
    case ColumnCount:
        break;
    }
    return {};
}

QString AuditListModel::header(int column) const
{
    switch (Column(column)) {
    case Time:
        return tr("Time (local)");
    case Actor:
        return tr("Actor");
    case Station:
        return tr("Station");
    case Action:
        return tr("Action");
    case Entity:
        return tr("Entity");
    case EntityId:
        return tr("Id");
    case Change:
        return tr("Before → after");
    case ColumnCount:
        break;
    }
    return {};
}

} // namespace tt
