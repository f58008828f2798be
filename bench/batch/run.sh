#!/usr/bin/env bash
# Batch throughput benchmark: makes a realistic entry file of N lines from the 2024 US import data, then times
#   (a) the floor: reading and writing the same file with Sep and nothing else,
#   (b) `tariffscope rate` under two scenarios (actual, truce-lapses-aug-2025): first cold (the compiled rules kept in
#       the data directory's cache/panel removed, so every cell is planned), then again with the cells the cold run
#       kept, as every later run over the same data finds them,
#   (c) DuckDB rating it with a SQL join against a rates table precomputed by the engine,
# and reports lines/second, the ratios b/a and b/c (of wall time) and peak memory, at 1M lines and at N.
# Usage: bench/batch/run.sh [N]   (default N = 10,000,000; 1,000,000 is always run too)
# The schedule is the full HTS: every 2025 revision and the 2026 ones the revisions list dates, imported into a
# scratch data directory with `tariffscope data import-hts` (once; reused by later runs).
set -euo pipefail

N="${1:-10000000}"
ROOT="$(cd "$(dirname "$0")/../.." && pwd)"
SHARED="${TARIFFSCOPE_SHARED_DATA:-$ROOT/../shared/data}"
WORK="${TARIFFSCOPE_BENCH_DIR:-${TMPDIR:-/tmp}/tariffscope-batch-bench}"
SCENARIOS="actual,truce-lapses-aug-2025"

if [[ ! -d "$SHARED/trade/us-imports-2024-hs10" || ! -d "$SHARED/hts" ]]; then
  echo "skipped: the benchmark needs the real data in ../shared/data (trade/us-imports-2024-hs10 and hts), which is absent here."
  exit 0
fi

mkdir -p "$WORK"
# both published as users get a release: Release, ReadyToRun for this machine's runtime (the floors and the DuckDB
# driver alike, so start-up weighs the same on both sides)
echo "publishing (Release, ReadyToRun) into $WORK/bin …"
for p in cli:src/Tariffscope.Cli/Tariffscope.Cli.csproj bench:bench/Tariffscope.BatchBench/Tariffscope.BatchBench.csproj; do
  dotnet publish "$ROOT/${p#*:}" -c Release --use-current-runtime --self-contained false -p:PublishReadyToRun=true \
    -o "$WORK/bin/${p%%:*}" -v quiet -nologo | grep -E "error|Warn" || true
done
CLI="$WORK/bin/cli/tariffscope"
BENCH="$WORK/bin/bench/Tariffscope.BatchBench"

DATA="$WORK/data"
if [[ ! -f "$DATA/hts/revisions.csv" ]]; then
  echo "importing the HTS revisions into $DATA …"
  start=$(date +%s)
  for f in "$SHARED"/hts/hts_2025_basic.json.gz "$SHARED"/hts/hts_2025_rev_*.json.gz "$SHARED"/hts/hts_2026_*.json.gz; do
    "$CLI" data import-hts "$f" --revision-dates "$SHARED/hts/revision_dates.csv" --data-dir "$DATA" --json >/dev/null 2>"$WORK/import.err" \
      || echo "  not imported: $(basename "$f"): $(head -c 200 "$WORK/import.err")"
  done
  echo "  imported in $(( $(date +%s) - start )) s"
fi
echo "schedule: $(( $(wc -l < "$DATA/hts/revisions.csv") - 1 )) HTS revisions imported ($DATA)"

TIME=/usr/bin/time
[[ -x $TIME ]] || TIME=""

# runs a command under /usr/bin/time -v; prints "wall_seconds peak_mb cpu_seconds" (CPU = user + system: on a
# shared machine it moves less than the wall clock)
timed() {
  local log="$WORK/time.log"
  if [[ -n $TIME ]]; then
    $TIME -v "$@" >"$WORK/stdout.log" 2>"$log" || { cat "$log" >&2; exit 1; }
    local wall rss cpu
    wall=$(grep "Elapsed (wall clock)" "$log" | awk '{print $NF}' | awk -F: '{ if (NF==3) print $1*3600+$2*60+$3; else print $1*60+$2 }')
    rss=$(grep "Maximum resident set size" "$log" | awk '{print $NF}')
    cpu=$(awk '/User time|System time/ { s += $NF } END { print s }' "$log")
    echo "$wall $(( rss / 1024 )) $cpu"
  else
    local s e; s=$(date +%s.%N); "$@" >"$WORK/stdout.log" 2>"$log" || { cat "$log" >&2; exit 1; }; e=$(date +%s.%N)
    echo "$(echo "$e - $s" | bc) $(grep -o 'peak_ws_mb=[0-9]*' "$WORK/stdout.log" | head -1 | cut -d= -f2) ?"
  fi
}

rate() { awk -v n="$1" -v s="$2" 'BEGIN { printf "%.0f", n / s }'; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", a / b }'; }

ROWS=()
for lines in 1000000 "$N"; do
  [[ "$lines" == 1000000 && "$N" == 1000000 && ${#ROWS[@]} -gt 0 ]] && continue
  IN="$WORK/entries-$lines.csv"
  if [[ ! -f "$IN" ]]; then
    echo "generating $lines lines …"
    "$BENCH" generate --lines "$lines" --out "$IN" --trade "$SHARED/trade/us-imports-2024-hs10" --data-dir "$DATA" --seed 2025
  fi
  echo "== $lines lines ($(du -h "$IN" | cut -f1))"
  read -r ta ma ca < <(timed "$BENCH" floor --in "$IN" --out "$WORK/floor-$lines.csv")
  echo "  (a) Sep read+write: ${ta}s (CPU ${ca}s), peak ${ma} MB"
  read -r tw mw cw < <(timed "$BENCH" floor --wide --in "$IN" --out "$WORK/floor-wide-$lines.csv" --data-dir "$DATA" --scenario "$SCENARIOS")
  echo "  (w) Sep read + write of rate's output shape: ${tw}s (CPU ${cw}s), peak ${mw} MB"
  rm -rf "$DATA/cache/panel"
  read -r t0 m0 c0 < <(timed "$CLI" rate "$IN" --out "$WORK/rated-$lines.csv" --scenario "$SCENARIOS" --data-dir "$DATA" --json)
  planned=$(tr -d ' \n' < "$WORK/stdout.log" | grep -o '"cellsPlanned":[0-9]*' | cut -d: -f2)
  echo "  (b0) tariffscope rate, cold (no compiled rules kept): ${t0}s (CPU ${c0}s), peak ${m0} MB; ${planned} cells planned"
  read -r tb mb cb < <(timed "$CLI" rate "$IN" --out "$WORK/rated-$lines.csv" --scenario "$SCENARIOS" --data-dir "$DATA" --json)
  rated=$(grep -o '"rated": [0-9]*' "$WORK/stdout.log" | grep -o '[0-9]*'); rejected=$(grep -o '"rejected": [0-9]*' "$WORK/stdout.log" | grep -o '[0-9]*')
  inner=$(grep -o '"seconds": [0-9.]*' "$WORK/stdout.log" | grep -o '[0-9.]*$')
  cp "$WORK/stdout.log" "$WORK/rate-$lines.json"
  loaded=$(tr -d ' \n' < "$WORK/rate-$lines.json" | grep -o '"cellsLoaded":[0-9]*' | cut -d: -f2)
  echo "  (b) tariffscope rate, compiled rules kept: ${tb}s (pipeline ${inner}s; CPU ${cb}s), peak ${mb} MB; rated $rated, rejected $rejected; ${loaded} cells read back ($(du -ch "$DATA"/cache/panel/*.cells | tail -1 | cut -f1))"
  alloc=$(grep -o '"allocatedBytesPerLine": [0-9.]*' "$WORK/stdout.log" | grep -o '[0-9.]*$' || true)
  [[ -n "$alloc" ]] && echo "      allocated ${alloc} bytes a line"
  read -r tc mc cc < <(timed "$BENCH" duckdb --in "$IN" --out "$WORK/duckdb-$lines.csv" --data-dir "$DATA" --scenario "$SCENARIOS")
  join=$(grep -o 'RESULT duckdb_join.*seconds=[0-9.]*' "$WORK/stdout.log" | grep -o 'seconds=[0-9.]*' | cut -d= -f2)
  prep=$(grep -o 'RESULT duckdb_prepare.*seconds=[0-9.]*' "$WORK/stdout.log" | grep -o 'seconds=[0-9.]*' | cut -d= -f2)
  joined=$(grep -o 'RESULT duckdb_join lines=[0-9]*' "$WORK/stdout.log" | grep -o '[0-9]*$')
  cp "$WORK/stdout.log" "$WORK/duckdb-$lines.log"
  echo "  (c) DuckDB: ${tc}s in all (rates table ${prep}s, SQL join and COPY ${join}s, $joined lines out; CPU ${cc}s), peak ${mc} MB"
  ROWS+=("| $lines | $(rate "$lines" "$ta") | $(rate "$lines" "$tw") | $(rate "$lines" "$t0") / $(rate "$lines" "$tb") | $(rate "$lines" "$tc") ($(rate "$lines" "$join") join only) | $(ratio "$tb" "$tw") | $(ratio "$tb" "$tc") ($(ratio "$tb" "$join")) | $(ratio "$cb" "$cw") / $(ratio "$cb" "$cc") | ${alloc:-?} | $ma / $mw / $m0 / $mb / $mc |")
  rm -f "$WORK/floor-$lines.csv" "$WORK/floor-wide-$lines.csv" "$WORK/duckdb-$lines.csv"
done

echo
echo "| lines | (a) Sep floor, lines/s | (w) wide floor, lines/s | (b0 / b) tariffscope rate cold / kept, lines/s | (c) DuckDB, lines/s | b/w (wall) | b/c (wall; vs join only) | b/w / b/c (CPU) | bytes allocated a line (b) | peak MB a / w / b0 / b / c |"
echo "|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|"
printf '%s\n' "${ROWS[@]}"
