#!/usr/bin/env bash
# Benchmark of GET v1/events (issue 10), with N idle containers running: the sampling round (duration_ms
# of /health, read once a round) with no stream open against 64 streams (63 reading, one that never reads),
# in alternating blocks in the same agent; then the delay from each engine container event (its own
# TimeNano) to the SSE event on one stream, over CYCLES create/start/pause/unpause/rename/stop/rm cycles.
# Usage: bench/events.sh [N]   (default 200; CYCLES=40, BLOCKS=5, ROUNDS=3 in the environment; KEEP=1
# keeps the work directory with the agent's log).
# Prints figures, asserts nothing; removes the containers it created (and only those), also on Ctrl-C.
# The agent runs with managed_label set to this run's label, so that it samples exactly these N
# containers even when other containers come and go on a shared engine.
set -euo pipefail
N=${1:-200}
CYCLES=${CYCLES:-40}
BLOCKS=${BLOCKS:-5}
ROUNDS=${ROUNDS:-3}
cd "$(dirname "$0")/.."
. scripts/engine.sh; . scripts/images.sh; . bench/lib.sh
ensure_engine; ensure_test_images
WORK=$(mktemp -d /tmp/hebergos-events.XXXXXX)
PORT=${BENCH_PORT:-18720}
LABEL=hebergos-events-bench=$$
HOLD=
cleanup() {
  [ -z "$HOLD" ] || kill "$HOLD" 2>/dev/null || true
  [ -z "$AGENT_PID" ] || kill "$AGENT_PID" 2>/dev/null || true
  remove_labelled "$LABEL" 2>/dev/null || true
  if [ -n "${KEEP:-}" ]; then say "kept: $WORK (agent.log, rounds.*, hold.*, latency)"; else rm -rf "$WORK"; fi
}
trap cleanup EXIT
trap 'exit 130' INT TERM

load() { cut -d' ' -f1 /proc/loadavg; }
say "== starting the agent (scripts/run.sh, port $PORT)"
start_agent "$WORK" "$PORT" "managed_label=$LABEL"
say "== $N idle containers (label $LABEL)"
seq 1 "$N" | xargs -P 8 -I{} docker run -d --label "$LABEL" "$BUSYBOX_IMAGE" sleep 1d >/dev/null
say "running on the engine: $(docker ps -q | wc -l)"
last=$(await_new_round "")
last=$(await_new_round "$last")

# block NAME B: one round to settle, then ROUNDS rounds: "B time duration_ms" to WORK/rounds.NAME, the
# 1-minute load average at each to WORK/load, the agent's CPU over the block to WORK/cpu.NAME
block() {
  local t0 w0 health
  last=$(await_new_round "$last")
  t0=$(cpu_ticks); w0=$(date +%s.%N)
  for _ in $(seq 1 "$ROUNDS"); do
    last=$(await_new_round "$last")
    health=$(curl -s "$API/health")
    echo "$2 $last $(echo "$health" | round_field duration_ms)" >>"$WORK/rounds.$1"
    load >>"$WORK/load"
    say "$1: round $last $(echo "$health" | round_field duration_ms) ms, sampled $(echo "$health" | round_field sampled), failures $(echo "$health" | round_field failures), load $(load)"
  done
  echo "$(cpu_percent "$t0" "$(cpu_ticks)" "$w0" "$(date +%s.%N)")" >>"$WORK/cpu.$1"
}
: >"$WORK/load"
for b in $(seq 1 "$BLOCKS"); do
  block none "$b"
  java bench/Events.java hold "$API" "$TOKEN" 64 >"$WORK/hold.$b" 2>>"$WORK/hold.err" &
  HOLD=$!
  for _ in $(seq 1 240); do grep -q '^ready' "$WORK/hold.$b" && break; sleep 0.5; done
  grep -q '^ready' "$WORK/hold.$b" || { say "64 streams did not open: $(cat "$WORK/hold.err")"; exit 1; }
  say "64 streams open; a 65th got $(sed -n 's/^ready //p' "$WORK/hold.$b")"
  block streams "$b"
  kill "$HOLD"; wait "$HOLD" 2>/dev/null || true; HOLD=
done
ROUND_LOAD="$(sort -n "$WORK/load" | head -1)–$(sort -n "$WORK/load" | tail -1) (median $(median <"$WORK/load"))"

say "== event latency: $CYCLES cycles of 7 container events, one stream"
RUNNING=$(docker ps -q | wc -l); ALL=$(docker ps -aq | wc -l)
LOAD0=$(load)
java bench/Events.java latency "$API" "$TOKEN" "$CYCLES" "$LABEL" "$BUSYBOX_IMAGE" >"$WORK/latency"
LOAD1=$(load)

NONE=$(cut -d' ' -f3 "$WORK/rounds.none" | median)
STREAMS=$(cut -d' ' -f3 "$WORK/rounds.streams" | median)
# each streams block against the no-stream block just before it, as the machine's load drifts
PAIRED=$(for b in $(seq 1 "$BLOCKS"); do
  ratio "$(awk -v b="$b" '$1==b {print $3}' "$WORK/rounds.streams" | median)" "$(awk -v b="$b" '$1==b {print $3}' "$WORK/rounds.none" | median)"; echo
done | median)
# when the 63 readers had each round's stats event, counted from the round's end (its second + duration)
cat "$WORK"/hold.* | awk 'NR==FNR {d[$2]=$3; next} $1=="stats" && ($2 in d) {print $2, $3, $5-d[$2], $6-d[$2]}' "$WORK/rounds.streams" - >"$WORK/delivery"
echo "engine: $RUNNING running containers ($ALL in all) during the latency cycles; $N of them idle ones of this run"
echo "sampling round, median of $((BLOCKS * ROUNDS)) (blocks of $ROUNDS alternated): no stream $NONE ms; 64 streams (one never reading) $STREAMS ms; ratio $(ratio "$STREAMS" "$NONE"); paired (each 64-stream block over the no-stream block just before it), median ratio $PAIRED"
# the rounds of one file by block; * marks a round on a quarter hour, when the store's maintenance runs too
by_block() { awk '{printf "%s%s%s", (NR>1 && $1!=b ? " | " : " "), $3, ($2 % 900 ? "" : "*"); b=$1}' "$1"; }
echo "  no stream: $(by_block "$WORK/rounds.none") ms; agent CPU per block $(paste -sd' ' "$WORK/cpu.none") % of one core"
echo "  64 streams: $(by_block "$WORK/rounds.streams") ms; agent CPU per block $(paste -sd' ' "$WORK/cpu.streams") % of one core"
echo "  (* a round on a quarter hour, when the store's maintenance runs too)"
echo "  stats event after the round's end, readers' median (max) per round: $(awk '{printf "%s(%s) ", $3, $4}' "$WORK/delivery")ms; readers per round: $(cut -d' ' -f2 "$WORK/delivery" | sort -u | paste -sd' ')"
echo "  1-minute load average at each measured round: $ROUND_LOAD"
echo "event latency, engine TimeNano -> SSE event read by the client (count p50 p99 max, ms):"
sed -n 's/^latency /  /p' "$WORK/latency"
grep -v '^latency' "$WORK/latency" | sed 's/^/  /'
echo "  1-minute load average before and after the cycles: $LOAD0, $LOAD1"
echo "agent log: $(grep -c 'WARNING\|SEVERE' "$WORK/agent.log" || true) WARNING/SEVERE lines; $(grep -o 'stats round skipped[^(]*' "$WORK/agent.log" | wc -l) rounds skipped"
