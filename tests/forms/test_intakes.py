"""Starting a programme's next intake: the current form copied as a draft, dates moved, counts afresh;
earlier intakes listed as past cohorts."""

import datetime as dt
import re
from zoneinfo import ZoneInfo

import pytest
import time_machine
from bs4 import BeautifulSoup
from django.contrib.auth.models import Group, Permission
from django.urls import reverse
from wagtail.models import GroupPagePermission

from campaigns.factories import CampaignPageFactory, ProgrammeIndexPageFactory
from forms.models import Application, ApplicationFormPage, ApplicationStatus, PlanTemplateItem, StatusWording
from tests.forms.conftest import make_form_page

UK = ZoneInfo("Europe/London")
NOW = dt.datetime(2027, 2, 1, 12, 0, tzinfo=UK)


def text_of(response):
    return " ".join(BeautifulSoup(response.content, "html.parser").get_text(" ").split())


@pytest.fixture
def programme(home_page):
    index = ProgrammeIndexPageFactory(parent=home_page, slug="programmes")
    campaign = CampaignPageFactory(parent=index, title="Back to planning", places=30)
    form_page = make_form_page(
        campaign,
        title="Apply to the 2027 intake",
        opens_at=dt.datetime(2026, 11, 20, 9, 0, tzinfo=UK),
        closes_at=dt.datetime(2027, 1, 15, 23, 59, tzinfo=UK),  # GMT; a year on, still GMT
        places=200,
    )
    PlanTemplateItem.objects.create(page=form_page, title="ReFresh week", sort_order=0)
    StatusWording.objects.create(page=form_page, status=ApplicationStatus.SHORTLISTED, wording="Interview!")
    for number, status in enumerate([ApplicationStatus.OFFERED, ApplicationStatus.RECEIVED]):
        Application.objects.create(
            page=form_page, programme=campaign, reference=f"PLAN-{number}", form_data={}, status=status
        )
    return campaign, form_page


def url_of(campaign):
    return reverse("application_forms_start_intake", args=[campaign.pk])


def start(client, campaign, **data):
    return client.post(url_of(campaign), {"title": "Apply to the 2028 intake", "months": "12", **data})


@pytest.mark.django_db
def test_an_editor_starts_a_new_intake_as_a_draft_copy_with_its_dates_moved(admin_client, programme):
    campaign, old = programme
    form = BeautifulSoup(admin_client.get(url_of(campaign)).content, "html.parser")
    assert form.select_one("input[name=title]")["value"] == "Apply to the 2027 intake (next intake)"
    response = start(admin_client, campaign)
    new = ApplicationFormPage.objects.child_of(campaign).exclude(pk=old.pk).get()
    assert response.status_code == 302 and response.url == reverse("wagtailadmin_pages:edit", args=[new.pk])
    assert not new.live and new.title == "Apply to the 2028 intake"
    assert new.opens_at == dt.datetime(2027, 11, 20, 9, 0, tzinfo=UK)
    assert new.closes_at == dt.datetime(2028, 1, 15, 23, 59, tzinfo=UK)
    assert [f.label for f in new.form_fields.all()] == [f.label for f in old.form_fields.all()]
    assert list(new.plan_template_items.values_list("title", flat=True)) == ["ReFresh week"]
    assert list(new.status_wordings.values_list("wording", flat=True)) == ["Interview!"]
    assert (new.places, new.to_address, new.subject) == (old.places, old.to_address, old.subject)
    assert (
        new.count_places_taken() == 0 and not Application.objects.filling_places().filter(page=new).exists()
    )
    assert old.form_fields.count() == 3 and Application.objects.filter(page=old).count() == 2


@pytest.mark.django_db
def test_once_published_the_new_intake_shows_with_fresh_places_and_the_old_one_as_a_past_cohort(
    admin_client, client, programme
):
    campaign, old = programme
    start(admin_client, campaign)
    new = ApplicationFormPage.objects.child_of(campaign).exclude(pk=old.pk).get()
    with time_machine.travel(NOW, tick=False):
        before = text_of(client.get(campaign.url))
        assert "30 places: 29 left" in before  # one offer on the 2027 intake
        new.save_revision().publish()
        after = text_of(client.get(campaign.url))
    assert "Opening soon Applications open on 20 November 2027 at 9am" in after
    assert "Applications open 20 November 2027 at 9am" in after  # the key dates follow the new form
    # "N left" is how the page counts places left; the factory's random text may hold the word itself.
    assert "30 places." in after and not re.search(r"\d+ left", after)
    assert "Past cohorts Apply to the 2027 intake : applications closed on 15 January 2027" in after


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"months": "0"}, "Ensure this value is greater than or equal to 1."),
        ({"months": "61"}, "Ensure this value is less than or equal to 60."),
        ({"months": "twelve"}, "Enter a whole number."),
        ({"title": ""}, "This field is required."),
    ],
)
def test_bad_input_is_refused_with_a_message_and_copies_nothing(admin_client, programme, data, message):
    campaign, _ = programme
    response = start(admin_client, campaign, **data)
    assert response.status_code == 200
    assert message in text_of(response)
    assert ApplicationFormPage.objects.child_of(campaign).count() == 1


@pytest.mark.django_db
def test_a_programme_without_a_form_says_so_and_an_unknown_programme_is_not_found(admin_client, home_page):
    campaign = CampaignPageFactory(parent=ProgrammeIndexPageFactory(parent=home_page), title="Back to law")
    response = admin_client.get(url_of(campaign))
    assert response.status_code == 200
    assert "Back to law has no application form to copy." in text_of(response)
    assert start(admin_client, campaign).status_code == 200
    assert not ApplicationFormPage.objects.exists()
    assert admin_client.get(reverse("application_forms_start_intake", args=[999999])).status_code == 404


@pytest.mark.django_db
def test_only_editors_who_may_add_pages_below_the_programme_see_the_button_and_the_view(
    admin_client, client, django_user_model, programme
):
    campaign, _ = programme
    edit_url = reverse("wagtailadmin_pages:edit", args=[campaign.pk])
    assert url_of(campaign) in admin_client.get(edit_url).content.decode()
    group = Group.objects.create(name="Edit only")
    group.permissions.add(Permission.objects.get(codename="access_admin"))
    GroupPagePermission.objects.create(
        group=group, page=campaign, permission=Permission.objects.get(codename="change_page")
    )
    user = django_user_model.objects.create_user("editor", password="x")
    user.groups.add(group)
    client.force_login(user)
    assert url_of(campaign) not in client.get(edit_url).content.decode()
    # Wagtail's admin answers a refused permission with its home page and a message.
    refused = client.get(url_of(campaign), follow=True)
    assert refused.redirect_chain == [("/admin/", 302)]
    assert "Sorry, you do not have permission to access this area." in text_of(refused)
    assert start(client, campaign).url == "/admin/"
    assert ApplicationFormPage.objects.child_of(campaign).count() == 1
