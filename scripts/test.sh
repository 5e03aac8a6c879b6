#!/usr/bin/env bash
# The test command: makes sure a Docker engine, the test images, PostgreSQL and Prometheus exist, then
# runs the unit tests (Surefire) and the integration tests (Failsafe: the real WAR in Payara Micro,
# WildFly and Payara Server + PostgreSQL, against the real engine, scraped by a real Prometheus).
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/engine.sh
. scripts/images.sh
. scripts/postgres.sh
. scripts/prometheus.sh
ensure_engine
ensure_test_images
ensure_postgres
ensure_prometheus
exec mvn -B verify "$@"
