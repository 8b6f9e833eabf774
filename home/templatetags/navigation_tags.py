"""Navigation built from the page tree: main menu, breadcrumbs, footer."""

from django import template
from wagtail.models import Site

register = template.Library()


@register.inclusion_tag("tags/primary_nav.html", takes_context=True)
def primary_nav(context):
    """The site root's children that editors chose to show in menus."""
    request = context["request"]
    site = Site.find_for_request(request)
    current = context.get("page")
    items = []
    if site:
        root = site.root_page
        items = list(
            root.get_children().live().public().in_menu().only("id", "title", "url_path", "path", "depth")
        )
        items = [root] + items
    return {"items": items, "current": current, "request": request}


@register.inclusion_tag("tags/breadcrumbs.html", takes_context=True)
def breadcrumbs(context):
    """The current page's ancestors below the site root, for the breadcrumb trail."""
    page = context.get("page")
    if page is None or page.depth <= 2:
        return {"ancestors": []}
    ancestors = page.get_ancestors().filter(depth__gte=2).only("id", "title", "url_path", "path", "depth")
    return {"ancestors": list(ancestors), "request": context["request"]}
