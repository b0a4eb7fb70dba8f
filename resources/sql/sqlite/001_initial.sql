-- TraceTrack embedded schema, version 1. Times are ISO 8601 UTC text with milliseconds;
-- weights are integer grams; codes and bill ids are stored normalised (upper case).

CREATE TABLE settings (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
) WITHOUT ROWID;

CREATE TABLE areas (
    id   INTEGER PRIMARY KEY,
    name TEXT NOT NULL UNIQUE COLLATE NOCASE CHECK (length(name) BETWEEN 1 AND 60)
);

CREATE TABLE stations (
    id         TEXT PRIMARY KEY CHECK (length(id) BETWEEN 1 AND 60),
    area_id    INTEGER REFERENCES areas(id),
    created_at TEXT NOT NULL,
    last_seen  TEXT
) WITHOUT ROWID;

CREATE TABLE users (
    id            INTEGER PRIMARY KEY,
    username      TEXT NOT NULL UNIQUE COLLATE NOCASE,
    password_hash TEXT NOT NULL,
    role          TEXT NOT NULL CHECK (role IN ('dispatcher', 'biller', 'admin')),
    area_id       INTEGER REFERENCES areas(id),
    enabled       INTEGER NOT NULL DEFAULT 1 CHECK (enabled IN (0, 1)),
    failed_logins INTEGER NOT NULL DEFAULT 0 CHECK (failed_logins >= 0),
    locked_until  TEXT,
    totp_secret   TEXT,
    created_at    TEXT NOT NULL,
    created_by    TEXT
);

CREATE TABLE bag_types (
    id                INTEGER PRIMARY KEY,
    name              TEXT NOT NULL UNIQUE COLLATE NOCASE,
    role              TEXT NOT NULL CHECK (role IN ('parent', 'child')),
    pattern           TEXT NOT NULL CHECK (length(pattern) > 0),
    capacity          INTEGER NOT NULL DEFAULT 0 CHECK (capacity >= 0),
    nominal_weight_g  INTEGER NOT NULL DEFAULT 0 CHECK (nominal_weight_g >= 0),
    expected_weight_g INTEGER NOT NULL DEFAULT 0 CHECK (expected_weight_g >= 0),
    CHECK (role = 'child' OR capacity >= 1)
);

-- A bag keeps its role for life. Parents carry derived counters (child_count,
-- contents_weight_g) kept in the same transaction as every link change; capacity and
-- expected weight are taken from the type when the bag is created.
CREATE TABLE bags (
    id                INTEGER PRIMARY KEY,
    code              TEXT NOT NULL UNIQUE COLLATE NOCASE CHECK (length(code) BETWEEN 1 AND 100),
    type_id           INTEGER NOT NULL REFERENCES bag_types(id),
    role              TEXT NOT NULL CHECK (role IN ('parent', 'child')),
    nominal_weight_g  INTEGER NOT NULL DEFAULT 0 CHECK (nominal_weight_g >= 0),
    measured_weight_g INTEGER CHECK (measured_weight_g IS NULL OR measured_weight_g >= 0),
    capacity          INTEGER NOT NULL DEFAULT 0 CHECK (capacity >= 0),
    expected_weight_g INTEGER NOT NULL DEFAULT 0 CHECK (expected_weight_g >= 0),
    child_count       INTEGER NOT NULL DEFAULT 0 CHECK (child_count >= 0),
    contents_weight_g INTEGER NOT NULL DEFAULT 0 CHECK (contents_weight_g >= 0),
    created_at        TEXT NOT NULL,
    created_by        TEXT NOT NULL,
    station           TEXT,
    CHECK (role = 'parent' OR (child_count = 0 AND capacity = 0)),
    CHECK (child_count <= capacity OR role = 'child')
);

-- Link history: a link in force has ended_at NULL; undo and move end it, nothing deletes it.
CREATE TABLE links (
    id         INTEGER PRIMARY KEY,
    parent_id  INTEGER NOT NULL REFERENCES bags(id),
    child_id   INTEGER NOT NULL REFERENCES bags(id),
    linked_at  TEXT NOT NULL,
    linked_by  TEXT NOT NULL,
    station    TEXT,
    command_id TEXT,
    ended_at   TEXT,
    ended_by   TEXT,
    end_reason TEXT CHECK (end_reason IS NULL OR end_reason IN ('undo', 'move', 'return')),
    CHECK (parent_id <> child_id),
    CHECK ((ended_at IS NULL) = (end_reason IS NULL))
);
CREATE UNIQUE INDEX links_one_parent_per_child ON links(child_id) WHERE ended_at IS NULL;
-- Full (not partial) indexes on both keys: foreign-key checks and history lookups can use them.
CREATE INDEX links_by_parent ON links(parent_id, ended_at);
CREATE INDEX links_by_child ON links(child_id);
CREATE INDEX links_in_force_by_user ON links(linked_by, id) WHERE ended_at IS NULL;

CREATE TABLE bills (
    id                INTEGER PRIMARY KEY,
    bill_code         TEXT NOT NULL UNIQUE COLLATE NOCASE CHECK (length(bill_code) BETWEEN 3 AND 50),
    capacity          INTEGER NOT NULL CHECK (capacity BETWEEN 1 AND 500),
    status            TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'completed')),
    parent_count      INTEGER NOT NULL DEFAULT 0 CHECK (parent_count >= 0),
    actual_weight_g   INTEGER NOT NULL DEFAULT 0 CHECK (actual_weight_g >= 0),
    expected_weight_g INTEGER NOT NULL DEFAULT 0 CHECK (expected_weight_g >= 0),
    measured_weight_g INTEGER CHECK (measured_weight_g IS NULL OR measured_weight_g >= 0),
    created_at        TEXT NOT NULL,
    created_by        TEXT NOT NULL,
    completed_at      TEXT,
    completed_by      TEXT,
    CHECK (parent_count <= capacity),
    CHECK (status = 'open' OR parent_count = capacity)
);
CREATE INDEX bills_by_status ON bills(status, id);

-- One bill per parent.
CREATE TABLE bill_parents (
    id        INTEGER PRIMARY KEY,
    bill_id   INTEGER NOT NULL REFERENCES bills(id),
    parent_id INTEGER NOT NULL UNIQUE REFERENCES bags(id),
    added_at  TEXT NOT NULL,
    added_by  TEXT NOT NULL
);
CREATE INDEX bill_parents_by_bill ON bill_parents(bill_id);

-- Every accepted scan (parent selected, child linked, parent added to a bill, undo, ...).
CREATE TABLE scans (
    id         INTEGER PRIMARY KEY,
    at         TEXT NOT NULL,
    username   TEXT NOT NULL,
    station    TEXT,
    code       TEXT NOT NULL,
    action     TEXT NOT NULL,
    parent     TEXT,
    bill       TEXT,
    command_id TEXT
);
CREATE INDEX scans_by_time ON scans(at);
CREATE INDEX scans_by_code ON scans(code);

CREATE TABLE audit_log (
    id        INTEGER PRIMARY KEY,
    at        TEXT NOT NULL,
    actor     TEXT,
    station   TEXT,
    action    TEXT NOT NULL,
    entity    TEXT NOT NULL,
    entity_id TEXT,
    before    TEXT,
    after     TEXT
);
CREATE INDEX audit_by_time ON audit_log(at);
CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;
CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;

-- Applied commands by UUID: a command seen again is answered from here, not applied twice.
CREATE TABLE command_log (
    id         TEXT PRIMARY KEY,
    kind       TEXT NOT NULL,
    actor      TEXT NOT NULL,
    station    TEXT,
    issued_at  TEXT NOT NULL,
    applied_at TEXT NOT NULL,
    result     TEXT NOT NULL,
    outcome    TEXT NOT NULL
) WITHOUT ROWID;

-- Statistics: totals kept with every change, and per (day, station, metric) counters.
CREATE TABLE stat_totals (
    metric TEXT PRIMARY KEY,
    value  INTEGER NOT NULL
) WITHOUT ROWID;

CREATE TABLE stat_daily (
    day     TEXT NOT NULL,
    station TEXT NOT NULL,
    metric  TEXT NOT NULL,
    value   INTEGER NOT NULL,
    PRIMARY KEY (day, station, metric)
) WITHOUT ROWID;

INSERT INTO stat_totals(metric, value) VALUES
    ('parents', 0), ('children', 0), ('links', 0), ('bills_open', 0), ('bills_completed', 0),
    ('scans', 0);

INSERT INTO bag_types(id, name, role, pattern, capacity, nominal_weight_g, expected_weight_g) VALUES
    (1, 'SB',    'parent', '^SB\d{5}$',              30, 0,    30000),
    (2, 'M444',  'parent', '^M444-\d{5}$',           15, 0,    15000),
    (3, 'CHILD', 'child',  '^(?!SB)[A-Z0-9]{4,20}$', 0,  1000, 0);

INSERT INTO areas(name) VALUES
    ('Lucknow'), ('Indore'), ('Jaipur'), ('Hisar'), ('Sri Ganganagar'), ('Sangaria'),
    ('Bathinda'), ('Raipur'), ('Ranchi'), ('Akola');

INSERT INTO settings(key, value) VALUES
    ('undo_window_seconds', '3600'),
    ('business_time_zone', 'Asia/Kolkata');
