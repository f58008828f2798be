#!/usr/bin/env bash
# Indicator benchmark: times `tariffscope indicators series` over the full data, the way an analyst runs it:
#   every HTS revision imported (43), the 2024 US imports of all 51 partners imported, every change date from
#   2025-01-01 to the end of the policy data, under one scenario and under two.
# Each question is run cold (the data directory's cache/indicators emptied: the horizon of every partner is computed
# and written) and then cached (a new process reading the horizon's file), side by side in one run; then the server
# is started and asked new from/to/partner slices (answered from the horizon it holds in memory).
# Reports wall seconds, processor seconds and peak memory of each process, the question's own time (its last note,
# "computed in"), and the dates and quotes of the answer.
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
# published as users get it: ReadyToRun for this machine's runtime (a cached question is mostly start-up, which
# precompiled code shortens)
echo "publishing (Release, ReadyToRun) into $WORK/bin/indicators …"
dotnet publish "$ROOT/src/Tariffscope.Cli/Tariffscope.Cli.csproj" -c Release --use-current-runtime --self-contained false \
  -o "$WORK/bin/indicators" -v quiet -nologo | grep -E " error |rror\(s\)" || true
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

CACHE="$DATA/cache/indicators"
measure() { # label, then the command's options; prints "wall cpu peakMB question-seconds dates-quotes"
  /usr/bin/time -f "%e %U %S %M" -o "$WORK/time.txt" "$CLI" indicators series --data-dir "$DATA" "$@" >"$WORK/out.txt" 2>&1
  read -r wall user sys rss <"$WORK/time.txt"
  local flat question stats
  flat=$(tr '\n' ' ' <"$WORK/out.txt" | tr -s ' ')   # the terminal width may have wrapped the notes
  question=$(grep -o 'computed in [0-9.]* s' <<<"$flat" | tail -1 | grep -o '[0-9.]*' || echo "?")
  # the first scenario's horizon: where it came from, and (computed now) its dates and quotes
  stats=$(grep -o 'horizon \(computed now\|in the cache file\|held in memory\) ([^)]*' <<<"$flat" | head -1 \
    | sed -E 's/horizon (computed now|in the cache file|held in memory) \([^,]*, [0-9,]* lines, ([0-9]* dates, [0-9,]* quotes).*/\1: \2/' || true)
  echo "$wall $(echo "$user + $sys" | bc) $(( rss / 1024 )) $question ${stats:-?}"
}
median3() { # the run of median wall time of three (a shared machine is noisy)
  local runs
  runs=$( { measure "$@"; measure "$@"; measure "$@"; } | sort -n -k1,1)
  sed -n 2p <<<"$runs"
}
row() { # label, then options: cold (cache emptied) then cached (new processes reading the file; median of three)
  local label="$1"; shift
  rm -rf "$CACHE"
  read -r cw cc cm cq cs <<<"$(measure "$@")"
  read -r hw hc hm hq hs <<<"$(median3 "$@")"
  printf '| %-46s | %6.2f s | %6.2f s | %4d MB | %6.2f s | %6.2f s | %4d MB | %5.2f s | %5.1f× | %s |\n' \
    "$label" "$cw" "$cc" "$cm" "$hw" "$hc" "$hm" "$hq" "$(echo "$cw / $hw" | bc -l)" "$cs"
}
cached_row() { # label, then options: the horizon file is there already
  local label="$1"; shift
  read -r hw hc hm hq hs <<<"$(median3 "$@")"
  printf '| %-46s | %8s | %8s | %7s | %6.2f s | %6.2f s | %4d MB | %5.2f s | %6s | %s |\n' "$label" "" "" "" "$hw" "$hc" "$hm" "$hq" "" "$hs"
}

echo "| question | cold wall | cold cpu | cold peak | cached wall | cached cpu | cached peak | cached question | cold/cached | horizon (cold run) |"
echo "|---|---|---|---|---|---|---|---|---|---|"
row "all partners, actual" --from 2025-01-01 --to 2026-12-31
row "all partners, actual + truce-lapses-aug-2025" --from 2025-01-01 --to 2026-12-31 --scenario actual,truce-lapses-aug-2025
row "China, actual" --partner CN --from 2025-01-01 --to 2026-12-31
cached_row "new span: CN+MX by partner, 2025-04-05..2025-11-20" --partner CN,MX --by partner --from 2025-04-05 --to 2025-11-20
cached_row "new span: all partners by hs2, 2026" --by hs2 --from 2026-01-01 --to 2026-12-31
cached_row "all partners by partner, two dates" --by partner --on 2025-05-14,2025-11-15
echo
echo "horizon files: $(ls "$CACHE"/*.horizon 2>/dev/null | wc -l), $(du -ch "$CACHE"/*.horizon 2>/dev/null | tail -1 | cut -f1)"

# The API: a server holding the horizon answers any new from/to/partner as a slice of it.
if command -v curl >/dev/null; then
  PORT=$(( 20000 + RANDOM % 20000 ))
  "$CLI" serve --data-dir "$DATA" --urls "http://127.0.0.1:$PORT" --log-level warning >"$WORK/serve.txt" 2>&1 &
  SERVER=$!
  trap 'kill $SERVER 2>/dev/null || true' EXIT
  for _ in $(seq 1 100); do curl -s -o /dev/null "http://127.0.0.1:$PORT/api/v1/trade" && break; sleep 0.2; done
  ask() { # path: the seconds until the answer (202 "computing" answers are asked again, as the dashboard does)
    local start code
    start=$(date +%s.%N)
    for _ in $(seq 1 300); do
      code=$(curl -s -o "$WORK/api.json" -w '%{http_code}' "http://127.0.0.1:$PORT$1")
      [[ "$code" != 202 ]] && break
      sleep 0.2
    done
    printf '| %-70s | %3s | %6.3f s |\n' "$1" "$code" "$(echo "$(date +%s.%N) - $start" | bc)"
  }
  echo
  echo "| API request (server started with the horizon file present) | status | time |"
  echo "|---|---|---|"
  ask "/api/v1/indicators"
  ask "/api/v1/indicators?from=2025-04-05&to=2025-11-20"
  ask "/api/v1/indicators?from=2025-06-01&to=2026-03-31&partner=CN,MX&by=partner"
  ask "/api/v1/indicators?from=2025-02-01&by=hs2"
  ask "/api/v1/indicators?partner=JP"
  kill $SERVER 2>/dev/null || true
  wait $SERVER 2>/dev/null || true
fi
