"""Where editors can create home and standard pages, and that each one routes, renders and previews."""

from wagtail.models import Page
from wagtail.test.utils import WagtailPageTestCase

from campaigns.models import (
    ArticlePage,
    CampaignPage,
    CareerPathwayPage,
    CouncilInformationPage,
    ProgrammeIndexPage,
)
from home.factories import StandardPageFactory
from home.models import HomePage, StandardPage
from tests.conftest import make_site_root
from tests.home.preview import assert_page_is_previewable


class HomePageRulesTests(WagtailPageTestCase):
    @classmethod
    def setUpTestData(cls):
        cls.home = make_site_root()

    def test_home_page_can_only_sit_at_the_tree_root(self):
        self.assertAllowedParentPageTypes(HomePage, {Page})
        self.assertCanNotCreateAt(HomePage, HomePage)
        self.assertCanNotCreateAt(StandardPage, HomePage)
        self.assertCanNotCreateAt(ProgrammeIndexPage, HomePage)

    def test_home_page_takes_the_programme_index_and_standard_pages(self):
        self.assertAllowedSubpageTypes(HomePage, {ProgrammeIndexPage, CareerPathwayPage, StandardPage})
        self.assertCanCreateAt(HomePage, ProgrammeIndexPage)
        self.assertCanCreateAt(HomePage, StandardPage)
        self.assertCanNotCreateAt(HomePage, CampaignPage)
        self.assertCanNotCreateAt(HomePage, ArticlePage)

    def test_only_one_home_page_can_exist(self):
        self.assertFalse(HomePage.can_create_at(Page.get_first_root_node()))

    def test_home_page_routes_renders_and_previews(self):
        self.assertPageIsRoutable(self.home)
        self.assertPageIsRenderable(self.home)
        assert_page_is_previewable(self, self.home)


class StandardPageRulesTests(WagtailPageTestCase):
    @classmethod
    def setUpTestData(cls):
        cls.home = make_site_root()
        cls.about = StandardPageFactory(parent=cls.home, title="About", slug="about")
        cls.history = StandardPageFactory(parent=cls.about, title="Our history", slug="history")

    def test_standard_pages_sit_under_the_home_page_or_each_other(self):
        self.assertAllowedParentPageTypes(StandardPage, {HomePage, StandardPage})
        self.assertAllowedSubpageTypes(StandardPage, {StandardPage})
        self.assertCanCreateAt(StandardPage, StandardPage)
        self.assertCanNotCreateAt(StandardPage, CampaignPage)
        self.assertCanNotCreateAt(CampaignPage, StandardPage)
        self.assertCanNotCreateAt(CouncilInformationPage, StandardPage)

    def test_standard_pages_route_render_and_preview(self):
        for page in (self.about, self.history):
            self.assertPageIsRoutable(page)
            self.assertPageIsRenderable(page)
            assert_page_is_previewable(self, page)
        self.assertEqual(self.history.url, "/about/history/")
