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

# The suite runs as three pytest passes at the same time, each with its own database, media
# folder, S3 bucket and Redis databases (see tests/redis_urls.py): SQLite + local files (every
# test but the browser ones), and PostgreSQL + the S3 server split in two halves (the browser
# tests, the smoke tests and the demo's | the rest), so the two cores stay busy while one
# pass waits on PostgreSQL, S3 or Chromium. The PostgreSQL test databases are copies of one
# migrated template (scripts/test_databases.py), so the migrations run once, beside the SQLite
# pass. Output is shown pass by pass once all end; then the 15 slowest tests of the whole run.
# pytest exits 5 when it collects no test: a failure here too.
mkdir -p .run
rm -f .run/test-*.log .run/test-*.status .run/test-*.xml
run_pass() {
    local name=$1 redis_offset=$2; shift 2
    local status=0
    TEST_MEDIA_ROOT="$(mktemp -d -t "rtw-test-media-$name.XXXXXX")" TEST_REDIS_DB_OFFSET="$redis_offset" \
        $BIN/python -m pytest -q --junitxml=".run/test-$name.xml" -o junit_duration_report=total "$@" \
        > ".run/test-$name.log" 2>&1 || status=$?
    echo "$status" > ".run/test-$name.status"
}
run_postgres_pass() {
    local name=$1; shift
    DATABASE_URL="${TEST_DATABASE_URL%/*}/rtw_$name" \
    AWS_STORAGE_BUCKET_NAME="rtw-test-$name" \
    AWS_S3_ENDPOINT_URL="$S3_ENDPOINT" \
    AWS_ACCESS_KEY_ID=testing AWS_SECRET_ACCESS_KEY=testing AWS_S3_REGION_NAME=eu-west-2 \
        run_pass "$name" "$@" --reuse-db
}

# The first PostgreSQL half: every browser test, the smoke tests and the demo's (about as long as the rest).
FIRST_HALF=(tests/browser tests/smoke tests/demo tests/test_layers.py tests/test_factories.py)
mapfile -t BROWSER_FILES < <(find tests -name 'test_*browser*.py' -not -path 'tests/browser/*' | sort)
FIRST_HALF+=("${BROWSER_FILES[@]}")
SECOND_HALF_IGNORES=()
for path in "${FIRST_HALF[@]}"; do SECOND_HALF_IGNORES+=("--ignore=$path"); done

echo "== pytest: SQLite, local files | PostgreSQL, S3 server, browser (in two halves) (at the same time)"
(unset DATABASE_URL AWS_STORAGE_BUCKET_NAME AWS_S3_ENDPOINT_URL
 run_pass sqlite 1 -m "not browser") &
pids=($!)
$BIN/python scripts/test_databases.py "$TEST_DATABASE_URL" rtw_postgres1 rtw_postgres2 ||
    { kill "${pids[@]}" 2>/dev/null; echo "The PostgreSQL test databases could not be made"; exit 1; }
(run_postgres_pass postgres1 4 "${FIRST_HALF[@]}") &
pids+=($!)
(run_postgres_pass postgres2 7 tests "${SECOND_HALF_IGNORES[@]}") &
pids+=($!)
wait "${pids[@]}" || true

failed=0
for name in sqlite postgres1 postgres2; do
    echo "== pytest pass: $name"
    cat ".run/test-$name.log"
    status=$(cat ".run/test-$name.status" 2>/dev/null || echo 1)
    if [ "$status" -ne 0 ]; then
        echo "pytest ($name) failed with exit code $status"
        failed=1
    fi
done
echo "== the 15 slowest tests of the run (setup, call and teardown)"
$BIN/python scripts/slowest_tests.py 15 .run/test-sqlite.xml .run/test-postgres1.xml .run/test-postgres2.xml || true
exit "$failed"
