-- Central reads (BRIEF §8 P3, P4, P5; docs/benchmarks.md "Migration 012"): the session check
-- inlined into the statement that reads, one statement per bag lookup, statistics in one pass,
-- short search needles through the trigram index.
--
-- Profiled with a DO block of 1 000 calls, perf on the backend and EXPLAIN (ANALYZE, BUFFERS):
-- a tt_bag call ran five statements, each one executor start-up, and the session lookup alone
-- (a plpgsql function called from a statement: a function scan around a nested plpgsql call
-- around its query) cost more than reading the bag.

-- 1. The session of a token as a set-returning SQL function: the planner inlines it into the
-- calling statement (a STABLE SQL function returning SETOF, without SECURITY DEFINER or SET,
-- executable by its caller: the entry points, which run as the owner), so the check is one
-- more join in the caller's statement instead of a nested function call. At most one row (the
-- token hash is the primary key); callers read it as before (`SELECT * INTO s FROM
-- tt_session_of(…)`: nulls when there is none).
DROP FUNCTION tt_session_of(text);
CREATE FUNCTION tt_session_of(p_token text)
RETURNS TABLE (user_id bigint, username text, role text, station text, token_hash bytea)
LANGUAGE sql STABLE AS $$
    SELECT s.user_id, u.username, u.role, s.station, s.token_hash
      FROM sessions s JOIN users u ON u.id = s.user_id
     WHERE s.token_hash = digest(coalesce(p_token, ''), 'sha256')
       AND s.ended_at IS NULL AND s.expires_at > now() AND s.last_used > now() - interval '30 minutes'
       AND u.enabled
$$;
REVOKE EXECUTE ON FUNCTION tt_session_of(text) FROM PUBLIC;

-- The session with the permission checked, in one statement (the session and the permission
-- row joined): raises 42501 "session_expired" or "permission_denied: …" as before.
CREATE OR REPLACE FUNCTION tt_require(p_token text, p_permission text, OUT user_id bigint, OUT username text,
                                      OUT role text, OUT station text)
LANGUAGE plpgsql STABLE AS $$
DECLARE
    allowed boolean;
BEGIN
    SELECT s.user_id, s.username, s.role, s.station,
           EXISTS (SELECT 1 FROM role_permissions rp WHERE rp.role = s.role AND rp.permission = p_permission)
      INTO user_id, username, role, station, allowed
      FROM tt_session_of(p_token) s;
    IF user_id IS NULL THEN
        RAISE EXCEPTION 'session_expired' USING ERRCODE = '42501',
            DETAIL = 'The session has expired or is not valid; log in again.';
    END IF;
    IF NOT allowed THEN
        RAISE EXCEPTION 'permission_denied' USING ERRCODE = '42501',
            DETAIL = format('%s (%s) may not do this.', username, role);
    END IF;
END $$;

-- 2. A bag by code (BRIEF §8 P3): one statement reads the bag with its type only when the
-- session is valid (the session inlined as a join), a second one its link in force and parent
-- (child) or its bill and children (parent); the answer is built from variables (no executor).
-- A bag that is not found costs one more statement to tell "no bag" from "no session". Same
-- answer as 001's tt_bag, key for key.
CREATE OR REPLACE FUNCTION tt_bag(p_token text, p_code text) RETURNS jsonb
LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
    g record;
    parent_code text;
    linked_by text;
    linked_at timestamptz;
    bill_code text;
    children jsonb;
    o jsonb;
BEGIN
    SELECT b.*, t.name AS type_name INTO g
      FROM tt_session_of(p_token) s, bags b LEFT JOIN bag_types t ON t.id = b.type_id
     WHERE b.code = tt_norm(p_code);
    IF NOT FOUND THEN
        IF NOT EXISTS (SELECT 1 FROM tt_session_of(p_token)) THEN
            RAISE EXCEPTION 'session_expired' USING ERRCODE = '42501';
        END IF;
        RETURN NULL;
    END IF;
    o := jsonb_build_object('id', g.id, 'code', g.code, 'role', g.role, 'type', g.type_name,
                            'created_at', g.created_at, 'created_by', g.created_by,
                            'measured_weight_g', g.measured_weight_g, 'capacity', g.capacity,
                            'child_count', g.child_count, 'contents_weight_g', g.contents_weight_g,
                            'expected_weight_g', g.expected_weight_g);
    IF g.role = 'child' THEN
        SELECT p.code, l.linked_by, l.linked_at INTO parent_code, linked_by, linked_at
          FROM links l JOIN bags p ON p.id = l.parent_id
         WHERE l.child_id = g.id AND l.ended_at IS NULL;
        o := o || CASE WHEN FOUND
                       THEN jsonb_build_object('weight_g', coalesce(g.measured_weight_g, g.nominal_weight_g),
                                               'parent', parent_code, 'linked_by', linked_by, 'linked_at', linked_at)
                       ELSE jsonb_build_object('weight_g', coalesce(g.measured_weight_g, g.nominal_weight_g)) END;
    ELSE
        SELECT (SELECT bl.bill_code FROM bill_parents bp JOIN bills bl ON bl.id = bp.bill_id WHERE bp.parent_id = g.id),
               coalesce((SELECT jsonb_agg(c.code ORDER BY l.id) FROM links l JOIN bags c ON c.id = l.child_id
                          WHERE l.parent_id = g.id AND l.ended_at IS NULL), '[]')
          INTO bill_code, children;
        o := o || jsonb_build_object('weight_g', g.contents_weight_g, 'bill', bill_code, 'children', children);
    END IF;
    RETURN o;
END $$;

-- 3. Statistics (BRIEF §8 P4) in one pass: the totals (roll-up plus the counters from its
-- cut-off on) and today's figures (the day's counters, which are among those) from one scan,
-- instead of reading today's counters a second time. A day before the cut-off (not asked by
-- the stations, which ask for today) is read separately as before.
CREATE OR REPLACE FUNCTION tt_stats(p_token text, p_day date) RETURNS jsonb
LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
    cut date;
    o jsonb;
BEGIN
    PERFORM tt_require(p_token, 'view');
    SELECT through INTO cut FROM stat_rollup_state;
    -- Bounded on both sides so the cached plan walks the primary key from the cut-off (005).
    SELECT jsonb_build_object('totals', coalesce(jsonb_object_agg(t.metric, t.total), '{}'),
                              'today', coalesce(jsonb_object_agg(t.metric, t.today) FILTER (WHERE t.today IS NOT NULL), '{}'))
      INTO o
      FROM (SELECT x.metric, sum(x.value) AS total, sum(x.value) FILTER (WHERE x.day = p_day) AS today
              FROM (SELECT r.metric, NULL::date AS day, r.value FROM stat_rollup r
                    UNION ALL
                    SELECT c.metric, c.day, c.value FROM stat_counters c WHERE c.day >= cut AND c.day <= 'infinity'::date) x
             GROUP BY x.metric) t;
    IF p_day < cut THEN
        o := jsonb_set(o, '{today}', coalesce((SELECT jsonb_object_agg(metric, v) FROM (
            SELECT metric, sum(value) AS v FROM stat_counters WHERE day = p_day GROUP BY metric) t), '{}'));
    END IF;
    RETURN o;
END $$;

-- 4. Substring search (BRIEF §8 P5) for two-character needles of letters and digits. They have
-- no trigram of their own, so they walked the primary key until `limit` matches: through all
-- 2M codes when the needle is rare (0.5 s). Now the condition also names a regular expression
-- that pg_trgm turns into trigrams: the needle after the start of the code, a space or
-- punctuation (the trigram " ab"), or after a letter or digit (36 trigrams "xab"). It holds for
-- every code of printable ASCII that contains the needle (all a command or an import can
-- create: tt_bag_code); codes with any other character are taken through the partial index
-- below (normally empty). Planned per call as before: a common needle still walks the primary
-- key, a rare one reads its few matches through the indexes. Same answer as before: the first
-- `limit` matches by id, sorted by code. Other needles as before.
CREATE INDEX bags_code_not_ascii ON bags (id) WHERE code ~ '[^ -~]';

CREATE OR REPLACE FUNCTION tt_search_bags(p_token text, p_text text, p_limit integer)
RETURNS TABLE (code text, role text, child_count integer, capacity integer)
LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
    needle text := upper(btrim(coalesce(p_text, '')));
    lim integer := least(greatest(coalesce(p_limit, 50), 1), 10000);
BEGIN
    PERFORM tt_require(p_token, 'view');
    IF needle ~ '^[A-Z0-9]{2}$' THEN
        RETURN QUERY EXECUTE
            'SELECT f.code, f.role, f.child_count, f.capacity FROM (SELECT b.id, b.code, b.role, b.child_count, '
            'b.capacity FROM bags b WHERE strpos(b.code, $2) > 0 AND (b.code ~ $1 OR b.code ~ ''[^ -~]'') '
            'ORDER BY b.id LIMIT $3) f ORDER BY f.code'
            USING '(^|[ -/:-@[-`{-~]|[A-Z0-9])' || needle, needle, lim;
        RETURN;
    END IF;
    RETURN QUERY EXECUTE
        'SELECT f.code, f.role, f.child_count, f.capacity FROM (SELECT b.id, b.code, b.role, b.child_count, b.capacity '
        'FROM bags b WHERE b.code LIKE $1 ORDER BY b.id LIMIT $2) f ORDER BY f.code'
        USING tt_like_any(needle), lim;
END $$;
