"""The site search page: Wagtail search over live public pages, with promoted results."""

import re

from django.core.paginator import Paginator
from django.template.response import TemplateResponse
from wagtail.contrib.search_promotions.models import Query
from wagtail.models import Page

from campaigns.models import CampaignPage
from home.queries import public_q

MAX_QUERY_LENGTH = 200
RESULTS_PER_PAGE = 10
# Words (with inner hyphens or apostrophes): quotes and operators never reach the database's
# full-text syntax, where an unbalanced quote is an error on SQLite.
SEARCH_TERM = re.compile(r"\w+(?:[-'’]\w+)*")


def search_terms(query):
    """The words of a query as the search backend receives them."""
    return " ".join(SEARCH_TERM.findall(query))


def clean_query(raw_query):
    """The query as typed, on one line, without NUL bytes, cut at a word to MAX_QUERY_LENGTH."""
    query = " ".join(raw_query.replace("\x00", " ").split())
    if len(query) <= MAX_QUERY_LENGTH:
        return query
    shortened = query[: MAX_QUERY_LENGTH + 1]
    return shortened.rsplit(" ", 1)[0] if " " in shortened else shortened[:MAX_QUERY_LENGTH]


def with_summaries(pages):
    """The results of one page, in order, as their specific pages (one query per page type).

    Results list each page's own summary (a programme's summary, a standard page's
    introduction) when the editor wrote no search description.
    """
    pages = list(pages)
    specific = Page.objects.filter(id__in=[page.id for page in pages]).specific().in_bulk()
    return [specific.get(page.id, page) for page in pages]


def search(request):
    """Searches live, public pages; an empty, long or odd query gives a page, never an error."""
    raw_query = request.GET.get("query", "")
    search_query = clean_query(raw_query)
    promotions = []
    results = Page.objects.none()
    if search_query:
        query = Query.get(search_query)
        query.add_hit()
        public_pages = Page.objects.live().filter(public_q())
        promotions = list(query.editors_picks.select_related("page").filter(page__in=public_pages))
        promoted_ids = [pick.page_id for pick in promotions]
        if terms := search_terms(search_query):
            pages = Page.objects.live().public().exclude(id__in=promoted_ids)
            results = pages.search(terms)
    paginator = Paginator(results, RESULTS_PER_PAGE)
    page_obj = paginator.get_page(request.GET.get("page"))
    page_obj.object_list = with_summaries(page_obj.object_list)
    return TemplateResponse(
        request,
        "search/search.html",
        {
            "search_query": search_query,
            "query_was_shortened": len(raw_query) > MAX_QUERY_LENGTH,
            "promotions": promotions if page_obj.number == 1 else [],
            "search_results": page_obj,
            "paginator": paginator,
            "result_count": paginator.count + len(promotions),
            # Programmes show their application state, read from their form (one query for all).
            "programme_results": [page for page in page_obj.object_list if isinstance(page, CampaignPage)],
        },
    )
