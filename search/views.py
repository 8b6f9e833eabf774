"""The site search page: Wagtail search over live public pages, with promoted results."""

from django.core.paginator import Paginator
from django.template.response import TemplateResponse
from wagtail.contrib.search_promotions.models import Query
from wagtail.models import Page

MAX_QUERY_LENGTH = 200
RESULTS_PER_PAGE = 10


def search(request):
    """Searches live, public pages; an empty, long or odd query gives a page, never an error."""
    raw_query = request.GET.get("query", "")
    search_query = " ".join(raw_query.replace("\x00", " ").split())[:MAX_QUERY_LENGTH]
    promotions = []
    results = Page.objects.none()
    if search_query:
        query = Query.get(search_query)
        query.add_hit()
        promotions = list(query.editors_picks.select_related("page").filter(page__live=True))
        promoted_ids = [pick.page_id for pick in promotions]
        results = Page.objects.live().public().exclude(id__in=promoted_ids).specific().search(search_query)
    paginator = Paginator(results, RESULTS_PER_PAGE)
    page_obj = paginator.get_page(request.GET.get("page"))
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
        },
    )
