"""The privacy notice's facts (controller, lawful basis, retention, sharing) for the page that shows them.

A block on a home-layer page renders it, so ``home`` never imports ``forms``.
"""

from django import template
from wagtail.models import Site

from forms.privacy import privacy_facts as read_facts

register = template.Library()


@register.inclusion_tag("tags/privacy_facts.html", takes_context=True)
def privacy_facts(context):
    """What we keep, for how long, who decides, on what basis and who we share it with."""
    request = context.get("request")
    site = Site.find_for_request(request) if request else Site.objects.filter(is_default_site=True).first()
    return {"facts": read_facts(site)}
