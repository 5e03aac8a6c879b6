#!/usr/bin/env bash
# The agent's CPU, idle and sampling N idle containers, measured as bench/run.sh does (/proc/<pid>/stat
# ticks over a window; nothing polls the agent meanwhile), then the cost of a /metrics scrape against the
# agent's own 404. Usage: bench/overhead.sh [N]. Prints figures, asserts nothing; removes its containers.
# SCRAPE_ONLY=1 skips the CPU windows (the idle ones and the sampling one) for scrape-only runs;
# BENCH_PORT sets the agent's port (default 18490), JAVA_OPTS reach scripts/run.sh; on an engine shared with
# other work, MANAGED_LABEL=hebergos-overhead (read by the agent) makes it see the bench's containers only.
set -euo pipefail
N=${1:-200}
SCRAPE_ONLY=${SCRAPE_ONLY:-0}
cd "$(dirname "$0")/.."
TOKEN=tok
. scripts/engine.sh; . scripts/images.sh; . bench/lib.sh
ensure_engine; ensure_test_images
WORK=$(mktemp -d /tmp/hebergos-overhead.XXXXXX); PORT=${BENCH_PORT:-18490}
trap '[ -z "$AGENT_PID" ] || kill $AGENT_PID 2>/dev/null || true; remove_labelled hebergos-overhead' EXIT
start_agent "$WORK" $PORT
measure() { local t0 w0; t0=$(cpu_ticks); w0=$(date +%s.%N); sleep "$1"; cpu_percent "$t0" "$(cpu_ticks)" "$w0" "$(date +%s.%N)"; }
echo "containers on the engine before: $(docker ps -q | wc -l) running"
if [ "$SCRAPE_ONLY" != 1 ]; then
  sleep 20; echo "idle, 20-80 s after the first answer (JIT still warming): $(measure 60) % of one core"
  sleep 60; echo "idle, 140-200 s after the first answer: $(measure 60) % of one core"
fi
seq 1 "$N" | xargs -P 8 -I{} docker run -d --label hebergos-overhead "$BUSYBOX_IMAGE" sleep 1d >/dev/null
echo "running now: $(docker ps -q | wc -l)"
if [ "$SCRAPE_ONLY" != 1 ]; then
  sleep 40; echo "sampling $N more containers (70 s after 40 s warm-up): $(measure 70) % of one core"
else
  sleep 25 # two rounds with all the containers
fi
curl -s -H "Authorization: Bearer $TOKEN" http://127.0.0.1:$PORT/health; echo
# Three kinds of request, interleaved in blocks of 20 so that the machine's other work weighs on each
# alike: a scrape as curl asks (Prometheus text 0.0.4), a scrape with Prometheus 2.42's Accept header
# (OpenMetrics), and the floor: the agent's 404 for an unknown path, with the token.
PROM_ACCEPT='Accept: application/openmetrics-text;version=1.0.0,application/openmetrics-text;version=0.0.1;q=0.75,text/plain;version=0.0.4;q=0.5,*/*;q=0.1'
A="Authorization: Bearer $TOKEN"
# each line: time to the first byte of the answer, time to its last byte (s)
q() { for _ in $(seq 1 20); do curl -s -o /dev/null -w '%{time_starttransfer} %{time_total}\n' "$@"; done; }
: >"$WORK/text"; : >"$WORK/open"; : >"$WORK/floor"
for _ in $(seq 1 5); do # warm-up: 100 of each kind, so that the JIT has compiled all three paths
  q -H "$A" http://127.0.0.1:$PORT/metrics >/dev/null
  q -H "$A" -H "$PROM_ACCEPT" http://127.0.0.1:$PORT/metrics >/dev/null
  q -H "$A" http://127.0.0.1:$PORT/no-such-path >/dev/null
done
echo "load average before the scrapes: $(cut -d' ' -f1-3 /proc/loadavg)"
for _ in $(seq 1 10); do
  q -H "$A" http://127.0.0.1:$PORT/metrics >>"$WORK/text"
  q -H "$A" -H "$PROM_ACCEPT" http://127.0.0.1:$PORT/metrics >>"$WORK/open"
  q -H "$A" http://127.0.0.1:$PORT/no-such-path >>"$WORK/floor"
done
echo "load average after the scrapes: $(cut -d' ' -f1-3 /proc/loadavg)"
sleep 10 # a round that renders the exposition in both formats, now that both were scraped
echo "last round, rendering both formats: $(curl -s -H "$A" http://127.0.0.1:$PORT/health | sed -n 's/.*\("stats_round":{[^}]*}\).*/\1/p')"
col() { awk -v c="$2" '{print $c*1000}' "$1"; } # FILE COLUMN: that column of curl's times, in ms
med() { col "$1" "${2:-2}" | median; }
floor_ratio() { ratio "$(med "$1")" "$(med "$WORK/floor")"; }
line() { echo "p50 $(med "$1") ms, p99 $(col "$1" 2 | pct 99) ms (first byte p50 $(med "$1" 1) ms)"; }
echo "the agent samples $(curl -s -H "$A" http://127.0.0.1:$PORT/health | sed -n 's/.*"containers":\([0-9]*\).*/\1/p') running containers ($(docker ps -q | wc -l) on the engine); 200 requests each:"
echo "  scrape, text 0.0.4:  $(line "$WORK/text"), $(floor_ratio "$WORK/text") x floor"
echo "  scrape, OpenMetrics: $(line "$WORK/open"), $(floor_ratio "$WORK/open") x floor"
echo "  404 floor (with token): $(line "$WORK/floor")"
echo "  series: $(curl -s -H "$A" http://127.0.0.1:$PORT/metrics | grep -c '^container_'), bytes $(curl -s -H "$A" http://127.0.0.1:$PORT/metrics | wc -c) (text), $(curl -s -H "$A" -H "$PROM_ACCEPT" http://127.0.0.1:$PORT/metrics | wc -c) (OpenMetrics)"
