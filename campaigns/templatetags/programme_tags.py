"""Programme lists for pages of lower layers (the home page shows them without importing campaigns)."""

from django import template

from campaigns.models import CampaignPage
from home.queries import public_q

register = template.Library()


@register.simple_tag
def live_programmes():
    """Every live, public programme with what its card shows, in a fixed number of queries."""
    return CampaignPage.objects.live().filter(public_q()).with_listing_data()
