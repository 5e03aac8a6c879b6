# Sourced by scripts/test.sh: makes sure Debian's PostgreSQL binaries are installed. The integration test
# of Payara Server + PostgreSQL (PayaraServerIT) starts a private cluster of its own with them (initdb into
# a directory of its own under /tmp, owned by the postgres user when root, as the checkout may be closed
# to other users; a free port on 127.0.0.1) and stops and removes it at the end; the system's own cluster
# is neither used nor started.

postgres_installed() {
  ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1
}

ensure_postgres() {
  postgres_installed && return 0
  if [ "$(id -u)" != 0 ] || ! command -v apt-get >/dev/null; then
    echo "PostgreSQL is not installed (/usr/lib/postgresql/*/bin/initdb). Install it (Debian: apt-get install postgresql), or run this as root on Debian to have it installed." >&2
    return 1
  fi
  echo "Installing postgresql (Debian package)..." >&2
  (apt-get update -q && DEBIAN_FRONTEND=noninteractive apt-get install -y -q postgresql) >/tmp/hebergos-postgresql-install.log 2>&1 \
    || { echo "apt-get install postgresql failed: see /tmp/hebergos-postgresql-install.log" >&2; return 1; }
  postgres_installed || { echo "postgresql installed but no initdb under /usr/lib/postgresql: see /tmp/hebergos-postgresql-install.log" >&2; return 1; }
}
