"""Bounded fuzzing of every public POST: the application steps, the council sign-up and search.

Random field names and values, sizes, character encodings and multipart shapes never give
a 500, and never leave a row behind an invalid POST: no application, no equality answers,
no upload the visitor's own draft does not hold. Each test is bounded (``max_examples``)
and uses Hypothesis without its example database, so ``make test`` writes no files.
"""

import pytest
from django.core.cache import cache
from django.test import Client
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from wagtail.contrib.search_promotions.models import Query

from forms.drafts import draft_key
from forms.fields import HONEYPOT_FIELD
from forms.models import Application, ApplicationFile, ApplicationFormPage, EqualityMonitoring

pytestmark = pytest.mark.django_db

FUZZ = settings(
    max_examples=40,
    deadline=None,
    database=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
CHARSETS = ["utf-8", "latin-1", "utf-16", "shift_jis", "no-such-charset", ""]
ODD_NAMES = ["", "token", "csrfmiddlewaretoken", HONEYPOT_FIELD, "a[]", "__proto__", "x" * 300, "é\x00"]
ODD_FILENAMES = ["cv.pdf", "cv.txt", "../../etc/passwd", "", "ç v.docx", "a" * 300 + ".pdf", "cv.odt\x00.exe"]

text = st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=200)
value = st.one_of(
    text, st.text(max_size=5).map(lambda s: s * 2000), st.sampled_from(["", "on", "Yes", "\x00"])
)


@pytest.fixture
def forms(demo_site, settings):
    """The open social work application form and a council sign-up form, from the demo."""
    settings.APPLICATION_RATE_LIMIT = 1_000_000
    application = ApplicationFormPage.objects.get(reference_prefix="CBSW")
    signup = ApplicationFormPage.objects.filter(purpose="council-signup").first()
    yield application, signup
    cache.clear()  # the rate limit's counts


def field_names(page):
    return list(page.get_form_class()().fields)


def fields_strategy(page):
    names = st.one_of(st.sampled_from(field_names(page) + ODD_NAMES), text)
    return st.lists(st.tuples(names, value), max_size=25)


def multipart_body(draw_parts, boundary, line_end, truncate):
    """A multipart body from (name, filename, content type, payload) parts, maybe cut short."""
    chunks = []
    for name, filename, content_type, payload in draw_parts:
        disposition = "Content-Disposition: form-data"
        if name is not None:
            disposition += f'; name="{name}"'
        if filename is not None:
            disposition += f'; filename="{filename}"'
        headers = [disposition] + ([f"Content-Type: {content_type}"] if content_type else [])
        head = line_end.join(headers).encode("utf-8", "surrogatepass")
        chunks.append(b"--" + boundary + line_end.encode() + head + (line_end * 2).encode() + payload)
    body = line_end.encode().join(chunks) + f"{line_end}--".encode() + boundary + b"--" + line_end.encode()
    return body[:truncate] if truncate is not None else body


part = st.tuples(
    st.one_of(st.none(), st.sampled_from(["your_cv", "full_name", "email_address", ""]), text),
    st.one_of(st.none(), st.sampled_from(ODD_FILENAMES), text),
    st.one_of(st.none(), st.sampled_from(["application/pdf", "text/plain", "x/\x7f", ""])),
    st.one_of(
        st.binary(max_size=4096),
        st.just(b"%PDF-1.4\n%%EOF\n"),
        st.just(b"plain words for a text CV\n" * 20),
    ),
)


def multipart_of(part):
    """(body, content type) of up to six ``part``s, any boundary and line end, maybe cut short,
    maybe declaring another boundary."""
    return st.builds(
        lambda parts, boundary, line_end, truncate, declared: (
            multipart_body(parts, boundary, line_end, truncate),
            f"multipart/form-data; boundary={declared or boundary.decode('latin-1')}",
        ),
        st.lists(part, max_size=6),
        st.binary(min_size=1, max_size=70).filter(lambda b: b"\r" not in b and b"\n" not in b),
        st.sampled_from(["\r\n", "\n"]),
        st.one_of(st.none(), st.integers(min_value=0, max_value=5000)),
        st.one_of(st.none(), st.sampled_from(["", "other", '"quoted"'])),
    )


multipart = multipart_of(part)


def urlencoded(pairs, charset):
    """The pairs encoded in ``charset`` (UTF-8 where it cannot encode), declared as ``charset``."""
    from urllib.parse import quote

    encoding = charset if charset in ("latin-1", "utf-16", "shift_jis") else "utf-8"

    def encode(text):
        return quote(text.encode(encoding, "replace"))

    body = "&".join(f"{encode(name)}={encode(text)}" for name, text in pairs)
    content_type = "application/x-www-form-urlencoded" + (f"; charset={charset}" if charset else "")
    return body.encode(), content_type


def body_strategy(page):
    return st.one_of(
        st.builds(urlencoded, fields_strategy(page), st.sampled_from(CHARSETS)),
        multipart,
        st.tuples(st.binary(max_size=4096), st.sampled_from(["application/json", "text/plain", "", "x"])),
    )


def counts():
    return Application.objects.count(), EqualityMonitoring.objects.count(), Query.objects.count()


def assert_no_stray_rows(client, before, files_before):
    """No application or equality row; any new upload is held by this visitor's draft."""
    assert counts() == before
    new_files = set(ApplicationFile.objects.exclude(pk__in=files_before).values_list("pk", flat=True))
    held = {
        info["id"]
        for key, draft in client.session.items()
        if key.startswith("rtw-application-")
        for info in draft.get("files", {}).values()
    }
    assert new_files <= held
    assert not ApplicationFile.objects.filter(pk__in=new_files, application__isnull=False).exists()


def post_raw(page_url, body, content_type):
    """POSTs a raw body as a fresh browser; returns (client, response, rows before, files before)."""
    client = Client(raise_request_exception=False)
    before, files_before = counts(), set(ApplicationFile.objects.values_list("pk", flat=True))
    response = client.generic("POST", page_url, body, content_type=content_type)
    return client, response, before, files_before


@pytest.mark.parametrize("which", [0, 1], ids=["application", "council-signup"])
@FUZZ
@given(data=st.data())
def test_fuzzed_questions_never_give_a_500_or_save_an_application(forms, which, data):
    page = forms[which]
    body, content_type = data.draw(body_strategy(page))
    client, response, before, files_before = post_raw(page.url, body, content_type)
    assert response.status_code < 500
    assert_no_stray_rows(client, before, files_before)


SIGNUP_ANSWERS = {
    "council_name": ["Leeds City Council"],
    "contact_name": ["Sam Patel"],
    "contact_email": ["sam@example.org"],
    "roles_you_want_to_fill": ["Children's social workers"],
    "number_of_places_you_could_offer": ["3"],
    "privacy_consent": ["on"],
}
DRAFT_TOKEN = "the-drafts-own-token"  # noqa: S105 (a test value)


def client_with_complete_draft(page):
    """A visitor whose session holds complete sign-up answers, ready to confirm."""
    client = Client(raise_request_exception=False)
    session = client.session
    session[draft_key(page)] = {"data": SIGNUP_ANSWERS, "files": {}, "token": DRAFT_TOKEN}
    session.save()
    return client


def test_the_fuzzed_confirms_draft_is_complete_so_only_its_token_keeps_it_unsent(forms):
    client = client_with_complete_draft(forms[1])
    response = client.post(forms[1].url + "check/", {"token": DRAFT_TOKEN})
    assert response.status_code == 303
    assert Application.objects.filter(page=forms[1]).count() == 1


@FUZZ
@given(data=st.data())
def test_fuzzed_confirm_never_gives_a_500_or_saves_without_the_drafts_token(forms, data):
    page = forms[1]
    client = client_with_complete_draft(page)
    body, content_type = data.draw(body_strategy(page))
    if DRAFT_TOKEN.encode() in body:
        return
    before = counts()
    response = client.generic("POST", page.url + "check/", body, content_type=content_type)
    assert response.status_code < 500
    assert counts() == before


@FUZZ
@given(
    query=st.lists(st.tuples(st.sampled_from(["query", "page", "q", ""]), value), max_size=4), data=st.data()
)
def test_fuzzed_search_never_gives_a_500_and_a_post_saves_nothing(forms, query, data):
    from urllib.parse import urlencode

    client = Client(raise_request_exception=False)
    url = "/search/?" + urlencode([(name, text.encode("utf-8", "replace")) for name, text in query])
    assert client.get(url).status_code < 500
    body, content_type = data.draw(body_strategy(forms[0]))
    before = counts()
    assert client.generic("POST", "/search/", body, content_type=content_type).status_code < 500
    assert counts() == before
