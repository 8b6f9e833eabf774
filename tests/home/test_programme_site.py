"""A programme served as its own Site on its own host name, with its own logo, colours and footer."""

import pytest
from django.core.exceptions import ValidationError

from home.models import SiteSettings

pytestmark = pytest.mark.django_db


OWN_HOST = "socialwork.localhost:8000"
MAIN_HOST = "localhost"


def test_the_programmes_host_name_serves_the_programme_with_its_own_branding(client, programme_site):
    response = client.get("/", HTTP_HOST=OWN_HOST)
    html = response.content.decode()
    assert response.status_code == 200
    assert "<h1>Come Back to Social Work</h1>" in html
    assert 'alt="Come Back to Social Work"' in html and 'class="site-header__logo"' in html
    assert "run by the LGA with Frontline and councils" in html
    assert "&copy; Come Back to Social Work: LGA, Frontline and councils" in html
    assert '<link rel="stylesheet" href="/site-theme.css?v=4a2570f47738">' in html
    main = client.get("/", HTTP_HOST=MAIN_HOST).content.decode()
    assert "site-theme.css" not in main and "run by the LGA with Frontline" not in main
    assert '<a class="site-header__name" href="/">Return to Work</a>' in main


def test_each_host_gets_its_own_colours(client, programme_site):
    own = client.get("/site-theme.css", HTTP_HOST=OWN_HOST)
    assert own.status_code == 200 and own["Content-Type"].startswith("text/css")
    assert ".site-header { background: #4a2570; }" in own.content.decode()
    assert "#f47738" in own.content.decode()
    assert client.get("/site-theme.css", HTTP_HOST=MAIN_HOST).content.decode().strip() == ""


def test_the_programmes_form_is_served_on_its_host_name_too(client, programme_site):
    response = client.get("/apply/", HTTP_HOST=OWN_HOST)
    assert response.status_code == 200
    assert "Come Back to Social Work" in response.content.decode()
    assert client.get("/programmes/come-back-to-social-work/", HTTP_HOST=MAIN_HOST).status_code == 200


def test_the_page_cache_keeps_each_hosts_page_apart(client, programme_site):
    first = client.get("/", HTTP_HOST=MAIN_HOST)
    assert client.get("/", HTTP_HOST=MAIN_HOST)["X-Cache"] == "hit"
    own = client.get("/", HTTP_HOST=OWN_HOST)
    assert own["X-Cache"] == "miss"
    assert own.content != first.content and b"<h1>Come Back to Social Work</h1>" in own.content


@pytest.mark.parametrize(
    ("colour", "message"), [("#ffdd00", "hard to read"), ("blue", "six hexadecimal digits")]
)
def test_a_header_colour_white_text_cannot_be_read_on_is_refused(programme_site, colour, message):
    settings = SiteSettings.objects.filter(header_colour="").first()
    settings.header_colour = colour
    with pytest.raises(ValidationError, match=message):
        settings.full_clean()


@pytest.mark.parametrize(
    ("host", "form_path"),
    [(MAIN_HOST, "/programmes/come-back-to-social-work/apply/"), (OWN_HOST, "/apply/")],
)
def test_an_applicant_sends_the_form_on_the_host_they_came_to(client, programme_site, host, form_path):
    """Check your answers and save for later post to the host the applicant is on: the content
    security policy (form-action 'self') blocks a form posting to the programme's other host."""
    import datetime as dt

    from django.utils import timezone

    from forms.models import Application
    from tests.forms.test_demo_forms import social_work_answers

    answers = social_work_answers(timezone.localdate() - dt.timedelta(days=3 * 365))
    for step in ("eligibility", "step-1", "step-2", "step-3"):
        answers["your_cv"].seek(0)
        assert client.post(f"{form_path}{step}/", answers, HTTP_HOST=host).status_code == 303, step
    check = client.get(f"{form_path}check/", HTTP_HOST=host)
    assert f'<form action="{form_path}check/" method="post"' in check.content.decode()
    save = client.get(f"{form_path}save/", HTTP_HOST=host).content.decode()
    assert f'<form action="{form_path}save/" method="post"' in save
    sent = client.post(f"{form_path}check/", {"token": check.context["draft_token"]}, HTTP_HOST=host)
    assert sent.status_code == 303
    assert Application.objects.filter(applicant_email="amira@example.org").exists()


def test_the_save_for_later_email_has_one_working_link_to_the_form(client, programme_site):
    """With two Sites, ``page.url`` is a whole address: the resume link once put it after the base URL."""
    import datetime as dt
    import re

    from django.core import mail
    from django.utils import timezone

    from tests.forms.test_demo_forms import social_work_answers

    answers = social_work_answers(timezone.localdate() - dt.timedelta(days=3 * 365))
    form_path = "/programmes/come-back-to-social-work/apply/"
    client.post(f"{form_path}eligibility/", answers, HTTP_HOST=MAIN_HOST)
    client.post(f"{form_path}step-1/", {**answers, "action": "save"}, HTTP_HOST=MAIN_HOST)
    client.post(f"{form_path}save/", {"email": "amira@example.org"}, HTTP_HOST=MAIN_HOST)
    (link,) = re.findall(r"\S*/resume/\?link=\S+", mail.outbox[-1].body)
    assert link.count("://") == 1
    host, path = link.split("://", 1)[1].split("/", 1)
    assert client.get("/" + path, HTTP_HOST=host).status_code == 303
