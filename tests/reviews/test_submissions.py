"""The form page's own submissions links, and bulk deletes given another form's ids (CVE-2026-44199)."""

import pytest
from django.contrib.auth.models import Permission
from django.test import RequestFactory
from django.urls import reverse
from wagtail.contrib.forms.views import DeleteSubmissionsView
from wagtail.models import GroupPagePermission

from forms.models import Application

from .conftest import make_user

pytestmark = pytest.mark.django_db


def test_form_page_submissions_link_opens_our_listing_for_that_form(client, reviewer_a, site, apps):
    client.force_login(reviewer_a)
    url = reverse("wagtailforms:list_submissions", args=[site["form_a"].pk])
    response = client.get(url)
    assert response.status_code == 302
    assert response["Location"] == f"/admin/applications/?form={site['form_a'].pk}"
    html = client.get(response["Location"]).content.decode()
    assert "CBSW-0001" in html and "CBSW-0002" in html


def test_council_signup_form_link_opens_the_signups_listing(client, reviewer_a, site, apps):
    client.force_login(reviewer_a)
    response = client.get(reverse("wagtailforms:list_submissions", args=[site["signup_a"].pk]))
    assert response["Location"] == f"/admin/council-sign-ups/?form={site['signup_a'].pk}"


def test_form_filter_for_another_programmes_form_lists_nothing(client, reviewer_a, site, apps):
    client.force_login(reviewer_a)
    html = client.get("/admin/applications/", {"form": site["form_b"].pk}).content.decode()
    assert "STEM-0001" not in html.split("<tbody>")[-1]


@pytest.fixture
def deleter(django_user_model, groups):
    groups["a"].permissions.add(Permission.objects.get(codename="delete_application"))
    return make_user(django_user_model, "deleter", groups["a"])


def test_our_delete_view_ignores_ids_of_another_form_page(client, deleter, site, apps):
    client.force_login(deleter)
    url = reverse("wagtailforms:delete_submissions", args=[site["form_a"].pk])
    ids = [apps["a1"].pk, apps["s1"].pk, apps["b1"].pk]
    query = "&".join(f"selected-submissions={pk}" for pk in ids)
    confirm = client.get(f"{url}?{query}").content.decode()
    assert "CBSW-0001" in confirm and "STEM-0001" not in confirm and "CBSW-C001" not in confirm
    response = client.post(f"{url}?{query}")
    assert response.status_code == 302
    assert not Application.objects.filter(pk=apps["a1"].pk).exists()
    assert Application.objects.filter(pk__in=[apps["s1"].pk, apps["b1"].pk, apps["a2"].pk]).count() == 3


def test_our_delete_view_deletes_nothing_without_delete_permission(client, reviewer_a, site, apps):
    client.force_login(reviewer_a)
    url = reverse("wagtailforms:delete_submissions", args=[site["form_a"].pk])
    client.post(f"{url}?selected-submissions={apps['a1'].pk}")
    assert Application.objects.filter(pk=apps["a1"].pk).exists()


def test_our_delete_view_on_another_programmes_form_deletes_nothing(client, deleter, site, apps):
    client.force_login(deleter)
    url = reverse("wagtailforms:delete_submissions", args=[site["form_b"].pk])
    client.post(f"{url}?selected-submissions={apps['b1'].pk}")
    assert Application.objects.filter(pk=apps["b1"].pk).exists()


def test_wagtails_own_delete_view_keeps_another_pages_rows(admin_user, site, apps):
    """Wagtail's built-in view (shadowed by ours in the URLs) scopes ids to its page in 8.0.1."""
    factory = RequestFactory()
    ids = [apps["a1"].pk, apps["b1"].pk, apps["s1"].pk]
    request = factory.post(
        f"/admin/forms/submissions/{site['form_a'].pk}/delete/?"
        + "&".join(f"selected-submissions={pk}" for pk in ids)
    )
    request.user = admin_user
    request._messages = type("Messages", (), {"add": lambda *args, **kwargs: None})()
    response = DeleteSubmissionsView.as_view()(request, page_id=site["form_a"].pk)
    assert response.status_code == 302
    assert not Application.objects.filter(pk=apps["a1"].pk).exists()
    assert Application.objects.filter(pk__in=[apps["b1"].pk, apps["s1"].pk]).count() == 2


def test_page_editor_without_programme_access_cannot_use_wagtails_delete(
    client, django_user_model, site, apps
):
    """Page editing rights alone no longer reach the submissions: the forms hook filters them out."""
    from django.contrib.auth.models import Group

    editors = Group.objects.create(name="Page editors (no programme)")
    editors.permissions.add(Permission.objects.get(codename="access_admin"))
    GroupPagePermission.objects.create(group=editors, page=site["a"], permission_type="change")
    editor = make_user(django_user_model, "editor", editors)
    client.force_login(editor)
    url = reverse("wagtailforms:delete_submissions", args=[site["form_a"].pk])
    client.post(f"{url}?selected-submissions={apps['a1'].pk}")
    assert Application.objects.filter(pk=apps["a1"].pk).exists()
    assert client.get(reverse("wagtailforms:index")).status_code in (200, 302)
    assert "Apply" not in client.get(reverse("wagtailforms:index")).content.decode().split("<main")[-1]


def test_the_form_page_serves_our_submissions_view_through_wagtails_hook(site):
    """No URL of ours shadows Wagtail's submissions listing: the page names the view class."""
    from django.urls import resolve

    from reviews.views import FormSubmissionsView

    assert site["form_a"].get_submissions_list_view_class() is FormSubmissionsView
    listing = resolve(reverse("wagtailforms:list_submissions", args=[site["form_a"].pk]))
    assert listing.namespace == "wagtailforms"


def test_wagtails_delete_submissions_path_is_answered_by_our_scoped_view(site):
    """Wagtail has no per-page hook for deleting submissions: our view must come first on its path."""
    from django.urls import resolve

    match = resolve(reverse("wagtailforms:delete_submissions", args=[site["form_a"].pk]))
    assert match.url_name == "application_delete_submissions"


def test_submissions_link_is_refused_to_a_user_who_may_not_list_applications(
    client, django_user_model, site, apps
):
    from .conftest import make_group

    user = make_user(django_user_model, "no-view", make_group("No view", [site["a"]], ()))
    client.force_login(user)
    response = client.get(reverse("wagtailforms:list_submissions", args=[site["form_a"].pk]))
    assert response.status_code in (302, 403)
    assert "/admin/applications/" not in response.get("Location", "")
