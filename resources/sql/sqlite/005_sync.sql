-- Central mode (BRIEF §5): the station's outbox and sync state. Unused in embedded mode.

-- Commands decided locally while the central database was unreachable, in the order they
-- were confirmed. Appended in the same transaction as the command's local effects.
CREATE TABLE outbox (
    seq             INTEGER PRIMARY KEY AUTOINCREMENT,
    command_id      TEXT NOT NULL UNIQUE,
    kind            TEXT NOT NULL,
    command         TEXT NOT NULL,          -- the command's JSON form (core/command.h)
    queued_at       TEXT NOT NULL,
    local_outcome   TEXT NOT NULL,          -- what the station showed (JSON)
    state           TEXT NOT NULL DEFAULT 'queued' CHECK (state IN ('queued', 'applied', 'conflict')),
    attempts        INTEGER NOT NULL DEFAULT 0,
    replayed_at     TEXT,
    central_outcome TEXT                    -- the central answer on replay (JSON)
);
CREATE INDEX outbox_queued ON outbox(seq) WHERE state = 'queued';
CREATE INDEX outbox_conflicts ON outbox(seq) WHERE state = 'conflict';

-- last_seq (change feed), last_sync_at, last_contact, last_error, cache_loaded_at.
CREATE TABLE sync_state (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
) WITHOUT ROWID;

-- Central statistics as last read (the dashboard's cache in central mode).
CREATE TABLE central_stats (
    metric TEXT PRIMARY KEY,
    value  INTEGER NOT NULL
) WITHOUT ROWID;
