#pragma once

#include "database/adminrepository.h"
#include "database/bagrepository.h"
#include "database/billrepository.h"
#include "database/historyrepository.h"
#include "database/linkrepository.h"
#include "database/returnrepository.h"
#include "database/settingsrepository.h"
#include "database/statisticsrepository.h"

namespace tt {

class StatementCache;

// The repositories of one connection, for code that works across aggregates in one transaction.
struct Repositories
{
    explicit Repositories(StatementCache &sql)
        : bags(sql), links(sql), bills(sql), returns(sql), history(sql), statistics(sql), settings(sql), admin(sql)
    {
    }

    BagRepository bags;
    LinkRepository links;
    BillRepository bills;
    ReturnRepository returns;
    HistoryRepository history;
    StatisticsRepository statistics;
    SettingsRepository settings;
    AdminRepository admin;
};

} // namespace tt
