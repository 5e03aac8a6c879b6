# Sourced by the other scripts: makes sure a Docker engine answers on the local socket.
# On a Debian machine, as root, it installs docker.io when missing and starts dockerd when it is not
# running; anywhere else it says what to do and fails.

DOCKER_SOCKET_PATH=${DOCKER_SOCKET_PATH:-/var/run/docker.sock}

engine_answers() {
  docker -H "unix://$DOCKER_SOCKET_PATH" info >/dev/null 2>&1
}

ensure_engine() {
  engine_answers && return 0
  if [ "$(id -u)" != 0 ] || ! command -v apt-get >/dev/null; then
    echo "No Docker engine answers at $DOCKER_SOCKET_PATH. Start Docker (or run this as root on Debian to have it installed and started)." >&2
    return 1
  fi
  if ! command -v dockerd >/dev/null || ! command -v docker >/dev/null; then
    echo "Installing docker.io (Debian package)..." >&2
    (apt-get update -q && DEBIAN_FRONTEND=noninteractive apt-get install -y -q docker.io) >/tmp/hebergos-docker-install.log 2>&1 \
      || { echo "apt-get install docker.io failed: see /tmp/hebergos-docker-install.log" >&2; return 1; }
  fi
  if ! pgrep -x dockerd >/dev/null; then
    echo "Starting dockerd (log: /var/log/hebergos-dockerd.log)..." >&2
    nohup dockerd >/var/log/hebergos-dockerd.log 2>&1 &
  fi
  for _ in $(seq 1 60); do
    engine_answers && return 0
    sleep 1
  done
  echo "dockerd did not answer within 60 s: see /var/log/hebergos-dockerd.log" >&2
  return 1
}
