"""Navigation built from the page tree: main menu and breadcrumbs, in one cached query."""

from django import template
from django.conf import settings
from django.db.models import Q
from wagtail.models import Page, Site

from home import site_cache
from home.queries import public_q

register = template.Library()

NAV_FIELDS = ("id", "title", "url_path", "path", "depth", "live", "show_in_menus")


def navigation(request, page):
    """The menu items (site root and its live, public in-menu children) and the page's ancestors.

    Both come from one query, kept in the site cache (``home.site_cache``: any page change
    forgets it) and on the request so the two tags share it.
    """
    cache_key = ("_navigation", getattr(page, "pk", None))
    if getattr(request, "_navigation_key", None) == cache_key:
        return request._navigation
    site = Site.find_for_request(request)
    result = [], []
    if site:
        path = getattr(page, "path", "")
        name = f"navigation:{site.root_page_id}:{getattr(page, 'locale_id', '')}:{path}"
        result = site_cache.get_or_set(
            request, name, lambda: query_navigation(localized_root(site.root_page, page), page)
        )
    request._navigation_key, request._navigation = cache_key, result
    return result


def localized_root(root, page):
    """The site root in the page's language (the Welsh home page above a Welsh page), else the root."""
    if page is None or page.locale_id == root.locale_id:
        return root
    return root.get_translation_or_none(page.locale_id) or root


def query_navigation(root, page):
    in_menu = Q(depth=root.depth + 1, path__startswith=root.path, live=True, show_in_menus=True)
    in_menu &= public_q()
    ancestor_paths = []
    if page is not None and page.depth > root.depth and page.path.startswith(root.path):
        ancestor_paths = [page.path[:end] for end in range(len(root.path), len(page.path), Page.steplen)]
    pages = list(Page.objects.filter(in_menu | Q(path__in=ancestor_paths)).only(*NAV_FIELDS).order_by("path"))
    menu = [root] + [
        item for item in pages if item.depth == root.depth + 1 and item.live and item.show_in_menus
    ]
    ancestors = [item for item in pages if item.path in ancestor_paths]
    return menu, ancestors


@register.inclusion_tag("tags/primary_nav.html", takes_context=True)
def primary_nav(context):
    """The site root's children that editors chose to show in menus."""
    request = context["request"]
    items, _ = navigation(request, context.get("page"))
    return {"items": items, "current": context.get("page"), "request": request}


@register.inclusion_tag("tags/breadcrumbs.html", takes_context=True)
def breadcrumbs(context):
    """The current page's ancestors from the site root down, for the breadcrumb trail."""
    request = context["request"]
    _, ancestors = navigation(request, context.get("page"))
    return {"ancestors": ancestors, "request": request}


@register.inclusion_tag("tags/language_switch.html", takes_context=True)
def language_switch(context, page):
    """Links to the page's live translations (Welsh from English and back), each in its own language."""
    if page is None or not getattr(page, "pk", None):
        return {"translations": []}
    request = context["request"]
    name = f"translations:{page.pk}"
    translations = site_cache.get_or_set(request, name, lambda: page_translations(page))
    return {"translations": translations, "request": request}


def page_translations(page):
    """[(page, language code, language name)] of the page's other live translations."""
    names = dict(settings.WAGTAIL_CONTENT_LANGUAGES)
    translations = (
        page.get_translations().live().filter(public_q()).select_related("locale").order_by("locale")
    )
    return [
        (translation, translation.locale.language_code, names.get(translation.locale.language_code, ""))
        for translation in translations.only(*NAV_FIELDS, "locale")
    ]
