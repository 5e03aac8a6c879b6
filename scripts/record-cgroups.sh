#!/usr/bin/env bash
# Records what the cgroup stats reader reads for one running container, next to what the Engine and
# `docker stats` say at the same moment, as a directory ready to become a test fixture
# (src/test/resources/cgroup/<layout>/<case>/, see the README there).
#
#   scripts/record-cgroups.sh <container id or name> <output directory>
#
# Run it on the Docker host itself (not in a container), as a user that may use the Docker socket.
# The output mirrors the host's paths, so the reader can be pointed at it as its filesystem root:
#   engine-stats.json             GET /containers/{id}/stats?stream=false&one-shot=true, taken first
#   sys/fs/cgroup/...             every readable file of the container's directory in each hierarchy,
#                                 read right after the payload
#   proc/<pid>/cgroup             the container's init process: its cgroup path per hierarchy
#   proc/self/mountinfo           the cgroup mounts only (cgroup, cgroup2 and the tmpfs at /sys/fs/cgroup)
#   proc/<pid>/net/dev            its network namespace's interface counters
#   proc/stat, proc/meminfo       the host's CPU lines and MemTotal (the Engine's CPU clock and limit cap)
#   docker-stats.txt              `docker stats --no-stream` for the container, taken last
#   recording.txt                 when, where (kernel, engine, layout), the container's id, pid, network mode
# Nothing is written outside the output directory; the container is only read.
set -euo pipefail

if [ $# -ne 2 ]; then
  echo "usage: $0 <container id or name> <output directory>" >&2
  exit 2
fi
container=$1
out=$2
socket=${DOCKER_SOCKET:-/var/run/docker.sock}

id=$(docker inspect -f '{{.Id}}' -- "$container")
pid=$(docker inspect -f '{{.State.Pid}}' -- "$id")
network_mode=$(docker inspect -f '{{.HostConfig.NetworkMode}}' -- "$id")
if [ "$pid" = 0 ]; then
  echo "$container is not running" >&2
  exit 1
fi
if [ -e "$out" ] && [ -n "$(ls -A "$out")" ]; then
  echo "$out exists and is not empty" >&2
  exit 1
fi
mkdir -p "$out/proc/self" "$out/proc/$pid/net"

# mountinfo's mount point (field 5) of every cgroup/cgroup2 mount of the whole hierarchy (root field "/")
mounts=$(awk '{ for (i = 7; i <= NF; i++) if ($i == "-") { t = $(i + 1); break } }
              (t == "cgroup" || t == "cgroup2") && $4 == "/" { print $5 }' /proc/self/mountinfo)
paths=$(cut -d: -f3- "/proc/$pid/cgroup" | sort -u)

# The Engine's reading first, the files right after it: the one-shot call returns on the Engine's next
# collector tick.
curl -sf --max-time 30 --unix-socket "$socket" \
  "http://localhost/containers/$id/stats?stream=false&one-shot=true" >"$out/engine-stats.json"

# Every cgroup mount point joined with every path of the container whose last component names the
# container (cgroupfs: <id>, systemd: docker-<id>.scope); directories that do not exist are skipped.
# The memory and CPU hierarchies go first: they hold the payload's figures that move.
moving='/(memory|cpu|cpuacct|cpu,cpuacct|cpuacct,cpu)$'
copied=0
for mount in $(grep -E "$moving" <<<"$mounts"; grep -vE "$moving" <<<"$mounts"); do
  for path in $paths; do
    case "$path" in
      */"$id" | */docker-"$id".scope) ;;
      *) continue ;;
    esac
    dir=$mount$path
    [ -d "$dir" ] || continue
    mkdir -p "$out$dir"
    for file in "$dir"/*; do
      [ -f "$file" ] || continue
      # write-only control files (cgroup.event_control, memory.force_empty, ...) fail to read: left out
      cat "$file" >"$out$file" 2>/dev/null || rm -f "$out$file"
    done
    copied=$((copied + 1))
  done
done
grep '^cpu' /proc/stat >"$out/proc/stat"
cat "/proc/$pid/net/dev" >"$out/proc/$pid/net/dev"
cat "/proc/$pid/cgroup" >"$out/proc/$pid/cgroup"
grep '^MemTotal:' /proc/meminfo >"$out/proc/meminfo"
awk '{ for (i = 7; i <= NF; i++) if ($i == "-") { t = $(i + 1); break } }
     t == "cgroup" || t == "cgroup2" || (t == "tmpfs" && $5 == "/sys/fs/cgroup")' \
  /proc/self/mountinfo >"$out/proc/self/mountinfo"

if [ "$copied" = 0 ]; then
  echo "no cgroup directory ending in $id or docker-$id.scope under the cgroup mounts (paths: $paths)" >&2
  exit 1
fi

docker stats --no-stream --format \
  'table {{.Name}}\t{{.CPUPerc}}\t{{.MemUsage}}\t{{.MemPerc}}\t{{.NetIO}}\t{{.BlockIO}}\t{{.PIDs}}' \
  "$id" >"$out/docker-stats.txt"

{
  echo "recorded_at: $(date -u +%Y-%m-%dT%H:%M:%SZ)"
  echo "kernel: $(uname -r)"
  echo "engine: $(docker version -f '{{.Server.Version}} (API {{.Server.APIVersion}})')"
  echo "cgroup_driver: $(docker info -f '{{.CgroupDriver}}')"
  echo "cgroup_version: $(docker info -f '{{.CgroupVersion}}')"
  echo "sys_fs_cgroup_type: $(stat -fc %T /sys/fs/cgroup)"
  echo "container_id: $id"
  echo "pid: $pid"
  echo "network_mode: $network_mode"
  echo "cgroup_directories: $copied"
} >"$out/recording.txt"
echo "recorded $id (pid $pid) into $out"
