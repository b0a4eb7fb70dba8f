-- The substring search index of 002 without its per-row size table (columnsize=0): nothing
-- ranks matches (no bm25), and every new bag wrote one row there. An import of links files
-- spends about 3 600 instructions less per new bag (BRIEF §8 P6, docs/benchmarks.md). The
-- triggers of 002 keep the rebuilt index current as before.

DROP TABLE bag_code_search;

CREATE VIRTUAL TABLE bag_code_search USING fts5(
    code, tokenize = 'trigram', content = 'bags', content_rowid = 'id', columnsize = 0);

INSERT INTO bag_code_search(bag_code_search) VALUES ('rebuild');
