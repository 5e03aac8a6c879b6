#!/usr/bin/env bash
# The test command: makes sure a Docker engine, the test images and PostgreSQL exist, then runs the unit
# tests (Surefire) and the integration tests (Failsafe: the real WAR in Payara Micro, WildFly and Payara
# Server + PostgreSQL, against the real engine).
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/engine.sh
. scripts/images.sh
. scripts/postgres.sh
ensure_engine
ensure_test_images
ensure_postgres
exec mvn -B verify "$@"
