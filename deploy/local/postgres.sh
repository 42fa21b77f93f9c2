# shellcheck shell=bash
# Private PostgreSQL clusters for the local run and test commands.
# Sourced by deploy/local/run.sh and deploy/local/test.sh; not run on its own.
#
# A cluster lives in one folder of its own (its "home"):
#   HOME/data/            the data directory (owned by the server user)
#   HOME/secret/password  the superuser's password (outside the data directory)
#   HOME/postgres.log     the server log
#   HOME/port             the port last used (run.sh reuses it while it is free)
# It listens on 127.0.0.1 only, on a free port, with no Unix socket, so it can never
# collide with a system cluster (which this file never touches).
#
# Functions (all prefixed pglocal_):
#   pglocal_find_bin               sets PGLOCAL_BIN, installing PostgreSQL with apt if needed
#   pglocal_home PREFERRED FALLBACK  sets PGLOCAL_HOME to PREFERRED, or FALLBACK when the
#                                  server user cannot reach PREFERRED
#   pglocal_init [keep|throwaway]  initdb into PGLOCAL_HOME unless already done
#   pglocal_start [PORT|random]    starts it on PORT if free, else on a free port; sets PGLOCAL_PORT
#   pglocal_stop                   stops it if this shell started it
#   pglocal_createdb NAME          creates database NAME if it does not exist
#   pglocal_connection_string [DB] prints the Npgsql connection string
#   pglocal_fallback_root REPO     /var/tmp/headlessreviews-<hash of the repo path>
#   pglocal_spawn / pglocal_reap   run a command in its own process group / stop that group
#   pglocal_throwaway NAME REPO    a fresh work folder (PGLOCAL_WORK) with a started cluster in it
#   pglocal_throwaway_remove REPO  removes that folder (and the fallback home) once stopped

PGLOCAL_SERVER_USER=postgres
PGLOCAL_PORT_FIRST=55432
PGLOCAL_PORT_LAST=55532
PGLOCAL_STARTED=0

pglocal_say() { printf '%s\n' "$*" >&2; }
pglocal_die() { pglocal_say "error: $*"; exit 1; }

# initdb and postgres refuse to run as root, so root runs them as the postgres user.
# The subshell leaves a current directory that user may not be allowed to enter.
pglocal_as_server() {
  if [[ $EUID -eq 0 ]]; then
    (cd / && runuser -u "$PGLOCAL_SERVER_USER" -- "$@")
  else
    "$@"
  fi
}

# A folder is usable when every folder above it can be traversed and it can be written.
pglocal_reachable() {
  pglocal_as_server test -d "$1" -a -w "$1" -a -x "$1" 2>/dev/null
}

pglocal_has_server_tools() {
  local dir=$1 tool
  for tool in initdb pg_ctl postgres pg_isready; do
    [[ -x $dir/$tool ]] || return 1
  done
}

pglocal_newest_debian_bin() {
  local dir newest=
  for dir in /usr/lib/postgresql/*/bin; do
    pglocal_has_server_tools "$dir" || continue
    if [[ -z $newest ]] || [[ $(printf '%s\n' "$newest" "$dir" | sort -V | tail -n 1) == "$dir" ]]; then
      newest=$dir
    fi
  done
  [[ -n $newest ]] && printf '%s\n' "$newest"
}

pglocal_apt_install() {
  local sudo=()
  if [[ $EUID -ne 0 ]]; then
    command -v sudo >/dev/null || pglocal_die "PostgreSQL is not installed; install the 'postgresql' package (as root) and try again"
    sudo=(sudo)
  fi
  command -v apt-get >/dev/null || pglocal_die "PostgreSQL is not installed and apt-get is not available: install PostgreSQL 15 server binaries"
  pglocal_say "PostgreSQL server binaries not found: installing the 'postgresql' package with apt..."
  # Ask postgresql-common not to create (and start) a system cluster: we run our own.
  local conf=/etc/postgresql-common/createcluster.conf
  "${sudo[@]}" mkdir -p "${conf%/*}"
  if [[ -f $conf ]] && grep -Eq '^[#[:space:]]*create_main_cluster' "$conf"; then
    "${sudo[@]}" sed -Ei 's/^[#[:space:]]*create_main_cluster.*/create_main_cluster = false/' "$conf"
  else
    echo 'create_main_cluster = false' | "${sudo[@]}" tee -a "$conf" >/dev/null
  fi
  # postgresql-common installs that file through ucf; UCF_FORCE_CONFFOLD keeps ours.
  "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get update -q >&2
  "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive UCF_FORCE_CONFFOLD=1 \
    apt-get install -y -q --no-install-recommends postgresql >&2
}

# Sets PGLOCAL_BIN: the folder holding initdb, pg_ctl, postgres and pg_isready (and psql).
pglocal_find_bin() {
  local initdb
  if initdb=$(command -v initdb) && pglocal_has_server_tools "$(dirname "$(readlink -f "$initdb")")"; then
    # Resolve symlinks (Debian shims) so every tool comes from the same installation.
    PGLOCAL_BIN=$(dirname "$(readlink -f "$initdb")")
  elif ! PGLOCAL_BIN=$(pglocal_newest_debian_bin); then
    pglocal_apt_install
    PGLOCAL_BIN=$(pglocal_newest_debian_bin) || pglocal_die "apt installed postgresql, but no /usr/lib/postgresql/*/bin has the server tools"
  fi
  if [[ $EUID -eq 0 ]] && ! id -u "$PGLOCAL_SERVER_USER" >/dev/null 2>&1; then
    # Binaries not from apt (which would have created the user): make the user ourselves.
    pglocal_say "creating the system user '$PGLOCAL_SERVER_USER' to run PostgreSQL"
    useradd --system --user-group --no-create-home --shell /usr/sbin/nologin "$PGLOCAL_SERVER_USER"
  fi
}

pglocal_psql_bin() {
  if [[ -x $PGLOCAL_BIN/psql ]]; then echo "$PGLOCAL_BIN/psql"; else command -v psql; fi
}

# /var/tmp/headlessreviews-<8 hex of the repo path>: one per clone, reachable by any user.
pglocal_fallback_root() {
  local hash
  hash=$(printf '%s' "${1:?repo root}" | sha256sum | cut -c1-8)
  printf '/var/tmp/headlessreviews-%s\n' "$hash"
}

# Makes FOLDER (and its parents) and hands FOLDER itself to the server user.
pglocal_make_home() {
  local folder=$1
  mkdir -p "$folder"
  if [[ $EUID -eq 0 ]]; then
    chown "$PGLOCAL_SERVER_USER:" "$folder"
  fi
  chmod 700 "$folder"
}

# Sets PGLOCAL_HOME to PREFERRED, or to FALLBACK when the server user cannot reach PREFERRED
# (a clone under /root, mode 700, run as root).
pglocal_home() {
  local preferred=$1 fallback=$2
  pglocal_make_home "$preferred"
  if pglocal_reachable "$preferred"; then
    PGLOCAL_HOME=$preferred
    return
  fi
  pglocal_say "note: user '$PGLOCAL_SERVER_USER' cannot reach $preferred; using $fallback instead"
  rmdir "$preferred" 2>/dev/null || true
  # The fallback sits in a world-writable /var/tmp: refuse a folder someone else planted.
  local parent=${fallback%/*}
  mkdir -p "$parent"
  chmod 755 "$parent"
  [[ $(stat -c %u "$parent") == "$EUID" ]] || pglocal_die "$parent belongs to another user; remove it and try again"
  pglocal_make_home "$fallback"
  pglocal_reachable "$fallback" || pglocal_die "user '$PGLOCAL_SERVER_USER' cannot reach $fallback either"
  PGLOCAL_HOME=$fallback
}

# Creates the cluster unless PGLOCAL_HOME/data already holds one.
# "throwaway" trades durability for speed: fine for a cluster deleted after the tests.
pglocal_init() {
  local mode=${1:-keep} data=${PGLOCAL_HOME:?}/data secret=$PGLOCAL_HOME/secret
  if [[ -f $data/PG_VERSION ]]; then
    [[ -s $secret/password ]] || pglocal_die "$data exists but $secret/password is missing; remove $PGLOCAL_HOME to start afresh"
    return
  fi
  pglocal_say "creating a PostgreSQL cluster in $data"
  rm -rf "$data"
  pglocal_as_server mkdir -p "$secret"
  pglocal_as_server chmod 700 "$secret"
  # Hex keeps the password safe inside a connection string; od reads a fixed amount,
  # so no pipe is cut short under pipefail.
  od -An -tx1 -N24 /dev/urandom | tr -d ' \n' | pglocal_as_server tee "$secret/password" >/dev/null
  pglocal_as_server chmod 600 "$secret/password"

  # C.UTF-8 gives correct upper/lower for accented titles without depending on installed locales.
  local locale=C
  # (grep without -q: quitting early would break locale's pipe and, under pipefail, the test)
  if locale -a 2>/dev/null | grep -iE '^c\.utf-?8$' >/dev/null; then locale=C.UTF-8; fi
  local args=(-D "$data" -U postgres --auth=scram-sha-256 --pwfile="$secret/password"
              -E UTF8 --locale="$locale")
  [[ $mode == throwaway ]] && args+=(--no-sync)
  pglocal_as_server "$PGLOCAL_BIN/initdb" "${args[@]}" >"$PGLOCAL_HOME/initdb.log" 2>&1 || {
    cat "$PGLOCAL_HOME/initdb.log" >&2
    pglocal_die "initdb failed"
  }

  # Loopback TCP only and no Unix socket: nothing shared with a system cluster, and no
  # socket path length limit when the repo path is long. The port is given at start.
  {
    echo ""
    echo "# HeadlessReviews local cluster (deploy/local/postgres.sh)"
    echo "listen_addresses = '127.0.0.1'"
    echo "unix_socket_directories = ''"
    # Tests open one pool per test database; the default of 100 is tight.
    echo "max_connections = 200"
    if [[ $mode == throwaway ]]; then
      echo "fsync = off"
      echo "synchronous_commit = off"
      echo "full_page_writes = off"
    fi
  } | pglocal_as_server tee -a "$data/postgresql.conf" >/dev/null
}

# True when nothing answers on 127.0.0.1:PORT (bash's /dev/tcp; no other tools needed).
pglocal_port_free() {
  ! (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null
}

# Prints a free port: PREFERRED when free, else the first free one scanning the range
# from START (a random START spreads concurrent test runs apart).
pglocal_pick_port() {
  local preferred=${1:-} start=${2:-$PGLOCAL_PORT_FIRST}
  local span=$((PGLOCAL_PORT_LAST - PGLOCAL_PORT_FIRST + 1)) i port
  if [[ $preferred =~ ^[0-9]+$ ]] && pglocal_port_free "$preferred"; then
    echo "$preferred"
    return
  fi
  for ((i = 0; i < span; i++)); do
    port=$((PGLOCAL_PORT_FIRST + (start - PGLOCAL_PORT_FIRST + i) % span))
    if pglocal_port_free "$port"; then
      echo "$port"
      return
    fi
  done
  pglocal_die "no free port in $PGLOCAL_PORT_FIRST-$PGLOCAL_PORT_LAST on 127.0.0.1"
}

pglocal_running() {
  pglocal_as_server "$PGLOCAL_BIN/pg_ctl" status -D "$PGLOCAL_HOME/data" >/dev/null 2>&1
}

# Starts the cluster and waits until it accepts connections; sets PGLOCAL_PORT.
# PORT (optional) is tried first; "random" starts the scan at a random port.
pglocal_start() {
  local want=${1:-} data=$PGLOCAL_HOME/data log=$PGLOCAL_HOME/postgres.log start attempt
  if pglocal_running; then
    # Left running by another run.sh (or one killed hard): use it, and leave it be on exit.
    PGLOCAL_PORT=$(sed -n 4p "$data/postmaster.pid")
    pglocal_say "PostgreSQL is already running from $data on port $PGLOCAL_PORT; using it"
  else
    start=$PGLOCAL_PORT_FIRST
    if [[ $want == random ]]; then
      start=$((PGLOCAL_PORT_FIRST + RANDOM % (PGLOCAL_PORT_LAST - PGLOCAL_PORT_FIRST + 1)))
      want=
    fi
    pglocal_as_server touch "$log"
    # Another process may take the port between the check and the bind: try a few.
    for attempt in 1 2 3 4 5; do
      PGLOCAL_PORT=$(pglocal_pick_port "$want" "$start")
      # (pg_ctl puts the server in a session of its own: the terminal's Ctrl-C reaches
      # our trap, not the server, so the service stops before its database does.)
      if pglocal_as_server "$PGLOCAL_BIN/pg_ctl" start -D "$data" -l "$log" -w -t 60 \
           -o "-p $PGLOCAL_PORT" >"$PGLOCAL_HOME/pg_ctl.out" 2>&1; then
        PGLOCAL_STARTED=1
        break
      fi
      if ! grep -qE 'could not bind|Address already in use' <(tail -n 5 "$log"); then
        cat "$PGLOCAL_HOME/pg_ctl.out" >&2
        tail -n 20 "$log" >&2
        pglocal_die "PostgreSQL did not start (log: $log)"
      fi
      pglocal_say "port $PGLOCAL_PORT was taken meanwhile; trying another (attempt $attempt)"
      want=
      start=$((PGLOCAL_PORT + 1))
    done
    [[ $PGLOCAL_STARTED == 1 ]] || pglocal_die "PostgreSQL did not start: no port could be bound (log: $log)"
  fi
  echo "$PGLOCAL_PORT" >"$PGLOCAL_HOME/port"
  local i
  for ((i = 0; i < 60; i++)); do
    "$PGLOCAL_BIN/pg_isready" -q -h 127.0.0.1 -p "$PGLOCAL_PORT" -t 2 && return
    sleep 0.5
  done
  pglocal_die "PostgreSQL on port $PGLOCAL_PORT does not answer (log: $log)"
}

# Stops the cluster if this shell started it. Safe to call more than once, or before start.
pglocal_stop() {
  [[ $PGLOCAL_STARTED == 1 && -n ${PGLOCAL_HOME:-} ]] || return 0
  if pglocal_running; then
    pglocal_as_server "$PGLOCAL_BIN/pg_ctl" stop -D "$PGLOCAL_HOME/data" -m fast -w -t 60 >/dev/null ||
      pglocal_say "warning: pg_ctl stop failed for $PGLOCAL_HOME/data"
  fi
  PGLOCAL_STARTED=0
}

pglocal_password() { cat "$PGLOCAL_HOME/secret/password"; }

pglocal_psql() {
  PGPASSWORD=$(pglocal_password) PGCONNECT_TIMEOUT=10 \
    "$(pglocal_psql_bin)" -X -q -v ON_ERROR_STOP=1 -h 127.0.0.1 -p "$PGLOCAL_PORT" -U postgres "$@"
}

# pglocal_local_service_database REPO: the database of the local service (run.sh, import-wordpress.sh):
# the kept cluster in REPO/.local/postgres started (or found running), database headlessreviews,
# exported as ConnectionStrings__Reviews.
pglocal_local_service_database() {
  local repo=$1
  pglocal_find_bin
  pglocal_home "$repo/.local/postgres" "$(pglocal_fallback_root "$repo")/postgres"
  pglocal_init keep
  pglocal_start "$(cat "$PGLOCAL_HOME/port" 2>/dev/null || true)"
  pglocal_createdb headlessreviews
  ConnectionStrings__Reviews=$(pglocal_connection_string headlessreviews)
  export ConnectionStrings__Reviews
}

pglocal_createdb() {
  local name=$1
  if [[ -z $(pglocal_psql -d postgres -tAc "SELECT 1 FROM pg_database WHERE datname = '$name'") ]]; then
    pglocal_psql -d postgres -c "CREATE DATABASE \"$name\""
  fi
}

pglocal_connection_string() {
  printf 'Host=127.0.0.1;Port=%s;Username=postgres;Password=%s;Database=%s\n' \
    "$PGLOCAL_PORT" "$(pglocal_password)" "${1:-postgres}"
}

# Runs a command in a process group of its own (stdin closed), so that stopping it
# stops everything it started (dotnet run's app, dotnet test's test hosts).
# Sets PGLOCAL_CHILD. Wait for it with: wait "$PGLOCAL_CHILD".
pglocal_spawn() {
  setsid "$@" </dev/null &
  PGLOCAL_CHILD=$!
}

# Stops the process group started by pglocal_spawn: SIGTERM, SIGKILL after 10 s.
pglocal_reap() {
  local pgid=${PGLOCAL_CHILD:-} watchdog i
  [[ -n $pgid ]] || return 0
  kill -TERM -- "-$pgid" 2>/dev/null || true
  (sleep 10 && kill -KILL -- "-$pgid") 2>/dev/null &
  watchdog=$!
  disown "$watchdog"   # no "Killed" job report when it is cancelled
  wait "$pgid" 2>/dev/null || true   # reaps the leader (a zombie would still count as the group)
  # KILL, as TERM may be ignored here (the callers' traps ignore it while cleaning up).
  kill -KILL "$watchdog" 2>/dev/null || true
  # Anything that outlived the leader (a test host, the app) gets a moment, then SIGKILL.
  for ((i = 0; i < 30; i++)); do
    kill -0 -- "-$pgid" 2>/dev/null || break
    sleep 0.1
  done
  kill -KILL -- "-$pgid" 2>/dev/null || true
  PGLOCAL_CHILD=
}

# A work folder of its own (PGLOCAL_WORK, named after NAME) holding a throwaway cluster, started on a
# free port: what the test command and the fault test both need.
pglocal_throwaway() {
  local name=$1 repo=$2
  pglocal_find_bin
  PGLOCAL_WORK=$(mktemp -d "${TMPDIR:-/tmp}/headlessreviews-$name.XXXXXX")
  chmod 711 "$PGLOCAL_WORK"   # mktemp's 700 would keep the postgres user out of $PGLOCAL_WORK/postgres
  PGLOCAL_FALLBACK=$(pglocal_fallback_root "$repo")/$name-${PGLOCAL_WORK##*.}
  pglocal_home "$PGLOCAL_WORK/postgres" "$PGLOCAL_FALLBACK"
  pglocal_init throwaway
  pglocal_start random
}

# Removes what pglocal_throwaway made; call after pglocal_stop.
pglocal_throwaway_remove() {
  [[ -n ${PGLOCAL_WORK:-} ]] || return 0
  rm -rf "$PGLOCAL_WORK" "${PGLOCAL_FALLBACK:-}"
  rmdir "$(pglocal_fallback_root "$1")" 2>/dev/null || true
}
