-- Substring search over bag codes (BRIEF §8 P5): a trigram full-text index over bags.code,
-- external content (the codes are not stored twice), kept current by triggers.

CREATE VIRTUAL TABLE bag_code_search USING fts5(
    code, tokenize = 'trigram', content = 'bags', content_rowid = 'id');

INSERT INTO bag_code_search(bag_code_search) VALUES ('rebuild');

CREATE TRIGGER bags_code_search_insert AFTER INSERT ON bags
BEGIN
    INSERT INTO bag_code_search(rowid, code) VALUES (new.id, new.code);
END;

CREATE TRIGGER bags_code_search_delete AFTER DELETE ON bags
BEGIN
    INSERT INTO bag_code_search(bag_code_search, rowid, code) VALUES ('delete', old.id, old.code);
END;

CREATE TRIGGER bags_code_search_update AFTER UPDATE OF code ON bags
BEGIN
    INSERT INTO bag_code_search(bag_code_search, rowid, code) VALUES ('delete', old.id, old.code);
    INSERT INTO bag_code_search(rowid, code) VALUES (new.id, new.code);
END;
