"""Complete applications per second against plain Wagtail FormPage submissions, same stack, same run.

Stack: gunicorn (2 sync workers) on 127.0.0.1, PostgreSQL, the S3 server (moto on
127.0.0.1:9000), django-tasks' database backend, DEBUG off (``bench.settings``).

One application is every request of the flow a browser makes through the form's steps
(``forms.flow``): GET the start page, then for each step (eligibility, step-1, step-2…)
GET it and POST its answers (the step with the CV as multipart, with a 200 KB PDF),
following each redirect until check your answers; GET check your answers, POST confirm,
GET the confirmation. Each application has its own email address (the form takes one
application per address). One plain submission is GET the FormPage and POST it (no upload).

    .venv/bin/python bench/bench_applications.py [--applications 200] [--plain 200] [--concurrency 4]

Loops are bounded and every request goes to loopback. Prints both rates, their ratio,
p50/p99 latencies and the rows stored against the confirmations shown.
"""

import argparse
import datetime as dt
import os
import re
import statistics
import subprocess
import sys
import time
import uuid
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from urllib.parse import urljoin

import requests

BASE_DIR = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(BASE_DIR))
ENV = {
    "DJANGO_SETTINGS_MODULE": "bench.settings",
    "DATABASE_URL": "postgres://postgres:postgres@127.0.0.1:5432/rtw_bench",
    "AWS_STORAGE_BUCKET_NAME": "rtw-bench",
    "AWS_S3_ENDPOINT_URL": "http://127.0.0.1:9000",
    "AWS_ACCESS_KEY_ID": "testing",
    "AWS_SECRET_ACCESS_KEY": "testing",
    "AWS_S3_REGION_NAME": "eu-west-2",
}
for key, value in ENV.items():
    os.environ.setdefault(key, value)

CSRF = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')
TOKEN = re.compile(r'name="token" value="([^"]+)"')
REFERENCE = re.compile(r'class="reference">([A-Z0-9-]+)<')
SUBMISSION = re.compile(r'class="submission">(\d+)<')
START = re.compile(r'<a class="button" href="([^"]+)" role="button"')
FIELD_NAME = re.compile(r'<(?:input|select|textarea)\b[^>]*\bname="([^"]+)"')
MAX_STEPS = 10  # the walk through the steps is bounded
PDF_200KB = b"%PDF-1.4\n" + b"% bench content line for a two hundred kilobyte CV\n" * 4000 + b"%%EOF\n"


def prepare_database():
    """Creates the bench database and bucket if missing, migrates, loads the demo, adds a plain form."""
    import boto3
    import psycopg

    dbname = os.environ["DATABASE_URL"].rsplit("/", 1)[1]
    with psycopg.connect("postgresql://postgres:postgres@127.0.0.1:5432/postgres", autocommit=True) as conn:
        if not conn.execute("SELECT 1 FROM pg_database WHERE datname = %s", [dbname]).fetchone():
            conn.execute(f'CREATE DATABASE "{dbname}"')
    s3 = boto3.client("s3", endpoint_url=os.environ["AWS_S3_ENDPOINT_URL"], region_name="eu-west-2")
    if os.environ["AWS_STORAGE_BUCKET_NAME"] not in {b["Name"] for b in s3.list_buckets().get("Buckets", [])}:
        s3.create_bucket(
            Bucket=os.environ["AWS_STORAGE_BUCKET_NAME"],
            CreateBucketConfiguration={"LocationConstraint": "eu-west-2"},
        )
    subprocess.run([sys.executable, "manage.py", "migrate", "--noinput", "-v0"], cwd=BASE_DIR, check=True)
    import django

    django.setup()
    from demo.loader import load

    load()
    return pages()


def pages():
    from django.db import connections

    from bench.plainform.models import PlainFormField, PlainFormPage
    from forms.choices import PAGE_BREAK
    from forms.models import ApplicationFormPage

    form = ApplicationFormPage.objects.get(slug="apply", reference_prefix="CBSW")
    programme = form.get_parent()
    # The plain form sits beside the application form, so both are routed through the same depth.
    PlainFormPage.objects.exclude(path__startswith=programme.path).delete()
    plain = PlainFormPage.objects.child_of(programme).first()
    if plain is None:
        plain = PlainFormPage(title="Plain form", slug="plain-form")
        for field in form.form_fields.exclude(field_type__in=("file", PAGE_BREAK)):
            plain.form_fields.add(
                PlainFormField(
                    label=field.label,
                    field_type=field.field_type,
                    required=field.required,
                    choices=field.choices,
                )
            )
        programme.add_child(instance=plain)
        plain.save_revision().publish()
    connections.close_all()
    return form, plain


def counts(form, plain):
    from django.db import connections

    from forms.models import Application

    result = (
        Application.objects.filter(page=form).count(),
        plain.get_submission_class().objects.filter(page=plain).count(),
        set(Application.objects.filter(page=form).values_list("reference", flat=True)),
    )
    connections.close_all()
    return result


def answers(last_practised, email="bench@example.org"):
    """Every answer of the demo social work form, by field name; the date as its three boxes."""
    practised = "when_did_you_last_practise_as_a_social_worker"
    return {
        "full_name": "Bench Applicant",
        "email_address": email,
        "phone_number": "0113 496 0000",
        "postcode": "LS1 1UR",
        "are_you_a_qualified_social_worker": "Yes",
        f"{practised}_day": str(last_practised.day),
        f"{practised}_month": str(last_practised.month),
        f"{practised}_year": str(last_practised.year),
        "do_you_have_the_right_to_work_in_the_uk": "Yes",
        "why_do_you_want_to_return": "I miss the work and I am ready to come back to a council team.",
        "what_is_your_age": "35 to 44",
        "privacy_consent": "on",
    }


def plain_answers(last_practised):
    """The plain form's answers: one text date (Django's own format), no consent, no boxes."""
    practised = "when_did_you_last_practise_as_a_social_worker"
    data = {
        name: value
        for name, value in answers(last_practised).items()
        if name != "privacy_consent" and not name.startswith(f"{practised}_")
    }
    return {**data, practised: last_practised.isoformat()}


def step_answers(html, data):
    """The answers to the questions one step's page shows (by the names of its boxes)."""
    names = set(FIELD_NAME.findall(html))
    return {name: value for name, value in data.items() if name in names}


def walk_steps(send, form_url, data, files):
    """Every request of one application, step by step; returns the reference the confirmation shows.

    ``send(method, url, expect, **kwargs)`` sends one request and returns its response, which
    has the ``expect`` status. Each step's page says which questions it asks: the answers to
    those are posted (and the files it has an upload for), and its redirect says where next.
    """
    start = send("GET", form_url, 200)
    url = urljoin(form_url, START.search(start.text).group(1))
    for _ in range(MAX_STEPS):
        if url.rstrip("/").endswith("/check"):
            break
        page = send("GET", url, 200)
        post = {
            **step_answers(page.text, data),
            "csrfmiddlewaretoken": CSRF.search(page.text).group(1),
            "action": "continue",
        }
        upload = {name: file for name, file in files.items() if f'name="{name}"' in page.text}
        answered = send("POST", url, 303, data=post, files=upload or None)
        url = urljoin(url, answered.headers["Location"])
    else:
        raise RuntimeError(f"check your answers not reached after {MAX_STEPS} steps (last {url})")
    check = send("GET", url, 200)
    confirm = {
        "csrfmiddlewaretoken": CSRF.search(check.text).group(1),
        "token": TOKEN.search(check.text).group(1),
    }
    send("POST", url, 303, data=confirm)
    confirmation = send("GET", urljoin(url, "../confirmation/"), 200)
    return REFERENCE.search(confirmation.text).group(1)


def step_name(url):
    """The part of an application's URL after ``apply/``: ``start``, ``step-1``, ``check``…"""
    return url.rsplit("/apply/", 1)[-1].strip("/") or "start"


STEP_TIMES = {}


class Timer:
    def __init__(self):
        self.requests = []

    def call(self, method, *args, expect, step="", **kwargs):
        started = time.perf_counter()
        response = method(*args, allow_redirects=False, timeout=60, **kwargs)
        self.requests.append(time.perf_counter() - started)
        STEP_TIMES.setdefault(step, []).append(self.requests[-1])
        if response.status_code != expect:
            raise RuntimeError(f"{response.request.method} {response.url}: {response.status_code}")
        return response


def one_application(base, form_url, data, timer):
    """Every request of one application, with an email address of its own; returns its reference."""
    session = requests.Session()
    data = {**data, "email_address": f"bench-{uuid.uuid4().hex}@example.org"}
    files = {"your_cv": ("cv.pdf", PDF_200KB, "application/pdf")}

    def send(method, url, expect, **kwargs):
        call = session.get if method == "GET" else session.post
        return timer.call(call, url, expect=expect, step=f"app {method} {step_name(url)}", **kwargs)

    return walk_steps(send, base + form_url, data, files)


def one_plain_submission(base, url, data, timer):
    session = requests.Session()
    page = timer.call(session.get, base + url, expect=200, step="plain GET form")
    landing = timer.call(
        session.post,
        base + url,
        data={**data, "csrfmiddlewaretoken": CSRF.search(page.text).group(1)},
        expect=200,
        step="plain POST",
    )
    return SUBMISSION.search(landing.text).group(1)


def run(count, concurrency, work):
    """Runs ``count`` flows on ``concurrency`` threads.

    Returns (seconds, flow latencies, request latencies, results, errors).
    """
    timers, latencies, results, errors = [], [], [], []

    def flow(_i):
        timer = Timer()
        timers.append(timer)
        started = time.perf_counter()
        try:
            results.append(work(timer))
        except Exception as error:  # counted and reported
            errors.append(str(error))
            return
        latencies.append(time.perf_counter() - started)

    started = time.perf_counter()
    with ThreadPoolExecutor(max_workers=concurrency) as pool:
        list(pool.map(flow, range(count)))
    elapsed = time.perf_counter() - started
    return elapsed, latencies, [t for timer in timers for t in timer.requests], results, errors


def empty_result():
    return (0.0, [], [], [], [])


def merge(total, result):
    """Adds one round's (seconds, flow latencies, request latencies, results, errors) to the total."""
    return tuple(a + b for a, b in zip(total, result, strict=True))


def percentile(values, q):
    if not values:
        return float("nan")
    return statistics.quantiles(values, n=100, method="inclusive")[q - 1] if len(values) > 1 else values[0]


def start_gunicorn(port):
    log = open(BASE_DIR / ".run" / "bench-gunicorn.log", "w")  # noqa: SIM115
    process = subprocess.Popen(
        [
            str(BASE_DIR / ".venv/bin/gunicorn"),
            "microsite.wsgi",
            "--workers",
            "2",
            "--bind",
            f"127.0.0.1:{port}",
        ],
        cwd=BASE_DIR,
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    for _ in range(100):
        try:
            requests.get(f"http://127.0.0.1:{port}/", timeout=30)
            return process
        except requests.RequestException:
            time.sleep(0.2)
    process.terminate()
    raise RuntimeError("gunicorn did not start; see .run/bench-gunicorn.log")


def ms(values, q):
    return f"{percentile(values, q) * 1000:.0f}"


def report(name, unit, count, result):
    elapsed, latencies, request_times, _results, errors = result
    rate = len(latencies) / elapsed
    print(
        f"{name}: {len(latencies)}/{count} {unit} in {elapsed:.1f} s = {rate:.1f}/s; "
        f"per {unit[:-1]} p50 {ms(latencies, 50)} ms, p99 {ms(latencies, 99)} ms; "
        f"per request p50 {ms(request_times, 50)} ms, p99 {ms(request_times, 99)} ms; "
        f"errors {len(errors)}"
    )
    for error in errors[:3]:
        print("  error:", error)
    return rate


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--applications", type=int, default=200)
    parser.add_argument("--plain", type=int, default=200)
    parser.add_argument("--concurrency", type=int, default=4)
    parser.add_argument("--port", type=int, default=8765)
    parser.add_argument("--rounds", type=int, default=5, help="alternating rounds of each kind")
    args = parser.parse_args()
    (BASE_DIR / ".run").mkdir(exist_ok=True)
    form, plain = prepare_database()
    # Paths on the pages' own site: with more sites in the database (bench_pages.py adds one),
    # Wagtail's page.url is a whole address.
    form_path, plain_path = (page.relative_url(page.get_site()) for page in (form, plain))
    apps_before, plain_before, references_before = counts(form, plain)
    practised = dt.date.today() - dt.timedelta(days=3 * 365)
    data = answers(practised)
    plain_data = plain_answers(practised)
    server = start_gunicorn(args.port)
    base = f"http://127.0.0.1:{args.port}"
    try:
        run(10, 2, lambda timer: one_plain_submission(base, plain_path, plain_data, timer))  # warm-up
        run(10, 2, lambda timer: one_application(base, form_path, data, timer))
        apps_before, plain_before, references_before = counts(form, plain)
        # Alternate the two in rounds, so both see the same background load on a shared machine.
        plain_result, app_result = empty_result(), empty_result()
        for _round in range(args.rounds):
            plain_result = merge(
                plain_result,
                run(
                    args.plain // args.rounds,
                    args.concurrency,
                    lambda t: one_plain_submission(base, plain_path, plain_data, t),
                ),
            )
            app_result = merge(
                app_result,
                run(
                    args.applications // args.rounds,
                    args.concurrency,
                    lambda t: one_application(base, form_path, data, t),
                ),
            )
    finally:
        server.terminate()
        server.wait(timeout=30)
    apps_after, plain_after, references_after = counts(form, plain)
    print(
        f"Stack: gunicorn 2 sync workers on {base}, "
        f"PostgreSQL ({os.environ['DATABASE_URL'].rsplit('/', 1)[1]}), "
        f"S3 server {os.environ['AWS_S3_ENDPOINT_URL']}, django-tasks database backend, "
        f"{args.concurrency} client threads"
    )
    plain_rate = report("Plain FormPage (GET + POST, no upload)", "submissions", args.plain, plain_result)
    app_rate = report(
        "Applications (GET start, GET + POST each step, the CV a 200 KB PDF, GET check, POST confirm, "
        "GET confirmation)",
        "applications",
        args.applications,
        app_result,
    )
    print(f"Ratio applications/plain: {app_rate / plain_rate:.2f} (goal: at least 0.50)")
    shown = app_result[3]
    new_references = references_after - references_before
    print(
        f"Applications: {apps_after - apps_before} rows stored, {len(shown)} confirmations shown, "
        f"references shown == references stored: {set(shown) == new_references}, "
        f"unique: {len(set(shown)) == len(shown)}"
    )
    print(
        "Median per step:",
        ", ".join(f"{k} {statistics.median(v) * 1000:.0f} ms" for k, v in STEP_TIMES.items()),
    )
    print(f"Plain: {plain_after - plain_before} rows stored, {len(plain_result[3])} landing pages shown")


if __name__ == "__main__":
    main()
