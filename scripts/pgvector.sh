# PostgreSQL 15 with the pgvector extension for the pgvector tests and benchmarks.
#
#   source scripts/pgvector.sh      exports AGENTRY_PGVECTOR_URL (what .ci/run does)
#   scripts/pgvector.sh             prints "export AGENTRY_PGVECTOR_URL=..." (eval it)
#   scripts/pgvector.sh stop        stops the cluster
#
# Installs what is missing (as root, with apt-get): the server (postgresql-15) and the extension, Debian's
# postgresql-15-pgvector when the configured suites have it; else (bookworm has none) it builds Debian's own pgvector
# source package (from trixie, fetched with apt-get source into a private apt state, the system's sources untouched)
# against postgresql-server-dev-15. Then starts ONE throwaway cluster, reused by every later call: data in
# $AGENTRY_PGVECTOR_HOME (default /tmp/agentry-pgvector-15), on 127.0.0.1:$AGENTRY_PGVECTOR_PORT (default 54329)
# only, owned by the postgres user when run as root. Creates role and database "agentry" (password "agentry") with
# CREATE EXTENSION vector. When it cannot (no root and nothing installed, no apt-get, a failed step) it says why and
# exports nothing: the pgvector tests are then skipped with a message naming this script.

pgv_pg=15
pgv_bin=/usr/lib/postgresql/$pgv_pg/bin
pgv_home=${AGENTRY_PGVECTOR_HOME:-/tmp/agentry-pgvector-$pgv_pg}
pgv_port=${AGENTRY_PGVECTOR_PORT:-54329}

pgv_log() { echo "pgvector.sh: $*" >&2; }

# Runs a command as the cluster's owner: postgres when we are root, else ourselves.
pgv_as_owner() {
  if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

pgv_installed() {
  [ -x "$pgv_bin/initdb" ] && [ -f "/usr/share/postgresql/$pgv_pg/extension/vector.control" ] \
    && [ -f "/usr/lib/postgresql/$pgv_pg/lib/vector.so" ]
}

pgv_apt() { DEBIAN_FRONTEND=noninteractive apt-get -q -y -o Dpkg::Use-Pty=0 "$@"; }

# True when apt knows a candidate for the package.
pgv_has_candidate() {
  local candidate
  candidate=$(apt-cache policy "$1" 2>/dev/null | awk '/Candidate:/ {print $2; exit}')
  [ -n "$candidate" ] && [ "$candidate" != "(none)" ]
}

# Builds pgvector from Debian's source package (trixie) and installs it for PostgreSQL $pgv_pg.
pgv_build_from_debian_source() {
  local apt_state=$pgv_home-apt src=$pgv_home-src opts
  mkdir -p "$apt_state/lists/partial" "$apt_state/cache/archives/partial" "$src" || return 1
  cat >"$apt_state/sources.list" <<EOF
deb-src [signed-by=/usr/share/keyrings/debian-archive-keyring.gpg] http://deb.debian.org/debian trixie main
EOF
  opts=(-o "Dir::Etc::sourcelist=$apt_state/sources.list" -o Dir::Etc::sourceparts=- \
    -o "Dir::State::Lists=$apt_state/lists" -o "Dir::Cache=$apt_state/cache")
  pgv_log "building pgvector from Debian's source package (trixie) for PostgreSQL $pgv_pg"
  pgv_apt install --no-install-recommends "postgresql-server-dev-$pgv_pg" make gcc >&2 || return 1
  if ! ls "$src"/pgvector_*.orig.tar.* >/dev/null 2>&1; then
    apt-get -q "${opts[@]}" update >&2 || return 1
    (cd "$src" && apt-get -q "${opts[@]}" source --download-only pgvector) >&2 || return 1
  fi
  local tarball dir
  tarball=$(ls "$src"/pgvector_*.orig.tar.* | head -1)
  rm -rf "$src/build" && mkdir -p "$src/build" && tar -xf "$tarball" -C "$src/build" || return 1
  dir=$(ls -d "$src"/build/pgvector-*/ | head -1)
  # OPTFLAGS= as Debian builds it (no -march=native); with_llvm=no skips the JIT bitcode.
  make -s -C "$dir" -j2 PG_CONFIG="$pgv_bin/pg_config" OPTFLAGS= with_llvm=no >&2 \
    && make -s -C "$dir" install PG_CONFIG="$pgv_bin/pg_config" OPTFLAGS= with_llvm=no >&2
}

pgv_install() {
  pgv_installed && return 0
  if [ "$(id -u)" != 0 ]; then
    pgv_log "PostgreSQL $pgv_pg with pgvector is not installed and installing needs root: skipped"; return 1
  fi
  if ! command -v apt-get >/dev/null; then
    pgv_log "PostgreSQL $pgv_pg with pgvector is not installed and there is no apt-get: skipped"; return 1
  fi
  pgv_has_candidate "postgresql-$pgv_pg" || apt-get -q update >&2
  if ! pgv_has_candidate "postgresql-$pgv_pg-pgvector"; then
    apt-get -q update >&2
  fi
  if pgv_has_candidate "postgresql-$pgv_pg-pgvector"; then
    pgv_apt install "postgresql-$pgv_pg" "postgresql-$pgv_pg-pgvector" >&2 || return 1
  else
    pgv_log "apt has no postgresql-$pgv_pg-pgvector (Debian bookworm does not package it)"
    pgv_apt install "postgresql-$pgv_pg" >&2 || return 1
    pgv_build_from_debian_source || return 1
  fi
  pgv_installed || { pgv_log "pgvector still missing after the install"; return 1; }
}

pgv_psql() {
  pgv_as_owner "$pgv_bin/psql" -X -q -v ON_ERROR_STOP=1 -h "$pgv_home" -p "$pgv_port" -U postgres "$@"
}

pgv_start() {
  local data=$pgv_home/data
  if [ ! -f "$data/PG_VERSION" ]; then
    rm -rf "$pgv_home" && mkdir -p "$pgv_home" || return 1
    [ "$(id -u)" = 0 ] && chown postgres:postgres "$pgv_home"
    chmod 700 "$pgv_home"
    pgv_log "initdb in $data"
    pgv_as_owner "$pgv_bin/initdb" -D "$data" -U postgres -E UTF8 --locale=C.UTF-8 \
      --auth-local=trust --auth-host=scram-sha-256 >"$pgv_home/initdb.log" 2>&1 \
      || { cat "$pgv_home/initdb.log" >&2; return 1; }
  fi
  if ! pgv_as_owner "$pgv_bin/pg_ctl" -D "$data" status >/dev/null 2>&1; then
    pgv_log "starting PostgreSQL $pgv_pg on 127.0.0.1:$pgv_port"
    pgv_as_owner "$pgv_bin/pg_ctl" -D "$data" -l "$pgv_home/server.log" -w -t 60 \
      -o "-c listen_addresses=127.0.0.1 -p $pgv_port -c unix_socket_directories=$pgv_home -c fsync=off" start >&2 \
      || { tail -20 "$pgv_home/server.log" >&2; return 1; }
  fi
  if [ "$(pgv_psql -tA -d postgres -c "select 1 from pg_database where datname = 'agentry'")" != 1 ]; then
    pgv_psql -d postgres -c "create role agentry login password 'agentry'" \
      -c "create database agentry owner agentry" || return 1
  fi
  pgv_psql -d agentry -c "set client_min_messages = warning" -c "create extension if not exists vector" || return 1
}

pgv_main() {
  if [ "${1:-}" = stop ]; then
    pgv_as_owner "$pgv_bin/pg_ctl" -D "$pgv_home/data" -m fast stop >&2; return
  fi
  local started=$SECONDS
  pgv_install && pgv_start || {
    pgv_log "no PostgreSQL with pgvector: the pgvector tests will be skipped"; return 1; }
  AGENTRY_PGVECTOR_URL="postgresql://agentry:agentry@127.0.0.1:$pgv_port/agentry"
  export AGENTRY_PGVECTOR_URL
  pgv_log "ready in $((SECONDS - started))s: AGENTRY_PGVECTOR_URL=$AGENTRY_PGVECTOR_URL"
}

if [ "${BASH_SOURCE[0]}" = "$0" ]; then
  pgv_main "$@" || exit 1
  [ "${1:-}" = stop ] || echo "export AGENTRY_PGVECTOR_URL=$AGENTRY_PGVECTOR_URL"
else
  pgv_main "$@"
fi
