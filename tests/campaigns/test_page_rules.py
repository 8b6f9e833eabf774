"""Where editors can create programme pages, and that each one routes, renders and previews."""

from wagtail.test.utils import WagtailPageTestCase

from campaigns.factories import (
    ArticlePageFactory,
    CampaignPageFactory,
    CareerPathwayPageFactory,
    CouncilFactory,
    CouncilInformationPageFactory,
    PartnerFactory,
    ProgrammeIndexPageFactory,
)
from campaigns.models import (
    ArticlePage,
    CampaignPage,
    CareerPathwayPage,
    CouncilInformationPage,
    ProgrammeIndexPage,
)
from forms.models import ApplicationFormPage
from home.models import HomePage, StandardPage
from tests.conftest import make_site_root
from tests.home.preview import assert_page_is_previewable


class CampaignPageRulesTests(WagtailPageTestCase):
    @classmethod
    def setUpTestData(cls):
        cls.home = make_site_root()
        cls.index = ProgrammeIndexPageFactory(parent=cls.home)
        cls.campaign = CampaignPageFactory(
            parent=cls.index,
            title="Come back to planning",
            slug="planning",
            profession="planning",
            partners=[PartnerFactory()],
        )
        cls.council_page = CouncilInformationPageFactory(
            parent=cls.campaign, councils=CouncilFactory.create_batch(2)
        )
        cls.article = ArticlePageFactory(parent=cls.campaign, title="A returner's story", slug="story")
        cls.pathway = CareerPathwayPageFactory(
            parent=cls.home, title="Planning career pathway", profession="planning"
        )

    def test_programme_index_sits_under_the_home_page_and_holds_programmes(self):
        self.assertAllowedParentPageTypes(ProgrammeIndexPage, {HomePage})
        self.assertAllowedSubpageTypes(ProgrammeIndexPage, {CampaignPage})
        self.assertCanCreateAt(HomePage, ProgrammeIndexPage)
        self.assertCanNotCreateAt(StandardPage, ProgrammeIndexPage)
        self.assertCanNotCreateAt(ProgrammeIndexPage, ArticlePage)

    def test_campaign_page_sits_only_under_the_programme_index(self):
        self.assertAllowedParentPageTypes(CampaignPage, {ProgrammeIndexPage})
        self.assertCanNotCreateAt(HomePage, CampaignPage)
        self.assertCanNotCreateAt(CampaignPage, CampaignPage)

    def test_campaign_page_holds_forms_council_information_and_articles(self):
        self.assertAllowedSubpageTypes(
            CampaignPage, {ApplicationFormPage, CouncilInformationPage, ArticlePage}
        )
        self.assertCanCreateAt(CampaignPage, ApplicationFormPage)
        self.assertCanCreateAt(CampaignPage, ArticlePage)

    def test_council_information_page_sits_under_a_programme_and_holds_the_signup_form(self):
        self.assertAllowedParentPageTypes(CouncilInformationPage, {CampaignPage})
        self.assertAllowedSubpageTypes(CouncilInformationPage, {ApplicationFormPage})
        self.assertCanNotCreateAt(CouncilInformationPage, ArticlePage)

    def test_a_programme_has_at_most_one_council_information_page(self):
        self.assertFalse(CouncilInformationPage.can_create_at(self.campaign))
        other = CampaignPageFactory(parent=self.index)
        self.assertTrue(CouncilInformationPage.can_create_at(other))

    def test_article_page_sits_under_a_programme_and_has_no_children(self):
        self.assertAllowedParentPageTypes(ArticlePage, {CampaignPage})
        self.assertAllowedSubpageTypes(ArticlePage, set())
        self.assertCanNotCreateAt(ProgrammeIndexPage, ArticlePage)
        self.assertCanNotCreateAt(CouncilInformationPage, ArticlePage)

    def test_every_campaign_page_type_routes_renders_and_previews(self):
        for page in (self.index, self.campaign, self.council_page, self.article, self.pathway):
            with self.subTest(page=type(page).__name__):
                self.assertPageIsRoutable(page)
                self.assertPageIsRenderable(page)
                assert_page_is_previewable(self, page)
        self.assertEqual(self.article.url, "/programmes/planning/story/")

    def test_career_pathway_sits_under_the_home_page_and_links_its_professions_programmes(self):
        self.assertAllowedParentPageTypes(CareerPathwayPage, {HomePage})
        self.assertAllowedSubpageTypes(CareerPathwayPage, set())
        self.assertCanNotCreateAt(ProgrammeIndexPage, CareerPathwayPage)
        pathway_html = self.client.get(self.pathway.url).content.decode()
        self.assertIn("Senior developer", pathway_html)
        self.assertIn('href="/programmes/planning/"', pathway_html)
        self.assertIn(f'href="{self.pathway.url}"', self.client.get(self.campaign.url).content.decode())

    def test_programme_index_renders_with_filters_including_unknown_values(self):
        self.assertPageIsRenderable(self.index, query_data={"profession": "ict", "region": "london"})
        self.assertPageIsRenderable(self.index, query_data={"profession": "astronaut"})
