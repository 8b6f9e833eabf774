"""Soak test with faults: many applications with CVs through nginx while parts of the stack fail.

Runs against the stack ``scripts/soak.sh`` starts (``scripts/stack.sh`` with the S3 fault
proxy): ``--clients`` concurrent browsers each send complete applications through the
form's steps (GET the start page; GET and POST each step, eligibility, step-1, step-2…, the
CV a 200 KB PDF; GET check your answers, POST confirm, GET the confirmation), each with its
own email address, until ``--applications`` are sent or ``--minutes`` have passed. A visitor who
gets a 503 "try again" page waits and sends the same step again, as the page asks; any
other failure is counted as unclean. During the run:

- the S3 server goes away for 5 s (the proxy in front of it closes its port),
- PostgreSQL restarts (``pg_ctl restart -m fast`` of the stack's own cluster),
- one gunicorn worker and then the task worker are killed with SIGKILL (gunicorn and the
  stack's supervisor start them again),
- the SMTP server refuses every message for a minute.

Afterwards, as cron would, it runs ``retry_application_emails`` (emails of tasks lost with
the killed worker) and ``clean_application_uploads --hours 0`` (uploads of abandoned
applications), waits for the emails, and checks: all ``--applications`` were confirmed before
``--minutes`` ran out, every confirmation shown has exactly one
row and one stored file, no reference repeats, no file is orphaned, every failure was a
clean 503, and every confirmation email and every team notification was sent once: one
message with one Message-ID (a repeat delivery of that same message, after the task worker is
killed between the SMTP server accepting it and its record, is counted and printed).
Prints the figures and keeps them in bench/README.md. Loopback only; every loop is bounded.
"""

import argparse
import collections
import datetime as dt
import json
import os
import signal
import statistics
import subprocess
import sys
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import requests
import urllib3

BASE_DIR = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(BASE_DIR))

from bench.bench_applications import answers as bench_answers  # noqa: E402
from bench.bench_applications import step_name, walk_steps  # noqa: E402

STACK_DIR = BASE_DIR / ".run" / "stack"
README = BASE_DIR / "bench" / "README.md"
FORM_PATH = "/programmes/come-back-to-social-work/apply/"
PDF_200KB = b"%PDF-1.4\n" + b"% soak content line for a two hundred kilobyte CV file\n" * 3800 + b"%%EOF\n"
CLEAN_503 = ("Sorry, the service is unavailable", "We could not save your file just now")
STEP_RETRIES = 12
urllib3.disable_warnings(urllib3.exceptions.InsecureRequestWarning)


def stack_env():
    values = {}
    for line in (STACK_DIR / "stack.env").read_text().splitlines():
        name, _, value = line.partition("=")
        values[name] = value
    return values


class Unclean(Exception):
    """A failure that was not a clean 503 page asking to try again."""


class Results:
    """What every client saw, shared between the client threads."""

    def __init__(self):
        self.lock = threading.Lock()
        self.references = []
        self.emails = {}
        self.flow_seconds = []
        self.request_seconds = []
        self.flow_requests = 0  # the requests of the applications confirmed (retries not counted)
        self.failures = collections.Counter()
        self.unclean = []
        self.started = 0

    def next_number(self, limit, deadline):
        with self.lock:
            if self.started >= limit or time.monotonic() > deadline:
                return None
            self.started += 1
            return self.started


def answers(number, last_practised):
    """bench_applications' answers, with this applicant's own name and email address."""
    return {
        **bench_answers(last_practised, email=f"soak-{number}@example.org"),
        "full_name": f"Soak Applicant {number}",
    }


def failure_kind(response):
    """'503 service unavailable', '503 file not saved' or None (not a clean 503)."""
    if response.status_code != 503:
        return None
    if CLEAN_503[0] in response.text and "try again" in response.text:
        return "503 service unavailable"
    if CLEAN_503[1] in response.text and "try again" in response.text:
        return "503 file not saved (answers kept)"
    return None


def step(session, results, method, url, expect, **kwargs):
    """One request, sent again after each clean 503 (as the page asks); Unclean otherwise."""
    for attempt in range(STEP_RETRIES):
        started = time.perf_counter()
        try:
            response = session.request(
                method, url, allow_redirects=False, timeout=120, verify=False, **kwargs
            )
        except requests.RequestException as error:
            raise Unclean(f"{method} {url}: {type(error).__name__}") from error
        with results.lock:
            results.request_seconds.append(time.perf_counter() - started)
        if response.status_code == expect:
            return response
        kind = failure_kind(response)
        if kind is None:
            raise Unclean(f"{method} {url}: {response.status_code} {response.text[:120]!r}")
        with results.lock:
            results.failures[f"{method} {step_name(url)}: {kind}"] += 1
        time.sleep(min(1 + attempt, 5))
    raise Unclean(f"{method} {url}: still 503 after {STEP_RETRIES} attempts")


def one_application(base, number, last_practised, results):
    """Every request of one application, step by step; (the reference its confirmation shows, requests)."""
    session = requests.Session()
    url = base + FORM_PATH
    session.headers["Referer"] = url  # browsers send it; Django's CSRF check needs it over HTTPS
    sent = []

    def send(method, url, expect, **kwargs):
        sent.append(url)
        return step(session, results, method, url, expect, **kwargs)

    files = {"your_cv": ("cv.pdf", PDF_200KB, "application/pdf")}
    reference = walk_steps(send, url, answers(number, last_practised), files)
    return reference, len(sent)


def client_loop(base, limit, deadline, last_practised, results):
    while (number := results.next_number(limit, deadline)) is not None:
        started = time.perf_counter()
        try:
            reference, requests_sent = one_application(base, number, last_practised, results)
        except Unclean as error:
            with results.lock:
                results.unclean.append(str(error))
            continue
        except Exception as error:  # a page the client could not read (no form, no reference)
            with results.lock:
                results.unclean.append(f"application {number}: {type(error).__name__}: {error}")
            continue
        with results.lock:
            results.references.append(reference)
            results.emails[reference] = f"soak-{number}@example.org"
            results.flow_seconds.append(time.perf_counter() - started)
            results.flow_requests += requests_sent


# Faults ---------------------------------------------------------------------------------


def as_postgres(command):
    if os.geteuid() == 0:
        return ["su", "postgres", "-s", "/bin/sh", "-c", " ".join(command)]
    return command


def signal_pid_file(name, signum):
    os.kill(int((STACK_DIR / name).read_text()), signum)


def s3_outage(env):
    signal_pid_file("s3-proxy.pid", signal.SIGUSR1)
    return "S3 server unreachable for 5 s"


def restart_postgres(env):
    command = [f"{env['PG_BIN']}/pg_ctl", "-D", env["PG_DATA"], "-l", str(STACK_DIR / "postgres.log")]
    subprocess.run(as_postgres([*command, "-m", "fast", "-w", "restart"]), check=True, capture_output=True)
    return "PostgreSQL restarted"


def kill_app_worker(env):
    master = (STACK_DIR / f"app-{env['APP_PORTS'].split()[0]}.pid").read_text().strip()
    children = subprocess.run(["pgrep", "-P", master], capture_output=True, text=True).stdout.split()
    os.kill(int(children[0]), signal.SIGKILL)
    return f"gunicorn worker {children[0]} killed (SIGKILL)"


def kill_task_worker(env):
    pid = int((STACK_DIR / "worker.pid").read_text())
    os.kill(pid, signal.SIGKILL)
    return f"task worker {pid} killed (SIGKILL); the supervisor starts another"


def smtp_refusal(env):
    signal_pid_file("smtp.pid", signal.SIGUSR1)
    return "SMTP refusing every message for 60 s"


FAULTS = [
    (20, s3_outage),
    (45, restart_postgres),
    (75, kill_app_worker),
    (95, kill_task_worker),
    (110, smtp_refusal),
]


def run_faults(env, started, stop, log):
    for at, fault in FAULTS:
        if stop.wait(max(0, started + at - time.monotonic())):
            return
        try:
            log.append(f"t={time.monotonic() - started:5.1f} s: {fault(env)}")
        except Exception as error:  # reported, and the check fails
            log.append(f"t={time.monotonic() - started:5.1f} s: {fault.__name__} FAILED: {error!r}")
        print(log[-1], flush=True)


# Checks ---------------------------------------------------------------------------------


def manage(*args):
    result = subprocess.run([str(STACK_DIR / "manage"), *args], capture_output=True, text=True)
    if result.returncode:
        raise SystemExit(f"manage.py {' '.join(args)} failed:\n{result.stdout}{result.stderr}")
    return result.stdout.strip()


def database_rows(env):
    """{reference: [file keys]} of the soak's applications, and every upload row's (key, linked)."""
    import psycopg

    with psycopg.connect(f"postgresql://postgres@127.0.0.1:{env['PG_PORT']}/rtw_stack") as conn:
        applications = conn.execute(
            "SELECT a.reference, f.file FROM application_forms_application a "
            "LEFT JOIN application_forms_applicationfile f ON f.application_id = a.id "
            "WHERE a.applicant_email LIKE 'soak-%%'"
        ).fetchall()
        uploads = conn.execute(
            "SELECT file, application_id IS NOT NULL FROM application_forms_applicationfile"
        )
        uploads = uploads.fetchall()
    by_reference = collections.defaultdict(list)
    for reference, key in applications:
        if key:
            by_reference[reference].append(key)
        else:
            by_reference.setdefault(reference, [])
    return by_reference, uploads


def stored_keys(env):
    import boto3

    s3 = boto3.client(
        "s3",
        endpoint_url=f"http://127.0.0.1:{env['S3_PORT']}",
        region_name="eu-west-2",
        aws_access_key_id="testing",
        aws_secret_access_key="testing",  # noqa: S106 (the local S3 server's)
    )
    keys = set()
    for page in s3.get_paginator("list_objects_v2").paginate(
        Bucket="rtw-production-stack", Prefix="private/applications/"
    ):
        keys |= {item["Key"].removeprefix("private/") for item in page.get("Contents", [])}
    return keys


def mail_log():
    path = STACK_DIR / "mail.jsonl"
    if not path.exists():
        return []
    return [json.loads(line) for line in path.read_text().splitlines() if line.strip()]


def emails_by_reference(messages, applicant_of):
    """Per reference: (confirmation Message-IDs received, team notification Message-IDs received).

    Each is a Counter of Message-ID → deliveries: one key is one message, whatever the
    deliveries; a count above one is the same message delivered again (a worker killed between
    the server accepting it and its record)."""
    confirmations = collections.defaultdict(collections.Counter)
    notifications = collections.defaultdict(collections.Counter)
    for message in messages:
        reference = message["subject"].rsplit(" ", 1)[-1]
        if applicant_of.get(reference) in message["to"]:
            confirmations[reference][message["message_id"]] += 1
        elif "returners@example.org" in message["to"]:
            notifications[reference][message["message_id"]] += 1
    return confirmations, notifications


def wait_for_emails(results, seconds):
    """Waits for every confirmation and team notification; (confirmations, notifications) missing."""
    deadline = time.monotonic() + seconds
    while True:
        confirmations, notifications = emails_by_reference(mail_log(), results.emails)
        missing = [reference for reference in results.references if not confirmations[reference]]
        unsent = [reference for reference in results.references if not notifications[reference]]
        if not (missing or unsent) or time.monotonic() > deadline:
            return missing, unsent
        time.sleep(5)


def percentile(values, q):
    if len(values) < 2:
        return values[0] if values else float("nan")
    return statistics.quantiles(values, n=100, method="inclusive")[q - 1]


def check(env, results, elapsed, fault_log, email_wait, asked_for):
    """Runs the cron jobs, waits for the emails, checks the invariants; returns (lines, ok)."""
    print(manage("retry_application_emails", "--minutes", "0"), flush=True)
    _rows, uploads_before = database_rows(env)
    unlinked_before = sum(1 for _key, linked in uploads_before if not linked)
    print(manage("clean_application_uploads", "--hours", "0"), flush=True)
    missing_emails, missing_notifications = wait_for_emails(results, email_wait)
    rows, uploads = database_rows(env)
    keys = stored_keys(env)
    row_keys = {key for key, _linked in uploads}
    shown = results.references
    one_row_one_file = [r for r in shown if len(rows.get(r, [])) != 1 or rows[r][0] not in keys]
    confirmations, notifications = emails_by_reference(mail_log(), results.emails)
    duplicate_confirmations = sum(1 for r in shown if len(confirmations[r]) > 1)
    duplicate_notifications = sum(1 for r in shown if len(notifications[r]) > 1)
    redelivered = sum(
        count - 1
        for received in (confirmations, notifications)
        for r in shown
        for count in received[r].values()
    )
    orphans = keys - row_keys
    rows_without_object = row_keys - keys
    saved_not_shown = set(rows) - set(shown)
    ok = {
        f"all {asked_for} applications confirmed within the time bound": len(shown) >= asked_for,
        "every confirmation shown has one row and one stored file": not one_row_one_file,
        "no reference repeats": len(set(shown)) == len(shown),
        "no file orphaned (objects without a row, rows without an object)": not orphans
        and not rows_without_object,
        "every failure was a clean 503 page": not results.unclean,
        "every confirmation email sent once (one message, one Message-ID)": not missing_emails
        and not duplicate_confirmations,
        "every team notification sent once (one message, one Message-ID)": not missing_notifications
        and not duplicate_notifications,
        "every fault was injected": len(fault_log) == len(FAULTS)
        and not any("FAILED" in line for line in fault_log),
    }
    flows = results.flow_seconds
    lines = [
        f"Applications confirmed: {len(shown)} of {results.started} started, in {elapsed:.0f} s "
        f"= {len(shown) / elapsed:.2f} applications/s ({results.flow_requests / elapsed:.1f} requests/s, "
        f"{results.flow_requests / max(len(shown), 1):.0f} per application)",
        f"Per application: p50 {percentile(flows, 50):.2f} s, p95 {percentile(flows, 95):.2f} s; "
        f"per request: p50 {percentile(results.request_seconds, 50) * 1000:.0f} ms, "
        f"p95 {percentile(results.request_seconds, 95) * 1000:.0f} ms",
        "Clean 503s seen (each step sent again): "
        + (", ".join(f"{kind} × {count}" for kind, count in sorted(results.failures.items())) or "none"),
        f"Unclean failures: {len(results.unclean)}"
        + "".join(f"\n  - {error}" for error in results.unclean[:10]),
        f"Emails: {sum(len(confirmations[r]) for r in shown)} confirmations for {len(shown)} applications "
        f"({len(missing_emails)} missing, {duplicate_confirmations} sent as two messages); "
        f"{sum(len(notifications[r]) for r in shown)} team notifications "
        f"({len(missing_notifications)} missing, {duplicate_notifications} sent as two messages); "
        f"the same message delivered again: {redelivered}",
        f"Files: {len(keys)} objects, {len(row_keys)} upload rows; orphaned objects {len(orphans)}, "
        f"rows without an object {len(rows_without_object)}; abandoned uploads before clean-up "
        f"{unlinked_before}, after {sum(1 for _key, linked in uploads if not linked)}",
        f"Applications saved but never shown to their applicant: {len(saved_not_shown)}",
        "Faults: " + "; ".join(fault_log),
    ]
    lines += [f"[{'PASS' if passed else 'FAIL'}] {name}" for name, passed in ok.items()]
    return lines, all(ok.values())


def keep_in_readme(lines, args):
    """Replaces the soak section of bench/README.md with this run's figures."""
    begin, end = "<!-- soak:begin -->", "<!-- soak:end -->"
    text = README.read_text()
    if begin not in text:
        return
    when = dt.datetime.now().strftime("%d %B %Y %H:%M")
    block = (
        f"{begin}\nLast run ({when}, `--applications {args.applications} --clients {args.clients} "
        f"--minutes {args.minutes}`):\n\n```\n" + "\n".join(lines) + f"\n```\n{end}"
    )
    README.write_text(text[: text.index(begin)] + block + text[text.index(end) + len(end) :])


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--applications", type=int, default=10_000)
    parser.add_argument("--clients", type=int, default=50)
    parser.add_argument(
        "--minutes", type=float, default=60, help="stop starting applications after this (a check then fails)"
    )
    parser.add_argument("--email-wait", type=int, default=420, help="seconds to wait for the last emails")
    args = parser.parse_args()
    env = stack_env()
    last_practised = dt.date.today() - dt.timedelta(days=3 * 365)
    results, fault_log, stop = Results(), [], threading.Event()
    started = time.monotonic()
    deadline = started + args.minutes * 60
    faults = threading.Thread(target=run_faults, args=(env, started, stop, fault_log), daemon=True)
    faults.start()
    with ThreadPoolExecutor(max_workers=args.clients) as pool:
        for _ in range(args.clients):
            pool.submit(client_loop, env["STACK_URL"], args.applications, deadline, last_practised, results)
    elapsed = time.monotonic() - started
    stop.set()
    lines, ok = check(env, results, elapsed, fault_log, args.email_wait, args.applications)
    print("\n".join(lines))
    keep_in_readme(lines, args)
    raise SystemExit(0 if ok else 1)


if __name__ == "__main__":
    main()
