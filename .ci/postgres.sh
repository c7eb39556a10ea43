# Start a throw-away PostgreSQL server on 127.0.0.1 for the tests (installing it if needed) and
# export KEHOACH_TEST_POSTGRES_URL. Source this file: `. .ci/postgres.sh`.
# Settings: KEHOACH_PG_PORT (54329), KEHOACH_PG_DIR (/tmp/kehoach-pg-$KEHOACH_PG_PORT).

kb_pg_port="${KEHOACH_PG_PORT:-54329}"
kb_pg_dir="${KEHOACH_PG_DIR:-/tmp/kehoach-pg-$kb_pg_port}"

kb_pg_bin() {
  ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1
}

if [ -z "$(kb_pg_bin)" ]; then
  echo "PostgreSQL chưa có: cài gói Debian postgresql…"
  if [ "$(id -u)" -eq 0 ]; then
    DEBIAN_FRONTEND=noninteractive apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null
  else
    sudo DEBIAN_FRONTEND=noninteractive apt-get update -qq
    sudo DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null
  fi
fi
kb_bin="$(kb_pg_bin)"

# The server refuses to run as root: run it as the `postgres` user the package created.
kb_as_owner() {
  if [ "$(id -u)" -eq 0 ]; then
    runuser -u postgres -- "$@"
  else
    "$@"
  fi
}

if ! "$kb_bin/pg_isready" -q -h 127.0.0.1 -p "$kb_pg_port"; then
  if [ ! -f "$kb_pg_dir/PG_VERSION" ]; then
    mkdir -p "$kb_pg_dir"
    [ "$(id -u)" -eq 0 ] && chown postgres:postgres "$kb_pg_dir"
    kb_as_owner "$kb_bin/initdb" -D "$kb_pg_dir" -U postgres --auth=trust -E UTF8 \
      --locale=C.UTF-8 >/dev/null
  fi
  kb_as_owner "$kb_bin/pg_ctl" -D "$kb_pg_dir" -l "$kb_pg_dir/server.log" -w start \
    -o "-c listen_addresses=127.0.0.1 -p $kb_pg_port -k /tmp -c fsync=off -c max_connections=200" \
    >/dev/null
fi

export KEHOACH_TEST_POSTGRES_URL="postgresql+psycopg://postgres@127.0.0.1:$kb_pg_port/postgres"
echo "PostgreSQL cho kiểm thử: 127.0.0.1:$kb_pg_port"
