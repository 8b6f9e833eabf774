"""An editor changes a campaign page in the Wagtail admin, publishes it, and visitors see the change."""

from django.urls import reverse
from wagtail.test.utils import WagtailPageTestCase

from campaigns.models import CampaignPage
from tests.conftest import load_demo, make_site_root
from tests.home.preview import preview_post_data


class EditorPublishesCampaignTests(WagtailPageTestCase):
    @classmethod
    def setUpTestData(cls):
        make_site_root()
        load_demo()
        cls.campaign = CampaignPage.objects.get(slug="come-back-to-social-work")

    def edit(self, **changes):
        data = preview_post_data(self, self.campaign)
        data.update(changes)
        url = reverse("wagtailadmin_pages:edit", args=[self.campaign.id])
        return self.client.post(url, data)

    def test_published_changes_appear_on_the_public_page(self):
        response = self.edit(summary="Forty funded places in 2027.", **{"action-publish": "publish"})
        self.assertEqual(response.status_code, 302)
        page = self.client.get(self.campaign.url).content.decode()
        self.assertIn("Forty funded places in 2027.", page)
        self.assertIn("31 January 2030", page)
        self.assertIn("Department for Education", page)

    def test_saved_draft_is_not_public_until_published(self):
        response = self.edit(summary="A draft nobody should see yet.")
        self.assertEqual(response.status_code, 302)
        self.client.logout()
        self.assertNotIn(
            "A draft nobody should see yet.", self.client.get(self.campaign.url).content.decode()
        )
        self.campaign.refresh_from_db()
        self.assertTrue(self.campaign.has_unpublished_changes)

    def test_missing_eligibility_is_refused_with_a_message(self):
        # An emptied Draftail editor posts "null".
        response = self.edit(eligibility="null", **{"action-publish": "publish"})
        self.assertEqual(response.status_code, 200)
        self.assertContains(response, "The page could not be saved due to validation errors")
