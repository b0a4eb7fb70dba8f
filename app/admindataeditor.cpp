#include "app/admindataeditor.h"

#include "app/arealistmodel.h"
#include "app/bagtypelistmodel.h"
#include "app/dbclient.h"
#include "app/feedbacktext.h"
#include "app/stationlistmodel.h"
#include "database/centraladmin.h"
#include "database/repositories.h"

#include <QCheckBox>
#include <QComboBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QInputDialog>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QTableView>
#include <QVBoxLayout>

namespace tt {

namespace {

QTableView *makeTable(QAbstractItemModel *model, QWidget *parent)
{
    auto *view = new QTableView(parent);
    view->setModel(model);
    view->setSelectionBehavior(QAbstractItemView::SelectRows);
    view->setSelectionMode(QAbstractItemView::SingleSelection);
    view->verticalHeader()->hide();
    view->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    view->horizontalHeader()->setStretchLastSection(true);
    view->setAlternatingRowColors(true);
    return view;
}

QSpinBox *gramsBox(QWidget *parent)
{
    auto *box = new QSpinBox(parent);
    box->setRange(0, 10'000'000);
    box->setSingleStep(100);
    box->setSuffix(QObject::tr(" g"));
    return box;
}

struct AdminData
{
    QList<BagType> types;
    QList<AreaRow> areas;
    QList<StationRow> stations;
};

Result<AdminData> adminData(const Result<QList<BagType>> &types,
                            const Result<QList<AreaRow>> &areas,
                            const Result<QList<StationRow>> &stations)
{
    if (!types || !areas || !stations)
        return std::unexpected(!types ? types.error() : !areas ? areas.error() : stations.error());
    return AdminData{*types, *areas, *stations};
}

// The central database's lists (another station's changes included).
Result<AdminData> centralAdminData(PgStore &central)
{
    central.forgetBagTypes();
    const auto types = central.bagTypes();
    if (!types)
        return std::unexpected(types.error());
    CentralAdmin admin(central);
    return adminData(types->types(), admin.areas(), admin.stations());
}

} // namespace

AdminDataEditor::AdminDataEditor(DbClient &db, const Actor &actor, QWidget *tabParent)
    : QObject(tabParent)
    , m_db(db)
    , m_actor(actor)
    , m_types(new BagTypeListModel(this))
    , m_areas(new AreaListModel(this))
    , m_stations(new StationListModel(this))
{
    m_bagTypesTab = makeBagTypesTab(tabParent);
    m_areasTab = makeAreasTab(tabParent);
    m_stationsTab = makeStationsTab(tabParent);
    reload();
}

QString AdminDataEditor::messageText() const
{
    return m_messages.isEmpty() ? QString() : m_messages.first()->text();
}

QWidget *AdminDataEditor::makeBagTypesTab(QWidget *parent)
{
    auto *w = new QWidget(parent);
    m_typeView = makeTable(m_types, w);
    m_typeName = new QLineEdit(w);
    m_typeRole = new QComboBox(w);
    m_typeRole->addItem(tr("parent"), QStringLiteral("parent"));
    m_typeRole->addItem(tr("child"), QStringLiteral("child"));
    m_typePattern = new QLineEdit(w);
    m_typePattern->setPlaceholderText(tr("regular expression, e.g. ^JB\\d{4}$"));
    m_typeCapacity = new QSpinBox(w);
    m_typeCapacity->setRange(0, 10000);
    m_typeNominal = gramsBox(w);
    m_typeExpected = gramsBox(w);
    m_typeActive = new QCheckBox(tr("Active (new codes of this pattern are this type)"), w);
    m_typeActive->setChecked(true);
    auto *form = new QFormLayout;
    form->addRow(tr("Name"), m_typeName);
    form->addRow(tr("Role"), m_typeRole);
    form->addRow(tr("Code pattern"), m_typePattern);
    form->addRow(tr("Capacity (parents)"), m_typeCapacity);
    form->addRow(tr("Nominal weight (children)"), m_typeNominal);
    form->addRow(tr("Expected weight (parents)"), m_typeExpected);
    form->addRow(QString(), m_typeActive);
    auto *add = new QPushButton(tr("Add as new type"), w);
    auto *save = new QPushButton(tr("Save changes"), w);
    auto *remove = new QPushButton(tr("Delete"), w);
    save->setObjectName(QStringLiteral("saveBagType"));
    auto *buttons = new QHBoxLayout;
    for (QPushButton *b : {add, save, remove})
        buttons->addWidget(b);
    buttons->addStretch(1);
    auto *formBox = new QWidget(w);
    formBox->setLayout(form);
    formBox->setMaximumWidth(640);
    auto *message = new QLabel(w);
    message->setWordWrap(true);
    m_messages.append(message);
    auto *l = new QVBoxLayout(w);
    l->addWidget(new QLabel(
        tr("A code belongs to the first active type whose pattern it matches, parent types "
           "first. Bags keep the capacity and weights their type had when they were made; "
           "a type that has bags is deactivated instead of deleted."),
        w));
    l->addWidget(m_typeView, 1);
    l->addWidget(formBox);
    l->addLayout(buttons);
    l->addWidget(message);
    connect(m_typeView->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            [this](const QModelIndex &current) { selectBagType(current.row()); });
    connect(add, &QPushButton::clicked, this, [this] {
        run(cmd::AddBagType{m_typeName->text(), m_typeRole->currentData().toString(),
                            m_typePattern->text(), m_typeCapacity->value(), m_typeNominal->value(),
                            m_typeExpected->value()});
    });
    connect(save, &QPushButton::clicked, this, &AdminDataEditor::saveBagTypeForm);
    connect(remove, &QPushButton::clicked, this, [this] {
        const QString name = selectedName(m_typeView, BagTypeListModel::Name);
        if (!name.isEmpty())
            run(cmd::DeleteBagType{name});
    });
    return w;
}

void AdminDataEditor::selectBagType(int row)
{
    const BagType *t = m_types->typeAt(row);
    if (!t)
        return;
    if (m_typeView->currentIndex().row() != row)
        m_typeView->setCurrentIndex(m_types->index(row, 0));
    m_typeName->setText(t->name);
    m_typeRole->setCurrentIndex(t->role == BagRole::Parent ? 0 : 1);
    m_typePattern->setText(t->pattern);
    m_typeCapacity->setValue(t->capacity);
    m_typeNominal->setValue(int(t->nominalWeightG));
    m_typeExpected->setValue(int(t->expectedWeightG));
    m_typeActive->setChecked(t->active);
}

void AdminDataEditor::setBagTypeForm(int capacity, qint64 expectedWeightG, bool active)
{
    m_typeCapacity->setValue(capacity);
    m_typeExpected->setValue(int(expectedWeightG));
    m_typeActive->setChecked(active);
}

void AdminDataEditor::saveBagTypeForm()
{
    const QString name = selectedName(m_typeView, BagTypeListModel::Name);
    if (name.isEmpty())
        return;
    const bool parent = m_typeRole->currentData().toString() == u"parent";
    run(cmd::SetBagType{name, m_typePattern->text(),
                        parent ? std::optional<qint64>(m_typeCapacity->value()) : std::nullopt,
                        m_typeNominal->value(), m_typeExpected->value(),
                        m_typeActive->isChecked()});
}

QWidget *AdminDataEditor::makeAreasTab(QWidget *parent)
{
    auto *w = new QWidget(parent);
    m_areaView = makeTable(m_areas, w);
    auto *add = new QPushButton(tr("New area…"), w);
    auto *rename = new QPushButton(tr("Rename…"), w);
    auto *toggle = new QPushButton(tr("Deactivate / activate"), w);
    auto *remove = new QPushButton(tr("Delete"), w);
    auto *buttons = new QHBoxLayout;
    for (QPushButton *b : {add, rename, toggle, remove})
        buttons->addWidget(b);
    buttons->addStretch(1);
    auto *message = new QLabel(w);
    message->setWordWrap(true);
    m_messages.append(message);
    auto *l = new QVBoxLayout(w);
    l->addWidget(new QLabel(
        tr("Dispatchers and stations belong to an area. An area with users or stations is "
           "deactivated instead of deleted; it then takes no new ones."),
        w));
    l->addWidget(m_areaView, 1);
    l->addLayout(buttons);
    l->addWidget(message);
    connect(add, &QPushButton::clicked, this, [this, w] {
        bool ok = false;
        const QString name = QInputDialog::getText(
            w, tr("New area"), tr("Name of the dispatch area"), QLineEdit::Normal, QString(), &ok);
        if (ok)
            run(cmd::AddArea{name});
    });
    connect(rename, &QPushButton::clicked, this, [this, w] {
        const QString name = selectedName(m_areaView, AreaListModel::Name);
        if (name.isEmpty())
            return;
        bool ok = false;
        const QString to = QInputDialog::getText(
            w, tr("Rename area"), tr("New name of %1").arg(name), QLineEdit::Normal, name, &ok);
        if (ok)
            run(cmd::SetArea{name, to, std::nullopt});
    });
    connect(toggle, &QPushButton::clicked, this, [this] {
        if (const AreaRow *a = m_areas->areaAt(m_areaView->currentIndex().row()))
            run(cmd::SetArea{a->name, std::nullopt, !a->active});
    });
    connect(remove, &QPushButton::clicked, this, [this] {
        const QString name = selectedName(m_areaView, AreaListModel::Name);
        if (!name.isEmpty())
            run(cmd::DeleteArea{name});
    });
    return w;
}

QWidget *AdminDataEditor::makeStationsTab(QWidget *parent)
{
    auto *w = new QWidget(parent);
    m_stationView = makeTable(m_stations, w);
    m_stationArea = new QComboBox(w);
    auto *add = new QPushButton(tr("Register station…"), w);
    auto *move = new QPushButton(tr("Move to area"), w);
    auto *toggle = new QPushButton(tr("Deactivate / activate"), w);
    auto *buttons = new QHBoxLayout;
    buttons->addWidget(new QLabel(tr("Area"), w));
    buttons->addWidget(m_stationArea);
    for (QPushButton *b : {add, move, toggle})
        buttons->addWidget(b);
    buttons->addStretch(1);
    auto *message = new QLabel(w);
    message->setWordWrap(true);
    m_messages.append(message);
    auto *l = new QVBoxLayout(w);
    l->addWidget(m_stationView, 1);
    l->addLayout(buttons);
    l->addWidget(message);
    connect(add, &QPushButton::clicked, this, [this, w] {
        bool ok = false;
        const QString id =
            QInputDialog::getText(w, tr("Register station"), tr("Station id (as in --station)"),
                                  QLineEdit::Normal, QString(), &ok);
        if (ok)
            run(cmd::AddStation{id, m_stationArea->currentText()});
    });
    connect(move, &QPushButton::clicked, this, [this] {
        const QString id = selectedName(m_stationView, StationListModel::Station);
        if (!id.isEmpty())
            run(cmd::SetStation{id, m_stationArea->currentText(), std::nullopt});
    });
    connect(toggle, &QPushButton::clicked, this, [this] {
        if (const StationRow *s = m_stations->stationAt(m_stationView->currentIndex().row()))
            run(cmd::SetStation{s->id, std::nullopt, !s->active});
    });
    return w;
}

QString AdminDataEditor::selectedName(QTableView *view, int column) const
{
    const QModelIndex current = view->currentIndex();
    if (!current.isValid()) {
        for (QLabel *m : m_messages)
            m->setText(tr("Choose a row in the list first."));
        return {};
    }
    return current.siblingAtColumn(column).data().toString();
}

void AdminDataEditor::reload()
{
    const bool central = m_db.isCentral();
    m_db.call(
        central ? DbClient::Lane::Command : DbClient::Lane::Query, this,
        [central](DbSession &s) -> Result<AdminData> {
            if (central)
                return s.onCentral(centralAdminData);
            AdminRepository &admin = s.store->repositories().admin;
            return adminData(admin.bagTypes(), admin.areas(), admin.stations());
        },
        [this](Result<AdminData> r) {
            if (!r) {
                for (QLabel *m : m_messages)
                    m->setText(localizedMessage(r.error().message));
                return;
            }
            const int typeRow = m_typeView->currentIndex().row();
            m_types->setTypes(r->types);
            if (typeRow >= 0)
                selectBagType(typeRow);
            m_areas->setAreas(r->areas);
            m_stations->setStations(r->stations);
            const QString area = m_stationArea->currentText();
            m_stationArea->clear();
            for (const AreaRow &a : std::as_const(r->areas)) {
                if (a.active)
                    m_stationArea->addItem(a.name);
            }
            m_stationArea->setCurrentText(area);
        });
}

void AdminDataEditor::run(CommandBody body)
{
    m_db.call(
        DbClient::Lane::Command, this,
        [actor = m_actor, central = m_db.isCentral(), body = std::move(body)](DbSession &s) {
            const Command command = makeCommand(actor, s.stationId, s.store->clock(), body);
            if (!central)
                return s.commands->execute(command);
            // Never queued: decided by the central database while it answers, else refused.
            const auto o = s.onCentral(
                [&](PgStore &) -> Result<Outcome> { return s.commands->execute(command); });
            return o ? *o : Outcome::rejected(o.error());
        },
        [this](Outcome o) {
            show(o);
            reload();
            Q_EMIT answered(o);
        });
}

void AdminDataEditor::show(const Outcome &o)
{
    for (QLabel *m : m_messages) {
        m->setStyleSheet(o.ok() ? QStringLiteral("color: #1b7f3b;")
                                : QStringLiteral("color: #b00020;"));
        m->setText(localizedMessage(o.message));
    }
}

} // namespace tt
