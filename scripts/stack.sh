#!/usr/bin/env bash
# `make stack`: the production shape on one machine, on loopback only, with production
# settings: PostgreSQL, Redis, the S3 server, two gunicorn app servers behind nginx (TLS,
# a certificate made for this run), a supervised task worker and a mail catcher. Runs
# until Ctrl-C (or SIGTERM), then stops everything it started.
#
# What it starts is its own: a PostgreSQL cluster in .run/stack/pg on port 5442 and a moto
# S3 server on 9102 (restarting or stopping them disturbs nobody else); Redis is the one on
# 127.0.0.1:6379 (database 14, emptied at the start), started if down. Every port and the
# Redis database can be moved (STACK_PG_PORT, STACK_S3_PORT, STACK_APP_PORTS, STACK_HTTP_PORT,
# STACK_HTTPS_PORT, STACK_SMTP_PORT, STACK_REDIS_DB), e.g. beside a test run using the same ones. Nothing is written outside .run/ (nginx
# runs with its own configuration and pid file; /etc/nginx is never used).
#
# STACK_FAULTS=1 (the soak test) puts a proxy before the S3 server that can play an outage.
set -euo pipefail
cd "$(dirname "$0")/.."
REPO="$PWD"
BIN="$REPO/.venv/bin"
DIR="$REPO/.run/stack"
mkdir -p "$DIR"
RUN_DIR="$DIR"
source scripts/services.sh

HTTP_PORT="${STACK_HTTP_PORT:-8100}"
HTTPS_PORT="${STACK_HTTPS_PORT:-8443}"
read -r -a APP_PORTS <<<"${STACK_APP_PORTS:-8101 8102}"
APP_WORKERS="${STACK_APP_WORKERS:-2}"
PG_PORT="${STACK_PG_PORT:-5442}"
S3_PORT="${STACK_S3_PORT:-9102}"
S3_APP_PORT="$S3_PORT"
[ "${STACK_FAULTS:-}" = 1 ] && S3_APP_PORT=$((S3_PORT + 1))
SMTP_PORT="${STACK_SMTP_PORT:-8125}"
REDIS_DB="${STACK_REDIS_DB:-14}"
BUCKET=rtw-production-stack
PIDS=()

log() { echo "[stack] $*"; }

stop_all() {
    trap - EXIT INT TERM
    log "stopping"
    touch "$DIR/stopping"
    [ -f "$DIR/nginx.pid" ] && kill "$(cat "$DIR/nginx.pid")" 2>/dev/null || true
    local pid
    for pid in "${PIDS[@]}"; do kill "$pid" 2>/dev/null || true; done
    [ -f "$DIR/worker.pid" ] && kill "$(cat "$DIR/worker.pid")" 2>/dev/null || true
    for pid in "${PIDS[@]}"; do wait "$pid" 2>/dev/null || true; done
    if [ -f "$DIR/pg/postmaster.pid" ]; then
        as_postgres "$PG_BIN/pg_ctl" -D "$DIR/pg" -m fast -w stop >/dev/null 2>&1 || true
    fi
    if [ "${REDIS_STARTED:-}" = 1 ]; then
        redis-cli -h 127.0.0.1 -p 6379 shutdown nosave >/dev/null 2>&1 || true
    fi
    rm -f "$DIR/ready" "$DIR/stopping"
    log "stopped"
}

as_postgres() {
    # PostgreSQL refuses to run as root: run its programs as the postgres user then.
    if [ "$(id -u)" = 0 ]; then
        su postgres -s /bin/sh -c "$(printf '%q ' "$@")"
    else
        "$@"
    fi
}

start_postgres() {
    PG_BIN="$(pg_bindir)"
    local data="$DIR/pg"
    touch "$DIR/postgres.log"
    [ "$(id -u)" = 0 ] && chown postgres: "$DIR/postgres.log"
    if [ ! -s "$data/PG_VERSION" ]; then
        mkdir -p "$data"
        [ "$(id -u)" = 0 ] && chown postgres: "$data"
        as_postgres "$PG_BIN/initdb" -D "$data" -U postgres -A trust --no-sync >"$DIR/initdb.log"
    fi
    as_postgres "$PG_BIN/pg_ctl" -D "$data" -l "$DIR/postgres.log" -w \
        -o "-p $PG_PORT -c listen_addresses=127.0.0.1 -c unix_socket_directories=''" start >/dev/null
    # A new database each run: the S3 server keeps files in memory, so they last one run too.
    psql -h 127.0.0.1 -p "$PG_PORT" -U postgres -qc "DROP DATABASE IF EXISTS rtw_stack WITH (FORCE)"
    psql -h 127.0.0.1 -p "$PG_PORT" -U postgres -qc "CREATE DATABASE rtw_stack"
    log "PostgreSQL: 127.0.0.1:$PG_PORT (cluster in $data, a new rtw_stack database)"
}

start_s3() {
    "$BIN/moto_server" -H 127.0.0.1 -p "$S3_PORT" >"$DIR/moto.log" 2>&1 &
    PIDS+=($!)
    for _ in $(seq 1 50); do curl -s -o /dev/null "http://127.0.0.1:$S3_PORT" && break; sleep 0.2; done
    if [ "$S3_APP_PORT" != "$S3_PORT" ]; then
        "$BIN/python" bench/fault_proxy.py --listen "$S3_APP_PORT" --target "$S3_PORT" >"$DIR/s3-proxy.log" 2>&1 &
        PIDS+=($!)
        echo $! >"$DIR/s3-proxy.pid"
    fi
    "$BIN/python" - "$BUCKET" "http://127.0.0.1:$S3_PORT" <<'PY'
import sys

import boto3

bucket, endpoint = sys.argv[1:]
s3 = boto3.client("s3", endpoint_url=endpoint, region_name="eu-west-2",
                  aws_access_key_id="testing", aws_secret_access_key="testing")
if bucket not in {b["Name"] for b in s3.list_buckets().get("Buckets", [])}:
    s3.create_bucket(Bucket=bucket, CreateBucketConfiguration={"LocationConstraint": "eu-west-2"})
PY
    log "S3 server: http://127.0.0.1:$S3_PORT (bucket $BUCKET; app servers use port $S3_APP_PORT)"
}

start_mail() {
    "$BIN/python" bench/smtp_sink.py --port "$SMTP_PORT" --log "$DIR/mail.jsonl" >"$DIR/smtp.log" 2>&1 &
    PIDS+=($!)
    echo $! >"$DIR/smtp.pid"
    log "Mail catcher: 127.0.0.1:$SMTP_PORT (messages in $DIR/mail.jsonl)"
}

export_settings() {
    # Production settings, with what a loopback machine needs: a secret made for this run,
    # its host names, and no HSTS (a year of it would stick to "localhost" in your browser).
    [ -s "$DIR/secret_key" ] && [ -z "${STACK_NEW_SECRET:-}" ] ||
        "$BIN/python" -c 'import secrets; print(secrets.token_urlsafe(50))' >"$DIR/secret_key"
    chmod 600 "$DIR/secret_key"
    export DJANGO_SETTINGS_MODULE=microsite.settings.production
    SECRET_KEY="$(cat "$DIR/secret_key")"
    export SECRET_KEY
    export ALLOWED_HOSTS=127.0.0.1,localhost
    export SECURE_SSL_REDIRECT=false SECURE_HSTS_SECONDS=0
    export DATABASE_URL="postgres://postgres@127.0.0.1:$PG_PORT/rtw_stack"
    export REDIS_URL="redis://127.0.0.1:6379/$REDIS_DB"
    export AWS_STORAGE_BUCKET_NAME="$BUCKET" AWS_S3_ENDPOINT_URL="http://127.0.0.1:$S3_APP_PORT"
    export AWS_ACCESS_KEY_ID=testing AWS_SECRET_ACCESS_KEY=testing AWS_S3_REGION_NAME=eu-west-2
    export EMAIL_HOST=127.0.0.1 EMAIL_PORT="$SMTP_PORT"
    export STATIC_ROOT="$DIR/static"
    export WAGTAILADMIN_BASE_URL="https://127.0.0.1:$HTTPS_PORT"
    export TASKS_BACKEND=django_tasks_db.DatabaseBackend
    # .run/stack/manage runs a management command against this stack (it holds the secret).
    {
        echo '#!/usr/bin/env bash'
        export -p | grep -E ' (DJANGO_SETTINGS_MODULE|SECRET_KEY|ALLOWED_HOSTS|SECURE_[A-Z_]+|DATABASE_URL|REDIS_URL|AWS_[A-Z0-9_]+|EMAIL_[A-Z_]+|STATIC_ROOT|WAGTAILADMIN_BASE_URL|TASKS_BACKEND|APPLICATION_[A-Z_]+)='
        echo "cd '$REPO' && exec '$BIN/python' manage.py \"\$@\""
    } >"$DIR/manage"
    chmod 700 "$DIR/manage"
}

prepare_site() {
    "$BIN/python" manage.py migrate --noinput -v0
    "$BIN/python" manage.py load_demo_content --force  # a demonstration stack, not a real site
    "$BIN/python" manage.py ensure_admin
    # collectstatic when the static files changed since the last run (it takes a while).
    if [ ! -f "$STATIC_ROOT/staticfiles.json" ] ||
        [ -n "$(find static -newer "$STATIC_ROOT/staticfiles.json" -type f | head -1)" ]; then
        "$BIN/python" manage.py collectstatic --noinput -v0
    fi
}

start_apps() {
    local port
    for port in "${APP_PORTS[@]}"; do
        "$BIN/gunicorn" microsite.wsgi --bind "127.0.0.1:$port" --workers "$APP_WORKERS" \
            --timeout 60 --graceful-timeout 10 --pid "$DIR/app-$port.pid" \
            --access-logfile "$DIR/app-$port-access.log" --error-logfile "$DIR/app-$port.log" &
        PIDS+=($!)
    done
    for port in "${APP_PORTS[@]}"; do
        for _ in $(seq 1 150); do curl -s -o /dev/null "http://127.0.0.1:$port/" && break; sleep 0.2; done
    done
    log "App servers: ${APP_PORTS[*]/#/127.0.0.1:} ($APP_WORKERS gunicorn workers each)"
}

supervise_worker() {
    # As systemd's Restart=always would: a task worker that dies is started again.
    while [ ! -f "$DIR/stopping" ]; do
        "$BIN/python" manage.py db_worker --no-startup-delay >>"$DIR/worker.log" 2>&1 &
        echo $! >"$DIR/worker.pid"
        wait "$!" || true
        [ -f "$DIR/stopping" ] || { echo "task worker exited; starting it again" >>"$DIR/worker.log"; sleep 1; }
    done
}

write_tls_certificate() {
    ensure_commands openssl openssl
    [ -s "$DIR/tls/cert.pem" ] && return 0
    mkdir -p "$DIR/tls"
    openssl req -x509 -newkey rsa:2048 -nodes -days 30 -subj "/CN=127.0.0.1" \
        -addext "subjectAltName=IP:127.0.0.1,DNS:localhost" \
        -keyout "$DIR/tls/key.pem" -out "$DIR/tls/cert.pem" 2>/dev/null
}

write_nginx_conf() {
    local temp="$DIR/nginx" user_line=""
    mkdir -p "$temp"
    if [ "$(id -u)" = 0 ]; then
        user_line="user nobody nogroup;"
        chown nobody "$temp"
    fi
    local mime=""
    [ -f /etc/nginx/mime.types ] && mime="include /etc/nginx/mime.types;"
    cat >"$DIR/nginx.conf" <<NGINX
# Generated by scripts/stack.sh for this run; edit the script, not this file.
$user_line
worker_processes 1;
daemon off;
pid $DIR/nginx.pid;
error_log $DIR/nginx-error.log warn;
events { worker_connections 1024; }
http {
    $mime
    access_log $DIR/nginx-access.log;
    client_body_temp_path $temp/body;
    proxy_temp_path $temp/proxy;
    fastcgi_temp_path $temp/fastcgi;
    uwsgi_temp_path $temp/uwsgi;
    scgi_temp_path $temp/scgi;
    client_max_body_size 12m;
    upstream app {
        server 127.0.0.1:${APP_PORTS[0]} max_fails=1 fail_timeout=5s;
        server 127.0.0.1:${APP_PORTS[1]} max_fails=1 fail_timeout=5s;
        keepalive 16;
    }
    server {
        listen 127.0.0.1:$HTTP_PORT;
        return 301 https://\$host:$HTTPS_PORT\$request_uri;
    }
    server {
        listen 127.0.0.1:$HTTPS_PORT ssl;
        ssl_certificate $DIR/tls/cert.pem;
        ssl_certificate_key $DIR/tls/key.pem;
        location /static/ {
            alias $DIR/static/;
            expires 30d;
            access_log off;
        }
        # An app server that cannot be reached (restarting, killed) gives the 503 page.
        error_page 502 504 =503 /503.html;
        location = /503.html {
            root $REPO/templates;
            add_header Retry-After 30 always;
            internal;
        }
        location / {
            proxy_pass http://app;
            proxy_http_version 1.1;
            proxy_set_header Connection "";
            proxy_set_header Host \$http_host;
            proxy_set_header X-Forwarded-Proto https;
            proxy_set_header X-Forwarded-For \$proxy_add_x_forwarded_for;
            # Another app server is tried for GETs only; a POST is never sent twice.
            proxy_next_upstream error timeout http_502;
            proxy_read_timeout 60s;
        }
    }
}
NGINX
}

start_nginx() {
    ensure_commands nginx nginx
    write_tls_certificate
    write_nginx_conf
    nginx -t -q -e "$DIR/nginx-error.log" -p "$DIR" -c "$DIR/nginx.conf"
    nginx -e "$DIR/nginx-error.log" -p "$DIR" -c "$DIR/nginx.conf" &
    PIDS+=($!)
    for _ in $(seq 1 50); do curl -sk -o /dev/null "https://127.0.0.1:$HTTPS_PORT/" && break; sleep 0.2; done
    log "nginx: https://127.0.0.1:$HTTPS_PORT/ (http://127.0.0.1:$HTTP_PORT/ redirects there)"
}

write_env_file() {
    # What the soak test needs to find and fault the parts.
    cat >"$DIR/stack.env" <<ENV
STACK_URL=https://127.0.0.1:$HTTPS_PORT
STACK_DIR=$DIR
PG_BIN=$PG_BIN
PG_DATA=$DIR/pg
PG_PORT=$PG_PORT
S3_PORT=$S3_PORT
APP_PORTS=${APP_PORTS[*]}
ENV
}

main() {
    rm -f "$DIR/stopping" "$DIR/ready"
    trap stop_all EXIT
    trap 'exit 130' INT TERM
    ensure_commands curl curl
    ensure_commands postgresql-client psql
    start_postgres
    ensure_redis
    redis-cli -h 127.0.0.1 -p 6379 -n "$REDIS_DB" flushdb >/dev/null
    start_s3
    start_mail
    export_settings
    prepare_site
    start_apps
    supervise_worker &
    PIDS+=($!)
    log "Task worker: manage.py db_worker (log $DIR/worker.log), started again if it dies"
    start_nginx
    write_env_file
    touch "$DIR/ready"
    log "Ready: https://127.0.0.1:$HTTPS_PORT/ (self-signed certificate: curl -k). Ctrl-C stops everything."
    wait
}

main "$@"
