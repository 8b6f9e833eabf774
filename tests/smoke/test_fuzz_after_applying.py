"""Bounded fuzzing of the POSTs after applying: Your applications, job alerts, the recruiter area
and the candidate's answer to an interest.

Random field names and values, sizes, character encodings and multipart shapes, sent as the
person who can reach each page (and as nobody signed in), never give a 500. A POST that is
not a success redirect changes nothing: no contact detail, plan item, pool profile, interest,
alert subscription or password, and no email. A form page that answers 200 shows its error
summary. Each example starts from the fixtures' state (``each_example`` rolls back what a
valid example changed), so every example reaches the form and Hypothesis can replay one.
"""

import contextlib
import datetime as dt
from dataclasses import dataclass
from urllib.parse import quote

import pytest
from django.contrib.auth import get_user_model
from django.core import mail
from django.db import transaction
from django.test import Client
from django.utils import timezone
from hypothesis import event, given, settings
from hypothesis import strategies as st

from forms import alerts, links, plans
from forms.models import AlertSubscription, Application, PlanItem, PlanTemplateItem, PoolProfile, PoolRegion
from recruiters.invitations import set_password_path
from recruiters.models import Interest, InterestState, Recruiter
from tests.forms.applicants.conftest import AMIRA, BOB, made, sign_in, site  # noqa: F401 - fixtures used here
from tests.recruiters.conftest import PASSWORD, pool, recruiters  # noqa: F401 - fixtures used here
from tests.smoke.test_fuzz_public_posts import (
    CHARSETS,
    ODD_FILENAMES,
    ODD_NAMES,
    multipart_of,
    text,
    urlencoded,
    value,
)
from tests.smoke.test_fuzz_public_posts import FUZZ as PUBLIC_FUZZ

pytestmark = pytest.mark.django_db

# The public POSTs' settings, with fewer examples: this module has more endpoints to fuzz.
FUZZ = settings(PUBLIC_FUZZ, max_examples=20)
FEW = settings(FUZZ, max_examples=10)
HOME = "/your-applications/"
AMIRAS = HOME + "CBSW-AAAA-1111/"


@pytest.fixture
def world(settings, site, made, recruiters, pool):  # noqa: F811 - the fixtures imported above
    """Amira's application with an open plan, in the pool with an interest waiting for her
    answer; Bob's profile with an interest he shared; Amira's alert; an unused invitation."""
    settings.APPLICATION_RATE_LIMIT = settings.APPLICATION_RATE_LIMIT_PER_ADDRESS = 1_000_000
    settings.ALERT_RATE_LIMIT_PER_ADDRESS = 1_000_000
    PlanTemplateItem.objects.create(page=site["form"], sort_order=0, title="ReFresh week")
    plans.copy_template(made["amira"])  # as when she first opened her plan
    acme, leeds = recruiters["b"], recruiters["a"]
    waiting = Interest.objects.create(
        organisation=acme.organisation, profile=pool["amira"], recruiter=acme.user, message="A role in Leeds."
    )
    shared = Interest.objects.create(
        organisation=leeds.organisation,
        profile=pool["bob"],
        recruiter=leeds.user,
        message="A role in London.",
        state=InterestState.SHARED,
        answered_at=timezone.now(),
    )
    subscription = AlertSubscription.objects.create(email=AMIRA, confirmed_at=timezone.now())
    invited = get_user_model().objects.create_user("new@leeds.example.org", "new@leeds.example.org")
    Recruiter.objects.create(user=invited, organisation=leeds.organisation)
    return {
        "plan_item": PlanItem.objects.get(application=made["amira"]),
        "waiting": waiting,
        "shared": shared,
        "pool": pool,
        "recruiters": recruiters,
        "social_work": site["social_work"],
        "unsubscribe": alerts.token_for(links.LinkPurpose.UNSUBSCRIBE, subscription),
        "set_password": set_password_path(invited),
    }


def rows():
    """Everything a POST after applying could write, and the emails sent.

    Not what every request may write by design: the audit of a recruiter viewing a profile or
    contact details, the rate limits' counts and django-axes' count of failed sign-ins.
    """
    return {
        "applications": list(
            Application.objects.order_by("pk").values("pk", "status", "applicant_email", "form_data")
        ),
        "plan items": list(PlanItem.objects.order_by("pk").values()),
        "pool profiles": list(PoolProfile.objects.order_by("pk").values()),
        "pool regions": list(PoolRegion.objects.order_by("pk").values()),
        "interests": list(Interest.objects.order_by("pk").values()),
        "alerts": list(AlertSubscription.objects.order_by("pk").values()),
        "users": list(get_user_model().objects.order_by("pk").values("pk", "password", "last_login")),
        "emails": len(mail.outbox),
    }


@contextlib.contextmanager
def each_example():
    """Rolls back what the example changed, so the next one starts from the fixtures' state."""
    with transaction.atomic():
        yield
        transaction.set_rollback(True)


def client_of(who, world):
    """A fresh browser: signed in as Amira or Bob by a link, as Leeds's or Acme's recruiter, or nobody."""
    client = Client(raise_request_exception=False)
    if who in (AMIRA, BOB):
        sign_in(client, who)
    elif who in ("leeds", "acme"):
        client.force_login(world["recruiters"]["a" if who == "leeds" else "b"].user)
    return client


def fields_strategy(good):
    """(name, value) pairs: the form's own names with good or random values, odd names, random ones."""
    known = [(name, answer) for name, answers in good.items() for answer in answers]
    names = st.one_of(st.sampled_from([*good, *ODD_NAMES]), text)
    return st.lists(st.one_of(st.sampled_from(known), st.tuples(names, value)), max_size=15)


def multipart_strategy(good):
    part = st.tuples(
        st.one_of(st.none(), st.sampled_from([*good, ""]), text),
        st.one_of(st.none(), st.none(), st.sampled_from(ODD_FILENAMES)),
        st.one_of(st.none(), st.sampled_from(["text/plain; charset=latin-1", "application/pdf", "x/\x7f"])),
        st.one_of(
            st.binary(max_size=2048),
            st.sampled_from([answer.encode() for answers in good.values() for answer in answers] or [b""]),
        ),
    )
    return multipart_of(part)


def one_answer_off(good):
    """The form answered well (each question's first good answer) but for one random answer."""
    answers = {name: choices[0] for name, choices in good.items()}
    return st.builds(
        lambda name, other: list({**answers, name: other}.items()), st.sampled_from(list(good)), value
    )


def body_strategy(good):
    """A raw POST body and its content type: urlencoded in any charset, multipart of any shape, or junk."""
    return st.one_of(
        st.builds(urlencoded, one_answer_off(good), st.just("utf-8")),
        st.builds(urlencoded, fields_strategy(good), st.sampled_from(CHARSETS)),
        multipart_strategy(good),
        st.tuples(st.binary(max_size=2048), st.sampled_from(["application/json", "text/plain", "", "x"])),
    )


@dataclass
class Form:
    """A form's POST: who sends it, where, and its fields with some good and bad answers."""

    name: str
    who: object
    path: object  # world -> the form's path
    good: object  # {field: answers}, or world -> that
    prepare: object = None  # world -> None, run before the POST

    def __str__(self):
        return self.name


def plan_item_fields(world):
    prefix = f"item-{world['plan_item'].pk}"
    return {
        f"{prefix}-status": ["doing", "done", "to-do", "nope"],
        f"{prefix}-applicant_notes": ["Booked for May.", "x" * 2001],
    }


def alert_fields(world):
    return {"email": EMAILS, "programme": ["all", "0", "x", str(world["social_work"].pk)]}


POOL_FIELDS = {
    "regions": ["yorkshire", "london", "england", "atlantis"],
    "years_of_experience": ["12", "-1", "61", "twelve"],
    "skills_summary": ["Child protection.", "x" * 1001],
    "availability": ["now", "one-month", "soon"],
    "availability_note": ["School hours", "x" * 201],
    "consent": ["on", ""],
}
EMAILS = ["amira.new@example.org", AMIRA, "not an address", "a@b", f"{'x' * 250}@example.org"]
PASSWORDS = ["a brand new passphrase 42", "password", "1", PASSWORD]


def amiras_profile(world):
    return PoolProfile.objects.filter(pk=world["pool"]["amira"].pk)


def out_of_the_pool(world):
    amiras_profile(world).update(withdrawn_at=timezone.now())


FORMS = [
    Form("sign-in request", None, lambda world: HOME, {"email": [AMIRA, *EMAILS]}),
    Form(
        "change phone",
        AMIRA,
        lambda world: HOME + "change-phone/",
        {"phone": ["01632 960 002", "1", "+4 ()"]},
    ),
    Form("change email", AMIRA, lambda world: HOME + "change-email/", {"email": EMAILS}),
    Form("plan item", AMIRA, lambda world: f"{AMIRAS}plan/{world['plan_item'].pk}/", plan_item_fields),
    Form("pool profile", AMIRA, lambda world: AMIRAS + "talent-pool/", POOL_FIELDS),
    Form("pool joining", AMIRA, lambda world: AMIRAS + "talent-pool/", POOL_FIELDS, out_of_the_pool),
    Form("alert", None, lambda world: "/alerts/", alert_fields),
    Form(
        "recruiter sign-in",
        None,
        lambda world: "/recruiters/sign-in/",
        {
            "username": ["recruiter@leeds.example.org", "nobody@example.org", f"{'x' * 300}@example.org"],
            "password": [PASSWORD, "wrong", ""],
            "next": ["/recruiters/interests/", "//evil.example"],
        },
    ),
    Form(
        "set password",
        None,
        lambda world: world["set_password"],
        {"new_password1": PASSWORDS, "new_password2": PASSWORDS},
    ),
    Form(
        "interest",
        "leeds",
        lambda world: f"/recruiters/candidates/{world['pool']['amira'].pk}/",
        {"message": ["We have a role in Leeds.", "x" * 2001, " "]},
    ),
    Form(
        "outcome",
        "leeds",
        lambda world: f"/recruiters/interests/{world['shared'].pk}/",
        {"outcome": ["hired", "interviewed", "not-taken-forward", "", "fired"]},
    ),
]


def test_each_fuzzed_forms_good_answers_are_accepted(world):
    """So the fuzzing reaches each form (not a sign-in page or a broken link)."""
    for form in FORMS:
        good = form.good(world) if callable(form.good) else form.good
        with each_example():
            if form.prepare:
                form.prepare(world)
            client, before = client_of(form.who, world), rows()
            response = client.post(form.path(world), {name: choices[0] for name, choices in good.items()})
            assert response.status_code in (302, 303), form
            assert rows() != before, form


@pytest.mark.parametrize("form", FORMS, ids=str)
@FUZZ
@given(data=st.data())
def test_fuzzed_forms_never_give_a_500_or_change_anything_unless_they_redirect(world, form, data):
    good = form.good(world) if callable(form.good) else form.good
    body, content_type = data.draw(body_strategy(good))
    with each_example():
        if form.prepare:
            form.prepare(world)
        client = client_of(form.who, world)
        before = rows()
        response = client.generic("POST", form.path(world), body, content_type=content_type)
        event(f"{form}: {response.status_code}")
        assert response.status_code < 500
        if response.status_code in (302, 303):
            return  # a valid POST: it does what it says (the tests beside each view check what)
        assert rows() == before
        if response.status_code == 200:
            html = response.content.decode()
            assert 'class="error-summary"' in html and "<title>Error:" in html


@dataclass
class Action:
    """A POST whose button is the whole form: whatever else it carries, it does ``done`` and redirects."""

    name: str
    path: object  # world -> the button's path
    done: object  # world -> whether it was done
    prepare: object = None

    def __str__(self):
        return self.name


def interest_in(state):
    return lambda world: Interest.objects.get(pk=world["waiting"].pk).state == state


def consent_ending_soon(world):
    amiras_profile(world).update(consent_expires_at=timezone.now() + dt.timedelta(days=3))


ACTIONS = [
    Action(
        "withdraw",
        lambda world: AMIRAS + "withdraw/",
        lambda world: Application.objects.get(reference="CBSW-AAAA-1111").status == "withdrawn",
    ),
    Action(
        "renew",
        lambda world: AMIRAS + "talent-pool/renew/",
        lambda world: (
            amiras_profile(world).get().consent_expires_at > timezone.now() + dt.timedelta(days=150)
        ),
        consent_ending_soon,
    ),
    Action(
        "leave",
        lambda world: AMIRAS + "talent-pool/leave/",
        lambda world: amiras_profile(world).get().withdrawn_at is not None,
    ),
    Action(
        "share",
        lambda world: f"{AMIRAS}interests/{world['waiting'].pk}/share/",
        interest_in(InterestState.SHARED),
    ),
    Action(
        "decline",
        lambda world: f"{AMIRAS}interests/{world['waiting'].pk}/decline/",
        interest_in(InterestState.DECLINED),
    ),
]


@pytest.mark.parametrize("action", ACTIONS, ids=str)
@FEW
@given(data=st.data())
def test_fuzzed_buttons_never_give_a_500_and_do_only_what_they_say(world, action, data):
    body, content_type = data.draw(body_strategy({"confirm": ["yes"], "state": ["shared"]}))
    with each_example():
        if action.prepare:
            action.prepare(world)
        client = client_of(AMIRA, world)
        response = client.generic("POST", action.path(world), body, content_type=content_type)
        assert response.status_code == 303
        assert action.done(world)


def tampered(token):
    """Another token: random text, or the token with one character changed, cut or lengthened."""
    changed = st.builds(
        lambda at, char: token[:at] + char + token[at + 1 :],
        st.integers(min_value=0, max_value=len(token) - 1),
        st.characters(blacklist_categories=("Cs",)),
    )
    return st.one_of(text, changed, st.just(token[:-1]), st.just(token + "A")).filter(
        lambda other: other != token
    )


@FUZZ
@given(data=st.data())
def test_fuzzed_unsubscribes_never_give_a_500_and_only_the_links_token_unsubscribes(world, data):
    token = data.draw(st.one_of(st.just(world["unsubscribe"]), tampered(world["unsubscribe"])))
    body, content_type = data.draw(body_strategy({"List-Unsubscribe": ["One-Click"]}))
    with each_example():
        before = rows()
        response = Client(raise_request_exception=False).generic(
            "POST", f"/alerts/unsubscribe/{quote(token, safe='')}/", body, content_type=content_type
        )
        assert response.status_code < 500
        if token == world["unsubscribe"]:
            assert response.status_code == 200 and not AlertSubscription.objects.exists()
        else:
            assert rows() == before


#: Bob's reference, Amira's council sign-up (not an application) and references no application has.
OTHER_REFERENCES = [
    "CBSW-BBBB-3333",
    "CCBSW-CCCC-4444",
    "CBSW-AAAA-1111\x00",
    "\x00",
    "cbsw-aaaa-1111",
    "x" * 300,
]
NO_SUCH_ID = st.integers(min_value=10**6, max_value=10**30)


def paths_closed_to(who, world):
    """A strategy of paths whose POSTs ``who`` may not make (or that have no form): each changes nothing."""
    waiting, shared, item = world["waiting"].pk, world["shared"].pk, world["plan_item"].pk
    amiras = [
        f"{AMIRAS}withdraw/",
        f"{AMIRAS}plan/{item}/",
        f"{AMIRAS}talent-pool/",
        f"{AMIRAS}talent-pool/renew/",
        f"{AMIRAS}talent-pool/leave/",
        f"{AMIRAS}interests/{waiting}/share/",
        f"{AMIRAS}interests/{waiting}/decline/",
    ]
    # Leeds's candidate page for Amira, and Leeds's interest in Bob.
    leeds = [f"/recruiters/candidates/{world['pool']['amira'].pk}/", f"/recruiters/interests/{shared}/"]
    if who is None:
        invitation = world["set_password"].rstrip("/").rsplit("/", 1)
        links = st.builds(lambda token: f"{invitation[0]}/{quote(token, safe='')}/", tampered(invitation[1]))
        paths = [*amiras, HOME + "change-phone/", HOME + "change-email/", *leeds]
        return st.one_of(st.sampled_from(paths), links)
    if who == BOB:
        return st.sampled_from([*amiras, *leeds])
    if who == "acme":  # its own interest in Amira is there already; Leeds's interest in Bob is not its own
        unknown = st.builds(
            "/recruiters/{}/{}/".format, st.sampled_from(["candidates", "interests"]), NO_SUCH_ID
        )
        return st.one_of(st.sampled_from([*amiras, *leeds]), unknown)
    references = st.one_of(st.sampled_from(OTHER_REFERENCES), text).filter(
        lambda ref: ref != "CBSW-AAAA-1111"
    )
    elsewhere = st.builds(
        lambda reference, rest: HOME + quote(reference, safe="") + rest[len(AMIRAS) - 1 :],
        references,
        st.sampled_from(amiras),
    )
    unknown = st.builds(
        lambda what, number: f"{AMIRAS}{what.format(number)}",
        st.sampled_from(["plan/{}/", "interests/{}/share/", "interests/{}/decline/", "files/{}/"]),
        NO_SUCH_ID,
    )
    not_hers = [f"{AMIRAS}interests/{shared}/share/", f"{AMIRAS}plan/"]  # Bob's interest; a page with no form
    return st.one_of(elsewhere, unknown, st.sampled_from(not_hers))


@pytest.mark.parametrize(
    "who",
    [None, BOB, "acme", AMIRA],
    ids=["nobody", "another applicant", "another organisation", "elsewhere"],
)
@FUZZ
@given(data=st.data())
def test_fuzzed_posts_where_the_sender_may_not_post_never_give_a_500_or_change_anything(world, who, data):
    path = data.draw(paths_closed_to(who, world))
    body, content_type = data.draw(
        body_strategy({"message": ["Hello"], "outcome": ["hired"], "regions": ["london"]})
    )
    with each_example():
        client = client_of(who, world)
        before = rows()
        response = client.generic("POST", path, body, content_type=content_type)
        event(f"{who}: {response.status_code}")
        assert response.status_code < 500
        assert rows() == before
