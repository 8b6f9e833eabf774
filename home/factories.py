"""Factories for the home app's pages and for images, built on wagtail-factories."""

import factory
import wagtail_factories
from django.utils.text import slugify
from wagtail.models import Collection

from .models import HomePage, StandardPage


class ImageFactory(wagtail_factories.ImageFactory):
    """An image in the root collection (wagtail-factories would create a second root)."""

    title = factory.Faker("sentence", nb_words=3)
    collection = factory.LazyFunction(Collection.get_first_root_node)


class HomePageFactory(wagtail_factories.PageFactory):
    """A home page; pass ``parent`` (usually the tree root)."""

    title = "Return to Work"
    introduction = factory.Faker("paragraph", nb_sentences=2)

    class Meta:
        model = HomePage


class StandardPageFactory(wagtail_factories.PageFactory):
    """An about, privacy or accessibility page; pass ``parent``."""

    title = factory.Faker("sentence", nb_words=3)
    slug = factory.LazyAttributeSequence(lambda page, n: f"{slugify(page.title)[:40]}-{n}")
    introduction = factory.Faker("sentence")
    body = factory.LazyFunction(lambda: [("paragraph", "<p>Some words about the site.</p>")])

    class Meta:
        model = StandardPage
