#!/usr/bin/env bash
# The agent on a full Payara Server, as the README's "Deploy on Payara Server" section shows it
# (PayaraServerIT runs this script):
#
#   scripts/payara-server.sh DIR          gets Payara Server from Maven Central into DIR (once), builds the
#                                         WAR and the PostgreSQL driver if target/ lacks them, creates the
#                                         domain DIR/domains/hebergos (once; with PG_PASSWORD set: the driver,
#                                         a JDBC pool and the resource jdbc/hebergos), starts it, deploys the
#                                         WAR at /docker-link (run again: a new release), waits until the
#                                         agent answers and prints its URL
#   scripts/payara-server.sh --stop DIR   stops the domain
#
# Environment (all optional):
#   HEBERGOS_ENV   the agent's .env; default DIR/docker-link.env, created when missing with a new api_token
#                  and stats_datasource=jdbc/hebergos (PG_PASSWORD set) or data_dir=DIR/data
#   PG_PASSWORD    password of the PostgreSQL user: the history goes to that database (which must exist)
#                  through the JDBC resource jdbc/hebergos; unset: to the H2 file under data_dir
#   PG_HOST, PG_PORT, PG_DATABASE, PG_USER
#                  127.0.0.1, 5432, hebergos, hebergos
#   PORTBASE       the domain's ports are PORTBASE + an offset (default 8000): HTTP +80 (8080), HTTPS +81;
#                  on all interfaces: admin +48, data grid +49, IIOP +37, JMS +76, JMX +86 (README)
#   BIND           address of the HTTP and HTTPS listeners (default 127.0.0.1; 0.0.0.0: all)
#   WAR            the WAR to deploy (default target/docker-link.war)
#   TIMEOUT        seconds to wait for the agent (default 300)
# The server's log: DIR/domains/hebergos/logs/server.log.
set -euo pipefail
. "$(dirname "$0")/server-lib.sh"

parse_server_args payara-server "$@"
HOME_DIR=$DIR/payara6
DOMAINS=$DIR/domains
DOMAIN=hebergos
export AS_JAVA=${AS_JAVA:-${JAVA_HOME:-}}
[ -n "$AS_JAVA" ] || unset AS_JAVA
asadmin() { "$HOME_DIR/bin/asadmin" --interactive=false "$@"; }

if $STOP; then
  [ -d "$DOMAINS/$DOMAIN" ] || fail "no domain in $DOMAINS"
  asadmin stop-domain --domaindir "$DOMAINS" "$DOMAIN"
  exit 0
fi

PORTBASE=${PORTBASE:-8000}
BIND=${BIND:-127.0.0.1}
PIDFILE=$DOMAINS/$DOMAIN/config/pid
ensure_war
[ -x "$HOME_DIR/bin/asadmin" ] || maven_unpack "fish.payara.distributions:payara:$(pom_property payara.version):zip" "$DIR" "$HOME_DIR/bin/asadmin"
if [ -n "${PG_PASSWORD:-}" ]; then
  ensure_env_file "stats_datasource=jdbc/hebergos"
else
  ensure_env_file "data_dir=$DIR/data"
fi

new_domain=false
if [ ! -d "$DOMAINS/$DOMAIN" ]; then
  asadmin create-domain --domaindir "$DOMAINS" --portbase "$PORTBASE" --nopassword "$DOMAIN"
  new_domain=true
fi
# HEBERGOS_ENV reaches the server through the environment of start-domain
server_running "$PIDFILE" || asadmin start-domain --domaindir "$DOMAINS" "$DOMAIN"
admin() { asadmin --port "$((PORTBASE + 48))" "$@"; }
if $new_domain; then
  listener=configs.config.server-config.network-config.network-listeners.network-listener
  admin set "$listener.http-listener-1.address=$BIND" "$listener.http-listener-2.address=$BIND"
  if [ -n "${PG_PASSWORD:-}" ]; then
    # asadmin add-library exits 0 on a file that does not exist: check first
    [ -f target/postgresql.jar ] || fail "no target/postgresql.jar (mvn -DskipTests package makes it)"
    admin add-library "$PWD/target/postgresql.jar"
    admin create-jdbc-connection-pool --datasourceclassname org.postgresql.ds.PGSimpleDataSource --restype javax.sql.DataSource \
      --property "user=${PG_USER:-hebergos}:password=$PG_PASSWORD:serverName=${PG_HOST:-127.0.0.1}:portNumber=${PG_PORT:-5432}:databaseName=${PG_DATABASE:-hebergos}" \
      hebergos-pool
    admin create-jdbc-resource --connectionpoolid hebergos-pool jdbc/hebergos
    admin ping-connection-pool hebergos-pool
  fi
fi
admin deploy --force=true --contextroot docker-link --name docker-link "$WAR"
await_agent "http://$(local_address "$BIND"):$((PORTBASE + 80))/docker-link/" "$PIDFILE" "$DOMAINS/$DOMAIN/logs/server.log"
