-- Import of bags and links files on the central database (BRIEF §6, §8 P6 ≥ 20 000 rows/s).
-- A station streams a file in batches to tt_import_bags / tt_import_links (admin sessions only,
-- checked here like every entry point). Each call decides its batch with the core rules
-- (core/linkrules, database/sqliteimport.cpp: same order, reasons and messages), in file order,
-- each row seeing the rows before it, and writes what the rules require once per batch:
-- multi-row inserts of bags, links, audit and change feed, each changed parent and bill
-- updated once, the statistics counters once. An imported row is not a scan: no scan record, no
-- "scans" counter; it gets exactly one audit record (action "import", with the file name and
-- row number).

-- Rows written by an import carry its batch id. A command never writes import_batch (its
-- INSERTs name their columns), so the row triggers' WHEN conditions below cannot be switched off
-- by a client: they stay quiet only for rows an import writes itself, and the import writes the
-- audit record, change feed and counters of its batch at once instead. An update by a command
-- leaves import_batch as it was and fires the trigger as before.
ALTER TABLE bags ADD COLUMN import_batch uuid;
ALTER TABLE links ADD COLUMN import_batch uuid;

DROP TRIGGER bags_after ON bags;
CREATE TRIGGER bags_after AFTER DELETE ON bags FOR EACH ROW EXECUTE FUNCTION tt_trg_bags();
CREATE TRIGGER bags_after_insert AFTER INSERT ON bags FOR EACH ROW WHEN (NEW.import_batch IS NULL)
    EXECUTE FUNCTION tt_trg_bags();
CREATE TRIGGER bags_after_update AFTER UPDATE ON bags FOR EACH ROW
    WHEN (NEW.import_batch IS NOT DISTINCT FROM OLD.import_batch) EXECUTE FUNCTION tt_trg_bags();
DROP TRIGGER links_after ON links;
CREATE TRIGGER links_after AFTER UPDATE ON links FOR EACH ROW EXECUTE FUNCTION tt_trg_links();
CREATE TRIGGER links_after_insert AFTER INSERT ON links FOR EACH ROW WHEN (NEW.import_batch IS NULL)
    EXECUTE FUNCTION tt_trg_links();

-- The trigram search index (004) is kept up to date on every insert instead of through its
-- pending list: with fastupdate on, a 100 000-row bags import spent 15–40 s of CPU on each of
-- five batches of 5 000 rows in a row (0.5 s without the index) where inserts hit the 4 MB limit
-- and merged the list into the index; a station's command hitting the limit would wait as long.
-- Off, each new bag costs a steady few tens of µs more.
ALTER INDEX bags_code_trgm SET (fastupdate = off);

-- The session (permission "administer") and the batch's context.
CREATE FUNCTION tt_import_begin(p_token text, p_meta jsonb, OUT username text, OUT station text, OUT at timestamptz)
LANGUAGE plpgsql SET search_path = public, pg_temp AS $$
DECLARE
    s record;
BEGIN
    SELECT * INTO s FROM tt_require(p_token, 'administer');
    username := s.username;
    station := left(coalesce(nullif(p_meta->>'station', ''), s.station, ''), 60);
    BEGIN
        at := coalesce((p_meta->>'at')::timestamptz, now());
    EXCEPTION WHEN others THEN
        at := now();
    END;
    -- tt_count and tt_today read the station and time from here (as under tt_execute).
    PERFORM set_config('tt.station', station, true);
    PERFORM set_config('tt.at', at::text, true);
END $$;

-- A code as the client sends it: normalised (core/codenormalizer), printable ASCII, ≤ 100.
CREATE FUNCTION tt_import_code_ok(p_code text) RETURNS boolean
LANGUAGE sql IMMUTABLE AS $$
    SELECT p_code ~ '^[!-~]([ -~]*[!-~])?$' AND p_code = upper(p_code) AND length(p_code) <= 100
           AND strpos(p_code, '  ') = 0
$$;

-- classifyNewBag (database/commandcontext.cpp): why a new code cannot become a bag of the wanted
-- role, as {reason, message}, given the type it would get; NULL when it can (or, with no wanted
-- role, when a type matches at all).
CREATE FUNCTION tt_import_new_bag_error(p_code text, p_type bigint, p_role text, p_wanted text) RETURNS text[]
LANGUAGE sql STABLE AS $$
    SELECT CASE WHEN p_type IS NULL THEN ARRAY['invalid_code', format('%s matches no bag type.', p_code)]
                WHEN p_role <> p_wanted THEN
                    ARRAY['wrong_role', format('%s is a %s code and cannot be used as a %s.', p_code, p_role, p_wanted)]
           END
$$;


-- bags file: rows [{"n": row number, "c": code, "w": measured grams or null}, …] → one outcome
-- per row: duplicate when the code exists (or an earlier row created it), invalid_code when no
-- bag type matches, else the bag is registered.
CREATE FUNCTION tt_import_bags(p_token text, p_meta jsonb, p_rows jsonb) RETURNS json
LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
    ctx record;
    v_file text := left(coalesce(p_meta->>'file', ''), 200);
    v_batch uuid := gen_random_uuid();
    n_parents bigint;
    n_children bigint;
    v_out json;
BEGIN
    SELECT * INTO ctx FROM tt_import_begin(p_token, p_meta);
    WITH r AS (
        SELECT e.o, (e.v->>'n')::bigint AS n, coalesce(e.v->>'c', '') AS code, (e.v->>'w')::bigint AS w
          FROM jsonb_array_elements(p_rows) WITH ORDINALITY e(v, o)
    ), f AS (
        SELECT r.*, b.id AS bag_id, t.id AS type_id, t.role, t.name, t.capacity, t.nominal_weight_g,
               t.expected_weight_g, tt_import_code_ok(r.code) AS code_ok,
               row_number() OVER (PARTITION BY r.code ORDER BY r.o) AS occurrence
          FROM r
          LEFT JOIN bags b ON b.code = r.code
          LEFT JOIN LATERAL (SELECT * FROM bag_types bt WHERE b.id IS NULL AND r.code ~ bt.pattern
                              ORDER BY bt.role = 'child', bt.id LIMIT 1) t ON true
    ), d AS (
        SELECT f.*,
               CASE WHEN NOT f.code_ok THEN 'invalid_code'
                    WHEN f.w < 0 OR f.w > 10000000 THEN 'invalid_input'
                    WHEN f.bag_id IS NOT NULL OR (f.occurrence > 1 AND f.type_id IS NOT NULL) THEN 'duplicate'
                    WHEN f.type_id IS NULL THEN 'invalid_code' ELSE '' END AS reason
          FROM f
    ), ins AS (
        INSERT INTO bags(code, type_id, role, nominal_weight_g, measured_weight_g, capacity, expected_weight_g,
                         created_at, created_by, station, import_batch)
        SELECT code, type_id, role, CASE role WHEN 'child' THEN nominal_weight_g ELSE 0 END, w,
               CASE role WHEN 'parent' THEN capacity ELSE 0 END,
               CASE role WHEN 'parent' THEN expected_weight_g ELSE 0 END, ctx.at, ctx.username, ctx.station, v_batch
          FROM d WHERE reason = '' ORDER BY o
    ), aud AS (
        INSERT INTO audit_log(at, actor, station, action, entity, entity_id, before, after, session)
        SELECT ctx.at, ctx.username, ctx.station, 'import', 'bag', code, NULL,
               jsonb_strip_nulls(jsonb_build_object('file', v_file, 'row', n, 'type', name,
                                                    'measured_weight_g', w)), ctx.username
          FROM d WHERE reason = '' ORDER BY o
    ), feed AS (
        INSERT INTO changes(entity, entity_id, op)
        SELECT 'bag', code, 'insert' FROM d WHERE reason = '' ORDER BY o
    )
    SELECT json_agg(json_strip_nulls(json_build_object(
               'result', CASE reason WHEN '' THEN 'ok' WHEN 'duplicate' THEN 'duplicate' ELSE 'rejected' END,
               'reason', reason, 'code', code,
               'message', CASE reason
                              WHEN '' THEN format('%s %s registered (%s).', role, code, name)
                              WHEN 'duplicate' THEN format('%s exists already; nothing changed.', code)
                              WHEN 'invalid_input' THEN format('A weight of %s g is outside 0–10 000 kg.', w)
                              WHEN 'invalid_code' THEN
                                  CASE WHEN code_ok THEN format('%s matches no bag type.', code)
                                       ELSE format('"%s" is not a bag code.', left(code, 60)) END END,
               'parent', CASE WHEN reason = '' AND role = 'parent' THEN code END,
               'children', CASE WHEN reason = '' AND role = 'parent' THEN 0 END,
               'capacity', CASE WHEN reason = '' AND role = 'parent' THEN capacity END)) ORDER BY o),
           count(*) FILTER (WHERE reason = '' AND role = 'parent'),
           count(*) FILTER (WHERE reason = '' AND role = 'child')
      INTO v_out, n_parents, n_children
      FROM d;
    PERFORM tt_count(tt_today(), x.metric, x.n)
       FROM (VALUES ('parents', n_parents), ('children', n_children)) x(metric, n)
      WHERE x.n > 0;
    RETURN coalesce(v_out, '[]'::json);
END $$;

-- links file: rows [{"n": row number, "p": parent code, "c": child code, "w": child grams or
-- null}, …] → one outcome per row, decided like SqliteImport::link: an unknown parent is
-- created with the row's link (both or neither), then the rules of LinkChild in their order.
CREATE FUNCTION tt_import_links(p_token text, p_meta jsonb, p_rows jsonb) RETURNS json
LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
    ctx record;
    v_file text := left(coalesce(p_meta->>'file', ''), 200);
    v_batch uuid := gen_random_uuid();
    v_seq text := pg_get_serial_sequence('public.bags', 'id');
    -- The batch's distinct codes (index k) with their state: as read, then as earlier rows left it.
    codes text[];
    k_ok boolean[];
    b_id bigint[];
    b_role text[];
    b_cap integer[];
    b_count integer[];
    b_contents bigint[];
    b_meas bigint[];
    b_nom bigint[];
    b_bill text[];
    b_done boolean[];
    b_created boolean[];
    b_changed boolean[];
    b_weighed boolean[];
    l_parent text[];
    l_by text[];
    l_at timestamptz[];
    t_id bigint[];
    t_role text[];
    t_cap integer[];
    t_nom bigint[];
    t_exp bigint[];
    -- Rows: file row number, parent and child code index, weight.
    r_n bigint[];
    r_p integer[];
    r_c integer[];
    r_w bigint[];
    n_rows integer;
    n_codes integer;
    -- Outcomes per row.
    o_res text[];
    o_reason text[];
    o_msg text[];
    o_code text[];
    o_parent text[];
    o_children integer[];
    o_cap integer[];
    -- Links to write (one per ok row).
    w_n bigint[] := '{}';
    w_pid bigint[] := '{}';
    w_cid bigint[] := '{}';
    w_pcode text[] := '{}';
    w_ccode text[] := '{}';
    w_g bigint[] := '{}';
    w_pnew boolean[] := '{}';
    w_cnew boolean[] := '{}';
    filled integer := 0;
    pk integer;
    ck integer;
    pcode text;
    ccode text;
    w bigint;
    g bigint;
    p_exists boolean;
    c_exists boolean;
    c_role text;
    err text[];
    pcap integer;
    pcount integer;
    v_out json;
BEGIN
    SELECT * INTO ctx FROM tt_import_begin(p_token, p_meta);
    -- Each row's codes as indexes into the sorted distinct codes (one sort, no per-row search).
    WITH e AS (
        SELECT e.o, e.v FROM jsonb_array_elements(p_rows) WITH ORDINALITY e(v, o)
    ), c AS (
        SELECT e.o, s.side, s.code, dense_rank() OVER (ORDER BY s.code COLLATE "C") AS k
          FROM e CROSS JOIN LATERAL (VALUES (0, coalesce(e.v->>'p', '')), (1, coalesce(e.v->>'c', ''))) s(side, code)
    )
    SELECT array_agg(k::integer ORDER BY o) FILTER (WHERE side = 0), array_agg(k::integer ORDER BY o) FILTER (WHERE side = 1),
           (SELECT array_agg(x.code ORDER BY x.k) FROM (SELECT DISTINCT c.code, c.k FROM c) x)
      INTO r_p, r_c, codes
      FROM c;
    SELECT array_agg((e.v->>'n')::bigint ORDER BY e.o), array_agg((e.v->>'w')::bigint ORDER BY e.o)
      INTO r_n, r_w
      FROM jsonb_array_elements(p_rows) WITH ORDINALITY e(v, o);
    n_rows := coalesce(array_length(r_n, 1), 0);
    IF n_rows = 0 THEN
        RETURN '[]'::json;
    END IF;
    n_codes := array_length(codes, 1);
    -- The batch's existing bags, locked in id order (commands lock them one by one).
    -- (A join, not code = ANY (codes): that was planned as a scan comparing every bag with every
    -- code once the table grew.)
    PERFORM 1 FROM unnest(codes) u(code) JOIN bags b ON b.code = u.code ORDER BY b.id FOR UPDATE OF b;
    WITH s AS (
        SELECT u.k, u.code, b.id, b.role, b.capacity, b.child_count, b.contents_weight_g, b.measured_weight_g,
               b.nominal_weight_g, bl.bill_code, bl.status, pb.code AS linked_to, l.linked_by, l.linked_at
          FROM unnest(codes) WITH ORDINALITY u(code, k)
          LEFT JOIN bags b ON b.code = u.code
          LEFT JOIN links l ON l.child_id = b.id AND l.ended_at IS NULL
          LEFT JOIN bags pb ON pb.id = l.parent_id
          LEFT JOIN bill_parents bp ON bp.parent_id = b.id
          LEFT JOIN bills bl ON bl.id = bp.bill_id
    ), t AS (
        -- The type a new code would get: the first matching, parents before children.
        SELECT DISTINCT ON (s.k) s.k, bt.id, bt.role, bt.capacity, bt.nominal_weight_g, bt.expected_weight_g
          FROM s JOIN bag_types bt ON s.code ~ bt.pattern
         WHERE s.id IS NULL
         ORDER BY s.k, bt.role = 'child', bt.id
    )
    SELECT array_agg(tt_import_code_ok(s.code) ORDER BY s.k), array_agg(s.id ORDER BY s.k),
           array_agg(s.role ORDER BY s.k), array_agg(s.capacity ORDER BY s.k),
           array_agg(s.child_count ORDER BY s.k), array_agg(s.contents_weight_g ORDER BY s.k),
           array_agg(s.measured_weight_g ORDER BY s.k), array_agg(s.nominal_weight_g ORDER BY s.k),
           array_agg(s.bill_code ORDER BY s.k), array_agg(coalesce(s.status = 'completed', false) ORDER BY s.k),
           array_agg(s.linked_to ORDER BY s.k), array_agg(s.linked_by ORDER BY s.k), array_agg(s.linked_at ORDER BY s.k),
           array_agg(t.id ORDER BY s.k), array_agg(t.role ORDER BY s.k),
           array_agg(t.capacity ORDER BY s.k), array_agg(t.nominal_weight_g ORDER BY s.k),
           array_agg(t.expected_weight_g ORDER BY s.k)
      INTO k_ok, b_id, b_role, b_cap, b_count, b_contents, b_meas, b_nom, b_bill, b_done, l_parent, l_by, l_at,
           t_id, t_role, t_cap, t_nom, t_exp
      FROM s LEFT JOIN t ON t.k = s.k;
    b_created := array_fill(false, ARRAY[n_codes]);
    b_changed := b_created;
    b_weighed := b_created;
    o_res := array_fill('rejected'::text, ARRAY[n_rows]);
    o_reason := array_fill(NULL::text, ARRAY[n_rows]);
    o_msg := o_reason;
    o_code := o_reason;
    o_parent := o_reason;
    o_children := array_fill(NULL::integer, ARRAY[n_rows]);
    o_cap := o_children;

    FOR i IN 1 .. n_rows LOOP
        pk := r_p[i];
        ck := r_c[i];
        pcode := codes[pk];
        ccode := codes[ck];
        w := r_w[i];
        o_code[i] := ccode;
        -- What the client checked before sending (core/codenormalizer, importer), guarded.
        IF NOT k_ok[pk] OR NOT k_ok[ck] THEN
            o_reason[i] := 'invalid_code';
            o_msg[i] := format('"%s" is not a bag code.', left(CASE WHEN k_ok[pk] THEN ccode ELSE pcode END, 60));
            CONTINUE;
        END IF;
        IF w < 0 OR w > 10000000 THEN
            o_reason[i] := 'invalid_input';
            o_msg[i] := format('A weight of %s g is outside 0–10 000 kg.', w);
            CONTINUE;
        END IF;
        p_exists := b_role[pk] IS NOT NULL;
        c_exists := b_role[ck] IS NOT NULL;
        IF p_exists THEN
            IF b_role[pk] <> 'parent' THEN
                o_reason[i] := 'wrong_role';
                o_msg[i] := format('%s is a child bag, not a parent.', pcode);
                CONTINUE;
            END IF;
            pcap := b_cap[pk];
            pcount := b_count[pk];
        ELSE
            err := tt_import_new_bag_error(pcode, t_id[pk], t_role[pk], 'parent');
            IF err IS NOT NULL THEN
                o_reason[i] := err[1];
                o_msg[i] := err[2];
                CONTINUE;
            END IF;
            pcap := t_cap[pk];
            pcount := 0;
        END IF;
        c_role := b_role[ck];
        IF NOT c_exists AND NOT p_exists THEN
            -- A row creating its parent is checked whole before anything is written.
            err := tt_import_new_bag_error(ccode, t_id[ck], t_role[ck], NULL);
            IF err IS NOT NULL THEN
                o_reason[i] := err[1];
                o_msg[i] := err[2];
                CONTINUE;
            END IF;
            c_role := t_role[ck];
        END IF;
        -- decideLink: self_link, wrong_role, duplicate, linked_elsewhere, bill_completed, parent_full.
        IF ck = pk THEN
            o_reason[i] := 'self_link';
            o_msg[i] := format('%s cannot be linked to itself.', pcode);
            CONTINUE;
        END IF;
        IF c_role = 'parent' THEN
            o_reason[i] := 'wrong_role';
            o_msg[i] := format('%s is a parent bag and cannot be used as a child.', ccode);
            CONTINUE;
        END IF;
        IF c_exists AND l_parent[ck] IS NOT NULL THEN
            IF l_parent[ck] = pcode THEN
                o_res[i] := 'duplicate';
                o_reason[i] := 'duplicate';
                o_msg[i] := format('%s is already in %s (%s/%s); nothing changed.', ccode, pcode, pcount, pcap);
                o_parent[i] := pcode;
                o_children[i] := pcount;
                o_cap[i] := pcap;
                CONTINUE;
            END IF;
            o_reason[i] := 'linked_elsewhere';
            o_msg[i] := format('%s is already in %s (linked by %s at %s).', ccode, l_parent[ck], l_by[ck],
                               to_char(l_at[ck], 'HH24:MI'));
            CONTINUE;
        END IF;
        IF p_exists AND b_done[pk] THEN
            o_reason[i] := 'bill_completed';
            o_msg[i] := format('%s is on completed bill %s; reopen the bill to change it.', pcode, b_bill[pk]);
            CONTINUE;
        END IF;
        IF pcap > 0 AND pcount >= pcap THEN
            o_reason[i] := 'parent_full';
            o_msg[i] := format('%s is full (%s/%s); scan the next parent bag.', pcode, pcount, pcap);
            CONTINUE;
        END IF;
        IF NOT c_exists THEN
            err := tt_import_new_bag_error(ccode, t_id[ck], t_role[ck], 'child');
            IF err IS NOT NULL THEN
                o_reason[i] := err[1];
                o_msg[i] := err[2];
                CONTINUE;
            END IF;
        END IF;
        -- Decided: applied to the batch's state here, written after the loop.
        IF NOT p_exists THEN
            b_id[pk] := nextval(v_seq);
            b_role[pk] := 'parent';
            b_cap[pk] := pcap;
            b_count[pk] := 0;
            b_contents[pk] := 0;
            b_nom[pk] := 0;
            b_created[pk] := true;
        END IF;
        IF NOT c_exists THEN
            b_id[ck] := nextval(v_seq);
            b_role[ck] := 'child';
            b_cap[ck] := 0;
            b_count[ck] := 0;
            b_contents[ck] := 0;
            b_nom[ck] := t_nom[ck];
            b_meas[ck] := w;
            b_created[ck] := true;
        ELSIF w IS NOT NULL AND w IS DISTINCT FROM b_meas[ck] THEN
            b_meas[ck] := w;
            b_weighed[ck] := NOT b_created[ck];
        END IF;
        g := coalesce(b_meas[ck], b_nom[ck]);
        l_parent[ck] := pcode;
        l_by[ck] := ctx.username;
        l_at[ck] := ctx.at;
        pcount := pcount + 1;
        b_count[pk] := pcount;
        b_contents[pk] := b_contents[pk] + g;
        b_changed[pk] := p_exists AND NOT b_created[pk];
        w_n := array_append(w_n, r_n[i]);
        w_pid := array_append(w_pid, b_id[pk]);
        w_cid := array_append(w_cid, b_id[ck]);
        w_pcode := array_append(w_pcode, pcode);
        w_ccode := array_append(w_ccode, ccode);
        w_g := array_append(w_g, g);
        w_pnew := array_append(w_pnew, NOT p_exists);
        w_cnew := array_append(w_cnew, NOT c_exists);
        o_res[i] := 'ok';
        o_reason[i] := '';
        o_parent[i] := pcode;
        o_children[i] := pcount;
        o_cap[i] := pcap;
        IF pcount >= pcap THEN
            filled := filled + 1;
            o_msg[i] := format('%s added to %s; %s is now full (%s/%s): scan the next parent bag.', ccode, pcode,
                               pcode, pcount, pcap);
        ELSE
            o_msg[i] := format('%s added to %s (%s/%s).', ccode, pcode, pcount, pcap);
        END IF;
    END LOOP;

    INSERT INTO bags(id, code, type_id, role, nominal_weight_g, measured_weight_g, capacity, expected_weight_g,
                     child_count, contents_weight_g, created_at, created_by, station, import_batch)
    SELECT u.id, u.code, u.type_id, u.role, u.nom, u.meas, u.cap, CASE u.role WHEN 'parent' THEN u.exp ELSE 0 END,
           u.cnt, u.contents, ctx.at, ctx.username, ctx.station, v_batch
      FROM unnest(b_id, codes, t_id, b_role, b_nom, b_meas, b_cap, t_exp, b_count, b_contents, b_created)
           AS u(id, code, type_id, role, nom, meas, cap, exp, cnt, contents, created)
     WHERE u.created
     ORDER BY u.id;
    INSERT INTO links(parent_id, child_id, linked_at, linked_by, station, command_id, import_batch)
    SELECT u.pid, u.cid, ctx.at, ctx.username, ctx.station, v_batch, v_batch FROM unnest(w_pid, w_cid) u(pid, cid);
    -- Existing parents and weighed children: once each, their trigger quiet (import_batch changes).
    UPDATE bags b SET child_count = u.cnt, contents_weight_g = u.contents, measured_weight_g = u.meas,
                      import_batch = v_batch
      FROM unnest(b_id, b_count, b_contents, b_meas, b_changed, b_weighed) u(id, cnt, contents, meas, changed, weighed)
     WHERE (u.changed OR u.weighed) AND b.id = u.id;
    -- Bills of existing parents: their actual weight follows (their trigger feeds the change).
    UPDATE bills bl SET actual_weight_g = bl.actual_weight_g + x.g
      FROM (SELECT bp.bill_id, sum(u.g) AS g FROM unnest(w_pid, w_pnew, w_g) u(pid, pnew, g)
              JOIN bill_parents bp ON bp.parent_id = u.pid WHERE NOT u.pnew GROUP BY bp.bill_id) x
     WHERE bl.id = x.bill_id;
    INSERT INTO audit_log(at, actor, station, action, entity, entity_id, before, after, session)
    SELECT ctx.at, ctx.username, ctx.station, 'import', 'link', u.c, NULL,
           jsonb_build_object('file', v_file, 'row', u.n, 'parent', u.p, 'child', u.c, 'weight_g', u.g), ctx.username
      FROM unnest(w_n, w_pcode, w_ccode, w_g) u(n, p, c, g);
    -- The change feed: one row per bag the batch created or changed (a station refreshes a bag
    -- with its link and parent, so a linked child needs no second row).
    INSERT INTO changes(entity, entity_id, op)
    SELECT 'bag', u.code, CASE WHEN u.created THEN 'insert' ELSE 'update' END
      FROM unnest(codes, b_created, b_changed, b_weighed) u(code, created, changed, weighed)
     WHERE u.created OR u.changed OR u.weighed
    UNION ALL
    SELECT 'link', u.c, 'insert' FROM unnest(w_ccode, w_cnew) u(c, cnew) WHERE NOT u.cnew;
    PERFORM tt_count(tt_today(), x.metric, x.n)
       FROM (SELECT 'parents' AS metric, count(*) FILTER (WHERE u.created AND u.role = 'parent') AS n
               FROM unnest(b_created, b_role) u(created, role)
             UNION ALL
             SELECT 'children', count(*) FILTER (WHERE u.created AND u.role = 'child')
               FROM unnest(b_created, b_role) u(created, role)
             UNION ALL
             SELECT 'links', coalesce(array_length(w_cid, 1), 0)
             UNION ALL
             SELECT 'parents_filled', filled) x
      WHERE x.n <> 0;

    SELECT json_agg(json_strip_nulls(json_build_object(
               'result', u.res, 'reason', u.reason, 'message', u.msg, 'code', u.code,
               'parent', u.parent, 'children', u.children, 'capacity', u.cap)) ORDER BY u.o)
      INTO v_out
      FROM unnest(o_res, o_reason, o_msg, o_code, o_parent, o_children, o_cap)
           WITH ORDINALITY u(res, reason, msg, code, parent, children, cap, o);
    RETURN v_out;
END $$;

REVOKE EXECUTE ON FUNCTION tt_import_begin(text, jsonb), tt_import_code_ok(text),
    tt_import_new_bag_error(text, bigint, text, text) FROM PUBLIC;
REVOKE EXECUTE ON FUNCTION tt_import_bags(text, jsonb, jsonb), tt_import_links(text, jsonb, jsonb) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION tt_import_bags(text, jsonb, jsonb), tt_import_links(text, jsonb, jsonb) TO tt_station;
