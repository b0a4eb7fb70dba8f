-- Offline stations and sync (BRIEF §5): batched idempotent replay, conflicts, the change feed
-- as a station reads it, snapshots to refresh a station's cache, and each station's sync status
-- for the health dashboard. Every entry point resolves the session token like tt_execute.

-- The answer of every entry point below to a missing, ended or idle session.
CREATE FUNCTION tt_session_expired() RETURNS jsonb
LANGUAGE sql IMMUTABLE SET search_path = public, pg_temp AS $$
    SELECT jsonb_build_object('result', 'rejected', 'reason', 'session_expired',
                              'message', 'The session has expired or is not valid; log in again.')
$$;
REVOKE EXECUTE ON FUNCTION tt_session_expired() FROM PUBLIC;

-- Replayed commands the central rules rejected: central state wins; the station and the
-- admins see them. One row per command (a replay of the same command finds it here).
CREATE TABLE conflicts (
    command_id  uuid PRIMARY KEY,
    station     text,
    author      text NOT NULL,
    uploaded_by text NOT NULL,
    kind        text NOT NULL,
    command     jsonb NOT NULL,
    outcome     jsonb NOT NULL,
    issued_at   timestamptz NOT NULL,
    detected_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX conflicts_by_time ON conflicts (detected_at);

-- What each station last reported: its outbox and its last contact (health, BRIEF §7).
CREATE TABLE station_status (
    station          text PRIMARY KEY,
    username         text NOT NULL,
    last_contact     timestamptz NOT NULL,
    queue_depth      integer NOT NULL CHECK (queue_depth >= 0),
    oldest_queued_at timestamptz,
    last_sync_at     timestamptz,
    conflicts        integer NOT NULL DEFAULT 0 CHECK (conflicts >= 0),
    scanner          text,
    app              text
);

-- tt_execute of version 2, except that the session's last use is written at most once a minute
-- (profiled with track_functions: rewriting the session row for every command of a replay made
-- each one slower than the last).
CREATE OR REPLACE FUNCTION tt_execute(p_token text, p_command jsonb) RETURNS jsonb
LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
    s record;
    cid uuid;
    kind text := p_command->>'kind';
    v_at timestamptz;
    stored jsonb;
    o jsonb;
    r text;
    m text;
BEGIN
    SELECT * INTO s FROM tt_session_of(p_token);
    IF s.user_id IS NULL THEN
        RETURN jsonb_build_object('result', 'rejected', 'reason', 'session_expired',
                                  'message', 'The session has expired or is not valid; log in again.');
    END IF;
    -- The idle clock moves once a minute at most: a replay of thousands of commands in one
    -- transaction no longer rewrites the session row for each, nor does a busy station.
    UPDATE sessions SET last_used = now()
     WHERE token_hash = s.token_hash AND last_used < now() - interval '1 minute';
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
    IF NOT EXISTS (SELECT 1 FROM role_permissions WHERE role = s.role AND permission = tt_permission_of(kind)) THEN
        RETURN jsonb_build_object('result', 'rejected', 'reason', 'permission_denied', 'command_id', cid,
                                  'message', format('%s (%s) may not %s.', s.username, s.role, replace(kind, '_', ' ')));
    END IF;
    PERFORM set_config('tt.actor', s.username, true);
    PERFORM set_config('tt.session_user', s.username, true);
    PERFORM set_config('tt.station', left(coalesce(nullif(p_command->>'station', ''), s.station, ''), 60), true);
    PERFORM set_config('tt.at', v_at::text, true);
    PERFORM set_config('tt.command', cid::text, true);
    BEGIN
        o := CASE kind
            WHEN 'select_parent' THEN tt_cmd_select_parent(p_command)
            WHEN 'link_child' THEN tt_cmd_link_child(p_command)
            WHEN 'undo' THEN tt_cmd_undo(p_command)
            WHEN 'move_child' THEN tt_cmd_move_child(p_command)
            WHEN 'delete_bag' THEN tt_cmd_delete_bag(p_command)
            WHEN 'register_bag' THEN tt_cmd_register_bag(p_command)
            WHEN 'record_weight' THEN tt_cmd_record_weight(p_command)
            WHEN 'create_bill' THEN tt_cmd_create_bill(p_command)
            WHEN 'add_parent_to_bill' THEN tt_cmd_add_parent_to_bill(p_command)
            WHEN 'remove_parent_from_bill' THEN tt_cmd_remove_parent_from_bill(p_command)
            WHEN 'complete_bill' THEN tt_cmd_complete_bill(p_command)
            WHEN 'reopen_bill' THEN tt_cmd_reopen_bill(p_command)
            WHEN 'set_bill_capacity' THEN tt_cmd_set_bill_capacity(p_command)
            WHEN 'delete_bill' THEN tt_cmd_delete_bill(p_command)
            WHEN 'open_return' THEN tt_cmd_open_return(p_command)
            WHEN 'return_parent' THEN tt_cmd_return_parent(p_command)
            WHEN 'finalise_return' THEN tt_cmd_finalise_return(p_command)
            WHEN 'cancel_return' THEN tt_cmd_cancel_return(p_command)
        END;
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
        VALUES (cid, kind, s.username, coalesce(p_command->>'actor', s.username), tt_ctx('station'), v_at, 'ok', o);
    END IF;
    RETURN o;
END $$;

-- Commands queued offline, in the station's order: each through tt_execute (idempotent by
-- command id); a rule rejection is recorded in conflicts. Stops at the first command the
-- session cannot run (expired session), so the station logs in again and resumes there.
-- Returns one outcome per command handled.
CREATE FUNCTION tt_replay(p_token text, p_commands jsonb) RETURNS jsonb
LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
    s record;
    c jsonb;
    o jsonb;
    known jsonb;
    outs jsonb[] := '{}'; -- appended in place (a jsonb array would be copied on every append)
BEGIN
    SELECT * INTO s FROM tt_session_of(p_token);
    IF s.user_id IS NULL THEN
        RETURN '[]'::jsonb;
    END IF;
    FOR c IN SELECT value FROM jsonb_array_elements(p_commands) LOOP
        SELECT outcome INTO known FROM conflicts WHERE command_id = (c->>'id')::uuid;
        IF FOUND THEN
            outs := outs || known;
            CONTINUE;
        END IF;
        o := tt_execute(p_token, c);
        IF o->>'reason' = 'session_expired' THEN
            EXIT;
        END IF;
        IF o->>'result' = 'rejected' THEN
            INSERT INTO conflicts(command_id, station, author, uploaded_by, kind, command, outcome, issued_at)
            VALUES ((c->>'id')::uuid, left(coalesce(nullif(c->>'station', ''), s.station), 60),
                    coalesce(c->>'actor', s.username), s.username, coalesce(c->>'kind', '?'), c, o,
                    coalesce((c->>'at')::timestamptz, now()))
            ON CONFLICT (command_id) DO NOTHING;
        END IF;
        outs := outs || o;
    END LOOP;
    RETURN to_jsonb(outs);
END $$;

-- The change feed after a station's last seen sequence: the entities to refresh and the
-- sequence to continue from (0: from the start). A station that has seen nothing yet (a negative
-- or NULL position) gets only the head.
-- Sequence numbers are taken before commit, so a row can become visible after a higher one;
-- the head therefore stops before the rows of the last 2 seconds, which the next call sees
-- again (refreshing an entity twice is harmless).
CREATE FUNCTION tt_changes(p_token text, p_after bigint, p_limit integer) RETURNS jsonb
LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
    s record;
    o jsonb;
BEGIN
    SELECT * INTO s FROM tt_session_of(p_token);
    IF s.user_id IS NULL THEN
        RETURN tt_session_expired();
    END IF;
    IF p_after IS NULL OR p_after < 0 THEN
        RETURN jsonb_build_object('result', 'ok',
                                  'head', (SELECT coalesce(max(seq), 0) FROM changes
                                            WHERE at < now() - interval '2 seconds'),
                                  'bags', '[]'::jsonb, 'bills', '[]'::jsonb, 'more', false);
    END IF;
    WITH c AS (
        SELECT seq, at, entity, entity_id FROM changes WHERE seq > p_after ORDER BY seq
         LIMIT greatest(p_limit, 1)
    )
    SELECT jsonb_build_object(
               'result', 'ok',
               'head', CASE WHEN count(*) >= greatest(p_limit, 1) THEN max(seq)
                            ELSE coalesce(max(seq) FILTER (WHERE at < now() - interval '2 seconds'), p_after) END,
               'more', count(*) >= greatest(p_limit, 1),
               'bags', coalesce(jsonb_agg(DISTINCT entity_id) FILTER (WHERE entity IN ('bag', 'link')), '[]'),
               'bills', coalesce(jsonb_agg(DISTINCT entity_id) FILTER (WHERE entity = 'bill'), '[]'))
      INTO o
      FROM c;
    RETURN o;
END $$;

-- The state of some bags and bills as a station's cache needs it: each bag with its parent and
-- the parent's children, each bill with its lines, and for every parent involved all its
-- children and its bill, so the cache can recompute every derived value. Codes that no longer
-- exist are listed under missing_bags / missing_bills.
CREATE FUNCTION tt_snapshot(p_token text, p_bags text[], p_bills text[]) RETURNS jsonb
LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
    s record;
    bag_codes text[] := (SELECT coalesce(array_agg(DISTINCT tt_norm(c)), '{}') FROM unnest(p_bags) c);
    bill_codes text[] := (SELECT coalesce(array_agg(DISTINCT upper(btrim(c))), '{}') FROM unnest(p_bills) c);
    asked bigint[];
    parents bigint[];
    bill_ids bigint[];
BEGIN
    SELECT * INTO s FROM tt_session_of(p_token);
    IF s.user_id IS NULL THEN
        RETURN tt_session_expired();
    END IF;
    asked := ARRAY(SELECT id FROM bags WHERE code = ANY (bag_codes));
    -- The bills asked for and the bills of the parents involved.
    bill_ids := ARRAY(
        SELECT id FROM bills WHERE bill_code = ANY (bill_codes)
        UNION
        SELECT bp.bill_id FROM bill_parents bp
         WHERE bp.parent_id = ANY (asked)
            OR bp.parent_id IN (SELECT parent_id FROM links WHERE child_id = ANY (asked) AND ended_at IS NULL));
    parents := ARRAY(
        SELECT id FROM bags WHERE id = ANY (asked) AND role = 'parent'
        UNION
        SELECT parent_id FROM links WHERE child_id = ANY (asked) AND ended_at IS NULL
        UNION
        SELECT parent_id FROM bill_parents WHERE bill_id = ANY (bill_ids));
    RETURN jsonb_build_object(
        'result', 'ok',
        'bags', (SELECT coalesce(jsonb_agg(jsonb_build_object(
                     'code', g.code, 'type', t.name, 'role', g.role, 'nominal_weight_g', g.nominal_weight_g,
                     'measured_weight_g', g.measured_weight_g, 'capacity', g.capacity,
                     'expected_weight_g', g.expected_weight_g, 'created_at', g.created_at,
                     'created_by', g.created_by, 'station', g.station)), '[]')
                   FROM bags g JOIN bag_types t ON t.id = g.type_id
                  WHERE g.id = ANY (asked) OR g.id = ANY (parents)
                     OR g.id IN (SELECT child_id FROM links WHERE parent_id = ANY (parents) AND ended_at IS NULL)),
        'links', (SELECT coalesce(jsonb_agg(jsonb_build_object(
                      'parent', p.code, 'child', c.code, 'linked_at', l.linked_at, 'linked_by', l.linked_by,
                      'station', l.station, 'command_id', l.command_id)), '[]')
                    FROM links l JOIN bags p ON p.id = l.parent_id JOIN bags c ON c.id = l.child_id
                   WHERE l.ended_at IS NULL AND (l.parent_id = ANY (parents) OR l.child_id = ANY (asked))),
        'parents', (SELECT coalesce(jsonb_agg(code), '[]') FROM bags WHERE id = ANY (parents)),
        'bills', (SELECT coalesce(jsonb_agg(jsonb_build_object(
                      'bill_code', b.bill_code, 'capacity', b.capacity, 'status', b.status,
                      'measured_weight_g', b.measured_weight_g, 'created_at', b.created_at,
                      'created_by', b.created_by, 'completed_at', b.completed_at,
                      'completed_by', b.completed_by)), '[]')
                    FROM bills b WHERE b.id = ANY (bill_ids)),
        'bill_parents', (SELECT coalesce(jsonb_agg(jsonb_build_object(
                             'bill', b.bill_code, 'parent', p.code, 'added_at', bp.added_at,
                             'added_by', bp.added_by)), '[]')
                           FROM bill_parents bp JOIN bills b ON b.id = bp.bill_id JOIN bags p ON p.id = bp.parent_id
                          WHERE bp.bill_id = ANY (bill_ids) OR bp.parent_id = ANY (parents)),
        'missing_bags', (SELECT coalesce(jsonb_agg(c), '[]') FROM unnest(bag_codes) c
                          WHERE NOT EXISTS (SELECT 1 FROM bags WHERE code = c)),
        'missing_bills', (SELECT coalesce(jsonb_agg(c), '[]') FROM unnest(bill_codes) c
                           WHERE NOT EXISTS (SELECT 1 FROM bills WHERE bill_code = c)));
END $$;

-- The working set a station loads when its cache is new: open bills and the parents that were
-- filled recently or are not full yet (bounded).
CREATE FUNCTION tt_working_set(p_token text, p_limit integer) RETURNS jsonb
LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
    s record;
BEGIN
    SELECT * INTO s FROM tt_session_of(p_token);
    IF s.user_id IS NULL THEN
        RETURN tt_session_expired();
    END IF;
    RETURN jsonb_build_object(
        'result', 'ok',
        'head', (SELECT coalesce(max(seq), 0) FROM changes WHERE at < now() - interval '2 seconds'),
        'bills', (SELECT coalesce(jsonb_agg(bill_code), '[]')
                    FROM (SELECT bill_code FROM bills WHERE status = 'open' ORDER BY id DESC LIMIT p_limit) b),
        'bags', (SELECT coalesce(jsonb_agg(code), '[]')
                   FROM (SELECT code FROM bags
                          WHERE role = 'parent' AND child_count < capacity
                          ORDER BY id DESC LIMIT p_limit) g));
END $$;

-- A station reports its outbox and scanner; the answer is the central time (for lag).
CREATE FUNCTION tt_station_report(p_token text, p_report jsonb) RETURNS jsonb
LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
    s record;
    st text;
BEGIN
    SELECT * INTO s FROM tt_session_of(p_token);
    IF s.user_id IS NULL THEN
        RETURN tt_session_expired();
    END IF;
    st := left(coalesce(nullif(p_report->>'station', ''), s.station, '-'), 60);
    INSERT INTO station_status AS x (station, username, last_contact, queue_depth, oldest_queued_at, last_sync_at,
                                     conflicts, scanner, app)
    VALUES (st, s.username, now(), greatest(coalesce((p_report->>'queue_depth')::integer, 0), 0),
            (p_report->>'oldest_queued_at')::timestamptz, (p_report->>'last_sync_at')::timestamptz,
            greatest(coalesce((p_report->>'conflicts')::integer, 0), 0), left(p_report->>'scanner', 200),
            left(p_report->>'app', 100))
    ON CONFLICT (station) DO UPDATE
        SET username = excluded.username, last_contact = excluded.last_contact, queue_depth = excluded.queue_depth,
            oldest_queued_at = excluded.oldest_queued_at, last_sync_at = excluded.last_sync_at,
            conflicts = excluded.conflicts, scanner = excluded.scanner, app = excluded.app;
    RETURN jsonb_build_object('result', 'ok', 'now', now());
END $$;

ALTER TABLE conflicts ENABLE ROW LEVEL SECURITY;
ALTER TABLE station_status ENABLE ROW LEVEL SECURITY;
-- Conflicts and station health: admins (BRIEF §7); a station learns its own conflicts from the
-- replay answers.
CREATE POLICY conflicts_read ON conflicts FOR SELECT TO tt_station USING ((SELECT tt_read_allowed('administer')));
CREATE POLICY station_status_read ON station_status FOR SELECT TO tt_station
    USING ((SELECT tt_read_allowed('administer')));
REVOKE ALL ON conflicts, station_status FROM PUBLIC;
GRANT SELECT ON conflicts, station_status TO tt_station;

REVOKE EXECUTE ON FUNCTION tt_replay(text, jsonb), tt_changes(text, bigint, integer),
    tt_snapshot(text, text[], text[]), tt_working_set(text, integer), tt_station_report(text, jsonb) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION tt_replay(text, jsonb), tt_changes(text, bigint, integer),
    tt_snapshot(text, text[], text[]), tt_working_set(text, integer), tt_station_report(text, jsonb) TO tt_station;
