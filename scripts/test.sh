#!/usr/bin/env bash
# The test command: makes sure a Docker engine and the test images exist, then runs the unit tests
# (Surefire) and the integration tests (Failsafe: the real WAR in Payara Micro against the real engine).
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/engine.sh
. scripts/images.sh
ensure_engine
ensure_test_images
exec mvn -B verify "$@"
