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

run_pytest() {
    # pytest exits 5 when it collects no test: that is a failure here too. Each pass ends
    # with its 15 slowest tests.
    local status=0
    $BIN/python -m pytest --durations=15 "$@" || status=$?
    if [ "$status" -ne 0 ]; then
        echo "pytest failed with exit code $status"
        exit "$status"
    fi
}

echo "== pytest: SQLite, local files"
(unset DATABASE_URL AWS_STORAGE_BUCKET_NAME AWS_S3_ENDPOINT_URL; run_pytest -q -m "not browser")

echo "== pytest: PostgreSQL, S3 server, browser"
DATABASE_URL="$TEST_DATABASE_URL" \
AWS_STORAGE_BUCKET_NAME=rtw-test \
AWS_S3_ENDPOINT_URL="$S3_ENDPOINT" \
AWS_ACCESS_KEY_ID=testing AWS_SECRET_ACCESS_KEY=testing AWS_S3_REGION_NAME=eu-west-2 \
    run_pytest -q
