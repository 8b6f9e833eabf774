#!/usr/bin/env bash
# The benchmarks on PostgreSQL + the S3 server (brought up where missing). Prints figures.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/services.sh
ensure_postgres
ensure_s3_server
.venv/bin/python bench/bench_applications.py --applications 200 --plain 200 --concurrency 4
DATABASE_URL="${TEST_DATABASE_URL%/*}/rtw_admin_bench" \
    .venv/bin/python bench/bench_admin.py --rows "${BENCH_ROWS:-100000}" --runs 5
DATABASE_URL="${TEST_DATABASE_URL%/*}/rtw_pool_bench" \
    .venv/bin/python bench/bench_pool.py --profiles "${BENCH_PROFILES:-100000}" --runs 200
