-- A one-time code (TOTP, RFC 6238: HMAC-SHA-1, 30-second steps, 6 digits) for admins who turn it
-- on (BRIEF §3.5), as in embedded mode (SQLite migration 004, core/totp, AccountService). The
-- secret never leaves the database except once, at enrolment; each code works once
-- (totp_last_step); a missing or wrong code counts as a failed login towards the lockout.

-- totp_secret (001, never used until now) holds the raw secret.
ALTER TABLE users ALTER COLUMN totp_secret TYPE bytea USING NULL;
ALTER TABLE users ADD COLUMN totp_enabled boolean NOT NULL DEFAULT false;
ALTER TABLE users ADD COLUMN totp_last_step bigint;

-- RFC 4226 HOTP of one step: 6 digits with leading zeros.
CREATE FUNCTION tt_totp_code(p_secret bytea, p_step bigint) RETURNS text
LANGUAGE plpgsql IMMUTABLE AS $$
DECLARE
    h bytea := hmac(int8send(p_step), p_secret, 'sha1');
    o integer := get_byte(h, 19) & 15;
    bin bigint := ((get_byte(h, o) & 127)::bigint << 24) | (get_byte(h, o + 1) << 16) | (get_byte(h, o + 2) << 8)
                  | get_byte(h, o + 3);
BEGIN
    RETURN lpad((bin % 1000000)::text, 6, '0');
END $$;

-- The step of the current time whose code is p_code (one step either side for clock drift),
-- after p_last: NULL when none matches. core/totp matchingStep().
CREATE FUNCTION tt_totp_step(p_secret bytea, p_code text, p_last bigint) RETURNS bigint
LANGUAGE plpgsql AS $$
DECLARE
    code text := regexp_replace(coalesce(p_code, ''), '\s', '', 'g');
    now_step bigint := floor(extract(epoch FROM clock_timestamp()) / 30)::bigint;
    st bigint;
BEGIN
    IF p_secret IS NULL OR code !~ '^[0-9]{6}$' THEN
        RETURN NULL;
    END IF;
    FOR st IN now_step - 1 .. now_step + 1 LOOP
        IF (p_last IS NULL OR st > p_last) AND tt_totp_code(p_secret, st) = code THEN
            RETURN st;
        END IF;
    END LOOP;
    RETURN NULL;
END $$;

-- Login with the one-time code (NULL when the user has none). The three-argument tt_login of
-- 001 now calls this one with no code, so an account with the code on cannot log in without it.
CREATE FUNCTION tt_login(p_user text, p_password text, p_station text, p_totp text) RETURNS jsonb
LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
    -- A bcrypt hash of a random password: unknown users cost one crypt() like known ones.
    dummy text := (SELECT hash FROM login_dummy);
    name text := lower(btrim(coalesce(p_user, '')));
    u users%ROWTYPE;
    ok boolean;
    failure text;
    step bigint;
    token text;
    bad jsonb := jsonb_build_object('result', 'rejected', 'reason', 'bad_credentials',
                                    'message', 'Wrong user name or password.');
BEGIN
    PERFORM set_config('tt.actor', left(name, 64), true);
    PERFORM set_config('tt.station', left(coalesce(p_station, ''), 60), true);
    SELECT * INTO u FROM users WHERE username = name FOR UPDATE;
    IF NOT FOUND THEN
        PERFORM crypt(coalesce(p_password, ''), dummy);
        PERFORM tt_audit('login.fail', 'user', left(name, 64), NULL, jsonb_build_object('reason', 'unknown_user'));
        RETURN bad;
    END IF;
    ok := crypt(coalesce(p_password, ''), u.password_hash) = u.password_hash;
    IF u.locked_until IS NOT NULL AND u.locked_until > now() THEN
        PERFORM tt_audit('login.locked', 'user', name, NULL, NULL);
        RETURN jsonb_build_object('result', 'rejected', 'reason', 'account_locked', 'message',
            format('The account is locked after too many failed logins; try again in %s minute(s) or ask an admin.',
                   ceil(extract(epoch FROM u.locked_until - now()) / 60)::int));
    END IF;
    IF NOT ok THEN
        failure := 'password';
    ELSIF NOT u.enabled THEN
        failure := 'disabled';
    ELSIF u.totp_enabled THEN
        IF btrim(coalesce(p_totp, '')) = '' THEN
            failure := 'totp_missing';
            bad := bad || jsonb_build_object('message', 'This account needs the one-time code from its authenticator app.');
        ELSE
            step := tt_totp_step(u.totp_secret, p_totp, u.totp_last_step);
            IF step IS NULL THEN
                failure := 'totp';
            ELSE
                UPDATE users SET totp_last_step = step WHERE id = u.id;
            END IF;
        END IF;
    END IF;
    IF failure IS NOT NULL THEN
        IF failure <> 'disabled' THEN
            UPDATE users SET failed_logins = CASE WHEN failed_logins + 1 >= 5 THEN 0 ELSE failed_logins + 1 END,
                             locked_until = CASE WHEN failed_logins + 1 >= 5 THEN now() + interval '15 minutes'
                                                 ELSE locked_until END
             WHERE id = u.id
            RETURNING * INTO u;
        END IF;
        PERFORM tt_audit('login.fail', 'user', name, NULL,
                         jsonb_build_object('reason', failure,
                                            'locked', u.locked_until IS NOT NULL AND u.locked_until > now()));
        IF u.locked_until IS NOT NULL AND u.locked_until > now() THEN
            RETURN jsonb_build_object('result', 'rejected', 'reason', 'account_locked', 'message',
                'The account is locked after too many failed logins; try again in 15 minute(s) or ask an admin.');
        END IF;
        RETURN bad;
    END IF;
    UPDATE users SET failed_logins = 0, locked_until = NULL
     WHERE id = u.id AND (failed_logins <> 0 OR locked_until IS NOT NULL);
    token := encode(gen_random_bytes(32), 'hex');
    INSERT INTO sessions(token_hash, user_id, station, expires_at)
    VALUES (tt_token_hash(token), u.id, nullif(left(coalesce(p_station, ''), 60), ''), now() + interval '1 hour');
    IF p_station IS NOT NULL AND p_station <> '' THEN
        INSERT INTO stations(id, last_seen) VALUES (left(p_station, 60), now())
        ON CONFLICT (id) DO UPDATE SET last_seen = now();
    END IF;
    PERFORM tt_audit('login.ok', 'user', name, NULL, CASE WHEN u.totp_enabled THEN '{"totp": true}'::jsonb END);
    RETURN jsonb_build_object('result', 'ok', 'reason', '', 'user', u.username, 'role', u.role, 'token', token,
                              'expires_at', now() + interval '1 hour', 'totp', u.totp_enabled);
END $$;

CREATE OR REPLACE FUNCTION tt_login(p_user text, p_password text, p_station text) RETURNS jsonb
LANGUAGE sql VOLATILE SECURITY DEFINER SET search_path = public, pg_temp AS $$
    SELECT tt_login(p_user, p_password, p_station, NULL::text)
$$;

-- The session's own admin row, locked, for a change of its one-time code; NULL with the answer
-- in p_refusal otherwise.
CREATE FUNCTION tt_totp_owner(p_token text, OUT u users, OUT refusal jsonb)
LANGUAGE plpgsql AS $$
DECLARE
    s record;
BEGIN
    SELECT * INTO s FROM tt_session_of(p_token);
    IF s.user_id IS NULL THEN
        refusal := tt_session_expired();
        RETURN;
    END IF;
    IF s.role <> 'admin' THEN
        refusal := jsonb_build_object('result', 'rejected', 'reason', 'permission_denied',
                                      'message', 'Only admin accounts use a one-time code.');
        RETURN;
    END IF;
    SELECT * INTO u FROM users WHERE id = s.user_id FOR UPDATE;
    PERFORM set_config('tt.actor', s.username, true), set_config('tt.session_user', s.username, true),
            set_config('tt.station', coalesce(s.station, ''), true);
END $$;

-- Enrolment: a new secret, not yet required; the answer carries it (hex) once.
CREATE FUNCTION tt_totp_begin(p_token text) RETURNS jsonb
LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
    o record;
    secret bytea := gen_random_bytes(20);
BEGIN
    SELECT * INTO o FROM tt_totp_owner(p_token);
    IF o.refusal IS NOT NULL THEN
        RETURN o.refusal;
    END IF;
    IF (o.u).totp_enabled THEN
        RETURN jsonb_build_object('result', 'rejected', 'reason', 'invalid_input',
            'message', format('%s has a one-time code already; disable it first to set up a new device.', (o.u).username));
    END IF;
    UPDATE users SET totp_secret = secret, totp_enabled = false, totp_last_step = NULL WHERE id = (o.u).id;
    -- The secret itself never goes into the audit trail.
    PERFORM tt_audit('user.totp_begin', 'user', (o.u).username, '{"totp": false}', '{"totp": "pending"}');
    RETURN jsonb_build_object('result', 'ok', 'reason', '', 'message', 'pending', 'secret_hex', encode(secret, 'hex'));
END $$;

CREATE FUNCTION tt_totp_confirm(p_token text, p_code text) RETURNS jsonb
LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
    o record;
    step bigint;
BEGIN
    SELECT * INTO o FROM tt_totp_owner(p_token);
    IF o.refusal IS NOT NULL THEN
        RETURN o.refusal;
    END IF;
    IF (o.u).totp_enabled THEN
        RETURN jsonb_build_object('result', 'rejected', 'reason', 'invalid_input',
                                  'message', format('The one-time code of %s is on already.', (o.u).username));
    END IF;
    IF (o.u).totp_secret IS NULL THEN
        RETURN jsonb_build_object('result', 'rejected', 'reason', 'invalid_input',
            'message', 'Set up the one-time code first (`user totp enable`), then confirm a code.');
    END IF;
    step := tt_totp_step((o.u).totp_secret, p_code, (o.u).totp_last_step);
    IF step IS NULL THEN
        RETURN jsonb_build_object('result', 'rejected', 'reason', 'invalid_input',
            'message', 'That code does not match. Enter the 6-digit code the app shows now, and check that the '
                       'device''s clock is right.');
    END IF;
    UPDATE users SET totp_enabled = true, totp_last_step = step WHERE id = (o.u).id;
    PERFORM tt_audit('user.totp_enable', 'user', (o.u).username, '{"totp": "pending"}', '{"totp": true}');
    RETURN jsonb_build_object('result', 'ok', 'reason', '',
                              'message', format('One-time code on: %s logs in with password and code.', (o.u).username));
END $$;

-- Off for oneself, or by an admin for anyone (a lost device).
CREATE FUNCTION tt_totp_disable(p_token text, p_user text) RETURNS jsonb
LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
    s record;
    name text := lower(btrim(coalesce(p_user, '')));
    u users%ROWTYPE;
BEGIN
    SELECT * INTO s FROM tt_session_of(p_token);
    IF s.user_id IS NULL THEN
        RETURN tt_session_expired();
    END IF;
    IF name <> s.username
       AND NOT EXISTS (SELECT 1 FROM role_permissions rp WHERE rp.role = s.role AND rp.permission = 'administer') THEN
        RETURN jsonb_build_object('result', 'rejected', 'reason', 'permission_denied',
                                  'message', 'Only an admin turns off another user''s one-time code.');
    END IF;
    SELECT * INTO u FROM users WHERE username = name FOR UPDATE;
    IF NOT FOUND THEN
        RETURN jsonb_build_object('result', 'rejected', 'reason', 'unknown_user',
                                  'message', format('There is no user %s.', left(name, 32)));
    END IF;
    IF NOT u.totp_enabled AND u.totp_secret IS NULL THEN
        RETURN jsonb_build_object('result', 'rejected', 'reason', 'invalid_input',
                                  'message', format('%s has no one-time code.', name));
    END IF;
    PERFORM set_config('tt.actor', s.username, true), set_config('tt.session_user', s.username, true),
            set_config('tt.station', coalesce(s.station, ''), true);
    UPDATE users SET totp_secret = NULL, totp_enabled = false, totp_last_step = NULL WHERE id = u.id;
    PERFORM tt_audit('user.totp_disable', 'user', name,
                     jsonb_build_object('totp', CASE WHEN u.totp_enabled THEN to_jsonb(true) ELSE '"pending"'::jsonb END),
                     '{"totp": false}');
    RETURN jsonb_build_object('result', 'ok', 'reason', '', 'message', format('One-time code of %s off.', name));
END $$;

GRANT EXECUTE ON FUNCTION tt_login(text, text, text, text), tt_totp_begin(text), tt_totp_confirm(text, text),
    tt_totp_disable(text, text) TO tt_station;
