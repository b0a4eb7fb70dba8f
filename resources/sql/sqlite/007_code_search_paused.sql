-- A set-based import fills the substring search index once per batch instead of once per bag
-- (BRIEF §8 P6). FTS5 writes its pending entries as a new segment at the end of every statement
-- that has a statement savepoint, and the row trigger gives every multi-row bag insert one; the
-- cost of those segments grows with the index (docs/benchmarks.md, P6).
-- Inside its own transaction the import adds a row here, inserts its bags, adds their codes to
-- the index with one INSERT … SELECT and deletes the row before it commits: no other connection
-- ever sees a row, and a failed batch rolls it back with everything else. Every other insert
-- keeps the index current through the trigger as before.

CREATE TABLE bag_code_search_paused (
    batch TEXT NOT NULL
);

DROP TRIGGER bags_code_search_insert;

CREATE TRIGGER bags_code_search_insert AFTER INSERT ON bags
WHEN NOT EXISTS (SELECT 1 FROM bag_code_search_paused)
BEGIN
    INSERT INTO bag_code_search(rowid, code) VALUES (new.id, new.code);
END;
