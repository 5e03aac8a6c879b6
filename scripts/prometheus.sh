# Sourced by the test script: makes sure Prometheus' server and promtool (Debian package `prometheus`)
# are installed, for the integration test that scrapes the agent with a real Prometheus. On Debian, as
# root, it installs the package when missing; anywhere else it says what to do and fails.

ensure_prometheus() {
  command -v prometheus >/dev/null && command -v promtool >/dev/null && return 0
  if [ "$(id -u)" != 0 ] || ! command -v apt-get >/dev/null; then
    echo "Prometheus is not installed (the integration tests run a real one). Install it (Debian: apt-get install prometheus) or run this as root on Debian." >&2
    return 1
  fi
  echo "Installing prometheus (Debian package)..." >&2
  # --no-install-recommends: the server and promtool only, not the node exporter; no init system starts them here
  (apt-get update -q && DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends prometheus) \
    >/tmp/hebergos-prometheus-install.log 2>&1 \
    || { echo "apt-get install prometheus failed: see /tmp/hebergos-prometheus-install.log" >&2; return 1; }
  command -v prometheus >/dev/null && command -v promtool >/dev/null \
    || { echo "the prometheus package gave no prometheus/promtool: see /tmp/hebergos-prometheus-install.log" >&2; return 1; }
}
