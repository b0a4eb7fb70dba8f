-- Admin data centrally (BRIEF §3.5): bag types, dispatch areas and stations are changed by
-- admin commands through tt_execute / tt_replay with the same rules and messages as the
-- embedded store (database/admincommands.cpp, core/bagtype.cpp), audited, and deactivated
-- instead of deleted once something refers to them (as SQLite migration 004). A user's dispatch
-- area is set by tt_set_user_area. Internal helpers have no SET search_path (see 005).

ALTER TABLE bag_types ADD COLUMN active boolean NOT NULL DEFAULT true;
ALTER TABLE areas ADD COLUMN active boolean NOT NULL DEFAULT true;
ALTER TABLE stations ADD COLUMN active boolean NOT NULL DEFAULT true;
CREATE INDEX bags_by_type ON bags (type_id);

-- QString::trimmed() and QString::simplified().
CREATE FUNCTION tt_trimmed(p text) RETURNS text
LANGUAGE sql IMMUTABLE AS $$
    SELECT regexp_replace(coalesce(p, ''), '^\s+|\s+$', '', 'g')
$$;
CREATE FUNCTION tt_simplified(p text) RETURNS text
LANGUAGE sql IMMUTABLE AS $$
    SELECT regexp_replace(tt_trimmed(p), '\s+', ' ', 'g')
$$;

-- core/bagtype.cpp literalPrefix(): the literal text every code of a pattern starts with.
CREATE FUNCTION tt_literal_prefix(p text) RETURNS text
LANGUAGE plpgsql IMMUTABLE AS $$
DECLARE
    special constant text := '\.[](){}|?*+^$';
    prefix text := '';
    n integer := length(p);
    i integer := CASE WHEN left(p, 1) = '^' THEN 2 ELSE 1 END;
    depth integer := 0;
    ch text;
BEGIN
    WHILE i <= n AND strpos(special, substr(p, i, 1)) = 0 LOOP
        prefix := prefix || substr(p, i, 1);
        i := i + 1;
    END LOOP;
    IF i <= n AND prefix <> '' AND strpos('?*{', substr(p, i, 1)) > 0 THEN
        prefix := left(prefix, -1);
    END IF;
    i := 1;
    WHILE i <= n LOOP
        ch := substr(p, i, 1);
        IF ch = '\' THEN
            i := i + 1;
        ELSIF ch = '(' THEN
            depth := depth + 1;
        ELSIF ch = ')' THEN
            depth := depth - 1;
        ELSIF ch = '|' AND depth = 0 THEN
            RETURN '';
        END IF;
        i := i + 1;
    END LOOP;
    RETURN upper(prefix);
END $$;

CREATE FUNCTION tt_bag_type_json(t bag_types) RETURNS jsonb
LANGUAGE sql IMMUTABLE AS $$
    SELECT jsonb_build_object('name', t.name, 'role', t.role, 'pattern', t.pattern, 'capacity', t.capacity,
                              'nominal_weight_g', t.nominal_weight_g, 'expected_weight_g', t.expected_weight_g,
                              'active', t.active)
$$;

-- An audit record of an admin command: the after image carries the command id, as the embedded
-- store's CommandContext::audit does.
CREATE FUNCTION tt_audit_admin(p_action text, p_entity text, p_id text, p_before jsonb, p_after jsonb) RETURNS void
LANGUAGE sql AS $$
    SELECT tt_audit(p_action, p_entity, p_id, p_before,
                    CASE WHEN p_after IS NULL OR p_after = '{}' THEN p_after
                         ELSE p_after || jsonb_build_object('command_id', tt_ctx('command')) END)
$$;

CREATE FUNCTION tt_admin_done(p_subject text, p_message text) RETURNS jsonb
LANGUAGE sql IMMUTABLE AS $$
    SELECT jsonb_build_object('result', 'ok', 'reason', '', 'code', p_subject, 'message', p_message)
$$;

-- core/bagtype.cpp validateBagType() and checkBagTypeAmong(): t.id is 0 for a new type.
CREATE FUNCTION tt_check_bag_type(t bag_types) RETURNS void
LANGUAGE plpgsql AS $$
DECLARE
    v_name text := tt_trimmed(t.name);
    other bag_types%ROWTYPE;
    prefix text := tt_literal_prefix(t.pattern);
    other_prefix text;
BEGIN
    IF v_name = '' OR length(v_name) > 40 THEN
        PERFORM tt_reject('invalid_input', 'A bag type needs a name of 1–40 characters.');
    END IF;
    BEGIN
        PERFORM '' ~ t.pattern;
    EXCEPTION WHEN invalid_regular_expression THEN
        PERFORM tt_reject('invalid_input', format('The code pattern of bag type %s is not a valid regular expression: %s',
                                                  v_name, SQLERRM));
    END;
    IF t.pattern = '' THEN
        PERFORM tt_reject('invalid_input', format('The code pattern of bag type %s is not a valid regular expression: %s',
                                                  v_name, 'no pattern'));
    END IF;
    IF t.role = 'parent' AND (t.capacity < 1 OR t.capacity > 10000) THEN
        PERFORM tt_reject('invalid_capacity', format('A parent bag type holds 1–10 000 children, not %s.', t.capacity));
    END IF;
    IF t.nominal_weight_g NOT BETWEEN 0 AND 10000000 OR t.expected_weight_g NOT BETWEEN 0 AND 10000000 THEN
        PERFORM tt_reject('invalid_input', 'Weights must be 0–10 000 kg in grams.');
    END IF;
    FOR other IN SELECT * FROM bag_types ORDER BY id LOOP
        CONTINUE WHEN other.id = t.id AND t.id <> 0;
        IF lower(other.name) = lower(v_name) THEN
            PERFORM tt_reject('invalid_input', format('There is a bag type %s already.', other.name));
        END IF;
        CONTINUE WHEN NOT t.active OR NOT other.active;
        IF other.pattern = t.pattern THEN
            PERFORM tt_reject('invalid_input', format('Bag type %s has the same code pattern already.', other.name));
        END IF;
        other_prefix := tt_literal_prefix(other.pattern);
        IF prefix <> '' AND other_prefix <> ''
           AND (starts_with(prefix, other_prefix) OR starts_with(other_prefix, prefix)) THEN
            PERFORM tt_reject('invalid_input',
                              format('The code prefix %s overlaps prefix %s of bag type %s; choose a prefix '
                                     'that neither starts with the other.', prefix, other_prefix, other.name));
        END IF;
    END LOOP;
END $$;

-- A capacity from a command (database/admincommands.cpp capacityFrom()).
CREATE FUNCTION tt_admin_capacity(p jsonb) RETURNS integer
LANGUAGE plpgsql AS $$
DECLARE
    v numeric := coalesce((p #>> '{}')::numeric, 0);
BEGIN
    IF v < 0 OR v > 10000 THEN
        PERFORM tt_reject('invalid_capacity', format('A parent bag type holds 1–10 000 children, not %s.', v));
    END IF;
    RETURN v::integer;
END $$;

CREATE FUNCTION tt_existing_bag_type(p_name text) RETURNS bag_types
LANGUAGE plpgsql AS $$
DECLARE
    t bag_types%ROWTYPE;
BEGIN
    -- One admin change of bag types at a time: the overlap check reads them all.
    LOCK TABLE bag_types IN SHARE ROW EXCLUSIVE MODE;
    SELECT * INTO t FROM bag_types WHERE lower(name) = lower(tt_trimmed(p_name));
    IF NOT FOUND THEN
        PERFORM tt_reject('invalid_input', format('There is no bag type "%s".', left(tt_trimmed(p_name), 40)));
    END IF;
    RETURN t;
END $$;

CREATE FUNCTION tt_cmd_add_bag_type(c jsonb) RETURNS jsonb
LANGUAGE plpgsql AS $$
DECLARE
    v_role text := lower(tt_trimmed(c->>'bag_role'));
    t bag_types%ROWTYPE;
BEGIN
    IF v_role IS NULL OR v_role NOT IN ('parent', 'child') THEN
        PERFORM tt_reject('invalid_input', format('A bag type''s role is parent or child, not "%s".',
                                                  left(coalesce(c->>'bag_role', ''), 20)));
    END IF;
    LOCK TABLE bag_types IN SHARE ROW EXCLUSIVE MODE;
    t.id := 0;
    t.name := tt_trimmed(c->>'name');
    t.role := v_role;
    t.pattern := tt_trimmed(c->>'pattern');
    t.capacity := tt_admin_capacity(CASE WHEN v_role = 'parent' THEN c->'capacity' ELSE '0' END);
    t.nominal_weight_g := coalesce((c->>'nominal_weight_g')::numeric, 0);
    t.expected_weight_g := coalesce((c->>'expected_weight_g')::numeric, 0);
    t.active := true;
    PERFORM tt_check_bag_type(t);
    INSERT INTO bag_types(name, role, pattern, capacity, nominal_weight_g, expected_weight_g, active)
    VALUES (t.name, t.role, t.pattern, t.capacity, t.nominal_weight_g, t.expected_weight_g, true)
    RETURNING * INTO t;
    PERFORM tt_audit_admin('bag_type.create', 'bag_type', t.name, NULL, tt_bag_type_json(t));
    RETURN tt_admin_done(t.name, format('Bag type %s (%s, %s) added.', t.name, v_role, t.pattern));
END $$;

CREATE FUNCTION tt_cmd_set_bag_type(c jsonb) RETURNS jsonb
LANGUAGE plpgsql AS $$
DECLARE
    before bag_types%ROWTYPE := tt_existing_bag_type(c->>'name');
    after bag_types%ROWTYPE := before;
BEGIN
    IF c->>'pattern' IS NOT NULL THEN
        after.pattern := tt_trimmed(c->>'pattern');
    END IF;
    IF c->>'capacity' IS NOT NULL THEN
        IF before.role = 'child' AND (c->>'capacity')::numeric <> 0 THEN
            PERFORM tt_reject('invalid_capacity', 'Child bag types have no capacity.');
        END IF;
        after.capacity := tt_admin_capacity(c->'capacity');
    END IF;
    IF c->>'nominal_weight_g' IS NOT NULL THEN
        after.nominal_weight_g := (c->>'nominal_weight_g')::numeric;
    END IF;
    IF c->>'expected_weight_g' IS NOT NULL THEN
        after.expected_weight_g := (c->>'expected_weight_g')::numeric;
    END IF;
    IF c->>'active' IS NOT NULL THEN
        after.active := (c->>'active')::boolean;
    END IF;
    PERFORM tt_check_bag_type(after);
    IF after = before THEN
        RETURN tt_admin_done(before.name, format('Bag type %s is unchanged.', before.name));
    END IF;
    UPDATE bag_types SET pattern = after.pattern, capacity = after.capacity, nominal_weight_g = after.nominal_weight_g,
                         expected_weight_g = after.expected_weight_g, active = after.active
     WHERE id = before.id;
    PERFORM tt_audit_admin('bag_type.update', 'bag_type', before.name, tt_bag_type_json(before), tt_bag_type_json(after));
    RETURN tt_admin_done(before.name,
                         format('Bag type %s changed (%s); bags created before keep their capacity and weights.',
                                before.name, CASE WHEN after.active THEN 'active' ELSE 'inactive' END));
END $$;

CREATE FUNCTION tt_cmd_delete_bag_type(c jsonb) RETURNS jsonb
LANGUAGE plpgsql AS $$
DECLARE
    t bag_types%ROWTYPE := tt_existing_bag_type(c->>'name');
    n bigint := (SELECT count(*) FROM bags WHERE type_id = t.id);
BEGIN
    IF n > 0 THEN
        PERFORM tt_reject('bag_in_use', format('Bag type %s has %s bags; deactivate it instead.', t.name, n));
    END IF;
    DELETE FROM bag_types WHERE id = t.id;
    PERFORM tt_audit_admin('bag_type.delete', 'bag_type', t.name, tt_bag_type_json(t), '{"deleted": true}');
    RETURN tt_admin_done(t.name, format('Bag type %s deleted.', t.name));
END $$;

-- database/admincommands.cpp areaName(), existingArea(), activeArea().
CREATE FUNCTION tt_area_name(p text) RETURNS text
LANGUAGE plpgsql AS $$
DECLARE
    v text := tt_simplified(p);
BEGIN
    IF v = '' OR length(v) > 60 THEN
        PERFORM tt_reject('invalid_area', 'An area needs a name of 1–60 characters.');
    END IF;
    RETURN v;
END $$;

CREATE FUNCTION tt_existing_area(p_name text, p_active boolean) RETURNS areas
LANGUAGE plpgsql AS $$
DECLARE
    a areas%ROWTYPE;
BEGIN
    SELECT * INTO a FROM areas WHERE lower(name) = lower(tt_trimmed(p_name)) FOR UPDATE;
    IF NOT FOUND THEN
        PERFORM tt_reject('invalid_area', format('There is no dispatch area "%s".', left(tt_trimmed(p_name), 60)));
    END IF;
    IF p_active AND NOT a.active THEN
        PERFORM tt_reject('invalid_area', format('Area %s is inactive; activate it first.', a.name));
    END IF;
    RETURN a;
END $$;

CREATE FUNCTION tt_cmd_add_area(c jsonb) RETURNS jsonb
LANGUAGE plpgsql AS $$
DECLARE
    v_name text := tt_area_name(c->>'name');
    existing text := (SELECT name FROM areas WHERE lower(name) = lower(v_name));
BEGIN
    IF existing IS NOT NULL THEN
        PERFORM tt_reject('invalid_area', format('There is an area %s already.', existing));
    END IF;
    INSERT INTO areas(name) VALUES (v_name);
    PERFORM tt_audit_admin('area.create', 'area', v_name, NULL, jsonb_build_object('name', v_name, 'active', true));
    RETURN tt_admin_done(v_name, format('Area %s added.', v_name));
END $$;

CREATE FUNCTION tt_cmd_set_area(c jsonb) RETURNS jsonb
LANGUAGE plpgsql AS $$
DECLARE
    before areas%ROWTYPE := tt_existing_area(c->>'name', false);
    after areas%ROWTYPE := before;
    clash areas%ROWTYPE;
BEGIN
    IF c->>'new_name' IS NOT NULL THEN
        after.name := tt_area_name(c->>'new_name');
        SELECT * INTO clash FROM areas WHERE lower(name) = lower(after.name) AND id <> before.id;
        IF FOUND THEN
            PERFORM tt_reject('invalid_area', format('There is an area %s already.', clash.name));
        END IF;
    END IF;
    IF c->>'active' IS NOT NULL THEN
        after.active := (c->>'active')::boolean;
    END IF;
    IF after.name = before.name AND after.active = before.active THEN
        RETURN tt_admin_done(before.name, format('Area %s is unchanged.', before.name));
    END IF;
    UPDATE areas SET name = after.name, active = after.active WHERE id = before.id;
    PERFORM tt_audit_admin('area.update', 'area', before.name,
                           jsonb_build_object('name', before.name, 'active', before.active),
                           jsonb_build_object('name', after.name, 'active', after.active));
    RETURN tt_admin_done(after.name,
                         CASE WHEN after.name = before.name
                              THEN format('Area %s is now %s.', after.name,
                                          CASE WHEN after.active THEN 'active' ELSE 'inactive' END)
                              ELSE format('Area %s renamed to %s.', before.name, after.name) END);
END $$;

CREATE FUNCTION tt_cmd_delete_area(c jsonb) RETURNS jsonb
LANGUAGE plpgsql AS $$
DECLARE
    a areas%ROWTYPE := tt_existing_area(c->>'name', false);
    n_users bigint := (SELECT count(*) FROM users WHERE area_id = a.id);
    n_stations bigint := (SELECT count(*) FROM stations WHERE area_id = a.id);
BEGIN
    IF n_users > 0 OR n_stations > 0 THEN
        PERFORM tt_reject('invalid_area', format('Area %s has %s users and %s stations; deactivate it instead.',
                                                 a.name, n_users, n_stations));
    END IF;
    DELETE FROM areas WHERE id = a.id;
    PERFORM tt_audit_admin('area.delete', 'area', a.name, jsonb_build_object('name', a.name, 'active', a.active),
                           '{"deleted": true}');
    RETURN tt_admin_done(a.name, format('Area %s deleted.', a.name));
END $$;

CREATE FUNCTION tt_cmd_add_station(c jsonb) RETURNS jsonb
LANGUAGE plpgsql AS $$
DECLARE
    v_id text := tt_trimmed(c->>'station_id');
    a areas%ROWTYPE;
BEGIN
    IF v_id = '' OR length(v_id) > 60 OR strpos(v_id, ' ') > 0 THEN
        PERFORM tt_reject('invalid_input', 'A station id is 1–60 characters without spaces.');
    END IF;
    IF EXISTS (SELECT 1 FROM stations WHERE id = v_id) THEN
        PERFORM tt_reject('invalid_input', format('Station %s exists already.', v_id));
    END IF;
    a := tt_existing_area(c->>'area', true);
    INSERT INTO stations(id, area_id, created_at) VALUES (v_id, a.id, coalesce(tt_ctx('at')::timestamptz, now()));
    PERFORM tt_audit_admin('station.create', 'station', v_id, NULL, jsonb_build_object('area', a.name, 'active', true));
    RETURN tt_admin_done(v_id, format('Station %s added to area %s.', v_id, a.name));
END $$;

CREATE FUNCTION tt_cmd_set_station(c jsonb) RETURNS jsonb
LANGUAGE plpgsql AS $$
DECLARE
    v_id text := tt_trimmed(c->>'station_id');
    st stations%ROWTYPE;
    before_area text;
    a areas%ROWTYPE;
    v_active boolean;
BEGIN
    SELECT * INTO st FROM stations WHERE id = v_id FOR UPDATE;
    IF NOT FOUND THEN
        PERFORM tt_reject('invalid_input', format('There is no station "%s".', left(v_id, 60)));
    END IF;
    before_area := coalesce((SELECT name FROM areas WHERE id = st.area_id), '');
    a := CASE WHEN c->>'area' IS NOT NULL THEN tt_existing_area(c->>'area', true)
              ELSE tt_existing_area(before_area, false) END;
    v_active := coalesce((c->>'active')::boolean, st.active);
    IF a.name = before_area AND v_active = st.active THEN
        RETURN tt_admin_done(st.id, format('Station %s is unchanged.', st.id));
    END IF;
    UPDATE stations SET area_id = a.id, active = v_active WHERE id = st.id;
    PERFORM tt_audit_admin('station.update', 'station', st.id,
                           jsonb_build_object('area', before_area, 'active', st.active),
                           jsonb_build_object('area', a.name, 'active', v_active));
    RETURN tt_admin_done(st.id, format('Station %s: area %s, %s.', st.id, a.name,
                                       CASE WHEN v_active THEN 'active' ELSE 'inactive' END));
END $$;

-- Dispatch: the admin kinds added (tt_dispatch of 005 plus eight).
CREATE OR REPLACE FUNCTION tt_dispatch(p_kind text, c jsonb) RETURNS jsonb
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
        WHEN 'add_bag_type' THEN tt_cmd_add_bag_type(c)
        WHEN 'set_bag_type' THEN tt_cmd_set_bag_type(c)
        WHEN 'delete_bag_type' THEN tt_cmd_delete_bag_type(c)
        WHEN 'add_area' THEN tt_cmd_add_area(c)
        WHEN 'set_area' THEN tt_cmd_set_area(c)
        WHEN 'delete_area' THEN tt_cmd_delete_area(c)
        WHEN 'add_station' THEN tt_cmd_add_station(c)
        WHEN 'set_station' THEN tt_cmd_set_station(c)
    END;
END $$;

-- The admin commands need the administer permission (admins only, BRIEF §3.5).
CREATE OR REPLACE FUNCTION tt_permission_of(p_kind text) RETURNS text
LANGUAGE sql IMMUTABLE AS $$
    SELECT CASE
        WHEN p_kind IN ('select_parent', 'link_child', 'undo', 'register_bag', 'record_weight') THEN 'scan'
        WHEN p_kind IN ('move_child', 'delete_bag') THEN 'move_child'
        WHEN p_kind = 'delete_bill' THEN 'delete_bill'
        WHEN p_kind IN ('open_return', 'return_parent', 'finalise_return', 'cancel_return') THEN 'returns'
        WHEN p_kind IN ('add_bag_type', 'set_bag_type', 'delete_bag_type', 'add_area', 'set_area', 'delete_area',
                        'add_station', 'set_station') THEN 'administer'
        ELSE 'manage_bills' END
$$;

-- An inactive bag type classifies no new code (core BagTypeSet::classify); its bags keep it.
CREATE OR REPLACE FUNCTION tt_classify_new(p_code text, p_role text) RETURNS bag_types
LANGUAGE plpgsql STABLE AS $$
DECLARE
    t bag_types%ROWTYPE;
BEGIN
    SELECT * INTO t FROM bag_types WHERE active AND p_code ~ pattern ORDER BY role = 'child', id LIMIT 1;
    IF NOT FOUND THEN
        PERFORM tt_reject('invalid_code', format('%s matches no bag type.', p_code));
    END IF;
    IF t.role <> p_role THEN
        PERFORM tt_reject('wrong_role', format('%s is a %s code and cannot be used as a %s.', p_code, t.role, p_role));
    END IF;
    RETURN t;
END $$;

-- The admin data as the CLI and the admin tabs list it (any role with a session may look), as
-- JSON arrays; times in UTC with milliseconds.
CREATE FUNCTION tt_area_list(p_token text) RETURNS jsonb
LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
BEGIN
    PERFORM tt_require(p_token, 'view');
    RETURN (SELECT coalesce(jsonb_agg(jsonb_build_object(
                'id', a.id, 'name', a.name, 'active', a.active,
                'users', (SELECT count(*) FROM users u WHERE u.area_id = a.id),
                'stations', (SELECT count(*) FROM stations s WHERE s.area_id = a.id)) ORDER BY lower(a.name)), '[]')
              FROM areas a);
END $$;

CREATE FUNCTION tt_station_list(p_token text) RETURNS jsonb
LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
BEGIN
    PERFORM tt_require(p_token, 'view');
    RETURN (SELECT coalesce(jsonb_agg(jsonb_build_object(
                'id', s.id, 'area', coalesce(a.name, ''), 'active', s.active,
                'created_at', to_char(s.created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'),
                'last_seen', to_char(s.last_seen AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')) ORDER BY s.id), '[]')
              FROM stations s LEFT JOIN areas a ON a.id = s.area_id);
END $$;

GRANT EXECUTE ON FUNCTION tt_area_list(text), tt_station_list(text) TO tt_station;

-- A user's dispatch area (user add --area, the admin's user tab): an active area, or none.
CREATE FUNCTION tt_set_user_area(p_token text, p_user text, p_area text) RETURNS jsonb
LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
    s record;
    name text := lower(btrim(coalesce(p_user, '')));
    u users%ROWTYPE;
    a areas%ROWTYPE;
    r text;
    m text;
BEGIN
    SELECT * INTO s FROM tt_session_of(p_token);
    IF s.user_id IS NULL THEN
        RETURN tt_session_expired();
    END IF;
    IF NOT EXISTS (SELECT 1 FROM role_permissions rp WHERE rp.role = s.role AND rp.permission = 'administer') THEN
        RETURN jsonb_build_object('result', 'rejected', 'reason', 'permission_denied',
                                  'message', format('%s (%s) may not manage users.', s.username, s.role));
    END IF;
    SELECT * INTO u FROM users WHERE users.username = name FOR UPDATE;
    IF NOT FOUND THEN
        RETURN jsonb_build_object('result', 'rejected', 'reason', 'unknown_user',
                                  'message', format('There is no user %s.', left(name, 32)));
    END IF;
    IF tt_trimmed(p_area) <> '' THEN
        BEGIN
            a := tt_existing_area(p_area, true);
        EXCEPTION WHEN SQLSTATE 'TT000' THEN
            GET STACKED DIAGNOSTICS r = MESSAGE_TEXT, m = PG_EXCEPTION_DETAIL;
            RETURN jsonb_build_object('result', 'rejected', 'reason', r, 'message', m);
        END;
    END IF;
    PERFORM set_config('tt.actor', s.username, true), set_config('tt.session_user', s.username, true),
            set_config('tt.station', coalesce(s.station, ''), true);
    UPDATE users SET area_id = a.id WHERE id = u.id; -- audited by tt_trg_users
    RETURN jsonb_build_object('result', 'ok', 'reason', '',
                              'message', CASE WHEN a.id IS NULL THEN format('User %s has no dispatch area now.', u.username)
                                              ELSE format('User %s works in area %s.', u.username, a.name) END);
END $$;

GRANT EXECUTE ON FUNCTION tt_set_user_area(text, text, text) TO tt_station;

