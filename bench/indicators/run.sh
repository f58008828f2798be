#!/usr/bin/env bash
# Indicator benchmark: times `tariffscope indicators series` over the full data, the way an analyst runs it:
#   every HTS revision imported (43), the 2024 US imports of all 51 partners imported, every change date from
#   2025-01-01 to the end of the policy data, under one scenario and under two.
# Reports wall seconds, processor seconds and peak memory of each run, and the engine's own count of quotes.
# Usage: bench/indicators/run.sh          (needs ../shared/data; skips plainly without it)
set -euo pipefail

ROOT="$(cd "$(dirname "$0")/../.." && pwd)"
SHARED="${TARIFFSCOPE_SHARED_DATA:-$ROOT/../shared/data}"
WORK="${TARIFFSCOPE_BENCH_DIR:-${TMPDIR:-/tmp}/tariffscope-indicators-bench}"

if [[ ! -d "$SHARED/trade/us-imports-2024-hs10" || ! -d "$SHARED/hts" ]]; then
  echo "skipped: the benchmark needs the real data in ../shared/data (trade/us-imports-2024-hs10 and hts), which is absent here."
  exit 0
fi
if [[ ! -x /usr/bin/time ]]; then
  echo "skipped: /usr/bin/time (GNU time) is needed to read processor time and peak memory."
  exit 0
fi

mkdir -p "$WORK"
echo "building (Release) into $WORK/bin/indicators …"
dotnet build "$ROOT/src/Tariffscope.Cli/Tariffscope.Cli.csproj" -c Release -o "$WORK/bin/indicators" -v quiet -nologo | grep -E " error |rror\(s\)" || true
CLI="$WORK/bin/indicators/tariffscope"
DATA="$WORK/data"

if [[ ! -f "$DATA/hts/revisions.csv" ]]; then
  echo "importing the HTS revisions into $DATA (once) …"
  for f in "$SHARED"/hts/hts_2025_basic.json.gz "$SHARED"/hts/hts_2025_rev_*.json.gz "$SHARED"/hts/hts_2026_*.json.gz; do
    "$CLI" data import-hts "$f" --revision-dates "$SHARED/hts/revision_dates.csv" --data-dir "$DATA" --json >/dev/null 2>&1 \
      || echo "  not imported: $(basename "$f") (no date for it in revision_dates.csv)"
  done
fi
if [[ ! -f "$DATA/trade/trade.duckdb" ]]; then
  echo "importing the 2024 trade flows (once) …"
  "$CLI" data import-trade "$SHARED/trade/us-imports-2024-hs10" --data-dir "$DATA" --json >/dev/null
fi
echo "schedule: $(( $(wc -l < "$DATA/hts/revisions.csv") - 1 )) HTS revisions; machine: $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg)"
echo

run() {
  local label="$1"; shift
  /usr/bin/time -f "%e %U %S %M" -o "$WORK/time.txt" "$CLI" indicators series --data-dir "$DATA" "$@" >"$WORK/out.txt" 2>&1
  read -r wall user sys rss <"$WORK/time.txt"
  local stats
  # the command's own summary line, which the terminal width may have wrapped
  stats=$(tr '\n' ' ' <"$WORK/out.txt" | tr -s ' ' | grep -o '[0-9,]* dates, [0-9,]* quotes' | head -1 || true)
  printf '| %-44s | %6.1f s | %6.1f s | %5d MB | %s |\n' "$label" "$wall" "$(echo "$user + $sys" | bc)" $(( rss / 1024 )) "${stats:-?}"
}

echo "| run | wall | processor | peak | dates, quotes |"
echo "|---|---|---|---|---|"
run "all partners, actual" --from 2025-01-01 --to 2026-12-31
run "all partners, actual + truce-lapses-aug-2025" --from 2025-01-01 --to 2026-12-31 --scenario actual,truce-lapses-aug-2025
run "China, actual" --partner CN --from 2025-01-01 --to 2026-12-31
run "all partners by partner, two dates" --by partner --on 2025-05-14,2025-11-15
