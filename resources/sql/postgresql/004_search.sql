-- Central reads for the CLI and the dashboard, and substring search (BRIEF §8 P5) through a
-- pg_trgm GIN index. pg_trgm is in postgresql-contrib and trusted: the database owner may
-- create it. Every function resolves the session token it is given (never a setting holding a
-- user or role) and checks the permission table like tt_execute.

CREATE EXTENSION IF NOT EXISTS pg_trgm;

CREATE INDEX bags_code_trgm ON bags USING gin (code gin_trgm_ops);

-- The session of a token with the permission checked: raises 42501 "session_expired" or
-- "permission_denied: …" (internal; the callers are SECURITY DEFINER).
CREATE FUNCTION tt_require(p_token text, p_permission text, OUT user_id bigint, OUT username text, OUT role text,
                           OUT station text)
LANGUAGE plpgsql STABLE SET search_path = public, pg_temp AS $$
DECLARE
    s record;
BEGIN
    SELECT * INTO s FROM tt_session_of(p_token);
    IF s.user_id IS NULL THEN
        RAISE EXCEPTION 'session_expired' USING ERRCODE = '42501',
            DETAIL = 'The session has expired or is not valid; log in again.';
    END IF;
    IF NOT EXISTS (SELECT 1 FROM role_permissions rp WHERE rp.role = s.role AND rp.permission = p_permission) THEN
        RAISE EXCEPTION 'permission_denied' USING ERRCODE = '42501',
            DETAIL = format('%s (%s) may not do this.', s.username, s.role);
    END IF;
    user_id := s.user_id;
    username := s.username;
    role := s.role;
    station := s.station;
END $$;

-- LIKE pattern matching text anywhere (%, _ and \ taken literally).
CREATE FUNCTION tt_like_any(p_text text) RETURNS text
LANGUAGE sql IMMUTABLE SET search_path = public, pg_temp AS $$
    SELECT '%' || replace(replace(replace(p_text, '\', '\\'), '%', '\%'), '_', '\_') || '%'
$$;

-- Bags whose code contains the text: the first `limit` by creation order, sorted by code (as
-- the embedded store's bag search). Planned per call (EXECUTE) so the trigram index is used
-- for rare needles and the primary key for common ones.
CREATE FUNCTION tt_search_bags(p_token text, p_text text, p_limit integer)
RETURNS TABLE (code text, role text, child_count integer, capacity integer)
LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
BEGIN
    PERFORM tt_require(p_token, 'view');
    RETURN QUERY EXECUTE
        'SELECT f.code, f.role, f.child_count, f.capacity FROM (SELECT b.id, b.code, b.role, b.child_count, b.capacity '
        'FROM bags b WHERE b.code LIKE $1 ORDER BY b.id LIMIT $2) f ORDER BY f.code'
        USING tt_like_any(upper(btrim(coalesce(p_text, '')))), least(greatest(coalesce(p_limit, 50), 1), 10000);
END $$;

-- Bills, newest first, optionally by status and a substring of the id.
CREATE FUNCTION tt_bills(p_token text, p_status text, p_search text, p_limit integer)
RETURNS TABLE (bill_code text, status text, parent_count integer, capacity integer, actual_weight_g bigint,
               expected_weight_g bigint)
LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
BEGIN
    PERFORM tt_require(p_token, 'view');
    RETURN QUERY
    SELECT b.bill_code, b.status, b.parent_count, b.capacity, b.actual_weight_g, b.expected_weight_g
      FROM bills b
     WHERE (p_status IS NULL OR b.status = p_status)
       AND (coalesce(p_search, '') = '' OR b.bill_code LIKE tt_like_any(upper(btrim(p_search))))
     ORDER BY b.id DESC
     LIMIT least(greatest(coalesce(p_limit, 200), 1), 10000);
END $$;

-- Statistics roll-up: a total is stat_rollup (the counters of the days before `through`, one
-- row per station and metric) plus the counters from `through` on, so it reads a few rows per
-- station and metric however long the history (BRIEF §8 P4). The per-day rows stay (charts,
-- reports, tt_verify). The owner runs tt_roll_up_stats() daily (cron), next to
-- tt_ensure_partitions.
CREATE TABLE stat_rollup (
    station text NOT NULL,
    metric  text NOT NULL,
    value   bigint NOT NULL,
    PRIMARY KEY (station, metric)
);
CREATE TABLE stat_rollup_state (
    id      boolean PRIMARY KEY DEFAULT true CHECK (id),
    through date NOT NULL
);
INSERT INTO stat_rollup_state(through) VALUES ('-infinity');
ALTER TABLE stat_rollup ENABLE ROW LEVEL SECURITY;
ALTER TABLE stat_rollup_state ENABLE ROW LEVEL SECURITY;

-- Rolls the counters of the days before p_through (at most yesterday, UTC) into stat_rollup;
-- returns the new cut-off. Writers wait while it runs (a moment, once a day).
CREATE FUNCTION tt_roll_up_stats(p_through date DEFAULT NULL) RETURNS date
LANGUAGE plpgsql SET search_path = public, pg_temp AS $$
DECLARE
    yesterday date := (now() AT TIME ZONE 'UTC')::date - 1;
    old_through date;
    new_through date;
BEGIN
    new_through := least(coalesce(p_through, yesterday), yesterday);
    LOCK TABLE stat_counters IN SHARE ROW EXCLUSIVE MODE;
    SELECT through INTO old_through FROM stat_rollup_state FOR UPDATE;
    IF new_through <= old_through THEN
        RETURN old_through;
    END IF;
    INSERT INTO stat_rollup AS r (station, metric, value)
    SELECT station, metric, sum(value) FROM stat_counters WHERE day >= old_through AND day < new_through
     GROUP BY station, metric
    ON CONFLICT (station, metric) DO UPDATE SET value = r.value + excluded.value;
    UPDATE stat_rollup_state SET through = new_through;
    RETURN new_through;
END $$;

-- 001's counter, now also moving the roll-up when a late command (offline replay) counts on
-- a day already rolled up. The cut-off is read after the upsert, which waits for a running
-- roll-up, so it is the current one; days since yesterday are never rolled up.
CREATE OR REPLACE FUNCTION tt_count(p_day date, p_metric text, p_delta bigint) RETURNS void
LANGUAGE plpgsql SET search_path = public, pg_temp AS $$
DECLARE
    v_station text := coalesce(nullif(current_setting('tt.station', true), ''), '-');
BEGIN
    INSERT INTO stat_counters AS s (day, station, metric, value)
    VALUES (p_day, v_station, p_metric, p_delta)
    ON CONFLICT (day, station, metric) DO UPDATE SET value = s.value + excluded.value;
    IF p_day < (now() AT TIME ZONE 'UTC')::date - 1 AND p_day < (SELECT through FROM stat_rollup_state) THEN
        INSERT INTO stat_rollup AS r (station, metric, value)
        VALUES (v_station, p_metric, p_delta)
        ON CONFLICT (station, metric) DO UPDATE SET value = r.value + excluded.value;
    END IF;
END $$;

-- Statistics: totals over all days (roll-up plus the recent counters), today for p_day (UTC),
-- both summed over all stations.
CREATE FUNCTION tt_stats(p_token text, p_day date) RETURNS jsonb
LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
BEGIN
    PERFORM tt_require(p_token, 'view');
    RETURN jsonb_build_object(
        'totals', coalesce((SELECT jsonb_object_agg(metric, v) FROM (
            SELECT metric, sum(value) AS v FROM (
                SELECT r.metric, r.value FROM stat_rollup r
                UNION ALL
                SELECT c.metric, c.value FROM stat_counters c WHERE c.day >= (SELECT through FROM stat_rollup_state)) x
             GROUP BY metric) t), '{}'),
        'today', coalesce((SELECT jsonb_object_agg(metric, v) FROM (SELECT metric, sum(value) AS v FROM stat_counters
                                                                     WHERE day = p_day GROUP BY metric) t), '{}'));
END $$;

-- The dashboard (database/dashboardquery.h) in one round trip: statistics as tt_stats, and for
-- the business day [p_from, p_to): scans per hour (p_offset_minutes: the zone's offset from
-- UTC), the user's scans, scans per area; scans per UTC day for p_days days up to p_day; the
-- last p_last scans.
CREATE FUNCTION tt_dashboard(p_token text, p_day date, p_from timestamptz, p_to timestamptz,
                             p_offset_minutes integer, p_user text, p_days integer, p_last integer) RETURNS jsonb
LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
BEGIN
    PERFORM tt_require(p_token, 'view');
    RETURN tt_stats(p_token, p_day) || jsonb_build_object(
        'per_hour', coalesce((SELECT jsonb_object_agg(h, n) FROM (
            SELECT extract(hour FROM s.at AT TIME ZONE 'UTC' + make_interval(mins => p_offset_minutes))::int AS h,
                   count(*) AS n
              FROM scans s WHERE s.at >= p_from AND s.at < p_to GROUP BY 1) t), '{}'),
        'user_today', CASE WHEN coalesce(p_user, '') = '' THEN 0 ELSE
            (SELECT count(*) FROM scans s WHERE s.at >= p_from AND s.at < p_to AND s.username = p_user) END,
        'per_day', coalesce((SELECT jsonb_object_agg(day, v) FROM (
            SELECT day, sum(value) AS v FROM stat_counters
             WHERE metric = 'scans' AND day > p_day - greatest(p_days, 1) AND day <= p_day GROUP BY day) t), '{}'),
        'per_area', coalesce((SELECT jsonb_agg(jsonb_build_array(a, n) ORDER BY n DESC, a) FROM (
            SELECT coalesce(ar.name, '') AS a, count(*) AS n
              FROM scans s LEFT JOIN users u ON u.username = s.username LEFT JOIN areas ar ON ar.id = u.area_id
             WHERE s.at >= p_from AND s.at < p_to GROUP BY 1) t), '[]'),
        'last', coalesce((SELECT jsonb_agg(to_jsonb(t) ORDER BY t.at DESC, t.id DESC) FROM (
            SELECT s.id, s.at, s.username, s.station, s.code, s.action, s.parent, s.bill, s.command_id
              FROM scans s ORDER BY s.at DESC, s.id DESC LIMIT least(greatest(p_last, 0), 1000)) t), '[]'));
END $$;

-- Users for the admin: name, role, area, enabled, locked until.
CREATE FUNCTION tt_users(p_token text)
RETURNS TABLE (username text, role text, area text, enabled boolean, failed_logins integer, locked_until timestamptz)
LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
BEGIN
    PERFORM tt_require(p_token, 'administer');
    RETURN QUERY
    SELECT u.username, u.role, coalesce(a.name, ''), u.enabled, u.failed_logins, u.locked_until
      FROM users u LEFT JOIN areas a ON a.id = u.area_id ORDER BY u.username;
END $$;

-- An admin changes a user (core/accountrules checkUserChange: nobody changes their own role,
-- the last active admin is neither demoted nor disabled); anyone may set their own password.
-- p_action: role (p_value = role), enable, disable, unlock, password (p_value = password).
-- Returns {result, reason, message}; the users trigger writes the audit record.
CREATE FUNCTION tt_change_user(p_token text, p_action text, p_user text, p_value text) RETURNS jsonb
LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
    s record;
    name text := lower(btrim(coalesce(p_user, '')));
    u users%ROWTYPE;
    admin boolean;
    admins integer;
    loses_admin boolean;
BEGIN
    SELECT * INTO s FROM tt_session_of(p_token);
    IF s.user_id IS NULL THEN
        RETURN jsonb_build_object('result', 'rejected', 'reason', 'session_expired',
                                  'message', 'The session has expired or is not valid; log in again.');
    END IF;
    UPDATE sessions SET last_used = now() WHERE token_hash = s.token_hash;
    admin := EXISTS (SELECT 1 FROM role_permissions rp WHERE rp.role = s.role AND rp.permission = 'administer');
    IF NOT admin AND NOT (p_action = 'password' AND name = s.username) THEN
        RETURN jsonb_build_object('result', 'rejected', 'reason', 'permission_denied',
            'message', CASE WHEN p_action = 'password' THEN 'Only an admin sets another user''s password.'
                            ELSE format('%s (%s) may not manage users.', s.username, s.role) END);
    END IF;
    IF p_action NOT IN ('role', 'enable', 'disable', 'unlock', 'password') THEN
        RETURN jsonb_build_object('result', 'rejected', 'reason', 'invalid_input',
                                  'message', format('Unknown user change "%s".', left(p_action, 20)));
    END IF;
    IF p_action = 'role' AND NOT EXISTS (SELECT 1 FROM roles r WHERE r.name = p_value) THEN
        RETURN jsonb_build_object('result', 'rejected', 'reason', 'invalid_input', 'message', 'Unknown role.');
    END IF;
    IF p_action = 'password' AND NOT tt_password_ok(coalesce(p_value, '')) THEN
        RETURN jsonb_build_object('result', 'rejected', 'reason', 'weak_password', 'message',
            'A password needs at least 10 characters and three of lower case, upper case, digits and symbols.');
    END IF;
    -- Admin rows first (in id order), so two admins demoting each other cannot both pass.
    PERFORM 1 FROM users WHERE users.role = 'admin' ORDER BY id FOR UPDATE;
    SELECT * INTO u FROM users WHERE users.username = name FOR UPDATE;
    IF NOT FOUND THEN
        RETURN jsonb_build_object('result', 'rejected', 'reason', 'unknown_user',
                                  'message', format('There is no user %s.', left(name, 32)));
    END IF;
    IF p_action = 'role' AND p_value <> u.role AND u.username = s.username THEN
        RETURN jsonb_build_object('result', 'rejected', 'reason', 'own_role',
                                  'message', 'Nobody can change their own role.');
    END IF;
    loses_admin := u.role = 'admin' AND u.enabled
                   AND ((p_action = 'role' AND p_value <> 'admin') OR p_action = 'disable');
    SELECT count(*) INTO admins FROM users WHERE users.role = 'admin' AND users.enabled;
    IF loses_admin AND admins <= 1 THEN
        RETURN jsonb_build_object('result', 'rejected', 'reason', 'last_admin',
            'message', format('%s is the last active admin and cannot be demoted or disabled.', u.username));
    END IF;
    PERFORM set_config('tt.actor', s.username, true);
    PERFORM set_config('tt.session_user', s.username, true);
    PERFORM set_config('tt.station', coalesce(s.station, ''), true);
    CASE p_action
        WHEN 'role' THEN
            UPDATE users SET role = p_value WHERE id = u.id;
        WHEN 'enable' THEN
            UPDATE users SET enabled = true WHERE id = u.id;
        WHEN 'disable' THEN
            UPDATE users SET enabled = false WHERE id = u.id;
            UPDATE sessions SET ended_at = now() WHERE sessions.user_id = u.id AND ended_at IS NULL;
        WHEN 'unlock' THEN
            UPDATE users SET failed_logins = 0, locked_until = NULL WHERE id = u.id;
            PERFORM tt_audit('user.unlock', 'user', u.username, NULL, NULL);
        WHEN 'password' THEN
            UPDATE users SET password_hash = crypt(p_value, gen_salt('bf', 12)), failed_logins = 0, locked_until = NULL
             WHERE id = u.id;
    END CASE;
    RETURN jsonb_build_object('result', 'ok', 'reason', '', 'message',
        CASE p_action
            WHEN 'role' THEN format('%s is now %s.', u.username, p_value)
            WHEN 'enable' THEN format('%s enabled.', u.username)
            WHEN 'disable' THEN format('%s disabled.', u.username)
            WHEN 'unlock' THEN format('%s unlocked.', u.username)
            ELSE format('Password of %s changed.', u.username) END);
END $$;

GRANT EXECUTE ON FUNCTION tt_search_bags(text, text, integer), tt_bills(text, text, text, integer),
    tt_stats(text, date), tt_dashboard(text, date, timestamptz, timestamptz, integer, text, integer, integer),
    tt_users(text), tt_change_user(text, text, text, text) TO tt_station;
