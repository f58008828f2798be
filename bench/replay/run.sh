#!/usr/bin/env bash
# Replay throughput beside `rate`: makes an entry-line file of N lines (default 1,000,000) from a few hand-worked
# patterns (China List 3 with its IEEPA layers declared, a USMCA line, a line after the IEEPA duties, a Vietnamese
# line; 5 lines per entry), then times `tariffscope rate` and `tariffscope entries replay` on the same file with the
# built-in data, and prints lines/second and the ratio. Run it once at 1M on a shared machine, not in a loop.
# Usage: bench/replay/run.sh [N]
set -euo pipefail
N="${1:-1000000}"
ROOT="$(cd "$(dirname "$0")/../.." && pwd)"
WORK="${TARIFFSCOPE_BENCH_DIR:-${TMPDIR:-/tmp}/tariffscope-replay-bench}"
mkdir -p "$WORK"
dotnet build "$ROOT/src/Tariffscope.Cli/Tariffscope.Cli.csproj" -c Release -o "$WORK/bin" -v quiet -nologo | grep -E " error |rror\(s\)" || true
CLI="$WORK/bin/tariffscope"
IN="$WORK/replay-$N.csv"
if [[ ! -f "$IN" ]]; then
  awk -v n="$N" 'BEGIN {
    print "entry_number,line_number,entry_date,importer_of_record,mode,hts,country_of_origin,entered_value,program,heading_1,duty_1,heading_2,duty_2,heading_3,duty_3,heading_4,duty_4";
    p[0] = "2025-05-20,Acme,ocean,4202.92.31.20,CN,5000,,9903.88.03,1250.00,9903.01.24,1000.00,9903.01.25,500.00,4202.92.31.20,880.00";
    p[1] = "2025-05-20,Norte,truck,8708.99.81.80,MX,10000,S,9903.01.01,2500.00,8708.99.81.80,0.00,,,,";
    p[2] = "2026-03-20,Acme,ocean,4202.92.31.20,CN,250000,,9903.88.03,62500.00,9903.03.01,25000.00,4202.92.31.20,44000.00,,";
    p[3] = "2025-08-13,Saigon,ocean,6110.20.20,VN,2500,,9903.02.69,500.00,6110.20.20,412.50,,,,";
    p[4] = "2025-11-15,Acme,air,8471.30.01.00,CN,1200,,9903.01.24,120.00,8471.30.01.00,0.00,,,,";
    for (i = 0; i < n; i++) printf "E%07d,%d,%s\n", int(i / 5), i % 5 + 1, p[i % 5];
  }' > "$IN"
fi
t() { local s e; s=$(date +%s.%N); "$@" > "$WORK/last.log"; e=$(date +%s.%N); echo "$e - $s" | bc; }
RATE=$(t "$CLI" rate "$IN" --out "$WORK/rated.csv" --json)
REPLAY=$(t "$CLI" entries replay "$IN" --out "$WORK/replayed.csv" --as-of 2026-05-01 --json)
python3 - "$N" "$RATE" "$REPLAY" <<'PY'
import sys
n, rate, replay = int(sys.argv[1]), float(sys.argv[2]), float(sys.argv[3])
print(f"lines {n:,}: rate {rate:.1f} s ({n/rate:,.0f} lines/s); replay {replay:.1f} s ({n/replay:,.0f} lines/s); replay/rate wall time {replay/rate:.2f}")
PY
