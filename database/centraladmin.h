#pragma once

#include "core/error.h"
#include "database/accountservice.h"
#include "database/adminrepository.h"

#include <QList>
#include <QMap>
#include <QString>

namespace tt {

class PgStore;

// The admin data of the central database as the CLI and the admin tabs list it (migration
// 007: tt_area_list, tt_station_list), a user's dispatch area (tt_set_user_area) and the
// one-time code (migration 008). Changes to bag types, areas and stations are commands
// (PgStore::execute).
class CentralAdmin
{
public:
    explicit CentralAdmin(PgStore &central)
        : m_central(central)
    {}

    Result<QList<AreaRow>> areas();
    Result<QList<StationRow>> stations();
    // An empty area clears it. Returns the server's message.
    Result<QString> setUserArea(const QString &user, const QString &area);

    // The session user's one-time code (admins; migration 008), as AccountService does it in
    // embedded mode: a new secret (shown once), confirmed by a code from the app; off for oneself
    // or, by an admin, for anyone. The two last return the server's message.
    Result<TotpEnrolment>
    beginTotp(const QString &account); // account: the session's user, for the app
    Result<QString> confirmTotp(const QString &code);
    Result<QString> disableTotp(const QString &user);

    // The site's settings (undo_window_seconds, business_time_zone; migration 009): read by
    // every session; changed by an admin, checked and audited centrally (one setting.update
    // record per changed value). setSettings returns the server's message.
    Result<QMap<QString, QString>> settings();
    Result<QString> setSettings(const QMap<QString, QString> &values);

private:
    // A {result, reason, message} function's message or its refusal.
    Result<QString> call(const QString &sql, const QVariantList &values, const QString &what);

    PgStore &m_central;
};

} // namespace tt
