#!/usr/bin/env bash
# Benchmark: the agent against `docker stats` and the Engine itself, same machine, same run.
# Usage: bench/run.sh [N]   (N idle containers, default 200). Writes bench/RESULTS.md and prints it.
# Not a test: it asserts nothing, it measures and reports. Needs root on Debian (or a running engine).
set -euo pipefail
N=${1:-200}
cd "$(dirname "$0")/.."
ROOT=$PWD
. scripts/engine.sh
. scripts/images.sh
. bench/lib.sh
ensure_engine
ensure_test_images

WORK=$(mktemp -d /tmp/hebergos-bench.XXXXXX)
PORT=${BENCH_PORT:-18480}
cleanup() {
  [ -n "$AGENT_PID" ] && kill "$AGENT_PID" 2>/dev/null && wait "$AGENT_PID" 2>/dev/null || true
  remove_labelled hebergos-bench 2>/dev/null || true
  rm -rf "$WORK"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

ms() { awk '{printf "%.2f\n", $1*1000}'; }

say "== building the agent and seeding history (the project's own HistoryStore and maintenance)"
mvn -B -q -DskipTests package
mvn -B -q dependency:build-classpath -Dmdep.outputFile="$WORK/cp" >/dev/null
mkdir -p "$WORK/classes" "$WORK/data"
javac -d "$WORK/classes" -cp "target/classes:$(cat "$WORK/cp")" bench/src/org/hebergos/dockerlink/bench/SeedHistory.java
ID_DAY=$(printf 'd%.0s' {1..64})
ID_WEEK=$(printf 'e%.0s' {1..64})
ID_YEAR=$(printf 'f%.0s' {1..64})
seed() { java -cp "$WORK/classes:target/classes:$(cat "$WORK/cp")" org.hebergos.dockerlink.bench.SeedHistory "$@" | tee -a "$WORK/seeded" >&2; }
# disk cost: SEED_N containers x 7 days in a data dir of their own, per profile; the file grows
# linearly with containers (one compact row per container-hour), so 200 is SEED_N's figure x 200/SEED_N
SEED_N=${SEED_CONTAINERS:-10}
disk_ids() { for i in $(seq 1 "$SEED_N"); do printf "%064x " "$((i + $1))"; done; }
seed "$WORK/disk-busy" busy 7 $(disk_ids 0)
seed "$WORK/disk-idle" idle 7 $(disk_ids 1000)
seed "$WORK/data" idle 400 "$ID_YEAR"
# last, so that their history ends closest to the queries
seed "$WORK/data" busy 7 "$ID_WEEK"
seed "$WORK/data" busy 1 "$ID_DAY"
# per raw sample: as the last maintenance left the file, and after a full rewrite (the smallest it gets)
left() { grep "^seeded $WORK/$1:" "$WORK/seeded" | sed 's/.* = \([0-9.]*\) bytes per raw sample kept.*/\1/'; }
least() { grep "^seeded $WORK/$1:" "$WORK/seeded" | sed 's/.* = \([0-9.]*\)$/\1/'; }
BYTES_BUSY=$(left disk-busy); BYTES_IDLE=$(left disk-idle); LEAST_BUSY=$(least disk-busy); LEAST_IDLE=$(least disk-idle)
MB_BUSY=$(awk -v b="$(stat -c %s "$WORK/disk-busy/stats.mv.db")" 'BEGIN {printf "%.1f", b / 1048576}')
MB_IDLE=$(awk -v b="$(stat -c %s "$WORK/disk-idle/stats.mv.db")" 'BEGIN {printf "%.1f", b / 1048576}')
YEAR_MB=$(awk -v b="$(stat -c %s "$WORK/data/stats.mv.db")" 'BEGIN {printf "%.1f", b / 1048576}')

say "== starting the agent with the run command (scripts/run.sh: -Xmx256m)"
start_agent "$WORK" "$PORT" || exit 1

say "== the agent idle, before the containers exist (60 s)"
sleep 20
ticks0=$(cpu_ticks); wall0=$(date +%s.%N)
sleep 60
IDLE_CPU=$(cpu_percent "$ticks0" "$(cpu_ticks)" "$wall0" "$(date +%s.%N)")

say "== $N idle containers"
remove_labelled hebergos-bench
seq 1 "$N" | xargs -P 8 -I{} docker run -d --label hebergos-bench --name "bench-{}" "$BUSYBOX_IMAGE" sleep 1d >/dev/null
docker ps -q --no-trunc --filter label=hebergos-bench >"$WORK/ids"
say "running: $(wc -l <"$WORK/ids")"

say "== warm-up round"
last=$(await_new_round "")
last=$(await_new_round "$last")

say "== steady sampling: 7 rounds, agent CPU over the same window"
ticks0=$(cpu_ticks); wall0=$(date +%s.%N)
: >"$WORK/rounds"
for _ in $(seq 1 7); do
  last=$(await_new_round "$last")
  health=$(curl -s "$API/health")
  echo "$health" | round_field duration_ms >>"$WORK/rounds"
  say "round $(echo "$health" | round_field time): $(tail -1 "$WORK/rounds") ms, sampled $(echo "$health" | round_field sampled), failures $(echo "$health" | round_field failures)"
done
ticks1=$(cpu_ticks); wall1=$(date +%s.%N)
CPU_PCT=$(cpu_percent "$ticks0" "$ticks1" "$wall0" "$wall1")
CPU_WINDOW=$(awk -v w0="$wall0" -v w1="$wall1" 'BEGIN {printf "%.0f", w1-w0}')
ROUND=$(median <"$WORK/rounds")

say "== baselines, each started right after a round so they do not overlap the agent's"
: >"$WORK/floor"; : >"$WORK/dockerstats"
for _ in 1 2 3; do
  last=$(await_new_round "$last")
  java bench/Floor.java "$SOCK" "$WORK/ids" >>"$WORK/floor"
  last=$(await_new_round "$last")
  s=$(date +%s%N); docker stats --no-stream $(cat "$WORK/ids") >/dev/null; e=$(date +%s%N)
  echo $(( (e - s) / 1000000 )) >>"$WORK/dockerstats"
  say "floor $(tail -1 "$WORK/floor") ms, docker stats $(tail -1 "$WORK/dockerstats") ms"
done
FLOOR=$(median <"$WORK/floor")
DSTATS=$(median <"$WORK/dockerstats")

query_times() { # URL COUNT [curl args...]: one time_total (s) a line
  local url=$1 count=$2; shift 2
  for _ in $(seq 1 "$count"); do curl -s -o /dev/null -w '%{time_total}\n' "$@" "$url"; done
}
NOW=$(date +%s)
say "== history queries"
query_times "$API/v1/container/stats?id=$ID_DAY&since=$((NOW - 86400))" 5 -H "Authorization: Bearer $TOKEN" >/dev/null
SAMPLES_DAY=$(curl -s -H "Authorization: Bearer $TOKEN" "$API/v1/container/stats?id=$ID_DAY&since=$((NOW - 86400))" | grep -o '"memory"' | wc -l)
query_times "$API/v1/container/stats?id=$ID_DAY&since=$((NOW - 86400))" 300 -H "Authorization: Bearer $TOKEN" | ms >"$WORK/day"
SAMPLES_WEEK=$(curl -s -H "Authorization: Bearer $TOKEN" "$API/v1/container/stats?id=$ID_WEEK&since=$((NOW - 7 * 86400))" | grep -o '"memory"' | wc -l)
query_times "$API/v1/container/stats?id=$ID_WEEK&since=$((NOW - 7 * 86400))" 200 -H "Authorization: Bearer $TOKEN" | ms >"$WORK/week"
DAY50=$(median <"$WORK/day"); DAY99=$(pct 99 <"$WORK/day")
DAYRPS=$(awk '{s+=$1} END {printf "%.0f", NR/(s/1000)}' "$WORK/day")
WEEK50=$(median <"$WORK/week"); WEEK99=$(pct 99 <"$WORK/week")
WEEKRPS=$(awk '{s+=$1} END {printf "%.1f", NR/(s/1000)}' "$WORK/week")

say "== downsampled history (the panel's presets, a year by day), list, metrics and the server's floor"
# interleaved in runs of 20, ten times over: a sampling round (~1.5 s of each 10 s at N = 200) then
# slows every kind alike, instead of falling on one kind's 200 consecutive requests and not another's
YEAR_URL="$API/v1/container/stats?id=$ID_YEAR&since=$((NOW - 400 * 86400))&step=86400"
SCALES="hour 4hours day week"
kinds="$SCALES year list engine empty scrape"
measure() { # KIND COUNT: COUNT times in ms, one a line
  local auth=(-H "Authorization: Bearer $TOKEN")
  case $1 in
    year) query_times "$YEAR_URL" "$2" "${auth[@]}" ;;
    list) query_times "$API/v1/container/" "$2" "${auth[@]}" ;;
    engine) query_times "http://docker/containers/json?all=1" "$2" --unix-socket "$SOCK" ;;
    empty) query_times "$API/no-such-path" "$2" "${auth[@]}" ;;
    scrape) query_times "$API/metrics" "$2" "${auth[@]}" ;;
    *) query_times "$API/v1/container/stats?id=$ID_WEEK&since=0&scale=$1" "$2" "${auth[@]}" ;;
  esac | ms
}
for kind in $kinds; do measure "$kind" 10 >/dev/null; : >"$WORK/q-$kind"; done
for _ in $(seq 1 10); do
  for kind in $kinds; do measure "$kind" 20 >>"$WORK/q-$kind"; done
done
points() { curl -s -H "Authorization: Bearer $TOKEN" "$1" | grep -o '"memory"' | wc -l; }
: >"$WORK/scales"
for scale in $SCALES; do
  echo "$scale $(points "$API/v1/container/stats?id=$ID_WEEK&since=0&scale=$scale") $(median <"$WORK/q-$scale") $(pct 99 <"$WORK/q-$scale")" >>"$WORK/scales"
done
YEAR_POINTS=$(points "$YEAR_URL")
YEAR50=$(median <"$WORK/q-year"); YEAR99=$(pct 99 <"$WORK/q-year")
CONTAINERS=$(docker ps -aq | wc -l)
LIST=$(median <"$WORK/q-list"); ENGINE=$(median <"$WORK/q-engine"); EMPTY=$(median <"$WORK/q-empty")
SCRAPE=$(median <"$WORK/q-scrape"); SCRAPE99=$(pct 99 <"$WORK/q-scrape")
SCRAPE_BYTES=$(curl -s -H "Authorization: Bearer $TOKEN" "$API/metrics" | wc -c)
SCRAPE_SERIES=$(curl -s -H "Authorization: Bearer $TOKEN" "$API/metrics" | grep -c '^container_' || true)

RSS_KB=$(awk '/VmHWM/ {print $2}' "/proc/$AGENT_PID/status")
RSS=$(( RSS_KB / 1024 ))
OOM=$(grep -c OutOfMemoryError "$WORK/agent.log" || true)
SKIPPED=$(curl -s "$API/health" | round_field skipped_rounds)

met() { awk -v v="$1" -v g="$2" 'BEGIN {print (v <= g) ? "met" : "not met"}'; }
ENGINE_VERSION=$(docker version --format '{{.Server.Version}} (API {{.Server.APIVersion}})')
CGROUP=$(docker info --format '{{.CgroupVersion}}')
{
  echo "# Benchmark results"
  echo
  echo "Produced by \`bench/run.sh $N\` on $(date -u '+%Y-%m-%d %H:%M UTC'). Machine: $(nproc) cores,"
  echo "$(free -g | awk '/Mem:/ {print $2}') GiB memory, Docker Engine $ENGINE_VERSION, cgroup v$CGROUP, Java $(java -version 2>&1 | awk -F'"' '/version/ {print $2}'),"
  echo "Payara Micro 6.2025.10, agent with \`-Xmx256m\`, \`stats_interval=10s\`, N = $N idle running containers"
  echo "($CONTAINERS containers in all on the engine). Times are medians of repeated runs in this same run; the"
  echo "presets, the year, the list, the Engine, \`/metrics\` and the 404 floor were measured interleaved (runs of"
  echo "20 of each, ten times over), so that sampling rounds slow them alike."
  echo
  echo "| figure | value | baseline | ratio | goal | result |"
  echo "|---|---|---|---|---|---|"
  echo "| sampling round wall time (median of 7) | $ROUND ms | all $N one-shot calls at once (floor, median of 3): $FLOOR ms | $(ratio "$ROUND" "$FLOOR") | ≤ 1.2 × floor | $(met "$(ratio "$ROUND" "$FLOOR")" 1.2) |"
  echo "| sampling round vs \`docker stats --no-stream\` | $ROUND ms | \`docker stats --no-stream\` (median of 3): $DSTATS ms | $(ratio "$ROUND" "$DSTATS") | < 1 | $(met "$(ratio "$ROUND" "$DSTATS")" 0.999) |"
  echo "| agent CPU, steady sampling (${CPU_WINDOW} s) | $CPU_PCT % of one core | the same agent idle with no containers (60 s): $IDLE_CPU % | | ≤ 1 % | $(met "$CPU_PCT" 1) |"
  echo "| agent peak RSS (VmHWM) | $RSS MiB | | | runs with \`-Xmx256m\`, no OOM | $([ "$OOM" = 0 ] && echo "met ($OOM OOM)" || echo "not met ($OOM OOM)") |"
  echo "| 24 h history query ($SAMPLES_DAY samples), 300 requests | p50 $DAY50 ms, p99 $DAY99 ms, $DAYRPS req/s (one client) | | | p50 ≤ 10 ms | $(met "$DAY50" 10) |"
  echo "| 7 d history query ($SAMPLES_WEEK samples), 200 requests | p50 $WEEK50 ms, p99 $WEEK99 ms, $WEEKRPS req/s (one client) | | | (reported) | |"
  while read -r scale points p50 p99; do
    echo "| \`scale=$scale\` ($points points of the 7 d container), 200 requests | p50 $p50 ms, p99 $p99 ms | 2 × the 404 floor: $(awk -v e="$EMPTY" 'BEGIN {printf "%.2f", 2*e}') ms | $(ratio "$p50" "$EMPTY") × floor | ≤ 2 × floor | $(met "$(ratio "$p50" "$EMPTY")" 2) |"
  done <"$WORK/scales"
  echo "| \`since=<400 d ago>&step=86400\` ($YEAR_POINTS points from half-hour summaries), 200 requests | p50 $YEAR50 ms, p99 $YEAR99 ms | 2 × the 404 floor: $(awk -v e="$EMPTY" 'BEGIN {printf "%.2f", 2*e}') ms | $(ratio "$YEAR50" "$EMPTY") × floor | ≤ 2 × floor | $(met "$(ratio "$YEAR50" "$EMPTY")" 2) |"
  for profile in busy idle; do
    b=$([ $profile = busy ] && echo "$BYTES_BUSY" || echo "$BYTES_IDLE"); l=$([ $profile = busy ] && echo "$LEAST_BUSY" || echo "$LEAST_IDLE")
    worst=$(awk -v l="$l" 'BEGIN {printf "%.1f", l * 1.15}')
    echo "| on-disk bytes per raw sample, $SEED_N containers × 7 d, $profile profile: as the maintenance left the file; after a full rewrite; at most before the next rewrite (1.15 ×) | $b B; $l B; $worst B | previous release: ~230 B | | ≤ 16 B | $(met "$worst" 16) |"
  done
  echo "| the agent's bench database: 1 d + 7 d busy, 400 d idle (7 d raw + half-hour summaries) | $YEAR_MB MiB | | | (reported) | |"
  echo "| disk files of the profiles above ($SEED_N containers × 7 d) | busy $MB_BUSY MiB, idle $MB_IDLE MiB | | | (reported) | |"
  echo "| \`GET v1/container/\` (200 requests, curl) | p50 $LIST ms | Engine \`/containers/json?all=1\`, same client: p50 $ENGINE ms | $(ratio "$LIST" "$ENGINE") | ≤ 1.0 × Engine | $(met "$(ratio "$LIST" "$ENGINE")" 1.0) |"
  echo "| the server's floor: a 404 from the agent (an unknown path, with the token: every request but /health needs it; without it the agent answers 401 before any routing) | p50 $EMPTY ms | Engine, as above | $(ratio "$EMPTY" "$ENGINE") | (reported) | |"
  echo "| \`GET /metrics\` scrape ($SCRAPE_SERIES container series, $SCRAPE_BYTES bytes), 200 requests | p50 $SCRAPE ms, p99 $SCRAPE99 ms | the server's 404 floor, as above: p50 $EMPTY ms | $(ratio "$SCRAPE" "$EMPTY") | p50 ≤ 2 × floor | $(met "$(ratio "$SCRAPE" "$EMPTY")" 2) |"
  echo
  echo "Rounds skipped because the previous one overran: ${SKIPPED:-0}. Round times (ms): $(paste -sd' ' "$WORK/rounds");"
  echo "floor: $(paste -sd' ' "$WORK/floor"); docker stats: $(paste -sd' ' "$WORK/dockerstats")."
  # keep the record of earlier runs that follows the table
  [ -f bench/RESULTS.md ] && sed -n '/^## History/,$p' bench/RESULTS.md | sed '1s/^/\n/'
} >bench/RESULTS.md.new
mv bench/RESULTS.md.new bench/RESULTS.md
cat bench/RESULTS.md
