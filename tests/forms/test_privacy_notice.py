"""The demo privacy notice states the retention, controller, basis and sharing the code acts on."""

import datetime as dt
from unittest import mock

from bs4 import BeautifulSoup
from django.core.cache import cache
from django.utils import timezone

from forms import personal_data, retention
from forms.models import Application, ApplicationFormPage
from home.models import SiteSettings


def notice(client):
    html = client.get("/privacy/").content.decode()
    return " ".join(BeautifulSoup(html, "html.parser").select_one("main").get_text(" ").split())


def stem_form():
    return ApplicationFormPage.objects.get(slug="apply", url_path__contains="stem-recharge")


def test_the_notice_states_each_forms_retention_and_follows_an_editors_change(client, demo_site):
    text = notice(client)
    assert "STEM ReCharge, applications (with their files, notes and status history): 6 months after" in text
    assert "24 hours after your last change" in text
    assert "An application you saved to come back to later" in text and "until the form closes" in text
    form = stem_form()
    form.retention_months = 0
    form.save_revision().publish()
    assert (
        "STEM ReCharge, applications (with their files, notes and status history): as soon as the form closes"
        in notice(client)
    )


def test_what_the_notice_says_is_what_the_purge_does(client, demo_site):
    """STEM closed five days ago: with retention 0 (as the notice then says) the purge deletes its
    finished applications now, and keeps those still in recruitment."""
    form = stem_form()
    form.retention_months = 0
    form.save_revision().publish()
    assert "as soon as the form closes" in notice(client)
    before = Application.objects.filter(page=form).count()
    run = retention.purge(now=timezone.now() + dt.timedelta(minutes=1))
    assert before > 0
    assert run.counts["applications"]["deleted"] + run.counts["applications"]["held"] == before
    assert Application.objects.filter(page=form).count() == run.counts["applications"]["held"]


def test_controller_and_lawful_basis_come_from_site_settings(client, demo_site):
    settings = SiteSettings.objects.get()
    settings.data_controller = "Leeds City Council"
    settings.lawful_basis = "Public task, for a test."
    settings.save()
    text = notice(client)
    assert "The data controller is Leeds City Council." in text
    assert "Public task, for a test." in text


def test_sharing_is_stated_from_the_registry(client, demo_site):
    text = notice(client)
    assert "Recruiters' interest in your talent pool profile: shared with the organisation that" in text
    assert "This website has no talent pool" not in text
    unshared = {name: kind for name, kind in personal_data._kinds.items() if not kind.shared_with}
    with mock.patch.dict(personal_data._kinds, unshared, clear=True):
        cache.clear()
        assert "This website has no talent pool" in notice(client)
    pool = personal_data.DataKind(
        name="pool_profiles",
        label="Talent pool profiles",
        model=Application,
        for_email=lambda email: Application.objects.none(),
        export=lambda rows: personal_data.Exported(),
        delete=lambda rows: personal_data.Deleted(),
        notice=lambda: ["Talent pool profiles: until you withdraw your consent."],
        shared_with="council employers searching the talent pool",
    )
    with mock.patch.dict(personal_data._kinds, {"pool_profiles": pool}):
        cache.clear()  # the page cache kept the notice as it was (the registry changes only on deploy)
        text = notice(client)
    assert "Talent pool profiles: shared with council employers searching the talent pool." in text
    assert "until you withdraw your consent" in text
    assert "This website has no talent pool" not in text


def test_the_notice_states_each_forms_plan_period_and_follows_an_editors_change(client, demo_site):
    stem = "STEM ReCharge, development plans (their items, your notes and reviewers' feedback): open for"
    kept = "your application is kept at least until its plan closes"
    assert f"{stem} 6 months after the form closes; {kept}" in notice(client)
    form = stem_form()
    form.plan_months = 9
    form.save_revision().publish()
    assert f"{stem} 9 months after the form closes" in notice(client)


def test_the_talent_pool_sentences_follow_whether_a_form_offers_it(client, demo_site):
    for form in ApplicationFormPage.objects.live():
        form.offer_talent_pool = form.pk == stem_form().pk
        form.save_revision().publish()
    text = notice(client)
    assert "Talent pool profiles: kept while you consent, for 6 months at a time" in text
    assert "The next purge after that deletes the profile" in text
    assert (
        "Talent pool profiles: shared with the councils and employers recruiting through the talent pool"
        in text
    )
    # Contact details do reach an organisation once the candidate shares them: the notice says so.
    assert "your name and contact details only go to an organisation whose interest you choose" in text
    assert "never your name" not in text
    form = stem_form()
    form.offer_talent_pool = False
    form.save_revision().publish()
    assert "Talent pool profiles: kept while you consent" not in notice(client)
