"""Where editors can create application forms, and that each one routes, renders and previews."""

import pytest
from wagtail.test.utils import WagtailPageTestCase

from campaigns.factories import CampaignPageFactory, CouncilInformationPageFactory, ProgrammeIndexPageFactory
from campaigns.models import ArticlePage, CampaignPage, CouncilInformationPage, ProgrammeIndexPage
from forms.factories import ApplicationFormFieldFactory, ApplicationFormPageFactory
from forms.models import ApplicationFormPage
from home.models import HomePage, StandardPage
from tests.conftest import make_site_root


class ApplicationFormPageRulesTests(WagtailPageTestCase):
    @classmethod
    def setUpTestData(cls):
        cls.home = make_site_root()
        index = ProgrammeIndexPageFactory(parent=cls.home)
        cls.programme = CampaignPageFactory(parent=index, slug="ict")
        cls.council_page = CouncilInformationPageFactory(parent=cls.programme)
        cls.form = ApplicationFormPageFactory(parent=cls.programme, slug="apply", with_fields=True)
        cls.signup = ApplicationFormPageFactory(
            parent=cls.council_page, slug="sign-up", purpose="council-signup"
        )
        ApplicationFormFieldFactory(page=cls.signup, label="Council name")

    def test_forms_sit_under_a_programme_or_its_council_page_only(self):
        self.assertAllowedParentPageTypes(ApplicationFormPage, {CampaignPage, CouncilInformationPage})
        self.assertCanCreateAt(CampaignPage, ApplicationFormPage)
        self.assertCanCreateAt(CouncilInformationPage, ApplicationFormPage)
        for parent in (HomePage, ProgrammeIndexPage, StandardPage, ArticlePage):
            self.assertCanNotCreateAt(parent, ApplicationFormPage)

    def test_forms_have_no_child_pages(self):
        self.assertAllowedSubpageTypes(ApplicationFormPage, set())

    def test_forms_route_render_and_preview(self):
        for page in (self.form, self.signup):
            self.assertPageIsRoutable(page)
            self.assertPageIsRenderable(page)
            self.assertPageIsPreviewable(page, mode="form")
            self.assertPageIsPreviewable(page, mode="landing")
        self.assertEqual(self.form.url, "/programmes/ict/apply/")

    def test_the_steps_route_to_the_form_page(self):
        self.assertPageIsRoutable(self.form, "check/")
        self.assertPageIsRoutable(self.form, "confirmation/")

    def test_programme_of_a_form_is_its_campaign(self):
        self.assertEqual(self.form.get_programme().pk, self.programme.pk)
        self.assertEqual(self.signup.get_programme().pk, self.programme.pk)

    def test_factory_builds_name_email_and_cv_questions(self):
        fields = list(self.form.form_fields.values_list("clean_name", "field_type", "role"))
        self.assertEqual(
            fields,
            [
                ("full_name", "singleline", "name"),
                ("email_address", "email", "email"),
                ("your_cv", "file", ""),
            ],
        )

    def test_equality_questions_are_left_out_of_the_submission_columns(self):
        ApplicationFormFieldFactory(
            page=self.form, label="Age", field_type="radio", choices="A\nB", section="equality"
        )
        names = [name for name, _label in self.form.get_data_fields()]
        self.assertIn("full_name", names)
        self.assertNotIn("age", names)


@pytest.mark.django_db
def test_wagtail_submission_data_includes_the_reference(client, form_page):
    from forms.models import Application

    from .conftest import apply

    apply(client, form_page)
    data = Application.objects.get().get_data()
    assert data["reference"].startswith("CBSW-")
    assert data["full_name"] == "Amira Khan"
    assert [name for name, _label in form_page.get_data_fields()][:2] == ["submit_time", "reference"]
