# Sourced by the bench scripts (from the repository root): the agent started with the README's run
# command, its CPU from /proc, and its sampling rounds read from /health once a round, without adding
# load. start_agent sets AGENT_PID and API; the callers' traps stop the agent and remove their containers.

TOKEN=${TOKEN:-bench-token}
SOCK=/var/run/docker.sock
AGENT_PID=
API=

say() { printf '%s\n' "$*" >&2; }
median() { sort -n | awk '{a[NR]=$1} END {if (NR%2) print a[(NR+1)/2]; else print (a[NR/2]+a[NR/2+1])/2}'; }
pct() { sort -n | awk -v p="$1" '{a[NR]=$1} END {i=int(NR*p/100+0.999); if (i<1) i=1; print a[i]}'; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN {printf "%.2f", a/b}'; }
# remove_labelled LABEL: removes the containers carrying LABEL, 20 per docker rm and each call bounded
# (dockerd 20.10 deadlocked once on 200 containers in one docker rm -f)
remove_labelled() {
  docker ps -aq --filter "label=$1" | xargs -r -n 20 timeout 120 docker rm -f >/dev/null
}

# start_agent WORK PORT [more .env lines]: scripts/run.sh with WORK/agent.env (data in WORK/data,
# stats_interval=10s, api_token=$TOKEN), log in WORK/agent.log; returns once /health answers
start_agent() {
  local work=$1 port=$2; shift 2
  { printf 'docker_sock=%s\napi_token=%s\ndata_dir=%s/data\nstats_interval=10s\n' "$SOCK" "$TOKEN" "$work"
    [ $# -eq 0 ] || printf '%s\n' "$@"; } >"$work/agent.env"
  HEBERGOS_ENV="$work/agent.env" PORT=$port scripts/run.sh >"$work/agent.log" 2>&1 &
  AGENT_PID=$!
  API=http://127.0.0.1:$port
  for _ in $(seq 1 240); do
    curl -sf "$API/health" 2>/dev/null | grep -q '"agent"' && return 0
    sleep 1
  done
  say "the agent did not start: $work/agent.log"; tail -20 "$work/agent.log" >&2
  return 1
}

HZ=$(getconf CLK_TCK)
cpu_ticks() { awk '{print $14 + $15}' "/proc/$AGENT_PID/stat"; }
cpu_percent() { # ticks0 ticks1 wall0 wall1
  awk -v t0="$1" -v t1="$2" -v w0="$3" -v w1="$4" -v hz="$HZ" 'BEGIN {printf "%.2f", (t1-t0)/hz/(w1-w0)*100}'
}

round_field() { sed -n "s/.*\"stats_round\":{[^}]*\"$1\":\([0-9]*\).*/\1/p"; }
await_new_round() { # waits for a round newer than $1, prints its time
  # asks /health once a little after each 10 s boundary, where rounds start, so that polling adds
  # next to nothing to the agent's CPU being measured
  local t
  for _ in $(seq 1 30); do
    sleep "$(awk -v now="$(date +%s.%N)" 'BEGIN {printf "%.2f", 10 - (now % 10) + 3}')"
    t=$(curl -s "$API/health" | round_field time)
    [ -n "$t" ] && [ "$t" != "$1" ] && { echo "$t"; return; }
  done
  say "no new sampling round"; exit 1
}
