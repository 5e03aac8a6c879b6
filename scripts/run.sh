#!/usr/bin/env bash
# The run command: builds the WAR and serves it on Payara Micro at http://127.0.0.1:${PORT:-8080}/v1/...
# Creates .env from .env.example (with a fresh api_token) when it is missing, and makes sure the
# Docker engine answers (installing and starting it when root on Debian).
set -euo pipefail
cd "$(dirname "$0")/.."
ENV_FILE=${HEBERGOS_ENV:-$PWD/.env}
if [ ! -f "$ENV_FILE" ]; then
  token=$(head -c 32 /dev/urandom | od -An -tx1 | tr -d ' \n')
  sed "s/^api_token=.*/api_token=$token/" .env.example >"$ENV_FILE"
  chmod 600 "$ENV_FILE"
  echo "Created $ENV_FILE with a new api_token (see the api_token= line in it)."
fi
env_value() { # the value of key $1 in the environment (upper case) or the .env file
  local upper; upper=$(echo "$1" | tr '[:lower:]' '[:upper:]')
  [ -n "${!upper:-}" ] && { echo "${!upper}"; return; }
  sed -n "s/^[[:space:]]*$1[[:space:]]*=[[:space:]]*//p" "$ENV_FILE" | tail -n 1 | sed 's/^["'\'']//; s/["'\'']$//'
}
sock=$(env_value docker_sock)
sock=${sock#unix://}
port=$(env_value port)
port=${port:-8080}
if [[ "$sock" == /* ]]; then
  DOCKER_SOCKET_PATH=$sock
  . scripts/engine.sh
  ensure_engine
fi
mvn -B -q -DskipTests package
echo "Starting the agent on http://127.0.0.1:$port/ (health: /health, API: /v1/...)"
export HEBERGOS_ENV="$ENV_FILE"
# the one Payara Micro command line (scripts/payara-micro.properties; README "Deploy the WAR yourself")
exec scripts/payara-micro.sh "$port"
