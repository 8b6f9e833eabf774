"""Each programme permission rule, with two programmes and two reviewer groups."""

import pytest
from django.contrib.auth.models import Group, Permission
from django.urls import reverse
from django.utils import timezone

from forms.models import ApplicationFormField
from reviews.models import ProgrammeAccess

from .conftest import attach_cv, denied, listed, make_group, make_user

pytestmark = pytest.mark.django_db

LIST = "/admin/applications/"
SIGNUPS = "/admin/council-sign-ups/"


def inspect_url(application, base="applications"):
    return f"/admin/{base}/inspect/{application.pk}/"


def test_reviewer_lists_only_their_programmes_applications(client, reviewer_a, apps):
    client.force_login(reviewer_a)
    page = client.get(LIST).content.decode()
    assert "CBSW-0001" in page and "CBSW-0002" in page
    assert "STEM-0001" not in page
    assert "Rosalind" not in page


def test_other_reviewer_sees_none_of_the_first_programme(client, reviewer_b, apps):
    client.force_login(reviewer_b)
    page = client.get(LIST).content.decode()
    assert "STEM-0001" in page
    assert "CBSW-0001" not in page and "Ada Lovelace" not in page


def test_council_signups_are_listed_apart_from_applications(client, reviewer_a, apps):
    client.force_login(reviewer_a)
    assert "CBSW-C001" not in client.get(LIST).content.decode()
    signups = client.get(SIGNUPS).content.decode()
    assert "CBSW-C001" in signups and "CBSW-0001" not in signups


def test_search_finds_only_within_the_users_programmes(client, reviewer_a, apps):
    client.force_login(reviewer_a)
    assert listed(client.get(LIST, {"q": "Rosalind"})) == set()
    assert listed(client.get(LIST, {"q": "STEM-0001"})) == set()
    assert listed(client.get(LIST, {"q": "grace@example"})) == {"CBSW-0002"}
    assert listed(client.get(LIST, {"q": "cbsw-0001"})) == {"CBSW-0001"}
    assert listed(client.get(LIST, {"q": "Lovelace"})) == {"CBSW-0001"}


def test_programme_filter_offers_only_the_users_programmes(client, reviewer_a, site, apps):
    client.force_login(reviewer_a)
    page = client.get(LIST).content.decode()
    assert "Come Back to Social Work" in page
    assert "STEM ReCharge" not in page
    assert listed(client.get(LIST, {"programme": site["b"].pk})) == set()


def test_status_and_date_filters_narrow_the_listing(client, reviewer_a, apps):
    client.force_login(reviewer_a)
    assert listed(client.get(LIST, {"status__exact": "eligible"})) == {"CBSW-0002"}
    assert listed(client.get(LIST, {"eligibility__exact": "not-assessed"})) == {"CBSW-0001", "CBSW-0002"}
    day = timezone.localdate(apps["a1"].submit_time).isoformat()
    assert listed(client.get(LIST, {"submitted_from": day, "submitted_to": day})) == {"CBSW-0001"}
    assert listed(client.get(LIST, {"submitted_from": day})) == {"CBSW-0001", "CBSW-0002"}


def test_unknown_query_parameters_cannot_filter_on_hidden_data(client, reviewer_a, apps):
    """A lookup on equality answers through the URL is ignored, so it cannot be used as an oracle."""
    client.force_login(reviewer_a)
    probe = client.get(LIST, {"equality_monitoring__answers__icontains": "no-such-answer"})
    assert listed(probe) == {"CBSW-0001", "CBSW-0002"}


def test_inspecting_another_programmes_application_is_not_found(client, reviewer_a, apps):
    client.force_login(reviewer_a)
    assert client.get(inspect_url(apps["a1"])).status_code == 200
    assert client.get(inspect_url(apps["b1"])).status_code == 404


def test_council_signup_is_not_found_under_applications(client, reviewer_a, apps):
    client.force_login(reviewer_a)
    assert client.get(inspect_url(apps["s1"])).status_code == 404
    assert client.get(inspect_url(apps["s1"], "council-sign-ups")).status_code == 200


@pytest.mark.parametrize("granted", ["none", "permission-only", "programme-only"])
def test_user_without_both_grants_gets_no_listing_inspect_export_or_download(
    client, django_user_model, site, apps, granted
):
    codenames = ("view_application", "export_application") if granted == "permission-only" else ()
    programmes = [site["a"]] if granted == "programme-only" else []
    user = make_user(django_user_model, "outsider", make_group("Outsiders", programmes, codenames))
    cv = attach_cv(apps["a1"])
    client.force_login(user)
    assert denied(client.get(LIST))
    assert denied(client.get(LIST, {"export": "csv"}))
    assert client.get(inspect_url(apps["a1"])).status_code == 404
    assert client.get(reverse("application_file", args=[cv.pk])).status_code == 404


def test_reviewer_without_export_permission_cannot_export(client, django_user_model, site, apps):
    user = make_user(django_user_model, "reader", make_group("Readers", [site["a"]], ("view_application",)))
    client.force_login(user)
    assert client.get(LIST).status_code == 200
    assert denied(client.get(LIST, {"export": "csv"}))
    assert denied(client.get(LIST, {"export": "xlsx"}))


def test_cv_of_another_programme_is_not_found(client, reviewer_a, apps):
    cv_b = attach_cv(apps["b1"])
    client.force_login(reviewer_a)
    assert client.get(reverse("application_file", args=[cv_b.pk])).status_code == 404


def test_user_in_both_groups_sees_both_programmes(client, django_user_model, groups, apps):
    user = make_user(django_user_model, "both", groups["a"], groups["b"])
    client.force_login(user)
    page = client.get(LIST).content.decode()
    assert "CBSW-0001" in page and "STEM-0001" in page


def test_superuser_sees_every_programme(client, admin_user, apps):
    client.force_login(admin_user)
    page = client.get(LIST).content.decode()
    assert "CBSW-0001" in page and "STEM-0001" in page


def test_equality_answers_are_never_shown_to_reviewers(client, reviewer_a, apps):
    client.force_login(reviewer_a)
    assert "Secret-EQ-answer" not in client.get(LIST).content.decode()
    inspect = client.get(inspect_url(apps["a1"])).content.decode()
    assert "Secret-EQ-answer" not in inspect and "Equality monitoring" not in inspect
    export = b"".join(client.get(LIST, {"export": "csv"}).streaming_content).decode()
    assert "Secret-EQ-answer" not in export and "Equality" not in export


def test_equality_answers_shown_with_the_separate_permission(client, reviewer_a, groups, apps):
    groups["a"].permissions.add(Permission.objects.get(codename="view_equality_data"))
    client.force_login(reviewer_a)
    assert "Secret-EQ-answer" not in client.get(LIST).content.decode()
    assert "Secret-EQ-answer" in client.get(inspect_url(apps["a1"])).content.decode()
    export = b"".join(client.get(LIST, {"export": "csv"}).streaming_content).decode()
    assert "Secret-EQ-answer" in export


def test_group_page_grants_programmes_through_the_programme_access_panel(client, admin_user, site):
    client.force_login(admin_user)
    group = Group.objects.create(name="STEM ReCharge reviewers")
    page = client.get(reverse("wagtailusers_groups:edit", args=[group.pk])).content.decode()
    assert "Programme access" in page
    response = client.post(
        reverse("wagtailusers_groups:edit", args=[group.pk]),
        {
            "name": group.name,
            **{
                f"{kind}_permissions-{name}": "0"
                for kind in ("page", "document", "image", "collection")
                for name in ("TOTAL_FORMS", "INITIAL_FORMS")
            },
            "programme_access-programmes": [site["b"].pk],
        },
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    assert list(ProgrammeAccess.objects.filter(group=group).values_list("programme_id", flat=True)) == [
        site["b"].pk
    ]


def test_wagtail_forms_listing_shows_only_the_users_programmes_forms(client, reviewer_a, site, apps):
    from wagtail.contrib.forms.utils import get_forms_for_user
    from wagtail.models import GroupPagePermission

    GroupPagePermission.objects.create(
        group=reviewer_a.groups.get(), page=site["a"].get_parent(), permission_type="change"
    )
    pages = set(get_forms_for_user(reviewer_a).values_list("pk", flat=True))
    assert site["form_a"].pk in pages
    assert site["form_b"].pk not in pages


def test_empty_filter_values_mean_all(client, reviewer_a, apps):
    client.force_login(reviewer_a)
    params = {
        "q": "",
        "programme": "",
        "form": "",
        "status__exact": "",
        "eligibility__exact": "",
        "submitted_from": "",
    }
    assert listed(client.get(LIST, params)) == {"CBSW-0001", "CBSW-0002"}


def test_listing_sorts_by_a_column_both_ways(client, reviewer_a, apps):
    client.force_login(reviewer_a)
    html = client.get(LIST, {"o": "1"}).content.decode()
    assert html.index("Select CBSW-0001") < html.index("Select CBSW-0002")
    html = client.get(LIST, {"o": "-1"}).content.decode()
    assert html.index("Select CBSW-0002") < html.index("Select CBSW-0001")
    assert 'aria-sort="descending"' in html


def test_listing_paginates(client, reviewer_a, site, apps):
    from .conftest import make_application

    for number in range(60):
        make_application(site["form_a"], site["a"], reference=f"CBSW-P{number:03d}")
    client.force_login(reviewer_a)
    first, second = listed(client.get(LIST)), listed(client.get(LIST, {"p": 2}))
    assert len(first) == 50 and len(second) == 12 and not first & second


def test_equality_questions_are_not_listed_as_empty_answers_for_reviewers(client, reviewer_a, site, apps):
    ApplicationFormField.objects.create(
        page=site["form_a"],
        label="What is your sexual orientation?",
        field_type="radio",
        choices="A, B",
        section="equality",
    )
    client.force_login(reviewer_a)
    inspect = client.get(inspect_url(apps["a1"])).content.decode()
    assert "What is your sexual orientation?" not in inspect
    export = b"".join(client.get(LIST, {"export": "csv"}).streaming_content).decode()
    assert "What is your sexual orientation?" not in export


def test_the_listing_counts_each_distinct_query_once(client, reviewer_a, apps):
    """Modeladmin counts the total, the filtered rows and (its paginator) the rows again."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client.force_login(reviewer_a)
    client.get(LIST)
    for params, counts in (({}, 1), ({"status__exact": "eligible"}, 2), ({"q": "Ada"}, 2)):
        with CaptureQueriesContext(connection) as captured:
            assert client.get(LIST, params).status_code == 200
        assert sum("COUNT(" in query["sql"] for query in captured.captured_queries) == counts, params
