"""Searching the talent pool: profession, region and skills words, over searchable profiles only.

On PostgreSQL the words are a full-text query (``websearch_to_tsquery``, English stemming)
against ``to_tsvector(search_text)``, which the GIN index of migration 0002 serves; on
SQLite each word must appear in the search text (``icontains``). A page of results is a
fixed number of queries: the count, the page's profiles and their regions.
"""

from django.contrib.postgres.search import SearchQuery, SearchVector
from django.db import connection
from django.db.models import Prefetch

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
