-- Migration 011: the admin's user list with creation time and one-time-code state (tt_users), and the
-- site's settings read and changed centrally (tt_settings, tt_set_settings).

-- The admin's user list centrally as at an embedded station: when each account was created and
-- whether it logs in with a one-time code (the secret itself stays unreadable). The row type
-- grows, so the function is dropped and created again with its grant.
DROP FUNCTION tt_users(text);
CREATE FUNCTION tt_users(p_token text)
RETURNS TABLE (username text, role text, area text, enabled boolean, failed_logins integer,
               locked_until timestamptz, created_at timestamptz, totp_enabled boolean)
LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
BEGIN
    PERFORM tt_require(p_token, 'administer');
    RETURN QUERY
    SELECT u.username, u.role, coalesce(a.name, ''), u.enabled, u.failed_logins, u.locked_until,
           u.created_at, u.totp_enabled
      FROM users u LEFT JOIN areas a ON a.id = u.area_id ORDER BY u.username;
END $$;
REVOKE EXECUTE ON FUNCTION tt_users(text) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION tt_users(text) TO tt_station;

-- The site's settings (undo window, business time zone) for a station's screens and cache.
CREATE FUNCTION tt_settings(p_token text) RETURNS jsonb
LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
BEGIN
    PERFORM tt_require(p_token, 'view');
    RETURN coalesce((SELECT jsonb_object_agg(key, value) FROM settings), '{}');
END $$;

-- An admin changes them: p_values {key: value}; each value is checked before any is stored
-- (undo window 60-86 400 seconds, a time zone PostgreSQL knows), one audit record per changed
-- value (setting.update, before and after), all in the caller's transaction.
-- Returns {result, reason, message, changed}.
CREATE FUNCTION tt_set_settings(p_token text, p_values jsonb) RETURNS jsonb
LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
    s record;
    k text;
    v text;
    old text;
    n integer := 0;
BEGIN
    SELECT * INTO s FROM tt_session_of(p_token);
    IF s.user_id IS NULL THEN
        RETURN tt_session_expired();
    END IF;
    IF NOT EXISTS (SELECT 1 FROM role_permissions rp WHERE rp.role = s.role AND rp.permission = 'administer') THEN
        RETURN jsonb_build_object('result', 'rejected', 'reason', 'permission_denied',
                                  'message', format('%s (%s) may not change the settings.', s.username, s.role));
    END IF;
    IF jsonb_typeof(p_values) IS DISTINCT FROM 'object' THEN
        RETURN jsonb_build_object('result', 'rejected', 'reason', 'invalid_input',
                                  'message', 'The settings must be given as names and values.');
    END IF;
    FOR k, v IN SELECT key, value FROM jsonb_each_text(p_values) LOOP
        IF k = 'undo_window_seconds' THEN
            IF v !~ '^\d{1,6}$' OR v::integer NOT BETWEEN 60 AND 86400 THEN
                RETURN jsonb_build_object('result', 'rejected', 'reason', 'invalid_input',
                                          'message', format('The undo window must be 1 minute to 24 hours, not %s seconds.', left(v, 20)));
            END IF;
        ELSIF k = 'business_time_zone' THEN
            IF v IS NULL OR NOT EXISTS (SELECT 1 FROM pg_timezone_names WHERE name = v) THEN
                RETURN jsonb_build_object('result', 'rejected', 'reason', 'invalid_input',
                                          'message', format('%s is not a time zone.', left(coalesce(v, ''), 64)));
            END IF;
        ELSE
            RETURN jsonb_build_object('result', 'rejected', 'reason', 'invalid_input',
                                      'message', format('There is no setting %s.', left(k, 64)));
        END IF;
    END LOOP;
    PERFORM set_config('tt.actor', s.username, true), set_config('tt.session_user', s.username, true),
            set_config('tt.station', coalesce(s.station, ''), true);
    FOR k, v IN SELECT key, value FROM jsonb_each_text(p_values) ORDER BY key LOOP
        SELECT value INTO old FROM settings WHERE key = k FOR UPDATE;
        CONTINUE WHEN old IS NOT DISTINCT FROM v;
        INSERT INTO settings(key, value) VALUES (k, v) ON CONFLICT (key) DO UPDATE SET value = excluded.value;
        PERFORM tt_audit('setting.update', 'setting', k, jsonb_build_object('value', old), jsonb_build_object('value', v));
        n := n + 1;
    END LOOP;
    RETURN jsonb_build_object('result', 'ok', 'reason', '', 'changed', n,
                              'message', format('%s setting(s) changed.', n));
END $$;

GRANT EXECUTE ON FUNCTION tt_settings(text), tt_set_settings(text, jsonb) TO tt_station;
