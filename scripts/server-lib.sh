# Sourced by scripts/wildfly.sh and scripts/payara-server.sh: what getting a server, configuring the agent
# and waiting for it have in common.

say() { printf '%s\n' "$*" >&2; }
fail() { say "$*"; exit 1; }

# parse_server_args NAME ARGS: sets STOP (true for --stop) and DIR (absolute, created), then moves to the
# repository's root
parse_server_args() {
  local name=$1; shift
  STOP=false
  if [ "${1:-}" = --stop ]; then STOP=true; shift; fi
  [ $# -eq 1 ] && [ -n "$1" ] || fail "usage: scripts/$name.sh [--stop] DIR"
  mkdir -p "$1"
  DIR=$(cd "$1" && pwd)
  cd "$(dirname "${BASH_SOURCE[0]}")/.."
}

pom_property() {
  local value
  value=$(sed -n "s|.*<$1>\(.*\)</$1>.*|\1|p" pom.xml | head -n 1)
  [ -n "$value" ] || fail "no <$1> in pom.xml"
  printf '%s\n' "$value"
}

# ensure_war: WAR (default target/docker-link.war) and the PostgreSQL driver target/postgresql.jar, built
# by the package step when missing
ensure_war() {
  WAR=${WAR:-$PWD/target/docker-link.war}
  if [ ! -f "$WAR" ] || [ ! -f target/postgresql.jar ]; then
    say "Building the WAR (mvn -DskipTests package)..."
    mvn -B -q -Dstyle.color=never -DskipTests package
  fi
  [ -f "$WAR" ] || fail "no WAR at $WAR"
  WAR=$(cd "$(dirname "$WAR")" && pwd)/$(basename "$WAR")
}

# maven_unpack GROUP:ARTIFACT:VERSION:TYPE DIR FILE: a server distribution from Maven Central, unpacked into
# DIR, which then holds FILE. Called when FILE is missing: overWriteReleases, as the plugin's marker of an
# earlier unpack elsewhere (in target/) would otherwise make it skip this one.
maven_unpack() {
  say "Getting $1 from Maven Central into $2..."
  mvn -B -q -Dstyle.color=never org.apache.maven.plugins:maven-dependency-plugin:3.8.1:unpack -Dartifact="$1" \
    -DoutputDirectory="$2" -Dmdep.overWriteReleases=true || fail "could not get $1 through Maven"
  [ -e "$3" ] || fail "$1 unpacked into $2 holds no $3"
}

# ensure_env_file LINE...: HEBERGOS_ENV, or DIR/docker-link.env created with the engine's socket, a new
# api_token and the given lines when it does not exist yet; exports HEBERGOS_ENV as an absolute path
ensure_env_file() {
  HEBERGOS_ENV=${HEBERGOS_ENV:-$DIR/docker-link.env}
  if [ ! -f "$HEBERGOS_ENV" ]; then
    (umask 077 && printf 'docker_sock=/var/run/docker.sock\napi_token=%s\n' "$(head -c 32 /dev/urandom | od -An -tx1 | tr -d ' \n')" >"$HEBERGOS_ENV")
    printf '%s\n' "$@" >>"$HEBERGOS_ENV"
    say "Created $HEBERGOS_ENV with a new api_token"
  fi
  HEBERGOS_ENV=$(cd "$(dirname "$HEBERGOS_ENV")" && pwd)/$(basename "$HEBERGOS_ENV")
  export HEBERGOS_ENV
}

# the address to reach a listener bound to $1 from this host
local_address() {
  case "$1" in 0.0.0.0|"") echo 127.0.0.1 ;; *) echo "$1" ;; esac
}

server_running() {
  [ -f "$1" ] && kill -0 "$(cat "$1")" 2>/dev/null
}

# stop_pidfile PIDFILE: ends the process, politely first (60 s), then for good
stop_pidfile() {
  server_running "$1" || { rm -f "$1"; say "not running"; return 0; }
  local pid; pid=$(cat "$1")
  kill "$pid"
  for _ in $(seq 1 60); do
    kill -0 "$pid" 2>/dev/null || { rm -f "$1"; say "stopped"; return 0; }
    sleep 1
  done
  kill -9 "$pid" 2>/dev/null || true
  rm -f "$1"
  say "killed after 60 s"
}

# await_agent URL PIDFILE LOG [FAILED_MARKER]: waits until URL/health answers 200 (TIMEOUT seconds, 300 by
# default), failing at once when the server's process is gone or the marker file appears; then prints the URL
# and how to call it
await_agent() {
  local url=$1 pidfile=$2 log=$3 marker=${4:-} deadline=$((SECONDS + ${TIMEOUT:-300}))
  say "Waiting for the agent at ${url}health ..."
  until [ "$(curl -s -o /dev/null -w '%{http_code}' "${url}health" 2>/dev/null)" = 200 ]; do
    [ -z "$marker" ] || [ ! -f "$marker" ] || fail "the deployment failed: $(cat "$marker"); see $log"
    if [ -f "$pidfile" ] && ! server_running "$pidfile"; then fail "the server exited; see $log"; fi
    [ $SECONDS -lt "$deadline" ] || fail "the agent did not answer within ${TIMEOUT:-300} s; see $log"
    sleep 1
  done
  say "The agent answers at $url (its .env: $HEBERGOS_ENV). Try:"
  say "  TOKEN=\$(sed -n 's/^api_token=//p' $HEBERGOS_ENV)"
  say "  curl -H \"Authorization: Bearer \$TOKEN\" ${url}v1/container/"
  printf '%s\n' "$url"
}
