-- Admin data (BRIEF §3.5): a TOTP second factor for admins who enable it, and bag types, areas
-- and stations that are deactivated instead of deleted once something refers to them.

-- users.totp_secret (001) holds the base32 secret from enrolment on; the factor is required only
-- once totp_enabled is 1 (after the admin confirmed a code). totp_last_step is the 30-second
-- step of the last accepted code: a code is accepted once.
ALTER TABLE users ADD COLUMN totp_enabled INTEGER NOT NULL DEFAULT 0 CHECK (totp_enabled IN (0, 1));
ALTER TABLE users ADD COLUMN totp_last_step INTEGER;

-- An inactive bag type classifies no new code; bags of that type keep it.
ALTER TABLE bag_types ADD COLUMN active INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1));
-- An inactive area takes no new users or stations; those it has keep it.
ALTER TABLE areas ADD COLUMN active INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1));
ALTER TABLE stations ADD COLUMN active INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1));

CREATE INDEX bags_by_type ON bags(type_id);
