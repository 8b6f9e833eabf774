# Sourced by scripts/test.sh and the benchmarks: bring up, on loopback, what the tests
# need when it is not already there. Debian packages are installed only where missing.
RUN_DIR="${RUN_DIR:-$PWD/.run}"
mkdir -p "$RUN_DIR"

apt_install() {
    if [ "$(id -u)" != 0 ]; then
        echo "Missing Debian packages ($*) and not root: install them first." >&2
        return 1
    fi
    echo "Installing Debian packages: $*"
    # Quiet unless it fails; waits for a dpkg lock held by another install (a CI agent).
    local apt=(apt-get -qq -o DPkg::Lock::Timeout=600) log="$RUN_DIR/apt.log"
    if [ -z "${APT_UPDATED:-}" ]; then
        DEBIAN_FRONTEND=noninteractive "${apt[@]}" update </dev/null >"$log" 2>&1 || { cat "$log" >&2; return 1; }
        APT_UPDATED=1
    fi
    DEBIAN_FRONTEND=noninteractive "${apt[@]}" install -y --no-install-recommends "$@" </dev/null >"$log" 2>&1 ||
        { cat "$log" >&2; return 1; }
}

ensure_commands() {
    # ensure_commands PACKAGE COMMAND...: install the Debian PACKAGE when a COMMAND is missing.
    local package="$1" command
    shift
    for command in "$@"; do
        command -v "$command" >/dev/null && continue
        apt_install "$package" || return 1
        command -v "$command" >/dev/null || { echo "$package did not provide $command" >&2; return 1; }
    done
}

ensure_package() {
    # For packages that bring no command (fonts).
    [ "$(dpkg-query -W -f='${db:Status-Status}' "$1" 2>/dev/null)" = installed ] || apt_install "$1"
}

ensure_chromium() {
    # tests/conftest.py launches /usr/bin/chromium itself, not a browser Playwright downloads.
    [ -x /usr/bin/chromium ] || apt_install chromium
    ensure_package fonts-liberation
    local version
    version=$(/usr/bin/chromium --version) || { echo "chromium does not run" >&2; return 1; }
    echo "chromium: $version"
}

ensure_postgres() {
    # A DATABASE_URL given by the caller wins; else 127.0.0.1:5432, started or installed.
    if [ -n "${DATABASE_URL:-}" ] && [[ "$DATABASE_URL" == postgres* ]]; then
        TEST_DATABASE_URL="$DATABASE_URL"
        export TEST_DATABASE_URL
        return 0
    fi
    ensure_commands postgresql-client pg_isready psql
    if ! pg_isready -q -h 127.0.0.1 -p 5432; then
        if ! command -v pg_ctlcluster >/dev/null || [ -z "$(ls /etc/postgresql 2>/dev/null)" ]; then
            apt_install postgresql postgresql-contrib
        fi
        local version
        version=$(ls /etc/postgresql | sort -n | tail -1)
        pg_ctlcluster --skip-systemctl-redirect "$version" main start || true
        for _ in $(seq 1 30); do pg_isready -q -h 127.0.0.1 -p 5432 && break; sleep 1; done
    fi
    # Give the postgres role a known password, in case the server asks for one (a fresh
    # Debian install does for TCP); with trust authentication it is simply ignored.
    if id postgres >/dev/null 2>&1; then
        su postgres -c "psql -q -c \"ALTER ROLE postgres PASSWORD 'postgres'\"" >/dev/null 2>&1 || true
    fi
    pg_isready -h 127.0.0.1 -p 5432 || { echo "PostgreSQL did not start" >&2; return 1; }
    TEST_DATABASE_URL="postgres://postgres:postgres@127.0.0.1:5432/rtw"
    export TEST_DATABASE_URL
}

ensure_s3_server() {
    # moto's S3 server on loopback (no MinIO can be installed here).
    local port="${S3_PORT:-9000}"
    S3_ENDPOINT="http://127.0.0.1:$port"
    export S3_ENDPOINT
    ensure_commands curl curl
    [ -x .venv/bin/moto_server ] || { echo "No .venv/bin/moto_server: run make install" >&2; return 1; }
    if curl -s -o /dev/null "$S3_ENDPOINT" 2>/dev/null; then
        echo "S3 server: already on $S3_ENDPOINT"
        return 0
    fi
    nohup .venv/bin/moto_server -H 127.0.0.1 -p "$port" >"$RUN_DIR/moto.log" 2>&1 &
    echo $! >"$RUN_DIR/moto.pid"
    for _ in $(seq 1 30); do curl -s -o /dev/null "$S3_ENDPOINT" && break; sleep 0.5; done
    curl -s -o /dev/null "$S3_ENDPOINT" || { echo "S3 server did not start" >&2; cat "$RUN_DIR/moto.log"; return 1; }
    echo "S3 server: started on $S3_ENDPOINT"
}

ensure_clamd() {
    # ClamAV's daemon with a one-line EICAR signature database (real signatures cannot be
    # downloaded here). With CLAMD_REQUIRED=1 (make test) it fails when clamd cannot start,
    # and so do the virus-scan tests; otherwise they skip with a reason.
    local dir="$RUN_DIR/clamav" port="${CLAMD_TEST_PORT:-3399}"
    CLAMD_TEST_PORT="$port"
    export CLAMD_TEST_PORT
    if (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
        echo "clamd: already on 127.0.0.1:$port"
        return 0
    fi
    if ensure_commands clamav sigtool && ensure_commands clamav-daemon clamd; then
        start_clamd "$dir" "$port" || true
    fi
    if (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
        echo "clamd: started on 127.0.0.1:$port"
    elif [ "${CLAMD_REQUIRED:-}" = 1 ]; then
        echo "clamd: could not start on 127.0.0.1:$port (log: $dir/clamd.log)" >&2
        tail -n 20 "$dir/clamd.log" >&2 2>/dev/null || true
        return 1
    else
        echo "clamd: could not start (virus-scan tests will skip and say so)"
    fi
}

start_clamd() {
    local dir="$1" port="$2"
    mkdir -p "$dir/db"
    printf 'X5O!P%%@AP[4\\PZX54(P^)7CC)7}$EICAR-STANDARD-ANTIVIRUS-TEST-FILE!$H+H*' >"$dir/eicar.com"
    (cd "$dir" && sigtool --md5 eicar.com >db/eicar.hdb)
    cat >"$dir/clamd.conf" <<CONF
DatabaseDirectory $dir/db
TCPSocket $port
TCPAddr 127.0.0.1
Foreground no
LogFile $dir/clamd.log
PidFile $dir/clamd.pid
User root
StreamMaxLength 20M
CONF
    clamd --config-file="$dir/clamd.conf" >>"$dir/clamd.log" 2>&1 || true
    for _ in $(seq 1 30); do (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null && break; sleep 0.5; done
}

ensure_redis() {
    # Redis on 127.0.0.1:6379: started (with its pid file in the run folder) when down,
    # its Debian package installed when missing. Sets REDIS_STARTED=1 when this call started it.
    REDIS_STARTED=
    if command -v redis-cli >/dev/null && redis-cli -h 127.0.0.1 -p 6379 ping >/dev/null 2>&1; then
        echo "Redis: already on 127.0.0.1:6379"
        return 0
    fi
    ensure_commands redis-server redis-server redis-cli
    redis-server --bind 127.0.0.1 --port 6379 --daemonize yes --save "" --appendonly no \
        --dir "$RUN_DIR" --pidfile "$RUN_DIR/redis.pid" --logfile "$RUN_DIR/redis.log"
    for _ in $(seq 1 30); do redis-cli -h 127.0.0.1 -p 6379 ping >/dev/null 2>&1 && break; sleep 0.2; done
    redis-cli -h 127.0.0.1 -p 6379 ping >/dev/null || { echo "Redis did not start" >&2; return 1; }
    REDIS_STARTED=1
    echo "Redis: started on 127.0.0.1:6379"
}

pg_bindir() {
    # The newest installed PostgreSQL's programs (initdb, pg_ctl), installing it if missing.
    if [ -z "$(ls /usr/lib/postgresql 2>/dev/null)" ]; then
        apt_install postgresql postgresql-contrib >&2 || return 1
    fi
    echo "/usr/lib/postgresql/$(ls /usr/lib/postgresql | sort -n | tail -1)/bin"
}
