"""Hostile and broken input: a page with errors, a success or a clear 400, never a 500."""

import pytest
from django.test import Client, override_settings
from django.test.client import BOUNDARY, MULTIPART_CONTENT, encode_multipart
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from forms.models import Application, ApplicationFile

from .conftest import PDF_BYTES, answers, apply, make_form_page, pdf, post_steps

pytestmark = pytest.mark.django_db

EVERY_TYPE = [
    ("Single line", "singleline", {"role": "name"}),
    ("Multi line", "multiline", {}),
    ("Email", "email", {"role": "email"}),
    ("Number", "number", {}),
    ("Website", "url", {}),
    ("Tick", "checkbox", {"required": False}),
    ("Boxes", "checkboxes", {"choices": "One\nTwo\nThree"}),
    ("Drop down", "dropdown", {"choices": "Red, Green"}),
    ("Many", "multiselect", {"choices": "A\nB"}),
    ("Radio", "radio", {"choices": "Yes\nNo"}),
    ("Date", "date", {"eligibility_rule": "years-ago", "years_ago_min": 2, "years_ago_max": 5}),
    ("Date and time", "datetime", {}),
    ("Hidden", "hidden", {"required": False}),
    ("Document", "file", {}),
    ("Age", "radio", {"choices": "Young\nOld", "section": "equality"}),
]
NAMES = [
    "single_line",
    "multi_line",
    "email",
    "number",
    "website",
    "tick",
    "boxes",
    "drop_down",
    "many",
    "radio",
    "date",
    "date_and_time",
    "hidden",
    "age",
    "privacy_consent",
]


@pytest.fixture
def every_type_page(programme):
    return make_form_page(programme, EVERY_TYPE)


def valid_answers():
    return {
        "single_line": "Amira",
        "multi_line": "Because.",
        "email": "amira@example.org",
        "number": "3",
        "website": "https://example.org",
        "boxes": ["One", "Three"],
        "drop_down": "Green",
        "many": ["A"],
        "radio": "No",
        "date": "01/06/2023",
        "date_and_time": "01/06/2023 10:30",
        "privacy_consent": "on",
        "document": pdf(),
    }


def eligible(client, page):
    """Passes the eligibility step (the date rule), so that step-1 can be posted."""
    assert client.post(page.url + "eligibility/", {"date": "01/06/2023"}).status_code == 303


def test_a_form_with_every_field_type_can_be_completed(client, every_type_page):
    response = post_steps(client, every_type_page, valid_answers())
    assert response.status_code == 303
    token = client.get(every_type_page.url + "check/").context["draft_token"]
    assert client.post(every_type_page.url + "check/", {"token": token}).status_code == 303
    application = Application.objects.get()
    assert application.form_data["boxes"] == ["One", "Three"]
    assert application.form_data["date"] == "2023-06-01"
    assert application.form_data["number"] == "3"


answer = st.one_of(
    st.text(max_size=300),
    st.lists(st.text(max_size=40), max_size=4),
    st.sampled_from(
        ["", "on", "Yes", "One", "A", "01/06/2023", "2023-02-30", "1e999999", "NaN", "-0", "\x00"]
    ),
)
upload = st.one_of(
    st.none(),
    st.builds(
        lambda name, data: pdf(name, data, "application/octet-stream"),
        st.sampled_from(
            ["cv.pdf", "cv.docx", "cv.odt", "cv.txt", "cv.pdf.exe", "cv", "CV.PDF", "a" * 300 + ".pdf"]
        ),
        st.one_of(st.binary(max_size=2048), st.just(PDF_BYTES), st.just(b"PK\x03\x04" + b"\x00" * 30)),
    ),
)


@override_settings(APPLICATION_RATE_LIMIT=1_000_000, APPLICATION_RATE_LIMIT_PER_ADDRESS=1_000_000)
@settings(max_examples=50, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.fixed_dictionaries({}, optional=dict.fromkeys(NAMES, answer)), document=upload)
def test_fuzzed_answers_give_errors_or_success_never_a_500(every_type_page, data, document):
    client = Client()
    post = {name: value for name, value in data.items()}
    if document is not None:
        post["document"] = document
    response = post_steps(client, every_type_page, post)
    assert response.status_code in (200, 303)
    if response.status_code == 200:
        html = response.content.decode()
        assert "There is a problem" in html or "You cannot apply" in html
        return
    check = client.get(every_type_page.url + "check/")
    assert check.status_code == 200
    confirm = client.post(every_type_page.url + "check/", {"token": check.context["draft_token"]})
    assert confirm.status_code == 303
    assert client.get(confirm["Location"]).status_code == 200


@pytest.mark.parametrize(
    "content_type,body",
    [
        ("multipart/form-data", b'--x\r\nContent-Disposition: form-data; name="a"\r\n\r\nb\r\n--x--\r\n'),
        ("multipart/form-data; boundary=", b"anything"),
        ("multipart/form-data; boundary=\xff\xfe", b"--\xff\xfe\r\n"),
        ("multipart/form-data; boundary=x", b'--x\r\nContent-Disposition: form-data; name="document"; '),
        ("multipart/form-data; boundary=x", b"--x\r\nContent-Disposition: form-data\r\n\r\nno name\r\n--x--"),
        ("multipart/form-data; boundary=x", b"\x00\x01\x02" * 1000),
    ],
    ids=["no-boundary", "empty-boundary", "binary-boundary", "truncated", "nameless-part", "garbage"],
)
def test_malformed_multipart_is_a_clear_error_and_stores_nothing(client, every_type_page, content_type, body):
    response = client.generic("POST", every_type_page.url + "eligibility/", body, content_type=content_type)
    assert response.status_code in (200, 400)
    html = response.content.decode()
    assert "could not be sent" in html or "There is a problem" in html
    assert ApplicationFile.objects.count() == 0


@pytest.mark.parametrize("multipart", [False, True], ids=["urlencoded", "multipart"])
def test_more_than_a_thousand_fields_get_a_clear_400_page(client, every_type_page, multipart):
    data = {f"field_{i}": "x" for i in range(1001)}
    if multipart:
        response = client.post(every_type_page.url + "eligibility/", {**data, "document": pdf()})
    else:
        from urllib.parse import urlencode

        response = client.generic(
            "POST",
            every_type_page.url + "eligibility/",
            urlencode(data),
            content_type="application/x-www-form-urlencoded",
        )
    assert response.status_code == 400
    assert "Your form could not be sent" in response.content.decode()
    assert ApplicationFile.objects.count() == 0


@pytest.mark.parametrize("multipart", [False, True], ids=["urlencoded", "multipart"])
def test_an_oversized_body_gets_a_clear_400_page(client, every_type_page, multipart):
    huge = "x" * (3 * 1024 * 1024)
    if multipart:
        response = client.post(every_type_page.url + "eligibility/", {"multi_line": huge, "document": pdf()})
    else:
        response = client.generic(
            "POST",
            every_type_page.url + "eligibility/",
            f"multi_line={huge}",
            content_type="application/x-www-form-urlencoded",
        )
    assert response.status_code == 400
    assert "too large" in response.content.decode()
    assert ApplicationFile.objects.count() == 0


@pytest.mark.parametrize("step", ["eligibility/", "step-1/", "check/"])
@pytest.mark.parametrize("csrf_checks", [True, False], ids=["browser", "no-csrf-checks"])
def test_a_body_claiming_more_than_the_form_takes_gets_413_before_it_is_read(
    every_type_page, step, csrf_checks
):
    browser = Client(enforce_csrf_checks=csrf_checks)
    browser.get(
        every_type_page.url + "eligibility/"
    )  # the CSRF cookie a browser holds (with it, CSRF reads the body)
    token = browser.cookies["csrftoken"].value
    body = encode_multipart(BOUNDARY, {**valid_answers(), "csrfmiddlewaretoken": token})
    # The test client's body fails the test if anything reads past its real length.
    response = browser.generic(
        "POST",
        every_type_page.url + step,
        body,
        content_type=MULTIPART_CONTENT,
        CONTENT_LENGTH=str(100 * 1024 * 1024),
    )
    assert response.status_code == 413
    html = response.content.decode()
    assert "What you sent was too large" in html
    assert "Apply – " in html  # the form's own page (its start page or the step)
    assert ApplicationFile.objects.count() == 0
    assert Application.objects.count() == 0


@pytest.mark.postgres
def test_an_email_longer_than_254_characters_is_an_error_not_a_500(client, form_page):
    long_email = "a" * 64 + "@" + ".".join(["b" * 60] * 3) + ".example.org"
    assert len(long_email) > 254
    response = apply(client, form_page, answers(email_address=long_email))
    assert response.status_code == 200
    assert "Enter an email address of 254 characters or fewer" in response.content.decode()
    assert Application.objects.count() == 0


def test_answers_longer_than_allowed_are_errors(client, every_type_page):
    eligible(client, every_type_page)
    response = client.post(every_type_page.url + "step-1/", {**valid_answers(), "single_line": "x" * 256})
    assert "Single line must be 255 characters or fewer" in response.content.decode()


def test_post_without_csrf_token_is_403(every_type_page):
    response = Client(enforce_csrf_checks=True).post(every_type_page.url + "step-1/", valid_answers())
    assert response.status_code == 403
    assert ApplicationFile.objects.count() == 0


def test_too_many_fields_with_csrf_checks_on_is_still_a_clear_400(every_type_page):
    browser = Client(enforce_csrf_checks=True)
    browser.get(every_type_page.url + "eligibility/")
    token = browser.cookies["csrftoken"].value
    data = {f"field_{i}": "x" for i in range(1001)}
    response = browser.post(
        every_type_page.url + "eligibility/", {**data, "csrfmiddlewaretoken": token, "document": pdf()}
    )
    assert response.status_code == 400
    assert "Your form could not be sent" in response.content.decode()
