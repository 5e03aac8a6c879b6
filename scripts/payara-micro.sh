#!/usr/bin/env bash
# Runs the agent's Payara Micro command line (scripts/payara-micro.properties) on the built target/:
#   scripts/payara-micro.sh PORT [more Payara Micro options]
# from the repository root, configured by HEBERGOS_ENV / ./.env and the environment (README, Configuration).
# JAVA_OPTS replaces the heap options. The java process replaces this script (same pid).
# Sourced, it only sets the arrays PAYARA_HEAP_OPTIONS, PAYARA_JVM_OPTIONS and PAYARA_MICRO_OPTIONS.
micro_property() {
  sed -n "s/^$1=//p" "$(dirname "${BASH_SOURCE[0]}")/payara-micro.properties"
}
read -r -a PAYARA_HEAP_OPTIONS <<<"$(micro_property payara.heapOptions)"
read -r -a PAYARA_JVM_OPTIONS <<<"$(micro_property payara.jvmOptions)"
read -r -a PAYARA_MICRO_OPTIONS <<<"$(micro_property payara.microOptions)"
[ ${#PAYARA_MICRO_OPTIONS[@]} -gt 0 ] || { echo "no payara.microOptions in scripts/payara-micro.properties" >&2; exit 1; }

if [ "${BASH_SOURCE[0]}" = "$0" ]; then
  set -euo pipefail
  [ $# -ge 1 ] || { echo "usage: scripts/payara-micro.sh PORT [Payara Micro options]" >&2; exit 2; }
  port=$1
  shift
  # shellcheck disable=SC2086 # JAVA_OPTS is a list of options
  exec java ${JAVA_OPTS:-${PAYARA_HEAP_OPTIONS[*]}} "${PAYARA_JVM_OPTIONS[@]}" -jar target/payara-micro.jar \
    --deploy target/docker-link.war --port "$port" "${PAYARA_MICRO_OPTIONS[@]}" "$@"
fi
