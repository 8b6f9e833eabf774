#!/usr/bin/env bash
# The whole suite: lint, Django checks, pytest on SQLite + local files, then on
# PostgreSQL + the S3 server (with the browser tests). Brings up what is missing.
set -euo pipefail
cd "$(dirname "$0")/.."
BIN=.venv/bin
export PYTHONUNBUFFERED=1
# make test starts clamd and Redis, so a virus-scan or Redis test that finds its server down
# fails instead of skipping.
export CLAMD_REQUIRED=1 REDIS_REQUIRED=1

echo "== lint"
$BIN/ruff check .
$BIN/ruff format --check .
$BIN/djhtml --check templates
echo "== layers (import-linter contracts in pyproject.toml)"
$BIN/lint-imports --no-cache

echo "== services"
source scripts/services.sh
ensure_chromium
ensure_postgres      # sets TEST_DATABASE_URL
ensure_s3_server     # sets S3_ENDPOINT
ensure_clamd         # fails here, not in pytest, when clamd cannot start
ensure_redis         # the shared-cache and page-cache Redis tests

echo "== django checks"
DJANGO_SETTINGS_MODULE=microsite.settings.test $BIN/python manage.py check --fail-level WARNING
DJANGO_SETTINGS_MODULE=microsite.settings.test $BIN/python manage.py makemigrations --check --dry-run
SECRET_KEY="$($BIN/python -c 'import secrets; print(secrets.token_urlsafe(50))')" ALLOWED_HOSTS=localhost \
WAGTAILADMIN_BASE_URL=https://localhost DJANGO_SETTINGS_MODULE=microsite.settings.production \
    $BIN/python manage.py check --deploy --fail-level WARNING

# The two passes run at the same time (most of each is waiting on a browser, a subprocess or
# a server, so together they take little longer than the longer one on 2 cores), each with
# its own media folder and Redis databases (see tests/redis_urls.py); their output is shown
# pass by pass once both end. pytest exits 5 when it collects no test: a failure here too.
# Each pass ends with its 15 slowest tests.
mkdir -p .run
run_pass() {
    local name=$1; shift
    local status=0
    TEST_MEDIA_ROOT="$(mktemp -d -t "rtw-test-media-$name.XXXXXX")" \
        $BIN/python -m pytest --durations=15 "$@" > ".run/test-$name.log" 2>&1 || status=$?
    echo "$status" > ".run/test-$name.status"
}

echo "== pytest: SQLite, local files | PostgreSQL, S3 server, browser (at the same time)"
(unset DATABASE_URL AWS_STORAGE_BUCKET_NAME AWS_S3_ENDPOINT_URL
 TEST_REDIS_DB_OFFSET=0 run_pass sqlite -q -m "not browser") &
sqlite_pid=$!
(DATABASE_URL="$TEST_DATABASE_URL" \
 AWS_STORAGE_BUCKET_NAME=rtw-test \
 AWS_S3_ENDPOINT_URL="$S3_ENDPOINT" \
 AWS_ACCESS_KEY_ID=testing AWS_SECRET_ACCESS_KEY=testing AWS_S3_REGION_NAME=eu-west-2 \
 TEST_REDIS_DB_OFFSET=1 run_pass postgres -q) &
postgres_pid=$!
wait "$sqlite_pid" "$postgres_pid" || true

failed=0
for name in sqlite postgres; do
    echo "== pytest pass: $name"
    cat ".run/test-$name.log"
    status=$(cat ".run/test-$name.status" 2>/dev/null || echo 1)
    if [ "$status" -ne 0 ]; then
        echo "pytest ($name) failed with exit code $status"
        failed=1
    fi
done
exit "$failed"
