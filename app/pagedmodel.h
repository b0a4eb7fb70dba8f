#pragma once

#include <QAbstractTableModel>

#include <functional>

#include "app/dbclient.h"
#include "core/error.h"
#include "database/pagedquery.h"

namespace tt {

// The paging protocol shared by the browse models: rows arrive in pages from the query lane when
// a view asks (canFetchMore/fetchMore), never by SQL in the GUI thread. Signals in the GUI thread.
class PagedModelBase : public QAbstractTableModel
{
    Q_OBJECT

public:
    using QAbstractTableModel::QAbstractTableModel;

    // Drops the rows and loads the first page again with the current filter.
    virtual void reload() = 0;
    bool isLoading() const { return m_loading; }
    QString lastError() const { return m_error; }
    // Reloads on DbClient::changed() while at most one page is loaded (a user deep in a long list
    // keeps the position). Default on.
    void setFollowChanges(bool follow) { m_follow = follow; }

Q_SIGNALS:
    void loadingChanged(bool loading);
    void pageLoaded(int rows);
    void failed(const QString &message);

protected:
    void setLoading(bool loading)
    {
        if (m_loading == loading)
            return;
        m_loading = loading;
        Q_EMIT loadingChanged(loading);
    }

    bool m_loading = false;
    bool m_follow = true;
    QString m_error;
};

// A table over plain rows fetched by Fetch(session, filter, before, limit) → Result<Page<Row>>;
// Row has a unique `id` (the paging key). Subclasses declare the columns and implement cell() and header().
template<typename Row, typename Filter>
class PagedTableModel : public PagedModelBase
{
public:
    using Fetch = std::function<Result<Page<Row>>(DbSession &, const Filter &, qint64, int)>;

    PagedTableModel(DbClient &db, Fetch fetch, int columns, QObject *parent = nullptr)
        : PagedModelBase(parent)
        , m_db(db)
        , m_fetch(std::move(fetch))
        , m_columns(columns)
    {
        QObject::connect(&db, &DbClient::changed, this, [this] {
            if (m_follow && m_rows.size() <= m_pageSize && !m_loading)
                refreshInPlace();
        });
    }

    void setFilter(const Filter &filter)
    {
        m_filter = filter;
        reload();
    }
    const Filter &filter() const { return m_filter; }
    void setPageSize(int rows) { m_pageSize = rows; }

    void reload() override
    {
        beginResetModel();
        QList<Row> old = std::exchange(m_rows, QList<Row>());
        m_next = 0;
        m_atEnd = false;
        ++m_generation;
        setLoading(false);
        endResetModel();
        // Freeing 100 000 rows of strings takes tens of milliseconds: let the query lane do it.
        if (old.size() > 2000)
            m_db.call(
                DbClient::Lane::Query, this,
                [old = std::move(old)](DbSession &) mutable {
                    old = QList<Row>();
                    return true;
                },
                [](bool) {});
        fetchMore(QModelIndex());
    }

    const Row *rowAt(int row) const { return row >= 0 && row < m_rows.size() ? &m_rows[row] : nullptr; }
    const QList<Row> &rows() const { return m_rows; }

    int rowCount(const QModelIndex &parent = {}) const override { return parent.isValid() ? 0 : int(m_rows.size()); }
    int columnCount(const QModelIndex &parent = {}) const override { return parent.isValid() ? 0 : m_columns; }

    QVariant data(const QModelIndex &index, int role) const override
    {
        if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
            return {};
        return cell(m_rows[index.row()], index.column(), role);
    }

    QVariant headerData(int section, Qt::Orientation orientation, int role) const override
    {
        if (orientation != Qt::Horizontal || role != Qt::DisplayRole || section < 0 || section >= m_columns)
            return {};
        return header(section);
    }

    bool canFetchMore(const QModelIndex &parent) const override
    {
        return !parent.isValid() && !m_atEnd && !m_loading;
    }

    void fetchMore(const QModelIndex &parent) override
    {
        if (!canFetchMore(parent))
            return;
        setLoading(true);
        const quint64 generation = m_generation;
        m_db.call(
            DbClient::Lane::Query, this,
            [fetch = m_fetch, filter = m_filter, before = m_next, limit = m_pageSize](DbSession &s) {
                return fetch(s, filter, before, limit);
            },
            [this, generation](Result<Page<Row>> page) {
                if (generation != m_generation)
                    return;
                setLoading(false);
                if (!page) {
                    m_atEnd = true;
                    m_error = page.error().message;
                    Q_EMIT failed(m_error);
                    return;
                }
                m_error.clear();
                m_atEnd = page->atEnd;
                if (!page->rows.isEmpty()) {
                    m_next = page->nextKey;
                    beginInsertRows(QModelIndex(), int(m_rows.size()), int(m_rows.size() + page->rows.size() - 1));
                    m_rows.append(std::move(page->rows));
                    endInsertRows();
                }
                Q_EMIT pageLoaded(int(m_rows.size()));
            });
    }

protected:
    virtual QVariant cell(const Row &row, int column, int role) const = 0;
    virtual QString header(int column) const = 0;

private:
    // The first page again, applied as inserts above, removals/inserts below and changes in place,
    // so views keep their selection and scroll position.
    void refreshInPlace()
    {
        setLoading(true);
        const quint64 generation = ++m_generation;
        m_db.call(
            DbClient::Lane::Query, this,
            [fetch = m_fetch, filter = m_filter, limit = m_pageSize](DbSession &s) { return fetch(s, filter, 0, limit); },
            [this, generation](Result<Page<Row>> page) {
                if (generation != m_generation)
                    return;
                setLoading(false);
                if (!page)
                    return;
                QList<Row> fresh = std::move(page->rows);
                // Newest first: rows committed since the last load appear above the old first row.
                qsizetype above = 0;
                if (!m_rows.isEmpty()) {
                    while (above < fresh.size() && fresh[above].id != m_rows.first().id)
                        ++above;
                    if (above == fresh.size())
                        above = 0; // the old first row is gone: no prefix, everything changes below
                }
                if (above > 0) {
                    beginInsertRows(QModelIndex(), 0, int(above - 1));
                    m_rows = fresh.mid(0, above) + m_rows;
                    endInsertRows();
                }
                if (m_rows.size() > fresh.size()) {
                    beginRemoveRows(QModelIndex(), int(fresh.size()), int(m_rows.size() - 1));
                    m_rows.resize(fresh.size());
                    endRemoveRows();
                } else if (m_rows.size() < fresh.size()) {
                    beginInsertRows(QModelIndex(), int(m_rows.size()), int(fresh.size() - 1));
                    m_rows.append(fresh.mid(m_rows.size()));
                    endInsertRows();
                }
                m_rows = std::move(fresh);
                if (!m_rows.isEmpty())
                    Q_EMIT dataChanged(index(0, 0), index(int(m_rows.size() - 1), m_columns - 1));
                m_atEnd = page->atEnd;
                if (!m_rows.isEmpty())
                    m_next = page->nextKey;
                Q_EMIT pageLoaded(int(m_rows.size()));
            });
    }

    DbClient &m_db;
    Fetch m_fetch;
    int m_columns;
    Filter m_filter;
    QList<Row> m_rows;
    qint64 m_next = 0;
    bool m_atEnd = false;
    quint64 m_generation = 0;
    int m_pageSize = 200;
};

} // namespace tt
