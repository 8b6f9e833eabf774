#!/usr/bin/env bash
# `make soak`: starts the stack (scripts/stack.sh) with the S3 fault proxy, runs the soak test
# (bench/soak.py, arguments passed on), then stops the stack. Loopback only; bounded in time
# (--minutes of applications, then at most --email-wait seconds for the last emails).
set -euo pipefail
cd "$(dirname "$0")/.."
DIR=.run/stack
mkdir -p "$DIR"
rm -f "$DIR/ready" "$DIR/mail.jsonl"
# Every soak client comes from 127.0.0.1 (the per-address limit on application POSTs) and sends
# each step again after a 503 (the per-session limit): both limits are lifted.
STACK_FAULTS=1 APPLICATION_RATE_LIMIT=100000000 APPLICATION_RATE_LIMIT_PER_ADDRESS=100000000 \
    bash scripts/stack.sh >"$DIR/stack.log" 2>&1 &
STACK_PID=$!
trap 'kill "$STACK_PID" 2>/dev/null; wait "$STACK_PID" 2>/dev/null || true' EXIT
for _ in $(seq 1 600); do
    [ -f "$DIR/ready" ] && break
    kill -0 "$STACK_PID" 2>/dev/null || { echo "The stack did not start:"; tail -n 30 "$DIR/stack.log"; exit 1; }
    sleep 1
done
[ -f "$DIR/ready" ] || { echo "The stack was not ready after 10 minutes"; tail -n 30 "$DIR/stack.log"; exit 1; }
.venv/bin/python bench/soak.py "$@"
