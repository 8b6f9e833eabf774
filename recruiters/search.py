"""Searching the talent pool: profession, region and skills words, over searchable profiles only.

On PostgreSQL the words are a full-text query (``websearch_to_tsquery``, English stemming)
against ``to_tsvector(search_text)``, which the GIN index of migration 0002 serves; on
SQLite each word must appear in the search text (``icontains``). A page of results is a
fixed number of queries: the page's profiles with the total (a window count, so the
matching rows are found once) and their regions.
"""

import math
from dataclasses import dataclass

from django.contrib.postgres.search import SearchQuery, SearchVector
from django.db import connection
from django.db.models import Count, Prefetch, Window

from forms.models import PoolProfile, PoolRegion

CONFIG = "english"
MAX_WORDS = 10


def search_vector():
    """The expression the GIN index is built on (the query must use the very same one)."""
    return SearchVector("search_text", config=CONFIG)


def search(profession="", region="", words="", now=None):
    """Searchable profiles matching all that is given, newest consent first, regions prefetched."""
    rows = PoolProfile.objects.searchable(now)
    if profession:
        rows = rows.for_profession(profession)
    if region:
        rows = rows.in_region(region)
    if words.strip():
        rows = matching(rows, words)
    regions = Prefetch("regions", queryset=PoolRegion.objects.order_by("pk"))
    return rows.prefetch_related(regions).order_by("-consented_at", "-pk")


def matching(rows, words):
    if connection.vendor == "postgresql":
        query = SearchQuery(words, config=CONFIG, search_type="websearch")
        return rows.alias(search=search_vector()).filter(search=query)
    for word in words.split()[:MAX_WORDS]:
        rows = rows.filter(search_text__icontains=word)
    return rows


@dataclass(frozen=True)
class ResultsPage:
    """One page of search results and where it is among them."""

    items: list
    number: int
    total: int
    size: int

    @property
    def pages(self):
        return max(1, math.ceil(self.total / self.size))

    @property
    def has_previous(self):
        return self.number > 1

    @property
    def has_next(self):
        return self.number < self.pages


def page_number(value):
    """The page asked for, as a number from 1 (1 for anything that is not one)."""
    try:
        return max(1, int(value))
    except (TypeError, ValueError):
        return 1


def results_page(rows, number, size):
    """Page ``number`` of ``rows`` with the total, in one query (plus the prefetch); the last
    page instead when ``number`` is past the end (one query more)."""
    start = (number - 1) * size
    items = list(rows.annotate(total=Window(Count("pk")))[start : start + size])
    if not items and number > 1:
        total = rows.count()
        return (
            results_page(rows, max(1, math.ceil(total / size)), size)
            if total
            else ResultsPage([], 1, 0, size)
        )
    return ResultsPage(items, number, items[0].total if items else 0, size)
