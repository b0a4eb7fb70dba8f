-- Central throughput (BRIEF §8 P2, P7; docs/benchmarks.md "Central mode"): the command entry
-- points split into session / run / dispatch so that a later migration adding a command kind
-- replaces the short tt_dispatch only; less work per command; counters once per replay batch;
-- one coalesced NOTIFY on channel tt_changes at most every 200 ms (BRIEF §5).
--
-- Profiled with perf and track_functions (pgbench running tt_execute link_child): a quarter of
-- the server's time went to re-parsing and re-planning SQL-language helpers on every call
-- (fmgr_sql: a SQL function that is not inlined keeps no plan between statements), and every
-- helper's own `SET search_path` blocked inlining and cost a configuration save/restore per call.

-- 1. Internal helpers lose their SET search_path: none is SECURITY DEFINER, none is executable
-- by the station role, so they always run inside an entry point that fixes the path
-- (`public, pg_temp`) or as the owner itself; the scalar SQL ones are inlined again. The entry
-- points (SECURITY DEFINER) and the owner's cron functions keep theirs.
DO $$
DECLARE
    f regprocedure;
BEGIN
    FOR f IN SELECT p.oid FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
              WHERE n.nspname = 'public' AND p.proname LIKE 'tt\_%' AND NOT p.prosecdef AND p.proconfig IS NOT NULL
                AND p.proname NOT IN ('tt_ensure_partitions', 'tt_init_admin', 'tt_roll_up_stats') LOOP
        EXECUTE format('ALTER FUNCTION %s RESET search_path', f);
    END LOOP;
END $$;

-- The session lookup is called only by entry points (SECURITY DEFINER, owned by the owner, path
-- fixed); as one itself it switched the search path twice per command, which costs more than its
-- query (the plans cached under a path are checked against the current one).
ALTER FUNCTION tt_session_of(text) SECURITY INVOKER RESET search_path;

-- 2. The SQL helpers that write or return a row, as plpgsql (plans kept for the session).
CREATE OR REPLACE FUNCTION tt_feed(p_entity text, p_id text, p_op text) RETURNS void
LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO changes(entity, entity_id, op) VALUES (p_entity, p_id, p_op);
END $$;

CREATE OR REPLACE FUNCTION tt_scan(p_code text, p_action text, p_parent text, p_bill text) RETURNS void
LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO scans(at, username, station, code, action, parent, bill, command_id)
    VALUES (tt_ctx('at')::timestamptz, tt_ctx('actor'), tt_ctx('station'), p_code, p_action, p_parent, p_bill,
            tt_ctx('command')::uuid);
END $$;

CREATE OR REPLACE FUNCTION tt_bill_of(p_parent bigint) RETURNS bills
LANGUAGE plpgsql STABLE AS $$
DECLARE
    b bills%ROWTYPE;
BEGIN
    SELECT bl.* INTO b FROM bill_parents bp JOIN bills bl ON bl.id = bp.bill_id WHERE bp.parent_id = p_parent;
    RETURN b;
END $$;

-- 3. Statistics counters. tt_counts adds one delta to several metrics in one statement (a scan
-- counts "scans" and "scans.<action>"). Inside a replay batch (tt_replay registers its
-- transaction in replay_runs, which only it writes, so no client can switch this on by setting
-- tt.defer_counts itself) the deltas are collected and added once at the end of the batch:
-- one command after another rewriting the same counter rows made long batches slower.
CREATE UNLOGGED TABLE replay_runs (
    xid xid8 PRIMARY KEY
);
CREATE UNLOGGED TABLE deferred_counts (
    xid     xid8 NOT NULL,
    day     date NOT NULL,
    station text NOT NULL,
    metric  text NOT NULL,
    delta   bigint NOT NULL
);
CREATE INDEX deferred_counts_by_xid ON deferred_counts (xid);
ALTER TABLE replay_runs ENABLE ROW LEVEL SECURITY;
ALTER TABLE deferred_counts ENABLE ROW LEVEL SECURITY;

CREATE FUNCTION tt_counts(p_day date, p_metrics text[], p_delta bigint) RETURNS void
LANGUAGE plpgsql AS $$
DECLARE
    v_station text := coalesce(nullif(current_setting('tt.station', true), ''), '-');
BEGIN
    IF current_setting('tt.defer_counts', true) = 'on'
       AND EXISTS (SELECT 1 FROM replay_runs WHERE xid = pg_current_xact_id()) THEN
        INSERT INTO deferred_counts(xid, day, station, metric, delta)
        SELECT pg_current_xact_id(), p_day, v_station, m, p_delta FROM unnest(p_metrics) m;
        RETURN;
    END IF;
    INSERT INTO stat_counters AS s (day, station, metric, value)
    SELECT p_day, v_station, m, p_delta FROM unnest(p_metrics) m
    ON CONFLICT (day, station, metric) DO UPDATE SET value = s.value + excluded.value;
    IF p_day < (now() AT TIME ZONE 'UTC')::date - 1 AND p_day < (SELECT through FROM stat_rollup_state) THEN
        INSERT INTO stat_rollup AS r (station, metric, value)
        SELECT v_station, m, p_delta FROM unnest(p_metrics) m
        ON CONFLICT (station, metric) DO UPDATE SET value = r.value + excluded.value;
    END IF;
END $$;

CREATE OR REPLACE FUNCTION tt_count(p_day date, p_metric text, p_delta bigint) RETURNS void
LANGUAGE plpgsql AS $$
BEGIN
    PERFORM tt_counts(p_day, ARRAY[p_metric], p_delta);
END $$;

-- The deferred deltas of this transaction, summed, into the counters (and into stat_rollup
-- for days already rolled up, the cut-off read after the upsert as in tt_counts); deferral ends.
CREATE FUNCTION tt_flush_counts() RETURNS void
LANGUAGE plpgsql AS $$
DECLARE
    me xid8 := pg_current_xact_id();
BEGIN
    INSERT INTO stat_counters AS s (day, station, metric, value)
    SELECT day, station, metric, sum(delta) FROM deferred_counts WHERE xid = me GROUP BY day, station, metric
    ON CONFLICT (day, station, metric) DO UPDATE SET value = s.value + excluded.value;
    INSERT INTO stat_rollup AS r (station, metric, value)
    SELECT station, metric, sum(delta) FROM deferred_counts
     WHERE xid = me AND day < (now() AT TIME ZONE 'UTC')::date - 1 AND day < (SELECT through FROM stat_rollup_state)
     GROUP BY station, metric
    ON CONFLICT (station, metric) DO UPDATE SET value = r.value + excluded.value;
    DELETE FROM deferred_counts WHERE xid = me;
    DELETE FROM replay_runs WHERE xid = me;
    PERFORM set_config('tt.defer_counts', '', true);
END $$;

CREATE OR REPLACE FUNCTION tt_trg_scans() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    PERFORM tt_counts((NEW.at AT TIME ZONE 'UTC')::date, ARRAY['scans', 'scans.' || NEW.action], 1);
    RETURN NULL;
END $$;

-- The links trigger reads both codes in one statement.
CREATE OR REPLACE FUNCTION tt_trg_links() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
    p text;
    c text;
BEGIN
    IF TG_OP = 'UPDATE' AND NOT (OLD.ended_at IS NULL AND NEW.ended_at IS NOT NULL) THEN
        RETURN NULL;
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

-- 4. Link child (the P2 command) without re-reading what it just wrote: the outcome's parent
-- and bill figures come from the locked rows plus this link (was tt_describe after the writes).
-- Rules, reasons and messages as in 001.
CREATE OR REPLACE FUNCTION tt_cmd_link_child(c jsonb) RETURNS jsonb
LANGUAGE plpgsql AS $$
DECLARE
    child_code text := tt_bag_code(c->>'child');
    parent_code text := tt_norm(c->>'parent');
    w bigint := (c->>'measured_weight_g')::numeric::bigint;
    p bags%ROWTYPE;
    ch bags%ROWTYPE;
    b bills%ROWTYPE;
    l record;
    o jsonb;
    n integer;
    added bigint;
BEGIN
    PERFORM tt_check_weight(w);
    IF parent_code = '' THEN
        PERFORM tt_reject('no_parent_selected',
            format('Scan a parent bag first, then its child bags (%s was not linked).', child_code));
    END IF;
    SELECT * INTO p FROM bags WHERE code = parent_code FOR UPDATE;
    IF NOT FOUND THEN
        PERFORM tt_reject('unknown_bag', format('There is no parent bag %s.', parent_code));
    END IF;
    IF p.role <> 'parent' THEN
        PERFORM tt_reject('wrong_role', format('%s is a child bag, not a parent.', parent_code));
    END IF;
    b := tt_bill_of(p.id);
    IF child_code = p.code THEN
        PERFORM tt_reject('self_link', format('%s cannot be linked to itself.', p.code));
    END IF;
    FOR pass IN 1 .. 2 LOOP
        SELECT * INTO ch FROM bags WHERE code = child_code FOR UPDATE;
        IF FOUND THEN
            IF ch.role = 'parent' THEN
                PERFORM tt_reject('wrong_role', format('%s is a parent bag and cannot be used as a child.', child_code));
            END IF;
            SELECT k.parent_id, k.linked_by, k.linked_at, pb.code AS parent_code INTO l
              FROM links k JOIN bags pb ON pb.id = k.parent_id
             WHERE k.child_id = ch.id AND k.ended_at IS NULL;
            IF FOUND THEN
                IF l.parent_id = p.id THEN
                    o := tt_describe(jsonb_build_object('result', 'duplicate', 'reason', 'duplicate', 'code', child_code), p.id);
                    RETURN o || jsonb_build_object('message', format('%s is already in %s (%s/%s); nothing changed.',
                                                                     child_code, p.code, p.child_count, p.capacity));
                END IF;
                PERFORM tt_reject('linked_elsewhere', format('%s is already in %s (linked by %s at %s).',
                                  child_code, l.parent_code, l.linked_by, tt_hhmm(l.linked_at)));
            END IF;
        END IF;
        IF pass = 1 THEN
            IF b.status = 'completed' THEN
                PERFORM tt_reject('bill_completed', format('%s is on completed bill %s; reopen the bill to change it.',
                                  p.code, b.bill_code));
            END IF;
            IF p.child_count >= p.capacity THEN
                PERFORM tt_reject('parent_full', format('%s is full (%s/%s); scan the next parent bag.',
                                  p.code, p.child_count, p.capacity));
            END IF;
        END IF;
        EXIT WHEN ch.id IS NOT NULL;
        ch := tt_create_bag(child_code, tt_classify_new(child_code, 'child'), w);
        -- Created by another station meanwhile: check its role and link again (pass 2).
        EXIT WHEN ch.created_at = tt_ctx('at')::timestamptz AND ch.created_by = tt_ctx('actor')
                  AND NOT EXISTS (SELECT 1 FROM links WHERE child_id = ch.id AND ended_at IS NULL);
        ch.id := NULL;
    END LOOP;
    IF w IS NOT NULL AND w IS DISTINCT FROM ch.measured_weight_g THEN
        UPDATE bags SET measured_weight_g = w WHERE id = ch.id RETURNING * INTO ch;
    END IF;
    INSERT INTO links(parent_id, child_id, linked_at, linked_by, station, command_id)
    VALUES (p.id, ch.id, tt_ctx('at')::timestamptz, tt_ctx('actor'), tt_ctx('station'), tt_ctx('command')::uuid);
    added := coalesce(ch.measured_weight_g, ch.nominal_weight_g);
    PERFORM tt_change_contents(p.id, 1, added);
    PERFORM tt_scan(child_code, 'link', p.code, b.bill_code);
    n := p.child_count + 1;
    o := jsonb_build_object('result', 'ok', 'reason', '', 'code', child_code, 'parent', p.code, 'children', n,
                            'capacity', p.capacity);
    IF b.id IS NOT NULL THEN
        b.actual_weight_g := b.actual_weight_g + added;
        o := o || tt_bill_json(b);
    END IF;
    IF n >= p.capacity THEN
        o := o || jsonb_build_object('message', format('%s added to %s; %s is now full (%s/%s): scan the next parent bag.',
                                                       child_code, p.code, p.code, n, p.capacity));
    ELSE
        o := o || jsonb_build_object('message', format('%s added to %s (%s/%s).', child_code, p.code, n, p.capacity));
    END IF;
    RETURN o;
END $$;

-- 5. Dispatch: one function per command kind. A migration adding a kind replaces tt_dispatch
-- (and tt_permission_of), nothing else.
CREATE FUNCTION tt_dispatch(p_kind text, c jsonb) RETURNS jsonb
LANGUAGE plpgsql AS $$
BEGIN
    RETURN CASE p_kind
        WHEN 'select_parent' THEN tt_cmd_select_parent(c)
        WHEN 'link_child' THEN tt_cmd_link_child(c)
        WHEN 'undo' THEN tt_cmd_undo(c)
        WHEN 'move_child' THEN tt_cmd_move_child(c)
        WHEN 'delete_bag' THEN tt_cmd_delete_bag(c)
        WHEN 'register_bag' THEN tt_cmd_register_bag(c)
        WHEN 'record_weight' THEN tt_cmd_record_weight(c)
        WHEN 'create_bill' THEN tt_cmd_create_bill(c)
        WHEN 'add_parent_to_bill' THEN tt_cmd_add_parent_to_bill(c)
        WHEN 'remove_parent_from_bill' THEN tt_cmd_remove_parent_from_bill(c)
        WHEN 'complete_bill' THEN tt_cmd_complete_bill(c)
        WHEN 'reopen_bill' THEN tt_cmd_reopen_bill(c)
        WHEN 'set_bill_capacity' THEN tt_cmd_set_bill_capacity(c)
        WHEN 'delete_bill' THEN tt_cmd_delete_bill(c)
        WHEN 'open_return' THEN tt_cmd_open_return(c)
        WHEN 'return_parent' THEN tt_cmd_return_parent(c)
        WHEN 'finalise_return' THEN tt_cmd_finalise_return(c)
        WHEN 'cancel_return' THEN tt_cmd_cancel_return(c)
    END;
END $$;

-- One command for a resolved session (tt_execute, tt_replay): idempotency by command id, the
-- permission table, the context the rules and triggers read, the rule, the command log.
CREATE FUNCTION tt_run(p_user text, p_role text, p_station text, p_command jsonb) RETURNS jsonb
LANGUAGE plpgsql AS $$
DECLARE
    cid uuid;
    kind text := p_command->>'kind';
    v_at timestamptz;
    stored jsonb;
    o jsonb;
    r text;
    m text;
BEGIN
    BEGIN
        cid := (p_command->>'id')::uuid;
        v_at := coalesce((p_command->>'at')::timestamptz, now());
    EXCEPTION WHEN others THEN
        cid := NULL;
    END;
    IF cid IS NULL THEN
        RETURN jsonb_build_object('result', 'rejected', 'reason', 'invalid_input',
                                  'message', 'A command needs an id (UUID) and a time.');
    END IF;
    SELECT outcome INTO stored FROM command_log WHERE id = cid;
    IF FOUND THEN
        RETURN stored;
    END IF;
    IF NOT EXISTS (SELECT 1 FROM role_permissions WHERE role = p_role AND permission = tt_permission_of(kind)) THEN
        RETURN jsonb_build_object('result', 'rejected', 'reason', 'permission_denied', 'command_id', cid,
                                  'message', format('%s (%s) may not %s.', p_user, p_role, replace(kind, '_', ' ')));
    END IF;
    PERFORM set_config('tt.actor', p_user, true), set_config('tt.session_user', p_user, true),
            set_config('tt.station', left(coalesce(nullif(p_command->>'station', ''), p_station, ''), 60), true),
            set_config('tt.at', v_at::text, true), set_config('tt.command', cid::text, true);
    BEGIN
        o := tt_dispatch(kind, p_command);
        IF o IS NULL THEN
            PERFORM tt_reject('invalid_input', format('Unknown command kind "%s".', left(kind, 40)));
        END IF;
    EXCEPTION WHEN SQLSTATE 'TT000' THEN
        GET STACKED DIAGNOSTICS r = MESSAGE_TEXT, m = PG_EXCEPTION_DETAIL;
        o := jsonb_build_object('result', 'rejected', 'reason', r, 'message', m);
    END;
    o := o || jsonb_build_object('command_id', cid);
    IF o->>'result' = 'ok' THEN
        -- A concurrent copy of the same command fails here (unique violation) and is retried.
        INSERT INTO command_log(id, kind, actor, author, station, issued_at, result, outcome)
        VALUES (cid, kind, p_user, coalesce(p_command->>'actor', p_user), tt_ctx('station'), v_at, 'ok', o);
    END IF;
    RETURN o;
END $$;

-- 6. Coalesced change notification (BRIEF §5): a committing command or replay batch that
-- changed something sends NOTIFY tt_changes (empty payload; listeners read tt_changes) when
-- the last one is at least 200 ms old. Whoever does not get the advisory lock at once skips:
-- nobody waits, and a burst of commands gives about five notifications a second. A change
-- that commits just after a notification is seen at the next one or at the listener's poll.
CREATE TABLE notify_gate (
    id boolean PRIMARY KEY DEFAULT true CHECK (id),
    at timestamptz NOT NULL
);
INSERT INTO notify_gate(at) VALUES ('-infinity');
ALTER TABLE notify_gate ENABLE ROW LEVEL SECURITY;

CREATE FUNCTION tt_notify_changes() RETURNS void
LANGUAGE plpgsql AS $$
BEGIN
    IF pg_try_advisory_xact_lock(7370016) THEN -- 7370016: this gate's lock key
        UPDATE notify_gate SET at = clock_timestamp() WHERE at < clock_timestamp() - interval '200 milliseconds';
        IF FOUND THEN
            PERFORM pg_notify('tt_changes', '');
        END IF;
    END IF;
END $$;

-- 7. The entry points. The session of a writing entry point: no row when not valid; its idle
-- clock moves at most once a minute (a replay or a busy station does not rewrite the row).
CREATE FUNCTION tt_use_session(p_token text, OUT user_id bigint, OUT username text, OUT role text,
                               OUT station text)
LANGUAGE plpgsql AS $$
DECLARE
    h bytea;
BEGIN
    SELECT s.user_id, s.username, s.role, s.station, s.token_hash INTO user_id, username, role, station, h
      FROM tt_session_of(p_token) s;
    IF user_id IS NOT NULL THEN
        UPDATE sessions SET last_used = now() WHERE token_hash = h AND last_used < now() - interval '1 minute';
    END IF;
END $$;

-- tt_execute: the session, the command, the coalesced notification.
CREATE OR REPLACE FUNCTION tt_execute(p_token text, p_command jsonb) RETURNS jsonb
LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
    s record;
    o jsonb;
BEGIN
    SELECT * INTO s FROM tt_use_session(p_token);
    IF s.user_id IS NULL THEN
        RETURN tt_session_expired();
    END IF;
    o := tt_run(s.username, s.role, s.station, p_command);
    IF o->>'result' = 'ok' THEN
        PERFORM tt_notify_changes();
    END IF;
    RETURN o;
END $$;

-- Commands queued offline, in the station's order, in one transaction: the session is
-- resolved once (now() does not move within a transaction, so it cannot expire half-way), each
-- command runs through tt_run (idempotent by command id), a rule rejection is recorded in
-- conflicts, the batch's counters are added once at the end. Returns one outcome per command.
CREATE OR REPLACE FUNCTION tt_replay(p_token text, p_commands jsonb) RETURNS jsonb
LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
    s record;
    c jsonb;
    o jsonb;
    known jsonb;
    applied boolean := false;
    outs jsonb[] := '{}'; -- appended in place (a jsonb array would be copied on every append)
BEGIN
    SELECT * INTO s FROM tt_use_session(p_token);
    IF s.user_id IS NULL THEN
        RETURN '[]'::jsonb;
    END IF;
    INSERT INTO replay_runs(xid) VALUES (pg_current_xact_id()) ON CONFLICT DO NOTHING;
    PERFORM set_config('tt.defer_counts', 'on', true);
    FOR c IN SELECT value FROM jsonb_array_elements(p_commands) LOOP
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

-- 8. Statistics read (BRIEF §8 P4). 004's totals compared the counters' day with the roll-up's
-- cut-off read by a subquery; the cached generic plan, not knowing the cut-off, guessed a third
-- of the table and scanned all of stat_counters (EXPLAIN ANALYZE: 80 000 rows read for 800).
-- Bounded on both sides the guess is a narrow range, so the primary key (day, …) is walked
-- from the cut-off on: the rows since the day before yesterday.
CREATE OR REPLACE FUNCTION tt_stats(p_token text, p_day date) RETURNS jsonb
LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
BEGIN
    PERFORM tt_require(p_token, 'view');
    RETURN jsonb_build_object(
        'totals', coalesce((SELECT jsonb_object_agg(metric, v) FROM (
            SELECT metric, sum(value) AS v FROM (
                SELECT r.metric, r.value FROM stat_rollup r
                UNION ALL
                SELECT c.metric, c.value FROM stat_counters c
                 WHERE c.day >= (SELECT through FROM stat_rollup_state) AND c.day <= 'infinity'::date) x
             GROUP BY metric) t), '{}'),
        'today', coalesce((SELECT jsonb_object_agg(metric, v) FROM (SELECT metric, sum(value) AS v FROM stat_counters
                                                                     WHERE day = p_day GROUP BY metric) t), '{}'));
END $$;
