-- Returns (BRIEF §3.4): a ticket RTN-YYYYMMDD-NNNN collects parent bags coming back. Each line
-- keeps what the parent was when it came back: the bill it left, its children and their weight.
-- The ticket's parent_count and weight_g are derived from its lines (checked by verify).

CREATE TABLE return_tickets (
    id           INTEGER PRIMARY KEY,
    ticket_code  TEXT NOT NULL UNIQUE CHECK (ticket_code GLOB 'RTN-[0-9][0-9][0-9][0-9][0-9][0-9][0-9][0-9]-[0-9][0-9][0-9][0-9]'),
    business_day TEXT NOT NULL,
    sequence     INTEGER NOT NULL CHECK (sequence BETWEEN 1 AND 9999),
    status       TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'finalised', 'cancelled')),
    parent_count INTEGER NOT NULL DEFAULT 0 CHECK (parent_count >= 0),
    weight_g     INTEGER NOT NULL DEFAULT 0 CHECK (weight_g >= 0),
    opened_at    TEXT NOT NULL,
    opened_by    TEXT NOT NULL,
    station      TEXT,
    closed_at    TEXT,
    closed_by    TEXT,
    UNIQUE (business_day, sequence),
    CHECK (status <> 'finalised' OR parent_count >= 1),
    CHECK ((status = 'open') = (closed_at IS NULL))
);
CREATE INDEX return_tickets_by_status ON return_tickets(status, id);

-- Codes, not bag ids: the record outlives the bill and survives the bag's deletion.
CREATE TABLE return_lines (
    id          INTEGER PRIMARY KEY,
    ticket_id   INTEGER NOT NULL REFERENCES return_tickets(id),
    parent_code TEXT NOT NULL,
    bill_code   TEXT NOT NULL,
    child_count INTEGER NOT NULL CHECK (child_count >= 0),
    weight_g    INTEGER NOT NULL CHECK (weight_g >= 0),
    returned_at TEXT NOT NULL,
    returned_by TEXT NOT NULL,
    UNIQUE (ticket_id, parent_code)
);
CREATE INDEX return_lines_by_parent ON return_lines(parent_code);
