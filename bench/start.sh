#!/usr/bin/env bash
# Benchmark: start to first answer of the agent, the container image (scripts/image.sh) against the
# README's `java -jar payara-micro.jar` start (scripts/payara-micro.sh), on the same machine, alternately.
# Usage: bench/start.sh [ROUNDS]   (default 3). Needs the image and target/ built. Prints; asserts nothing.
# "First answer": GET /health answers 200. Wall time, and the CPU time the agent used until then (the
# figure that does not depend on what else the machine is doing).
set -euo pipefail
ROUNDS=${1:-3}
cd "$(dirname "$0")/.."
IMAGE=${IMAGE:-hebergos/docker-link:latest}
PORT=${BENCH_PORT:-18490}
WORK=$(mktemp -d /tmp/hebergos-start.XXXXXX)
PID=
NAME=
cleanup() {
  [ -n "$PID" ] && kill "$PID" 2>/dev/null && wait "$PID" 2>/dev/null || true
  [ -n "$NAME" ] && docker rm -f "$NAME" >/dev/null 2>&1 || true
  rm -rf "$WORK"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

now() { date +%s.%N; }
await_health() {
  until [ "$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$PORT/health")" = 200 ]; do sleep 0.05; done
}
ticks=$(getconf CLK_TCK)

plain() {
  local start end cpu
  start=$(now)
  DOCKER_SOCK=/var/run/docker.sock API_TOKEN=bench DATA_DIR="$WORK/data" HEBERGOS_ENV="$WORK/absent.env" \
    scripts/payara-micro.sh "$PORT" >"$WORK/plain.log" 2>&1 &
  PID=$!
  await_health
  end=$(now)
  cpu=$(awk -v t="$ticks" '{printf "%.1f", ($14 + $15) / t}' "/proc/$PID/stat")
  kill "$PID"; wait "$PID" 2>/dev/null || true; PID=
  printf 'plain java -jar  %6.1f s  %6.1f s CPU\n' "$(echo "$end - $start" | bc)" "$cpu"
}

image() {
  local start end id cpu
  NAME=hebergos-start-$RANDOM
  start=$(now)
  id=$(docker run -d --name "$NAME" -p "127.0.0.1:$PORT:8080" --group-add "$(stat -c %g /var/run/docker.sock)" \
    -v /var/run/docker.sock:/var/run/docker.sock -e API_TOKEN=bench "$IMAGE")
  await_health
  end=$(now)
  # cgroup v1 (cpuacct, nanoseconds) or v2 (cpu.stat, microseconds)
  if [ -f "/sys/fs/cgroup/cpuacct/docker/$id/cpuacct.usage" ]; then
    cpu=$(awk '{printf "%.1f", $1 / 1e9}' "/sys/fs/cgroup/cpuacct/docker/$id/cpuacct.usage")
  else
    cpu=$(awk '$1 == "usage_usec" {printf "%.1f", $2 / 1e6}' /sys/fs/cgroup/system.slice/docker-"$id".scope/cpu.stat 2>/dev/null || echo "?")
  fi
  docker rm -f "$NAME" >/dev/null; NAME=
  printf 'image            %6.1f s  %6.1f s CPU\n' "$(echo "$end - $start" | bc)" "$cpu"
}

echo "start to first answer (GET /health 200); load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
for _ in $(seq 1 "$ROUNDS"); do
  plain
  image
done
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
