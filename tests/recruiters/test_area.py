"""The recruiter area: search the pool, read limited profiles, express interest, see contact
details only once shared, record outcomes; every view and share audited."""

import datetime as dt

import pytest
from django.core import mail
from django.db import connection
from django.test import TestCase
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from forms import applicants
from forms.models import Application, ApplicationFormPage, PoolProfile
from forms.pool import save_profile
from recruiters.models import AuditAction, Interest, InterestState, ProfileAudit
from tests.forms.applicants.conftest import AMIRA, BOB, ESCAPED, SCRIPT, sign_in

from .conftest import recruiter_client

pytestmark = pytest.mark.django_db


def found(response):
    """The candidate numbers on a search results page."""
    return {int(part.split(":")[0]) for part in response.text.split("Candidate ")[1:] if part[0].isdigit()}


def committed(client, path, data=None):
    """POSTs and runs what waits for the commit (the emails)."""
    with TestCase.captureOnCommitCallbacks(execute=True):
        return client.post(path, data or {})


def express(client, profile, message="We have a social work role in Leeds."):
    return committed(client, f"/recruiters/candidates/{profile.pk}/", {"message": message})


def test_a_recruiter_finds_candidates_by_a_skills_word(client, recruiters, pool):
    recruiter_client(client, recruiters["a"])
    response = client.get("/recruiters/", {"words": "protection"})
    assert response.status_code == 200
    assert found(response) == {pool["amira"].pk}
    assert "1 candidate found" in response.text


def test_search_filters_by_profession_and_region(client, recruiters, pool):
    recruiter_client(client, recruiters["a"])
    assert found(client.get("/recruiters/", {"region": "london"})) == {pool["bob"].pk}
    assert found(client.get("/recruiters/", {"profession": "social-work"})) == {
        pool["amira"].pk,
        pool["bob"].pk,
    }
    assert found(client.get("/recruiters/", {"profession": "ict"})) == set()


def test_a_withdrawn_applicant_or_ended_consent_is_in_no_search_and_its_profile_is_404(
    client, recruiters, pool, made
):
    applicants.withdraw(BOB, made["bob"].pk)
    PoolProfile.objects.filter(pk=pool["amira"].pk).update(
        consent_expires_at=timezone.now() - dt.timedelta(days=1)
    )
    recruiter_client(client, recruiters["a"])
    assert found(client.get("/recruiters/", {"profession": "social-work"})) == set()
    assert client.get(f"/recruiters/candidates/{pool['amira'].pk}/").status_code == 404
    assert client.get(f"/recruiters/candidates/{pool['bob'].pk}/").status_code == 404


def test_a_profile_shows_no_name_or_contact_details_and_each_view_is_audited(client, recruiters, pool):
    recruiter_client(client, recruiters["a"])
    for _ in range(2):
        response = client.get(f"/recruiters/candidates/{pool['amira'].pk}/")
        assert "Child protection" in response.text
        assert "Amira" not in response.text and AMIRA not in response.text
        assert response["Cache-Control"].startswith("max-age=0") or "no-store" in response["Cache-Control"]
    views = ProfileAudit.objects.filter(profile=pool["amira"], action=AuditAction.VIEW_PROFILE)
    assert views.count() == 2
    assert {entry.user for entry in views} == {recruiters["a"].user}


def test_expressing_interest_emails_the_candidate_who_sees_it_on_their_page(client, recruiters, pool):
    recruiter_client(client, recruiters["a"])
    response = express(client, pool["amira"])
    interest = Interest.objects.get()
    assert response.status_code == 303 and response["Location"] == f"/recruiters/interests/{interest.pk}/"
    (email,) = mail.outbox
    assert email.to == [AMIRA]
    assert "Leeds City Council is interested" in email.subject
    assert "/your-applications/CBSW-AAAA-1111/" in email.body
    applicant = client.__class__()
    sign_in(applicant, AMIRA)
    page = applicant.get("/your-applications/CBSW-AAAA-1111/")
    assert "We have a social work role in Leeds." in page.text
    assert "Share my contact details with Leeds City Council" in page.text


def test_an_organisation_expresses_interest_once(client, recruiters, pool):
    recruiter_client(client, recruiters["a"])
    express(client, pool["amira"])
    again = express(client, pool["amira"], "Again")
    assert again.status_code == 200 and "Leeds City Council expressed interest on" in again.text
    assert Interest.objects.count() == 1
    assert len(mail.outbox) == 1


def test_an_empty_or_too_long_message_gets_a_clear_error(client, recruiters, pool):
    recruiter_client(client, recruiters["a"])
    empty = express(client, pool["amira"], "  ")
    assert empty.status_code == 200 and "Enter a message to the candidate" in empty.text
    long = express(client, pool["amira"], "x" * 2001)
    assert "The message must be 2000 characters or fewer" in long.text
    assert not Interest.objects.exists()


def test_a_recruiter_of_another_organisation_gets_404_for_its_interests(client, recruiters, pool):
    recruiter_client(client, recruiters["a"])
    express(client, pool["amira"])
    interest = Interest.objects.get()
    recruiter_client(client, recruiters["b"])
    assert client.get(f"/recruiters/interests/{interest.pk}/").status_code == 404
    assert client.post(f"/recruiters/interests/{interest.pk}/", {"outcome": "hired"}).status_code == 404
    assert f"Candidate {pool['amira'].pk}" not in client.get("/recruiters/interests/").text


def test_contact_details_and_outcomes_wait_until_the_candidate_shares(client, recruiters, pool):
    recruiter_client(client, recruiters["a"])
    express(client, pool["bob"])
    interest = Interest.objects.get()
    page = client.get(f"/recruiters/interests/{interest.pk}/")
    assert BOB not in page.text and "Bob Brown" not in page.text and "01632 960 001" not in page.text
    refused = client.post(f"/recruiters/interests/{interest.pk}/", {"outcome": "hired"}, follow=True)
    assert "once the candidate has shared their contact details" in refused.text
    interest.refresh_from_db()
    assert interest.outcome == ""
    assert not ProfileAudit.objects.filter(action=AuditAction.VIEW_CONTACT).exists()


def test_the_candidate_shares_and_the_recruiter_then_sees_the_details(client, recruiters, pool):
    recruiter = client.__class__()
    recruiter_client(recruiter, recruiters["a"])
    express(recruiter, pool["bob"])
    interest = Interest.objects.get()
    sign_in(client, BOB)
    share_url = f"/your-applications/CBSW-BBBB-3333/interests/{interest.pk}/share/"
    assert "Leeds City Council will see your name" in client.get(share_url).text
    shared = committed(client, share_url)
    assert shared.status_code == 303
    assert "You shared your contact details" in client.get("/your-applications/CBSW-BBBB-3333/").text
    assert ProfileAudit.objects.filter(action=AuditAction.SHARE, profile=pool["bob"]).count() == 1
    assert mail.outbox[-1].to == ["recruiter@leeds.example.org"] and BOB not in mail.outbox[-1].body
    page = recruiter.get(f"/recruiters/interests/{interest.pk}/")
    assert "Bob Brown" in page.text and BOB in page.text and "01632 960 001" in page.text
    assert ProfileAudit.objects.filter(action=AuditAction.VIEW_CONTACT).count() == 1
    recruiter.post(f"/recruiters/interests/{interest.pk}/", {"outcome": "hired"})
    interest.refresh_from_db()
    assert interest.outcome == "hired" and interest.outcome_at is not None


def test_the_candidate_declines_and_the_recruiter_never_sees_the_details(client, recruiters, pool):
    recruiter = client.__class__()
    recruiter_client(recruiter, recruiters["a"])
    express(recruiter, pool["bob"])
    interest = Interest.objects.get()
    sign_in(client, BOB)
    client.post(f"/your-applications/CBSW-BBBB-3333/interests/{interest.pk}/decline/")
    interest.refresh_from_db()
    assert interest.state == InterestState.DECLINED
    assert client.post(f"/your-applications/CBSW-BBBB-3333/interests/{interest.pk}/share/").status_code == 303
    interest.refresh_from_db()
    assert interest.state == InterestState.DECLINED
    assert BOB not in recruiter.get(f"/recruiters/interests/{interest.pk}/").text
    assert ProfileAudit.objects.filter(action=AuditAction.DECLINE).count() == 1


def test_another_applicant_cannot_answer_an_interest(client, recruiters, pool):
    recruiter = client.__class__()
    recruiter_client(recruiter, recruiters["a"])
    express(recruiter, pool["bob"])
    interest = Interest.objects.get()
    sign_in(client, AMIRA)
    assert client.post(f"/your-applications/CBSW-BBBB-3333/interests/{interest.pk}/share/").status_code == 404
    assert client.post(f"/your-applications/CBSW-AAAA-1111/interests/{interest.pk}/share/").status_code == 404
    interest.refresh_from_db()
    assert interest.state == InterestState.WAITING


def test_markup_in_profiles_messages_and_names_is_escaped_everywhere(client, recruiters, pool):
    PoolProfile.objects.filter(pk=pool["bob"].pk).update(skills_summary=SCRIPT, availability_note=SCRIPT)
    recruiters["a"].organisation.name = SCRIPT
    recruiters["a"].organisation.save()
    recruiter = client.__class__()
    recruiter_client(recruiter, recruiters["a"])
    profile_page = recruiter.get(f"/recruiters/candidates/{pool['bob'].pk}/")
    results = recruiter.get("/recruiters/", {"region": "london"})
    express(recruiter, pool["bob"], SCRIPT + " Our message")
    interest = Interest.objects.get()
    interest_page = recruiter.get(f"/recruiters/interests/{interest.pk}/")
    sign_in(client, BOB)
    candidate_page = client.get("/your-applications/CBSW-BBBB-3333/")
    share_page = client.get(f"/your-applications/CBSW-BBBB-3333/interests/{interest.pk}/share/")
    for page in [profile_page, results, interest_page, candidate_page, share_page]:
        assert SCRIPT not in page.text
        assert "&lt;script&gt;" in page.text
    assert ESCAPED in candidate_page.text
    (email,) = mail.outbox
    assert email.content_subtype == "plain" and not getattr(email, "alternatives", [])
    assert "Our message" not in email.body  # the message is read on the page, never in the email


def test_bad_search_input_gets_a_clear_error_not_a_500(client, recruiters, pool):
    recruiter_client(client, recruiters["a"])
    response = client.get("/recruiters/", {"profession": "astronaut", "region": "<b>", "words": "x" * 201})
    assert response.status_code == 200
    assert "Choose a profession from the list" in response.text
    assert "Choose a region from the list" in response.text
    assert "200 characters or fewer" in response.text
    assert client.get("/recruiters/", {"words": "protection", "page": "nine"}).status_code == 200
    assert client.get("/recruiters/candidates/999999/").status_code == 404


def test_each_results_page_is_a_fixed_number_of_queries(client, recruiters, pool, made):
    recruiter_client(client, recruiters["a"])
    query = {"profession": "social-work", "region": "london", "words": "court"}
    client.get("/recruiters/", query)
    with CaptureQueriesContext(connection) as one:
        assert len(found(client.get("/recruiters/", query))) == 1
    for number in range(25):
        application = Application.objects.create(
            page=made["bob"].page,
            programme=made["bob"].programme,
            reference=f"CBSW-MANY-{number:04d}",
            applicant_email=f"many{number}@example.org",
            form_data={},
        )
        save_profile(application, ["london", "yorkshire"], {"skills_summary": "Court work"}, consent=True)
    client.get("/recruiters/", query)  # the site's settings again (saving an application forgets them)
    with CaptureQueriesContext(connection) as many:
        assert len(found(client.get("/recruiters/", query))) == 20  # one page of 26
    assert len(many.captured_queries) == len(one.captured_queries)
    second = client.get("/recruiters/", {**query, "page": "2"})
    assert len(found(second)) == 6 and "26 candidates found" in second.text and "Page 2 of 2" in second.text
    assert len(found(client.get("/recruiters/", {**query, "page": "99"}))) == 6  # past the end: the last page


def test_anyone_but_a_signed_in_recruiter_is_sent_to_the_recruiter_sign_in(
    client, recruiters, pool, admin_user
):
    for path in ["/recruiters/", f"/recruiters/candidates/{pool['amira'].pk}/", "/recruiters/interests/"]:
        response = client.get(path)
        assert response.status_code == 302 and response["Location"].startswith("/recruiters/sign-in/")
    client.force_login(admin_user)  # an admin user is not a recruiter
    assert client.get("/recruiters/")["Location"].startswith("/recruiters/sign-in/")


def test_an_inactive_organisation_locks_its_recruiters_out(client, recruiters, pool):
    recruiters["a"].organisation.active = False
    recruiters["a"].organisation.save()
    recruiter_client(client, recruiters["a"])
    assert client.get("/recruiters/").status_code == 302


def test_a_new_applicant_who_consents_on_the_form_is_found_by_a_skills_word(client, site, recruiters):
    from tests.forms.conftest import answers, apply

    ApplicationFormPage.objects.filter(pk=site["form"].pk).update(
        offer_talent_pool=True, opens_at=None, closes_at=None
    )
    site["social_work"].profession = "social-work"
    site["social_work"].save()
    form = ApplicationFormPage.objects.get(pk=site["form"].pk)
    data = answers(
        email_address="newcomer@example.org",
        when_did_you_last_practise="15/03/2022",
        why_do_you_want_to_return="Ready",
        talent_pool="on",
        talent_pool_regions=["London"],
    )
    apply(client, form, data)
    application = Application.objects.get(applicant_email="newcomer@example.org")
    sign_in(client, "newcomer@example.org")
    profile_page = f"/your-applications/{application.reference}/talent-pool/"
    saved = client.post(profile_page, {"regions": ["london"], "skills_summary": "Deaf awareness and BSL."})
    assert saved.status_code == 303
    recruiter = client.__class__()
    recruiter_client(recruiter, recruiters["b"])
    profile = PoolProfile.objects.get(application=application)
    assert found(recruiter.get("/recruiters/", {"words": "BSL", "region": "london"})) == {profile.pk}


def test_an_interest_answered_twice_at_once_keeps_the_first_answer(client, recruiters, pool):
    """A share and a decline sent together (two tabs): the first wins, audited and emailed once."""
    from recruiters import interests

    recruiter = client.__class__()
    recruiter_client(recruiter, recruiters["a"])
    express(recruiter, pool["bob"])
    first, second = Interest.objects.get(), Interest.objects.get()  # both read while waiting
    emails = len(mail.outbox)
    with TestCase.captureOnCommitCallbacks(execute=True):
        assert interests.answer(first, share=True)
        assert not interests.answer(second, share=False)
    assert Interest.objects.get().state == InterestState.SHARED
    answers = ProfileAudit.objects.filter(action__in=[AuditAction.SHARE, AuditAction.DECLINE])
    assert list(answers.values_list("action", flat=True)) == [AuditAction.SHARE]
    assert len(mail.outbox) == emails + 1
