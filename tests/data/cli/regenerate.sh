#!/usr/bin/env bash
# Regenerates the expected outputs of the recorded streams from the current build. Review the
# diff by hand before committing: these files are the oracle of tst_cli_streams.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
cli=${CLI:-$here/../../../build/dev/cli/tracetrack-cli}
db=$(mktemp -d)/streams.db
strip() { python3 -c '
import sys, json
for l in sys.stdin:
    o = json.loads(l); o.pop("command_id", None); o.pop("message")
    print(json.dumps(o, sort_keys=True, ensure_ascii=False, separators=(",", ":")))'; }
export TRACETRACK_PASSWORD='Admin-Pass-2026'
"$cli" --db "sqlite:$db" init --admin admin >/dev/null
"$cli" --db "sqlite:$db" --user admin --station rec-1 --json station --input "$here/dispatch-shift.txt" | strip > "$here/dispatch-shift.expected.jsonl"
printf 'SB00002\nC0101\nC0102\nC0103\nC0104\nC0105\n' | "$cli" --db "sqlite:$db" --user admin --json station >/dev/null
TRACETRACK_NEW_PASSWORD='Biller-Pass-2026' "$cli" --db "sqlite:$db" --user admin user add priya --role biller >/dev/null
"$cli" --db "sqlite:$db" --user admin bill create bill-t1 --capacity 3 >/dev/null
TRACETRACK_PASSWORD='Biller-Pass-2026' "$cli" --db "sqlite:$db" --user priya --station rec-2 --json station --input "$here/billing.txt" | strip > "$here/billing.expected.jsonl"
"$cli" --db "sqlite:$db" verify
