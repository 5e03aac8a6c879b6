#!/usr/bin/env bash
# The agent's CPU, idle and sampling N idle containers, measured as bench/run.sh does (/proc/<pid>/stat
# ticks over a window; nothing polls the agent meanwhile), then the cost of a /metrics scrape against the
# agent's own 404. Usage: bench/overhead.sh [N]. Prints figures, asserts nothing; removes its containers.
set -euo pipefail
N=${1:-200}
cd "$(dirname "$0")/.."
TOKEN=tok
. scripts/engine.sh; . scripts/images.sh; . bench/lib.sh
ensure_engine; ensure_test_images
WORK=$(mktemp -d /tmp/hebergos-overhead.XXXXXX); PORT=18490
trap '[ -z "$AGENT_PID" ] || kill $AGENT_PID 2>/dev/null; docker ps -aq --filter label=hebergos-overhead | xargs -r docker rm -f >/dev/null' EXIT
start_agent "$WORK" $PORT
measure() { local t0 w0; t0=$(cpu_ticks); w0=$(date +%s.%N); sleep "$1"; cpu_percent "$t0" "$(cpu_ticks)" "$w0" "$(date +%s.%N)"; }
echo "containers on the engine before: $(docker ps -q | wc -l) running"
sleep 20; echo "idle, 20-80 s after the first answer (JIT still warming): $(measure 60) % of one core"
sleep 60; echo "idle, 140-200 s after the first answer: $(measure 60) % of one core"
seq 1 "$N" | xargs -P 8 -I{} docker run -d --label hebergos-overhead "$BUSYBOX_IMAGE" sleep 1d >/dev/null
echo "running now: $(docker ps -q | wc -l)"
sleep 40; echo "sampling $N more containers (70 s after 40 s warm-up): $(measure 70) % of one core"
curl -s -H 'Authorization: Bearer tok' http://127.0.0.1:$PORT/health; echo
q() { for _ in $(seq 1 20); do curl -s -o /dev/null -w '%{time_total}\n' "$@"; done; }
: >"$WORK/scrape"; : >"$WORK/floor"
q -H 'Authorization: Bearer tok' http://127.0.0.1:$PORT/metrics >/dev/null
for _ in $(seq 1 10); do
  q -H 'Authorization: Bearer tok' http://127.0.0.1:$PORT/metrics >>"$WORK/scrape"
  q -H 'Authorization: Bearer tok' http://127.0.0.1:$PORT/no-such-path >>"$WORK/floor"
done
med() { sort -n "$1" | awk '{a[NR]=$1*1000} END {print a[int((NR+1)/2)]}'; }
p99() { sort -n "$1" | awk '{a[NR]=$1*1000} END {print a[int(NR*0.99)]}'; }
echo "scrape at $(docker ps -q | wc -l) running containers: p50 $(med "$WORK/scrape") ms, p99 $(p99 "$WORK/scrape") ms; 404 floor (with token) p50 $(med "$WORK/floor") ms; series: $(curl -s -H 'Authorization: Bearer tok' http://127.0.0.1:$PORT/metrics | grep -c '^container_'), bytes $(curl -s -H 'Authorization: Bearer tok' http://127.0.0.1:$PORT/metrics | wc -c)"
