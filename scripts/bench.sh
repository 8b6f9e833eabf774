#!/usr/bin/env bash
# The benchmarks on PostgreSQL + the S3 server (+ Redis and wrk for the page cache's), brought
# up or installed where missing. Prints figures; bench/README.md says what each measures.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/services.sh
ensure_postgres
ensure_s3_server
ensure_redis
ensure_commands wrk wrk
echo "== public pages: the page cache against the bare Django view, in one run"
.venv/bin/python bench/bench_pages.py
echo "== applications"
.venv/bin/python bench/bench_applications.py --applications 200 --plain 200 --concurrency 4
echo "== admin listings"
DATABASE_URL="${TEST_DATABASE_URL%/*}/rtw_admin_bench" \
    .venv/bin/python bench/bench_admin.py --rows "${BENCH_ROWS:-100000}" --runs 5
echo "== talent pool search"
DATABASE_URL="${TEST_DATABASE_URL%/*}/rtw_pool_bench" \
    .venv/bin/python bench/bench_pool.py --profiles "${BENCH_PROFILES:-100000}" --runs 200
