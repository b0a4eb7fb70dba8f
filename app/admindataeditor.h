#pragma once

#include "core/command.h"
#include "core/outcome.h"

#include <QObject>

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QSpinBox;
class QTableView;
class QWidget;

namespace tt {

class AreaListModel;
class BagTypeListModel;
class DbClient;
class StationListModel;

// The admin screen's bag types, areas and stations tabs (BRIEF §3.5). Every change is a store
// command on the command lane, so the store checks the permission, validates and audits it;
// the answer appears in the message label. The three tab widgets are owned by tabParent.
// Central mode: the lists are read from the central database on the command lane and changes
// are decided there, never queued; while it is unreachable they say so and nothing changes.
class AdminDataEditor : public QObject
{
    Q_OBJECT

public:
    AdminDataEditor(DbClient &db, const Actor &actor, QWidget *tabParent);

    QWidget *bagTypesTab() const { return m_bagTypesTab; }
    QWidget *areasTab() const { return m_areasTab; }
    QWidget *stationsTab() const { return m_stationsTab; }
    BagTypeListModel *bagTypeModel() const { return m_types; }
    AreaListModel *areaModel() const { return m_areas; }
    StationListModel *stationModel() const { return m_stations; }
    QString messageText() const;

    void reload();
    // Runs one admin command; the outcome's message is shown and the lists are read again.
    void run(CommandBody body);
    // Fills the bag type form from a row and saves the form as the selected type (tests and
    // screenshots drive the form through these, as a user does).
    void selectBagType(int row);
    void setBagTypeForm(int capacity, qint64 expectedWeightG, bool active);
    void saveBagTypeForm();

Q_SIGNALS:
    // A command was answered (after the lists were asked to reload).
    void answered(const Outcome &outcome);

private:
    QWidget *makeBagTypesTab(QWidget *parent);
    QWidget *makeAreasTab(QWidget *parent);
    QWidget *makeStationsTab(QWidget *parent);
    void show(const Outcome &outcome);
    QString selectedName(QTableView *view, int column) const;

    DbClient &m_db;
    Actor m_actor;
    BagTypeListModel *m_types;
    AreaListModel *m_areas;
    StationListModel *m_stations;
    QList<QLabel *> m_messages; // one per tab, all showing the last answer
    QWidget *m_bagTypesTab = nullptr;
    QWidget *m_areasTab = nullptr;
    QWidget *m_stationsTab = nullptr;
    QTableView *m_typeView = nullptr;
    QTableView *m_areaView = nullptr;
    QTableView *m_stationView = nullptr;
    QLineEdit *m_typeName = nullptr;
    QComboBox *m_typeRole = nullptr;
    QLineEdit *m_typePattern = nullptr;
    QSpinBox *m_typeCapacity = nullptr;
    QSpinBox *m_typeNominal = nullptr;
    QSpinBox *m_typeExpected = nullptr;
    QCheckBox *m_typeActive = nullptr;
    QComboBox *m_stationArea = nullptr;
};

} // namespace tt
