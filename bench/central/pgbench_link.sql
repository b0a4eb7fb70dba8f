-- P2 reference (docs/benchmarks.md): the writes of one tt_execute link_child, as one lean
-- statement (one round trip, one transaction) for pgbench. bench_central runs it with
--   PGOPTIONS='-c session_replication_role=replica' pgbench -n -M prepared -f pgbench_link.sql
--     -D child_base=N -D parent_base=N -D active=N -c STATIONS -j 2 -T SECONDS DB
-- as the superuser, so the schema's triggers do not fire: the rows they write (audit record,
-- two change-feed rows, three statistics counters) are written here explicitly. Replica mode
-- also skips the foreign-key checks, which favours pgbench. Per transaction:
--   link row, parent count/weight update, scan row, audit row, 2 change-feed rows,
--   command-log row, 3 counter upserts (per client, like per station), station row touch
--   (tt_execute touches the session row).
-- Child n (a seeded unlinked bag U#########) goes to parent parent_base + n mod active +
-- (n div (30 × active)) × active: every parent gets exactly 30 children (SB capacity).
WITH n AS (SELECT nextval('tt_bench_pgbench') - 1 AS i),
c AS (SELECT b.id, b.code FROM bags b, n WHERE b.code = 'U' || lpad((:child_base + n.i)::text, 9, '0')),
p AS (UPDATE bags b SET child_count = b.child_count + 1, contents_weight_g = b.contents_weight_g + 1000
        FROM n
       WHERE b.code = 'SB' || lpad((:parent_base + n.i % :active + (n.i / (30 * :active)) * :active)::text, 5, '0')
      RETURNING b.id, b.code, b.child_count, b.capacity),
l AS (INSERT INTO links(parent_id, child_id, linked_at, linked_by, station, command_id)
      SELECT p.id, c.id, now(), 'bench', 'pgbench-' || :client_id, gen_random_uuid() FROM p, c
      RETURNING command_id),
s AS (INSERT INTO scans(at, username, station, code, action, parent, command_id)
      SELECT now(), 'bench', 'pgbench-' || :client_id, c.code, 'link', p.code, l.command_id FROM p, c, l),
a AS (INSERT INTO audit_log(at, actor, station, action, entity, entity_id, after, session)
      SELECT now(), 'bench', 'pgbench-' || :client_id, 'link.create', 'link', c.code,
             jsonb_build_object('parent', p.code, 'child', c.code, 'command_id', l.command_id), 'bench'
        FROM p, c, l),
f AS (INSERT INTO changes(entity, entity_id, op)
      SELECT 'link', c.code, 'insert' FROM c UNION ALL SELECT 'bag', p.code, 'update' FROM p),
k AS (INSERT INTO command_log(id, kind, actor, author, station, issued_at, result, outcome)
      SELECT l.command_id, 'link_child', 'bench', 'bench', 'pgbench-' || :client_id, now(), 'ok',
             jsonb_build_object('result', 'ok', 'reason', '', 'code', c.code, 'parent', p.code,
                                'children', p.child_count, 'capacity', p.capacity, 'command_id', l.command_id,
                                'message', format('%s added to %s (%s/%s).', c.code, p.code, p.child_count, p.capacity))
        FROM l, c, p),
u AS (INSERT INTO stat_counters AS t (day, station, metric, value)
      VALUES (current_date, 'pgbench-' || :client_id, 'links', 1), (current_date, 'pgbench-' || :client_id, 'scans', 1),
             (current_date, 'pgbench-' || :client_id, 'scans.link', 1)
      ON CONFLICT (day, station, metric) DO UPDATE SET value = t.value + excluded.value)
UPDATE stations SET last_seen = now() WHERE id = 'pgbench-' || :client_id;
