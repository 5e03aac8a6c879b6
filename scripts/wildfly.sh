#!/usr/bin/env bash
# The agent on WildFly, as the README's "Deploy on WildFly" section shows it (WildFlyIT runs this script):
#
#   scripts/wildfly.sh DIR          gets WildFly from Maven Central into DIR (once), builds the WAR if
#                                   target/ has none, writes the agent's .env unless HEBERGOS_ENV names one,
#                                   starts WildFly in the background with the WAR at /docker-link, waits
#                                   until the agent answers and prints its URL
#   scripts/wildfly.sh --stop DIR   stops that WildFly
#
# Environment (all optional):
#   HEBERGOS_ENV           the agent's .env; default DIR/docker-link.env, created when missing with a new
#                          api_token and data_dir=DIR/data
#   BIND                   address of WildFly's HTTP and HTTPS listeners (default 127.0.0.1; 0.0.0.0: all)
#   PORT, HTTPS_PORT       8080, 8443
#   MANAGEMENT_PORT, MANAGEMENT_HTTPS_PORT
#                          9990, 9993: WildFly's management interface, always on 127.0.0.1
#   WAR                    the WAR to deploy (default target/docker-link.war)
#   TIMEOUT                seconds to wait for the agent (default 300)
# WildFly's log: DIR/wildfly-VERSION/standalone/log/server.log; its console: DIR/console.log.
set -euo pipefail
. "$(dirname "$0")/server-lib.sh"

parse_server_args wildfly "$@"
VERSION=$(pom_property wildfly.version)
HOME_DIR=$DIR/wildfly-$VERSION
PIDFILE=$DIR/wildfly.pid

if $STOP; then
  stop_pidfile "$PIDFILE"
  exit 0
fi

BIND=${BIND:-127.0.0.1}
PORT=${PORT:-8080}
DEPLOYMENTS=$HOME_DIR/standalone/deployments
server_running "$PIDFILE" && fail "WildFly already runs from $DIR (pid $(cat "$PIDFILE")): scripts/wildfly.sh --stop $DIR first"
ensure_war
[ -x "$HOME_DIR/bin/standalone.sh" ] || maven_unpack "org.wildfly:wildfly-dist:$VERSION:zip" "$DIR" "$HOME_DIR/bin/standalone.sh"
ensure_env_file "data_dir=$DIR/data"

# the WAR's name is the context root; old markers (.failed, .deployed) would describe the last deployment
rm -f "$DEPLOYMENTS"/docker-link.war.*
cp "$WAR" "$DEPLOYMENTS/docker-link.war"
say "Starting WildFly $VERSION (console: $DIR/console.log)"
HEBERGOS_ENV=$HEBERGOS_ENV JBOSS_PIDFILE=$PIDFILE LAUNCH_JBOSS_IN_BACKGROUND=1 setsid nohup "$HOME_DIR/bin/standalone.sh" \
  -b "$BIND" -bmanagement 127.0.0.1 \
  -Djboss.http.port="$PORT" -Djboss.https.port="${HTTPS_PORT:-8443}" \
  -Djboss.management.http.port="${MANAGEMENT_PORT:-9990}" -Djboss.management.https.port="${MANAGEMENT_HTTPS_PORT:-9993}" \
  >"$DIR/console.log" 2>&1 </dev/null &
await_agent "http://$(local_address "$BIND"):$PORT/docker-link/" "$PIDFILE" "$HOME_DIR/standalone/log/server.log" \
  "$DEPLOYMENTS/docker-link.war.failed"
