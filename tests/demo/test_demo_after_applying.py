"""The demo's plans, status wordings and talent pool: there on a fresh load, added once to older demos."""

import pytest

from demo.loader import load
from forms.models import ApplicationFormPage, PlanTemplateItem, PoolProfile, StatusWording

pytestmark = pytest.mark.django_db


def social_work_form():
    return ApplicationFormPage.objects.get(slug="apply", title="Apply to Come Back to Social Work")


def test_demo_programmes_have_plan_templates_wordings_and_the_pool(demo_site):
    form = social_work_form()
    titles = list(form.plan_template_items.values_list("title", flat=True))
    assert titles[:3] == ["ReFresh week", "HCPC re-registration support", "13 weeks' training"]
    assert form.offer_talent_pool
    assert form.status_wordings.get(status="shortlisted").wording.startswith("We would like to invite you")
    assert (
        ApplicationFormPage.objects.filter(purpose="application", plan_template_items__isnull=False)
        .distinct()
        .count()
        == 3
    )


def test_demo_applicants_in_the_pool_have_limited_searchable_profiles(demo_site):
    profiles = PoolProfile.objects.searchable().select_related("application").prefetch_related("regions")
    by_programme = {}
    for profile in profiles:
        by_programme.setdefault(profile.application.programme.slug, []).append(profile)
    assert sorted(by_programme) == ["come-back-to-social-work", "stem-recharge"]  # ICT has not opened
    social_work = by_programme["come-back-to-social-work"]
    assert {profile.application.applicant_name for profile in social_work} == {
        "Ben Okafor",
        "Catrin Jones",
        "Femi Adeyemi",
        "Grace Lin",
        "Hamid Rahimi",
    }
    assert all(profile.profession == "social-work" and profile.region_values for profile in social_work)
    assert list(PoolProfile.objects.searchable().in_region("south-west").for_profession("social-work")) == [
        next(profile for profile in social_work if profile.application.applicant_name == "Catrin Jones")
    ]


def test_loading_again_adds_nothing_twice(demo_site):
    counts = (PlanTemplateItem.objects.count(), StatusWording.objects.count(), PoolProfile.objects.count())
    load()
    assert (
        PlanTemplateItem.objects.count(),
        StatusWording.objects.count(),
        PoolProfile.objects.count(),
    ) == counts


def test_a_demo_loaded_before_plans_existed_gets_them_on_the_next_load(demo_site):
    PlanTemplateItem.objects.all().delete()
    StatusWording.objects.all().delete()
    PoolProfile.objects.all().delete()
    ApplicationFormPage.objects.update(offer_talent_pool=False)
    load()
    form = social_work_form()
    assert form.plan_template_items.count() == 4 and form.offer_talent_pool
    assert PoolProfile.objects.searchable().count() == 10
