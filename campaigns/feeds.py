"""A programme's news and press releases as an Atom feed (Django's syndication framework)."""

from django.contrib.syndication.views import Feed
from django.utils.feedgenerator import Atom1Feed

FEED_ITEMS = 20


class ProgrammeNewsFeed(Feed):
    """The latest live articles of one programme, newest first."""

    feed_type = Atom1Feed

    def __init__(self, programme, request):
        super().__init__()
        self.programme = programme
        self.request = request

    def title(self):
        return f"{self.programme.title}: news and press releases"

    def link(self):
        return self.programme.get_url(self.request) + "news/"

    def subtitle(self):
        return self.programme.summary

    def items(self):
        return self.programme.live_articles()[:FEED_ITEMS]

    def item_title(self, item):
        return f"{item.get_article_type_display()}: {item.title}"

    def item_description(self, item):
        return item.summary

    def item_link(self, item):
        return item.get_url(self.request)

    def item_pubdate(self, item):
        return item.first_published_at

    def item_updateddate(self, item):
        return item.last_published_at
