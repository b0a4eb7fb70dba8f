#include "app/admindataeditor.h"
#include "app/adminpage.h"
#include "app/arealistmodel.h"
#include "app/bagtypelistmodel.h"
#include "app/centralform.h"
#include "app/databasedialog.h"
#include "app/dbclient.h"
#include "app/lockscreen.h"
#include "app/logindialog.h"
#include "app/mainwindow.h"
#include "app/stationlistmodel.h"
#include "app/totpdialog.h"
#include "appfixture.h"
#include "core/totp.h"
#include "core/weight.h"
#include "database/demodata.h"
#include "database/sqlitestore.h"

#include <QAbstractItemModelTester>
#include <QDialogButtonBox>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QSqlQuery>
#include <QTest>

using namespace tt;

namespace {

const Actor kAdmin{QStringLiteral("admin"), Role::Admin};

// The code an authenticator app with this key shows, plus steps.
QString codeFor(const QString &key, int stepOffset)
{
    return totp::code(*totp::fromBase32(key),
                      totp::stepAt(QDateTime::currentSecsSinceEpoch()) + stepOffset);
}

// Fills a login dialog (user, password, code in that order) and presses OK.
void submitLogin(LoginDialog &dialog, const QString &password, const QString &code)
{
    const auto fields = dialog.findChildren<QLineEdit *>();
    QCOMPARE(fields.size(), 3);
    fields.at(1)->setText(password);
    dialog.findChild<QLineEdit *>(QStringLiteral("loginCode"))->setText(code);
    dialog.findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok)->click();
}

bool showsText(const QWidget &w, const QString &text)
{
    for (const QLabel *l : w.findChildren<QLabel *>()) {
        if (l->text().contains(text))
            return true;
    }
    return false;
}

} // namespace

// The admin screen (BRIEF §3.5), offscreen: the TOTP second factor from enrolment to login and
// unlock, and the bag type, area and station tabs with their models.
class TestAdmin : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void totpEnrolmentLoginAndUnlock();
    void editBagTypeInTheAdminTab();
    void adminModels();
    void switchDatabaseInSettings();

private:
    test::DemoDatabase m_db;
};

void TestAdmin::totpEnrolmentLoginAndUnlock()
{
    MainWindow window(m_db.path(), kAdmin, QStringLiteral("test-station"));
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    // Start early in a 30-second step: the three codes below stay inside the ±1 window.
    const qint64 intoStep = QDateTime::currentSecsSinceEpoch() % totp::kStepSeconds;
    if (intoStep > totp::kStepSeconds - 6)
        QTest::qWait(int(totp::kStepSeconds - intoStep + 1) * 1000);

    TotpDialog dialog(window.db(), kAdmin, &window);
    QSignalSpy shown(&dialog, &TotpDialog::secretShown);
    dialog.show();
    QTRY_COMPARE(shown.count(), 1);
    const QString key = dialog.secretText();
    QCOMPARE(key.size(), 32 + 7); // eight groups of four
    dialog.confirm(QStringLiteral("000000") == codeFor(key, -1) ? QStringLiteral("111111")
                                                                : QStringLiteral("000000"));
    QTRY_VERIFY(dialog.messageText().contains(QStringLiteral("does not match")));
    QVERIFY(dialog.isVisible());
    dialog.confirm(codeFor(key, -1));
    QTRY_COMPARE(dialog.result(), int(QDialog::Accepted));

    // Login: the password alone asks for the code; password and code log in; the code once.
    SqliteStoreOptions options;
    options.connectionName = QStringLiteral("tst_admin_login");
    auto store = SqliteStore::open(m_db.path(), options);
    QVERIFY(store.has_value());
    {
        LoginDialog login(**store, QStringLiteral("test-station"), QStringLiteral("admin"));
        login.show();
        submitLogin(login, demoPassword(), QString());
        QVERIFY(login.isVisible());
        QVERIFY(showsText(login, QStringLiteral("one-time code from")));
        submitLogin(login, demoPassword(), codeFor(key, 0));
        QCOMPARE(login.result(), int(QDialog::Accepted));
        QCOMPARE(login.actor().user, QStringLiteral("admin"));
    }
    {
        LoginDialog again(**store, QStringLiteral("test-station"), QStringLiteral("admin"));
        again.show();
        submitLogin(again, demoPassword(), codeFor(key, 0));
        QVERIFY(again.isVisible()); // the same code a second time: refused like a wrong password
        QVERIFY(showsText(again, QStringLiteral("wrong password")));
    }

    // Unlock: an admin's lock screen has the code field; without the code it stays locked.
    window.lock(QStringLiteral("test"));
    LockScreen *lock = window.lockScreen();
    QVERIFY(lock->codeField()->isVisible());
    QTest::keyClicks(lock->passwordField(), demoPassword());
    QTest::keyClick(lock->passwordField(), Qt::Key_Return);
    QTRY_VERIFY(lock->messageText().contains(QStringLiteral("one-time code")));
    QVERIFY(window.isLocked());
    lock->codeField()->setText(codeFor(key, 1));
    QTest::keyClicks(lock->passwordField(), demoPassword());
    QTest::keyClick(lock->passwordField(), Qt::Key_Return);
    QTRY_VERIFY(!window.isLocked());

    // Another admin's view: the users list says so; turning it off is audited.
    AdminPage *admin = window.adminPage();
    QVERIFY(admin);
    admin->disableTotp(QStringLiteral("admin"));
    QTRY_VERIFY(admin->messageText().contains(QStringLiteral("password alone")));
    QSqlQuery q((*store)->database());
    QVERIFY(
        q.exec(QStringLiteral("SELECT count(*) FROM audit_log WHERE action IN ('user.totp_begin', "
                              "'user.totp_enable', 'user.totp_disable')")));
    QVERIFY(q.next());
    QCOMPARE(q.value(0).toInt(), 3);
    (*store).reset();
}

void TestAdmin::editBagTypeInTheAdminTab()
{
    MainWindow window(m_db.path(), kAdmin, QStringLiteral("test-station"));
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    AdminDataEditor *editor = window.adminPage()->dataEditor();
    QTRY_COMPARE(editor->bagTypeModel()->rowCount(), 3);
    QAbstractItemModelTester tester(editor->bagTypeModel(),
                                    QAbstractItemModelTester::FailureReportingMode::QtTest);
    QCOMPARE(editor->bagTypeModel()->typeAt(0)->name, QStringLiteral("SB"));
    QSignalSpy answered(editor, &AdminDataEditor::answered);

    // Refused: capacity 0. The message says why; the list is unchanged.
    editor->selectBagType(0);
    editor->setBagTypeForm(0, 30000, true);
    editor->saveBagTypeForm();
    QTRY_COMPARE(answered.count(), 1);
    QCOMPARE(answered.at(0).at(0).value<Outcome>().reason, Reason::InvalidCapacity);
    QVERIFY2(editor->messageText().contains(QStringLiteral("1–10 000")),
             qPrintable(editor->messageText()));
    QCOMPARE(editor->bagTypeModel()->typeAt(0)->capacity, 30);

    editor->selectBagType(0);
    editor->setBagTypeForm(40, 41000, true);
    editor->saveBagTypeForm();
    QTRY_COMPARE(answered.count(), 2);
    QVERIFY(answered.at(1).at(0).value<Outcome>().ok());
    QTRY_COMPARE(editor->bagTypeModel()->typeAt(0)->capacity, 40);
    QCOMPARE(editor->bagTypeModel()->index(0, BagTypeListModel::Capacity).data().toInt(), 40);

    // The store took it with an audit record, and new SB parents get the new capacity.
    window.submitScan(QStringLiteral("SB00077"));
    QTRY_VERIFY(window.db().waitIdle());
    SqliteStoreOptions options;
    options.connectionName = QStringLiteral("tst_admin_check");
    auto store = SqliteStore::open(m_db.path(), options);
    QVERIFY(store.has_value());
    QSqlQuery q((*store)->database());
    QVERIFY(q.exec(QStringLiteral(
        "SELECT json_extract(before, '$.capacity'), json_extract(after, '$.capacity'), actor "
        "FROM audit_log WHERE action = 'bag_type.update'")));
    QVERIFY(q.next());
    QCOMPARE(q.value(0).toInt(), 30);
    QCOMPARE(q.value(1).toInt(), 40);
    QCOMPARE(q.value(2).toString(), QStringLiteral("admin"));
    QTRY_COMPARE((*(*store)->bag(QStringLiteral("SB00077")))->capacity, 40);
    (*store).reset();

    // Areas and stations through the same editor.
    editor->run(cmd::AddStation{QStringLiteral("DOCK-7"), QStringLiteral("Indore")});
    QTRY_COMPARE(answered.count(), 3);
    QTRY_COMPARE(editor->stationModel()->rowCount(), 1);
    QCOMPARE(editor->stationModel()->index(0, StationListModel::Area).data().toString(),
             QStringLiteral("Indore"));
}

void TestAdmin::adminModels()
{
    BagTypeListModel types;
    QAbstractItemModelTester t1(&types, QAbstractItemModelTester::FailureReportingMode::QtTest);
    types.setTypes(BagTypeSet::defaults());
    QCOMPARE(types.rowCount(), 3);
    QCOMPARE(types.columnCount(), int(BagTypeListModel::ColumnCount));
    QCOMPARE(types.index(2, BagTypeListModel::NominalWeight).data().toString(), formatKg(1000));
    QVERIFY(!types.index(2, BagTypeListModel::Capacity).data().isValid()); // children have none
    types.setTypes({});
    QCOMPARE(types.rowCount(), 0);

    AreaListModel areas;
    QAbstractItemModelTester t2(&areas, QAbstractItemModelTester::FailureReportingMode::QtTest);
    areas.setAreas({AreaRow{1, QStringLiteral("Indore"), true, 3, 1},
                    AreaRow{2, QStringLiteral("Akola"), false, 0, 0}});
    QCOMPARE(areas.index(0, AreaListModel::Users).data().toInt(), 3);
    QCOMPARE(areas.index(1, AreaListModel::State).data().toString(), QStringLiteral("inactive"));
    QVERIFY(areas.index(1, AreaListModel::Name).data(Qt::ForegroundRole).isValid());

    StationListModel stations;
    QAbstractItemModelTester t3(&stations, QAbstractItemModelTester::FailureReportingMode::QtTest);
    stations.setStations({StationRow{QStringLiteral("DOCK-1"), QStringLiteral("Indore"), true,
                                     QDateTime::currentDateTimeUtc(), std::nullopt}});
    QCOMPARE(stations.index(0, StationListModel::LastSeen).data().toString(),
             QStringLiteral("never"));
    QCOMPARE(
        stations.headerData(StationListModel::Area, Qt::Horizontal, Qt::DisplayRole).toString(),
        QStringLiteral("Area"));
}

QTEST_MAIN(TestAdmin)
#include "tst_admin.moc"

// Settings → database: bad input is refused and changes nothing; a good choice is recorded in
// the audit log, then saved for the next start (the settings file private to its owner); the
// running database is untouched until the restart.
void TestAdmin::switchDatabaseInSettings()
{
    QSettings().clear();
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    MainWindow window(m_db.path(), kAdmin, QStringLiteral("test-station"));
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    AdminPage *page = window.adminPage();
    QVERIFY2(page->databaseText().startsWith(QStringLiteral("Embedded: ")),
             qPrintable(page->databaseText()));
    QVERIFY(page->databaseText().contains(m_db.path()));

    const auto openDialog = [page]() -> DatabaseDialog * {
        page->findChild<QPushButton *>(QStringLiteral("changeDatabase"))->click();
        const auto dialogs = page->findChildren<DatabaseDialog *>();
        for (DatabaseDialog *d : dialogs) {
            if (d->isVisible())
                return d;
        }
        return nullptr;
    };
    DatabaseDialog *dialog = openDialog();
    QVERIFY(dialog);
    dialog->setEmbeddedPath(dir.path());
    dialog->save();
    QVERIFY2(dialog->message().contains(QStringLiteral("is a folder")),
             qPrintable(dialog->message()));
    QVERIFY(dialog->isVisible());
    QVERIFY(!QSettings().contains(QStringLiteral("database/mode")));

    // A central choice without a station name is refused the same way.
    dialog->setCentral(true);
    dialog->centralForm()->setUrl(
        QStringLiteral("postgresql://tt_station:secret@db.example:5433/site"));
    for (QLineEdit *field : dialog->centralForm()->findChildren<QLineEdit *>()) {
        if (field->text() == QStringLiteral("test-station") ||
            field->text().startsWith(u"desktop@"))
            field->clear();
    }
    dialog->save();
    QVERIFY2(dialog->message().contains(QStringLiteral("Give this station a name")),
             qPrintable(dialog->message()));
    QVERIFY(!QSettings().contains(QStringLiteral("database/mode")));

    // Another embedded file: saved for the next start, recorded in the audit log first.
    dialog->setCentral(false);
    const QString next = dir.filePath(QStringLiteral("sub/next.db"));
    dialog->setEmbeddedPath(next);
    dialog->save();
    QVERIFY(!dialog->isVisible());
    QTRY_VERIFY2(page->messageText().startsWith(QStringLiteral("Saved: this station opens")),
                 qPrintable(page->messageText()));
    QCOMPARE(QSettings().value(QStringLiteral("database/mode")).toString(),
             QStringLiteral("embedded"));
    QCOMPARE(QSettings().value(QStringLiteral("database/path")).toString(), next);
    QVERIFY(page->databaseText().contains(QStringLiteral("At the next start: Embedded: ") + next));
    QVERIFY(!page->findChild<QPushButton *>(QStringLiteral("restartNow"))->isHidden());
    const QFile::Permissions perms = QFile::permissions(QSettings().fileName());
    QCOMPARE(perms & (QFile::ReadGroup | QFile::ReadOther | QFile::WriteGroup | QFile::WriteOther),
             QFile::Permissions());

    // Central: the form's fields, the role's password included, for the next start.
    dialog = openDialog();
    QVERIFY(dialog);
    dialog->setCentral(true);
    dialog->centralForm()->setUrl(
        QStringLiteral("postgresql://tt_station:secret@db.example:5433/site"));
    dialog->save();
    QTRY_VERIFY2(page->messageText().contains(
                     QStringLiteral("Central: postgresql://tt_station@db.example:5433/site")),
                 qPrintable(page->messageText()));
    const DatabaseChoice saved = DatabaseChoice::load(QSettings());
    QVERIFY(saved.central);
    QCOMPARE(saved.server.host, QStringLiteral("db.example"));
    QCOMPARE(saved.server.port, 5433);
    QCOMPARE(saved.server.password, QStringLiteral("secret"));

    // The running database did not change; it holds the two records of the switch.
    QVERIFY(window.db().waitIdle());
    QCOMPARE(window.db().path(), m_db.path());
    SqliteStoreOptions options;
    options.connectionName = QStringLiteral("tst_admin_database");
    auto store = SqliteStore::open(m_db.path(), options);
    QVERIFY(store.has_value());
    QSqlQuery q((*store)->database());
    QVERIFY(q.exec(QStringLiteral(
        "SELECT json_extract(after, '$.value'), actor FROM audit_log "
        "WHERE action = 'station_setting.update' AND entity_id LIKE '%/database' ORDER BY id")));
    QVERIFY(q.next());
    QCOMPARE(q.value(0).toString(), QStringLiteral("Embedded: ") + next);
    QCOMPARE(q.value(1).toString(), QStringLiteral("admin"));
    QVERIFY(q.next());
    QVERIFY(q.value(0).toString().startsWith(QStringLiteral("Central: ")));
    QVERIFY(!q.next());
    QSettings().clear();
}
