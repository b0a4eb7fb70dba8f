#!/usr/bin/env bash
# Server CPU per replayed command (BRIEF §8 P7; docs/benchmarks.md "Migration 009"): the figure
# least moved by a busy machine. Creates database DB on a running harness server, applies the
# central migrations up to LAST (e.g. 008 for "before 009"), then replays COMMANDS commands
# (parents SB, 29 children each, as bench_replay) through tt_replay in batches of BATCH from one
# backend, and divides that backend's user + system CPU (/proc) by the commands.
#
#   scripts/pg-harness start /tmp/pg.env; . /tmp/pg.env
#   bench/central/replay_cpu.sh /tmp/pg.env DB LAST BATCH COMMANDS
#   scripts/pg-harness stop /tmp/pg.env
set -euo pipefail
state=$1 db=$2 last=$3 batch=$4 n=$5
# shellcheck disable=SC1090
. "$state"
export PGHOST=$TT_PG_DIR PGPORT=$TT_PG_PORT
root=$(cd "$(dirname "$0")/../.." && pwd)
psql -U postgres -qAt -c "DO \$\$ BEGIN IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'tt_owner') THEN
    CREATE ROLE tt_owner LOGIN; END IF; IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'tt_station') THEN
    CREATE ROLE tt_station LOGIN; END IF; END \$\$" -c "DROP DATABASE IF EXISTS $db" -c "CREATE DATABASE $db OWNER tt_owner"
for f in "$root"/resources/sql/postgresql/*.sql; do
    [[ $(basename "$f" | cut -c1-3) > $last ]] && break
    psql -U tt_owner -d "$db" -q -v ON_ERROR_STOP=1 -f "$f" >/dev/null
done
psql -U tt_owner -d "$db" -qAt -c "SELECT tt_init_admin('admin', 'Replay-cpu-1234')" >/dev/null
psql -U postgres -d "$db" -qAt <<SQL
SELECT set_config('bench.token', tt_login('admin', 'Replay-cpu-1234', 'st-bench')->>'token', false) \g /dev/null
SELECT pg_backend_pid() AS pid \gset
\setenv PID :pid
\! awk '{print \$14 + \$15}' /proc/\$PID/stat > /tmp/replay_cpu.\$PID
DO \$\$
DECLARE
    b jsonb;
    k integer := 0;
    t0 timestamptz := clock_timestamp();
BEGIN
    FOR s IN 0 .. $n - 1 BY $batch LOOP
        SELECT jsonb_agg(jsonb_build_object('id', gen_random_uuid(), 'at', now(), 'station', 'st-bench',
                   'kind', CASE WHEN i % 30 = 0 THEN 'select_parent' ELSE 'link_child' END,
                   'code', 'SB' || lpad((i / 30)::text, 5, '0'), 'parent', 'SB' || lpad((i / 30)::text, 5, '0'),
                   'child', 'R' || (i / 30) || 'X' || (i % 30)) ORDER BY i)
          INTO b FROM generate_series(s, least(s + $batch, $n) - 1) i;
        k := k + jsonb_array_length(tt_replay(current_setting('bench.token'), b));
    END LOOP;
    RAISE NOTICE 'replayed % commands in % ms', k, round(extract(epoch FROM clock_timestamp() - t0) * 1000);
END \$\$;
\! echo "$db (migrations to $last) batch $batch: server CPU per replayed command \$(( (\$(awk '{print \$14 + \$15}' /proc/\$PID/stat) - \$(cat /tmp/replay_cpu.\$PID)) * 1000000 / \$(getconf CLK_TCK) / $n )) us"; rm -f /tmp/replay_cpu.\$PID
SQL
