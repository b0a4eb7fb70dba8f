-- Import on the central database, faster (BRIEF §8 P6 ≥ 20 000 rows/s; docs/benchmarks.md "P6 on
-- PostgreSQL"). Redefines tt_import_bags and tt_import_links of 006 with the same decisions,
-- messages and writes; what changed is how a batch travels and how its state is read:
-- - rows arrive as parallel JSON arrays ({"n": […], "c": […], …}) converted to SQL arrays in one
--   call, and the answer goes back the same way (one array per field) instead of one JSON object
--   per row built and parsed on each side;
-- - every lookup of the batch's codes is an index probe per code (LATERAL … OFFSET 0): the joins
--   of 006 were planned as hash joins over all of bags and links, a cost growing with the tables;
-- - the state arrays are aggregated from one sorted pass instead of one sort per array.

-- The answer of a batch: one array per field, element i for row i (PgImport reads it).
CREATE FUNCTION tt_import_answer(p_result text[], p_reason text[], p_message text[], p_code text[],
                                 p_parent text[], p_children integer[], p_capacity integer[]) RETURNS json
LANGUAGE sql IMMUTABLE AS $$
    SELECT json_build_object('result', coalesce(p_result, '{}'), 'reason', coalesce(p_reason, '{}'),
                             'message', coalesce(p_message, '{}'), 'code', coalesce(p_code, '{}'),
                             'parent', coalesce(p_parent, '{}'), 'children', coalesce(p_children, '{}'),
                             'capacity', coalesce(p_capacity, '{}'))
$$;

-- bags file: rows {"n": [row numbers], "c": [codes], "w": [measured grams or null]} → the answer
-- above: duplicate when the code exists (or an earlier row created it), invalid_code when no bag
-- type matches, else the bag is registered.
CREATE OR REPLACE FUNCTION tt_import_bags(p_token text, p_meta jsonb, p_rows jsonb) RETURNS json
LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = public, pg_temp SET jit = off AS $$
DECLARE
    ctx record;
    v_file text := left(coalesce(p_meta->>'file', ''), 200);
    v_batch uuid := gen_random_uuid();
    r_n bigint[];
    r_c text[];
    r_w bigint[];
    n_rows integer;
    n_parents bigint;
    n_children bigint;
    o_res text[];
    o_reason text[];
    o_msg text[];
    o_code text[];
    o_parent text[];
    o_children integer[];
    o_cap integer[];
BEGIN
    SELECT * INTO ctx FROM tt_import_begin(p_token, p_meta);
    SELECT x.n, x.c, x.w INTO r_n, r_c, r_w FROM jsonb_to_record(p_rows) AS x(n bigint[], c text[], w bigint[]);
    n_rows := coalesce(array_length(r_n, 1), 0);
    IF coalesce(array_length(r_c, 1), 0) <> n_rows OR coalesce(array_length(r_w, 1), 0) <> n_rows THEN
        RAISE EXCEPTION 'tt_import_bags: the rows'' arrays differ in length';
    END IF;
    WITH r AS (
        SELECT u.o, u.n, coalesce(u.c, '') AS code, u.w FROM unnest(r_n, r_c, r_w) WITH ORDINALITY u(n, c, w, o)
    ), f AS (
        SELECT r.*, b.id AS bag_id, t.id AS type_id, t.role, t.name, t.capacity, t.nominal_weight_g,
               t.expected_weight_g, tt_import_code_ok(r.code) AS code_ok,
               row_number() OVER (PARTITION BY r.code ORDER BY r.o) AS occurrence
          FROM r
          LEFT JOIN LATERAL (SELECT id FROM bags WHERE bags.code = r.code OFFSET 0) b ON true
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
    ), a AS (
        SELECT CASE reason WHEN '' THEN 'ok' WHEN 'duplicate' THEN 'duplicate' ELSE 'rejected' END AS res, reason,
               CASE reason
                   WHEN '' THEN format('%s %s registered (%s).', role, code, name)
                   WHEN 'duplicate' THEN format('%s exists already; nothing changed.', code)
                   WHEN 'invalid_input' THEN format('A weight of %s g is outside 0–10 000 kg.', w)
                   WHEN 'invalid_code' THEN
                       CASE WHEN code_ok THEN format('%s matches no bag type.', code)
                            ELSE format('"%s" is not a bag code.', left(code, 60)) END END AS msg,
               code, CASE WHEN reason = '' AND role = 'parent' THEN code END AS parent,
               CASE WHEN reason = '' AND role = 'parent' THEN 0 END AS children,
               CASE WHEN reason = '' AND role = 'parent' THEN capacity END AS cap, role
          FROM d ORDER BY o
    )
    -- One sorted pass (a) feeds every array, so element i of each is row i.
    SELECT array_agg(res), array_agg(reason), array_agg(msg), array_agg(code), array_agg(parent),
           array_agg(children), array_agg(cap),
           count(*) FILTER (WHERE reason = '' AND role = 'parent'), count(*) FILTER (WHERE reason = '' AND role = 'child')
      INTO o_res, o_reason, o_msg, o_code, o_parent, o_children, o_cap, n_parents, n_children
      FROM a;
    PERFORM tt_count(tt_today(), x.metric, x.n)
       FROM (VALUES ('parents', n_parents), ('children', n_children)) x(metric, n)
      WHERE x.n > 0;
    RETURN tt_import_answer(o_res, o_reason, o_msg, o_code, o_parent, o_children, o_cap);
END $$;

-- links file: rows {"n": [row numbers], "p": [parent codes], "c": [child codes], "w": [child grams
-- or null]} → the answer above, decided like SqliteImport::link: an unknown parent is created with
-- the row's link (both or neither), then the rules of LinkChild in their order.
CREATE OR REPLACE FUNCTION tt_import_links(p_token text, p_meta jsonb, p_rows jsonb) RETURNS json
LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = public, pg_temp SET jit = off AS $$
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
    r_pc text[];
    r_cc text[];
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
BEGIN
    SELECT * INTO ctx FROM tt_import_begin(p_token, p_meta);
    SELECT x.n, x.p, x.c, x.w INTO r_n, r_pc, r_cc, r_w
      FROM jsonb_to_record(p_rows) AS x(n bigint[], p text[], c text[], w bigint[]);
    n_rows := coalesce(array_length(r_n, 1), 0);
    IF coalesce(array_length(r_pc, 1), 0) <> n_rows OR coalesce(array_length(r_cc, 1), 0) <> n_rows
       OR coalesce(array_length(r_w, 1), 0) <> n_rows THEN
        RAISE EXCEPTION 'tt_import_links: the rows'' arrays differ in length';
    END IF;
    IF n_rows = 0 THEN
        RETURN tt_import_answer(NULL, NULL, NULL, NULL, NULL, NULL, NULL);
    END IF;
    -- Each row's codes as indexes into the batch's distinct codes (one sort, no per-row search).
    WITH c AS (
        SELECT u.o, v.side, v.code, dense_rank() OVER w AS k, v.code IS DISTINCT FROM lag(v.code) OVER w AS first
          FROM unnest(r_pc, r_cc) WITH ORDINALITY u(p, c, o)
         CROSS JOIN LATERAL (VALUES (0, coalesce(u.p, '')), (1, coalesce(u.c, ''))) v(side, code)
        WINDOW w AS (ORDER BY v.code COLLATE "C")
    )
    SELECT array_agg(k::integer ORDER BY o) FILTER (WHERE side = 0), array_agg(k::integer ORDER BY o) FILTER (WHERE side = 1),
           array_agg(code ORDER BY k) FILTER (WHERE first)
      INTO r_p, r_c, codes
      FROM c;
    n_codes := array_length(codes, 1);
    -- The batch's existing bags, locked in id order (commands lock them one by one). Every
    -- lookup is one index probe per code (OFFSET 0 keeps the planner from turning the lateral
    -- subqueries into a hash join over the whole table, which 006's joins became).
    PERFORM 1
       FROM (SELECT b.id FROM unnest(codes) u(code)
               CROSS JOIN LATERAL (SELECT id FROM bags WHERE code = u.code OFFSET 0) b ORDER BY b.id) x
      CROSS JOIN LATERAL (SELECT 1 FROM bags b WHERE b.id = x.id FOR UPDATE) l;
    -- Their state, read after the locks (a new snapshot: what the lock holders committed), in
    -- one sorted pass so element k of every array is codes[k].
    SELECT array_agg(tt_import_code_ok(q.code)), array_agg(q.id), array_agg(q.role), array_agg(q.capacity),
           array_agg(q.child_count), array_agg(q.contents_weight_g), array_agg(q.measured_weight_g),
           array_agg(q.nominal_weight_g), array_agg(q.bill_code), array_agg(coalesce(q.status = 'completed', false)),
           array_agg(q.linked_to), array_agg(q.linked_by), array_agg(q.linked_at), array_agg(q.t_id), array_agg(q.t_role),
           array_agg(q.t_cap), array_agg(q.t_nom), array_agg(q.t_exp)
      INTO k_ok, b_id, b_role, b_cap, b_count, b_contents, b_meas, b_nom, b_bill, b_done, l_parent, l_by, l_at,
           t_id, t_role, t_cap, t_nom, t_exp
      FROM (SELECT u.k, u.code, s.*, t.id AS t_id, t.role AS t_role, t.capacity AS t_cap,
                   t.nominal_weight_g AS t_nom, t.expected_weight_g AS t_exp
              FROM unnest(codes) WITH ORDINALITY u(code, k)
              LEFT JOIN LATERAL (
                  SELECT b.id, b.role, b.capacity, b.child_count, b.contents_weight_g, b.measured_weight_g,
                         b.nominal_weight_g, bl.bill_code, bl.status, pb.code AS linked_to, l.linked_by, l.linked_at
                    FROM bags b
                    LEFT JOIN links l ON l.child_id = b.id AND l.ended_at IS NULL
                    LEFT JOIN bags pb ON pb.id = l.parent_id
                    LEFT JOIN bill_parents bp ON bp.parent_id = b.id
                    LEFT JOIN bills bl ON bl.id = bp.bill_id
                   WHERE b.code = u.code OFFSET 0) s ON true
              -- The type a new code would get: the first matching, parents before children.
              LEFT JOIN LATERAL (SELECT bt.id, bt.role, bt.capacity, bt.nominal_weight_g, bt.expected_weight_g
                                   FROM bag_types bt WHERE s.id IS NULL AND u.code ~ bt.pattern
                                  ORDER BY bt.role = 'child', bt.id LIMIT 1) t ON true
             ORDER BY u.k) q;
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

    RETURN tt_import_answer(o_res, o_reason, o_msg, o_code, o_parent, o_children, o_cap);
END $$;

REVOKE EXECUTE ON FUNCTION tt_import_answer(text[], text[], text[], text[], text[], integer[], integer[]) FROM PUBLIC;
