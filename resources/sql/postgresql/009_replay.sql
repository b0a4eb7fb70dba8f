-- Offline replay, set-based (BRIEF §8 P7 ≥ 2 000 commands/s; docs/benchmarks.md "Central mode",
-- docs/central.md). A station's queue is mostly runs of link_child commands for one parent (a
-- parent selected, then its children scanned). tt_replay hands such a run to tt_replay_links,
-- which decides and writes the whole run with a few statements when every command of it is
-- certain to succeed: new child codes of a child type, distinct, a parent with room on a bill
-- that is not completed, no command id already applied or in conflict. Each command still gets
-- its own bag, link, scan, command-log row and stored outcome, audit records, change-feed rows
-- and counters, exactly as tt_run would write them one by one. Anything else (a duplicate, a
-- child linked elsewhere, a full parent, a weight out of range, a code another station created
-- meanwhile, any error at all) leaves the run to tt_run, command by command, as before.
--
-- Profiled before (perf on the backend, pg_stat_statements track = all): about 40 statements per
-- replayed link (the rule in plpgsql, the row triggers calling tt_audit / tt_feed / tt_counts),
-- about 1.7 ms of server CPU per command.

-- 1. The row triggers stay quiet for rows tt_replay_links writes itself (it writes their audit
-- records, change feed and counters as sets). Quiet needs both tt.quiet = 'on' and this
-- transaction registered in replay_runs, which only tt_replay writes and which it empties before
-- it returns; tt_replay clears tt.quiet first, so a client setting tt.quiet itself silences
-- nothing (the same guard as the deferred counters of 005). The bags and bills triggers call
-- tt_counts directly (tt_count was one more plpgsql call per counter).
CREATE FUNCTION tt_replaying() RETURNS boolean
LANGUAGE plpgsql STABLE AS $$
BEGIN
    RETURN EXISTS (SELECT 1 FROM replay_runs WHERE xid = pg_current_xact_id());
END $$;

CREATE OR REPLACE FUNCTION tt_trg_bags() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    IF current_setting('tt.quiet', true) = 'on' AND TG_OP <> 'DELETE' THEN
        IF tt_replaying() THEN
            RETURN NULL;
        END IF;
    END IF;
    IF TG_OP = 'INSERT' THEN
        PERFORM tt_counts(tt_today(), ARRAY[CASE NEW.role WHEN 'parent' THEN 'parents' ELSE 'children' END], 1);
        PERFORM tt_audit('bag.create', 'bag', NEW.code, NULL,
                         jsonb_strip_nulls(jsonb_build_object('code', NEW.code, 'role', NEW.role,
                                                              'measured_weight_g', NEW.measured_weight_g)));
        PERFORM tt_feed('bag', NEW.code, 'insert');
        RETURN NEW;
    ELSIF TG_OP = 'DELETE' THEN
        PERFORM tt_counts(tt_today(), ARRAY[CASE OLD.role WHEN 'parent' THEN 'parents' ELSE 'children' END], -1);
        PERFORM tt_audit('bag.delete', 'bag', OLD.code, jsonb_build_object('code', OLD.code, 'role', OLD.role), NULL);
        PERFORM tt_feed('bag', OLD.code, 'delete');
        RETURN OLD;
    END IF;
    IF NEW.role = 'parent' AND NEW.child_count = NEW.capacity AND OLD.child_count < OLD.capacity THEN
        PERFORM tt_counts(tt_today(), ARRAY['parents_filled'], 1);
    END IF;
    IF NEW.measured_weight_g IS DISTINCT FROM OLD.measured_weight_g THEN
        PERFORM tt_audit('bag.weigh', 'bag', NEW.code, jsonb_build_object('measured_weight_g', OLD.measured_weight_g),
                         jsonb_build_object('measured_weight_g', NEW.measured_weight_g));
    END IF;
    PERFORM tt_feed('bag', NEW.code, 'update');
    RETURN NEW;
END $$;

CREATE OR REPLACE FUNCTION tt_trg_links() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
    p text;
    c text;
BEGIN
    IF TG_OP = 'UPDATE' AND NOT (OLD.ended_at IS NULL AND NEW.ended_at IS NOT NULL) THEN
        RETURN NULL;
    END IF;
    IF current_setting('tt.quiet', true) = 'on' AND TG_OP = 'INSERT' THEN
        IF tt_replaying() THEN
            RETURN NULL;
        END IF;
    END IF;
    SELECT pb.code, cb.code INTO p, c FROM bags pb, bags cb WHERE pb.id = NEW.parent_id AND cb.id = NEW.child_id;
    IF TG_OP = 'INSERT' THEN
        PERFORM tt_counts(tt_today(), ARRAY['links'], 1);
        PERFORM tt_audit('link.create', 'link', c, NULL, jsonb_build_object('parent', p, 'child', c,
                         'command_id', NEW.command_id));
        PERFORM tt_feed('link', c, 'insert');
    ELSE
        PERFORM tt_counts(tt_today(), ARRAY['links'], -1);
        PERFORM tt_audit('link.' || NEW.end_reason, 'link', c, jsonb_build_object('parent', p, 'child', c),
                         jsonb_build_object('ended', NEW.end_reason));
        PERFORM tt_feed('link', c, 'end');
    END IF;
    RETURN NULL;
END $$;

CREATE OR REPLACE FUNCTION tt_trg_scans() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    IF current_setting('tt.quiet', true) = 'on' THEN
        IF tt_replaying() THEN
            RETURN NULL;
        END IF;
    END IF;
    PERFORM tt_counts((NEW.at AT TIME ZONE 'UTC')::date, ARRAY['scans', 'scans.' || NEW.action], 1);
    RETURN NULL;
END $$;

CREATE OR REPLACE FUNCTION tt_trg_bills() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    IF current_setting('tt.quiet', true) = 'on' AND TG_OP = 'UPDATE' THEN
        IF tt_replaying() THEN
            RETURN NULL;
        END IF;
    END IF;
    IF TG_OP = 'INSERT' THEN
        PERFORM tt_counts(tt_today(), ARRAY['bills_open'], 1);
        PERFORM tt_audit('bill.create', 'bill', NEW.bill_code, NULL,
                         jsonb_build_object('bill', NEW.bill_code, 'capacity', NEW.capacity, 'status', NEW.status));
        PERFORM tt_feed('bill', NEW.bill_code, 'insert');
        RETURN NULL;
    ELSIF TG_OP = 'DELETE' THEN
        PERFORM tt_counts(tt_today(), ARRAY['bills_' || OLD.status], -1);
        PERFORM tt_audit('bill.delete', 'bill', OLD.bill_code, to_jsonb(OLD) - 'id', jsonb_build_object('deleted', true));
        PERFORM tt_feed('bill', OLD.bill_code, 'delete');
        RETURN NULL;
    END IF;
    IF NEW.status <> OLD.status THEN
        PERFORM tt_counts(tt_today(), ARRAY['bills_' || OLD.status], -1);
        PERFORM tt_counts(tt_today(), ARRAY['bills_' || NEW.status], 1);
        IF NEW.status = 'completed' THEN
            PERFORM tt_counts(tt_today(), ARRAY['bills_completed_today'], 1);
        END IF;
        PERFORM tt_audit(CASE NEW.status WHEN 'completed' THEN 'bill.complete' ELSE 'bill.reopen' END, 'bill',
                         NEW.bill_code, jsonb_build_object('status', OLD.status),
                         jsonb_build_object('status', NEW.status, 'parents', NEW.parent_count,
                                            'actual_weight_g', NEW.actual_weight_g,
                                            'expected_weight_g', NEW.expected_weight_g));
    END IF;
    IF NEW.capacity <> OLD.capacity THEN
        PERFORM tt_audit('bill.capacity', 'bill', NEW.bill_code, jsonb_build_object('capacity', OLD.capacity),
                         jsonb_build_object('capacity', NEW.capacity));
    END IF;
    IF NEW.measured_weight_g IS DISTINCT FROM OLD.measured_weight_g THEN
        PERFORM tt_audit('bill.weigh', 'bill', NEW.bill_code, NULL,
                         jsonb_build_object('measured_weight_g', NEW.measured_weight_g));
    END IF;
    PERFORM tt_feed('bill', NEW.bill_code, 'update');
    RETURN NULL;
END $$;

-- 2. A run of link_child commands for one parent (the same normalised parent code), decided and
-- written at once; NULL when tt_run must take the run command by command. The writes, their
-- order and every value are those of tt_run + tt_cmd_link_child (005) for a new child: per
-- command a bag (audit bag.create, feed bag insert, counter children), a link (audit
-- link.create, feed link insert, counter links), the parent's count and weight (feed bag update,
-- parents_filled when it fills), the bill's actual weight (feed bill update), a scan (counters
-- scans, scans.link) and the command-log row with the outcome. Counters are deferred (tt_replay).
CREATE FUNCTION tt_replay_links(p_user text, p_role text, p_station text, p_cmds jsonb[]) RETURNS jsonb[]
LANGUAGE plpgsql AS $$
DECLARE
    k integer := cardinality(p_cmds);
    pcode text := tt_norm(p_cmds[1]->>'parent');
    ids uuid[];
    ats timestamptz[];
    sts text[];
    authors text[];
    codes text[];
    ws bigint[];
    t_ids bigint[];
    t_nom bigint[];
    added bigint[];
    child_ids bigint[];
    outs jsonb[];
    total bigint;
    p bags%ROWTYPE;
    b bills%ROWTYPE;
BEGIN
    IF pcode = '' OR NOT EXISTS (SELECT 1 FROM role_permissions
                                  WHERE role = p_role AND permission = tt_permission_of('link_child')) THEN
        RETURN NULL;
    END IF;
    -- Any error below (a value tt_run would reject or fail on, a code created meanwhile) undoes
    -- this block and leaves the run to tt_run.
    BEGIN
        SELECT array_agg((u.c->>'id')::uuid ORDER BY u.o), array_agg(coalesce((u.c->>'at')::timestamptz, now()) ORDER BY u.o),
               array_agg(left(coalesce(nullif(u.c->>'station', ''), p_station, ''), 60) ORDER BY u.o),
               array_agg(coalesce(u.c->>'actor', p_user) ORDER BY u.o), array_agg(tt_norm(u.c->>'child') ORDER BY u.o),
               array_agg((u.c->>'measured_weight_g')::numeric::bigint ORDER BY u.o)
          INTO ids, ats, sts, authors, codes, ws
          FROM unnest(p_cmds) WITH ORDINALITY u(c, o);
        IF EXISTS (SELECT 1 FROM unnest(ids, codes, ws) u(id, code, w)
                    WHERE u.id IS NULL OR u.code = '' OR length(u.code) > 100 OR u.code !~ '^[ -~]+$'
                       OR u.code = pcode OR u.w < 0 OR u.w > 10000000)
           OR (SELECT count(DISTINCT u.id) <> k OR count(DISTINCT u.code) <> k FROM unnest(ids, codes) u(id, code))
           OR EXISTS (SELECT 1 FROM command_log WHERE id = ANY (ids))
           OR EXISTS (SELECT 1 FROM conflicts WHERE command_id = ANY (ids))
           OR EXISTS (SELECT 1 FROM bags WHERE code = ANY (codes)) THEN
            RETURN NULL;
        END IF;
        SELECT * INTO p FROM bags WHERE code = pcode FOR UPDATE;
        IF NOT FOUND OR p.role <> 'parent' OR p.child_count + k > p.capacity THEN
            RETURN NULL;
        END IF;
        b := tt_bill_of(p.id);
        IF b.status = 'completed' THEN
            RETURN NULL;
        END IF;
        -- The bag type of each new child (tt_classify_new raises what tt_run would reject).
        SELECT array_agg(t.id ORDER BY u.o), array_agg(t.nominal_weight_g ORDER BY u.o),
               array_agg(coalesce(u.w, t.nominal_weight_g) ORDER BY u.o)
          INTO t_ids, t_nom, added
          FROM unnest(codes, ws) WITH ORDINALITY u(code, w, o), LATERAL tt_classify_new(u.code, 'child') t;
        total := (SELECT sum(g) FROM unnest(added) g);

        PERFORM set_config('tt.quiet', 'on', true);
        WITH ins AS (
            INSERT INTO bags(code, type_id, role, nominal_weight_g, measured_weight_g, capacity, expected_weight_g,
                             created_at, created_by, station)
            SELECT u.code, u.tid, 'child', u.nom, u.w, 0, 0, u.at, p_user, nullif(u.st, '')
              FROM unnest(codes, t_ids, t_nom, ws, ats, sts) WITH ORDINALITY u(code, tid, nom, w, at, st, o)
             ORDER BY u.o
            ON CONFLICT (code) DO NOTHING
            RETURNING id, code)
        SELECT array_agg(ins.id ORDER BY u.o) INTO child_ids
          FROM unnest(codes) WITH ORDINALITY u(code, o) JOIN ins ON ins.code = u.code;
        IF cardinality(child_ids) IS DISTINCT FROM k THEN
            RAISE EXCEPTION 'created meanwhile' USING ERRCODE = 'TT001'; -- another station's bag: tt_run decides
        END IF;
        INSERT INTO links(parent_id, child_id, linked_at, linked_by, station, command_id)
        SELECT p.id, u.cid, u.at, p_user, nullif(u.st, ''), u.id
          FROM unnest(child_ids, ats, sts, ids) WITH ORDINALITY u(cid, at, st, id, o)
         ORDER BY u.o;
        UPDATE bags SET child_count = child_count + k, contents_weight_g = contents_weight_g + total WHERE id = p.id;
        IF b.id IS NOT NULL AND total <> 0 THEN
            UPDATE bills SET actual_weight_g = actual_weight_g + total WHERE id = b.id;
        END IF;
        INSERT INTO scans(at, username, station, code, action, parent, bill, command_id)
        SELECT u.at, p_user, nullif(u.st, ''), u.code, 'link', p.code, b.bill_code, u.id
          FROM unnest(ats, sts, codes, ids) WITH ORDINALITY u(at, st, code, id, o)
         ORDER BY u.o;
        INSERT INTO audit_log(at, actor, station, action, entity, entity_id, before, after, session)
        SELECT u.at, p_user, nullif(u.st, ''), a.action, a.entity, u.code, NULL, a.after, p_user
          FROM unnest(ats, sts, codes, ws, ids) WITH ORDINALITY u(at, st, code, w, id, o),
               LATERAL (VALUES (1, 'bag.create', 'bag',
                                jsonb_strip_nulls(jsonb_build_object('code', u.code, 'role', 'child',
                                                                     'measured_weight_g', u.w))),
                               (2, 'link.create', 'link',
                                jsonb_build_object('parent', p.code, 'child', u.code, 'command_id', u.id))) a(n, action, entity, after)
         ORDER BY u.o, a.n;
        INSERT INTO changes(entity, entity_id, op)
        SELECT f.entity, f.id, f.op
          FROM unnest(codes, added) WITH ORDINALITY u(code, g, o),
               LATERAL (VALUES (1, 'bag', u.code, 'insert'), (2, 'link', u.code, 'insert'), (3, 'bag', p.code, 'update'),
                               (4, 'bill', b.bill_code, 'update')) f(n, entity, id, op)
         WHERE f.n < 4 OR (b.id IS NOT NULL AND u.g <> 0)
         ORDER BY u.o, f.n;
        INSERT INTO deferred_counts(xid, day, station, metric, delta)
        SELECT pg_current_xact_id(), u.day, u.station, m.metric, count(*)
          FROM (SELECT (x.at AT TIME ZONE 'UTC')::date AS day, coalesce(nullif(x.st, ''), '-') AS station,
                       p.child_count + x.o = p.capacity AS fills
                  FROM unnest(ats, sts) WITH ORDINALITY x(at, st, o)) u,
               LATERAL (VALUES ('children'), ('links'), ('scans'), ('scans.link'),
                               (CASE WHEN u.fills THEN 'parents_filled' END)) m(metric)
         WHERE m.metric IS NOT NULL
         GROUP BY u.day, u.station, m.metric;
        SELECT array_agg(x.outcome ORDER BY x.o) INTO outs
          FROM (SELECT u.o, jsonb_build_object('result', 'ok', 'reason', '', 'code', u.code, 'parent', p.code,
                                               'children', p.child_count + u.o, 'capacity', p.capacity,
                                               'command_id', u.id)
                            || CASE WHEN b.id IS NULL THEN '{}'::jsonb
                                    ELSE tt_bill_json(b) || jsonb_build_object('actual_weight_g', b.actual_weight_g + u.cum)
                               END
                            || jsonb_build_object('message', CASE WHEN p.child_count + u.o >= p.capacity
                                    THEN format('%s added to %s; %s is now full (%s/%s): scan the next parent bag.',
                                                u.code, p.code, p.code, p.child_count + u.o, p.capacity)
                                    ELSE format('%s added to %s (%s/%s).', u.code, p.code, p.child_count + u.o, p.capacity)
                               END) AS outcome
                  FROM (SELECT v.code, v.id, v.o, (sum(v.g) OVER (ORDER BY v.o))::bigint AS cum
                          FROM unnest(codes, ids, added) WITH ORDINALITY v(code, id, g, o)) u) x;
        INSERT INTO command_log(id, kind, actor, author, station, issued_at, result, outcome)
        SELECT u.id, 'link_child', p_user, u.author, nullif(u.st, ''), u.at, 'ok', u.outcome
          FROM unnest(ids, authors, sts, ats, outs) WITH ORDINALITY u(id, author, st, at, outcome, o)
         ORDER BY u.o;
        PERFORM set_config('tt.quiet', '', true);
    EXCEPTION WHEN others THEN
        RETURN NULL;
    END;
    RETURN outs;
END $$;

-- 3. tt_replay (005) with the runs: each run of two or more link_child commands for one parent
-- goes to tt_replay_links first; what it leaves, and every other command, to tt_run as before.
CREATE OR REPLACE FUNCTION tt_replay(p_token text, p_commands jsonb) RETURNS jsonb
LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
    s record;
    c jsonb;
    o jsonb;
    known jsonb;
    applied boolean := false;
    outs jsonb[] := '{}'; -- appended in place (a jsonb array would be copied on every append)
    cmds jsonb[];
    runs integer[]; -- per command: the length of the run starting there (0 inside a run)
    run_outs jsonb[];
    i integer := 1;
BEGIN
    SELECT * INTO s FROM tt_use_session(p_token);
    IF s.user_id IS NULL THEN
        RETURN '[]'::jsonb;
    END IF;
    INSERT INTO replay_runs(xid) VALUES (pg_current_xact_id()) ON CONFLICT DO NOTHING;
    PERFORM set_config('tt.defer_counts', 'on', true), set_config('tt.quiet', '', true);
    -- A run: consecutive link_child commands with the same normalised parent code.
    SELECT array_agg(h.c ORDER BY h.o), array_agg(CASE WHEN h.p IS NULL THEN 1 WHEN h.rn = 1 THEN h.len ELSE 0 END ORDER BY h.o)
      INTO cmds, runs
      FROM (SELECT g.c, g.o, g.p, row_number() OVER w AS rn, count(*) OVER w AS len
              FROM (SELECT f.c, f.o, f.p, sum(f.brk) OVER (ORDER BY f.o) AS grp
                      FROM (SELECT e.c, e.o, e.p,
                                   CASE WHEN e.p IS NOT NULL AND e.p = lag(e.p) OVER (ORDER BY e.o) THEN 0 ELSE 1 END AS brk
                              FROM (SELECT x.value AS c, x.o,
                                           CASE WHEN x.value->>'kind' = 'link_child' THEN tt_norm(x.value->>'parent') END AS p
                                      FROM jsonb_array_elements(p_commands) WITH ORDINALITY x(value, o)) e) f) g
            WINDOW w AS (PARTITION BY g.grp ORDER BY g.o ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING)) h;
    WHILE i <= coalesce(cardinality(cmds), 0) LOOP
        run_outs := NULL;
        IF runs[i] >= 2 THEN
            run_outs := tt_replay_links(s.username, s.role, s.station, cmds[i:i + runs[i] - 1]);
        END IF;
        IF run_outs IS NOT NULL THEN
            outs := outs || run_outs;
            applied := true;
            i := i + runs[i];
            CONTINUE;
        END IF;
        c := cmds[i];
        i := i + 1;
        SELECT outcome INTO known FROM conflicts WHERE command_id = (c->>'id')::uuid;
        IF FOUND THEN
            outs := outs || known;
            CONTINUE;
        END IF;
        o := tt_run(s.username, s.role, s.station, c);
        IF o->>'result' = 'rejected' THEN
            INSERT INTO conflicts(command_id, station, author, uploaded_by, kind, command, outcome, issued_at)
            VALUES ((c->>'id')::uuid, left(coalesce(nullif(c->>'station', ''), s.station), 60),
                    coalesce(c->>'actor', s.username), s.username, coalesce(c->>'kind', '?'), c, o,
                    coalesce((c->>'at')::timestamptz, now()))
            ON CONFLICT (command_id) DO NOTHING;
        ELSIF o->>'result' = 'ok' THEN
            applied := true;
        END IF;
        outs := outs || o;
    END LOOP;
    PERFORM tt_flush_counts();
    IF applied THEN
        PERFORM tt_notify_changes();
    END IF;
    RETURN to_jsonb(outs);
END $$;
